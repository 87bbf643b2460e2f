/**
 * A case's chain or cluster as a drawing: who infected whom (and the F0's own contacts) laid out as a
 * tree, top to bottom, first case on top. Pure: the gateway lays it out, the page only draws it.
 */

/** One person of the drawing, as the services know them. */
export interface GraphPerson {
  personId: string;
  /** Who they got it from (or were exposed to); absent for a first case. */
  parentId?: string;
  /** 0 for F0, 1 for F1, ...; -1 when not (or no longer) classified. */
  level: number;
  caseId?: string;
  confirmedAt?: string;
  /** How the link to the parent came about: an infection or a close contact. */
  link: 'infection' | 'contact';
}

export interface GraphNode {
  id: string;
  name: string;
  level: number;
  caseId: string;
  confirmedAt: string;
  /** The person whose case is open on the page. */
  focus: boolean;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  link: 'infection' | 'contact';
}

export interface PersonGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  /** People left out to keep the drawing readable. */
  leftOut: number;
}

/** The most people one drawing shows. */
export const MAX_GRAPH_NODES = 150;
export const NODE_SPACING = 120;
export const RANK_SPACING = 90;
const MARGIN = 60;

/**
 * Lays a forest out: each person a rank below their parent, leaves side by side in depth-first
 * order, a parent centred over its children (no crossing lines). People beyond MAX_GRAPH_NODES are
 * left out, the last listed first (the services list the nearest first); a parent missing from the list makes a person a root.
 */
export function layOutGraph(
  people: readonly GraphPerson[],
  focusId: string,
  names: ReadonlyMap<string, string>,
): PersonGraph {
  const unique = new Map<string, GraphPerson>();
  for (const person of people) if (!unique.has(person.personId)) unique.set(person.personId, person);
  // Kept: the first listed (the services list the nearest first), always with the focus.
  const kept = [...unique.values()]
    .map((person, order) => ({ person, order }))
    .sort(
      (a, b) =>
        Number(b.person.personId === focusId) - Number(a.person.personId === focusId) || a.order - b.order,
    )
    .slice(0, MAX_GRAPH_NODES)
    .sort((a, b) => a.order - b.order)
    .map((k) => k.person);
  const byId = new Map(kept.map((p) => [p.personId, p]));
  const parentOf = (p: GraphPerson): string | undefined =>
    p.parentId !== undefined && p.parentId !== p.personId && byId.has(p.parentId) ? p.parentId : undefined;

  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const person of kept) {
    const parent = parentOf(person);
    if (parent === undefined) roots.push(person.personId);
    else children.set(parent, [...(children.get(parent) ?? []), person.personId]);
  }

  const position = new Map<string, { x: number; rank: number }>();
  let nextSlot = 0;
  let deepest = 0;
  // Iterative post-order walk: a cycle in the links (a record pointing back) cannot loop it.
  const place = (root: string): void => {
    const stack: Array<{ id: string; rank: number; expanded: boolean }> = [
      { id: root, rank: 0, expanded: false },
    ];
    const onPath = new Set<string>();
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      if (position.has(top.id) || (!top.expanded && onPath.has(top.id))) {
        stack.pop();
        continue;
      }
      const kids = (children.get(top.id) ?? []).filter((k) => !position.has(k) && !onPath.has(k));
      if (!top.expanded && kids.length > 0) {
        top.expanded = true;
        onPath.add(top.id);
        for (const kid of [...kids].reverse()) stack.push({ id: kid, rank: top.rank + 1, expanded: false });
        continue;
      }
      stack.pop();
      onPath.delete(top.id);
      const placed = (children.get(top.id) ?? []).flatMap((k) => position.get(k)?.x ?? []);
      const x = placed.length > 0 ? (Math.min(...placed) + Math.max(...placed)) / 2 : nextSlot++;
      position.set(top.id, { x, rank: top.rank });
      deepest = Math.max(deepest, top.rank);
    }
  };
  for (const root of roots) place(root);
  // People on a loop with no root: each starts a tree of its own.
  for (const person of kept) if (!position.has(person.personId)) place(person.personId);

  const nodes = kept.map((person): GraphNode => {
    const at = position.get(person.personId) ?? { x: 0, rank: 0 };
    return {
      id: person.personId,
      name: names.get(person.personId) ?? '',
      level: person.level,
      caseId: person.caseId ?? '',
      confirmedAt: person.confirmedAt ?? '',
      focus: person.personId === focusId,
      x: MARGIN + at.x * NODE_SPACING,
      y: MARGIN / 2 + at.rank * RANK_SPACING,
    };
  });
  const edges = kept.flatMap((person): GraphEdge[] => {
    const parent = parentOf(person);
    return parent === undefined ? [] : [{ from: parent, to: person.personId, link: person.link }];
  });
  return {
    nodes,
    edges,
    width: 2 * MARGIN + Math.max(0, nextSlot - 1) * NODE_SPACING,
    height: MARGIN + deepest * RANK_SPACING + MARGIN / 2,
    leftOut: unique.size - kept.length,
  };
}

/** case-graph's chain of a person, as the people of a drawing. */
interface ChainLink {
  personId: string;
  caseId: string;
  level: number;
  infectedBy: string;
  confirmedAt: string;
}

export interface ChainInput {
  personId: string;
  ancestors: readonly ChainLink[];
  descendants: readonly ChainLink[];
  contacts: ReadonlyArray<{ personId: string; viaPersonId: string; level: number }>;
}

export function chainPeople(
  chain: ChainInput,
  focus: { level: number; caseId?: string; confirmedAt?: string },
): GraphPerson[] {
  const infection = (link: ChainLink, parentId: string): GraphPerson => ({
    personId: link.personId,
    ...(parentId ? { parentId } : {}),
    level: link.level,
    ...(link.caseId ? { caseId: link.caseId, confirmedAt: link.confirmedAt } : {}),
    link: 'infection',
  });
  const last = chain.ancestors[chain.ancestors.length - 1];
  return [
    ...chain.ancestors.map((a) => infection(a, a.infectedBy)),
    {
      personId: chain.personId,
      ...(last ? { parentId: last.personId } : {}),
      level: focus.level,
      ...(focus.caseId ? { caseId: focus.caseId } : {}),
      ...(focus.confirmedAt ? { confirmedAt: focus.confirmedAt } : {}),
      link: 'infection' as const,
    },
    ...chain.descendants.map((d) => infection(d, d.infectedBy || chain.personId)),
    // The F0's own contacts (one already drawn as a case keeps that place).
    ...chain.contacts.map((c) => ({
      personId: c.personId,
      parentId: c.viaPersonId || chain.personId,
      level: c.level,
      link: 'contact' as const,
    })),
  ];
}

/** case-graph's cluster: its cases and every person classified in it, each under their source. */
export interface ClusterInput {
  cases: ReadonlyArray<{
    personId: string;
    caseId: string;
    confirmedAt: string;
    likelySourcePersonId: string;
  }>;
  members: ReadonlyArray<{ personId: string; level: number; sourcePersonId: string }>;
}

export function clusterPeople(cluster: ClusterInput): GraphPerson[] {
  const caseOf = new Map(cluster.cases.map((c) => [c.personId, c]));
  return [...cluster.members]
    .sort((a, b) => (a.level < 0 ? 99 : a.level) - (b.level < 0 ? 99 : b.level))
    .map((m) => {
      const episode = caseOf.get(m.personId);
      return {
        personId: m.personId,
        // A case's member entry may not name its source; the case's likely source does.
        ...(m.sourcePersonId || episode?.likelySourcePersonId
          ? { parentId: m.sourcePersonId || episode?.likelySourcePersonId }
          : {}),
        level: m.level,
        ...(episode ? { caseId: episode.caseId, confirmedAt: episode.confirmedAt } : {}),
        link: m.level === 0 ? ('infection' as const) : ('contact' as const),
      };
    });
}
