/**
 * Walks of the contact graph, batch by batch: each step asks for the next ring of people at once
 * (one indexed lookup per ring in a store, a map read in memory), so a query to depth N costs N
 * round trips, not one per person. The walk itself is pure over the loader it is given.
 */

/** Where a person lives, as their tracing record says (for area checks on what is shown). */
export interface NodeArea {
  districtCode?: string | undefined;
  wardCode?: string | undefined;
}

export interface GraphNode {
  personId: string;
  level: number | null;
  area?: NodeArea | undefined;
  /** Close contacts named on this person (edges out). */
  contacts: ReadonlyArray<{ contactPersonId: string; contactType: string; lastExposureOn: string }>;
}

export interface ReachedContact {
  personId: string;
  /** Steps from the person asked about. */
  distance: number;
  /** Through whom they were reached (the previous step). */
  viaPersonId: string;
  contactType: string;
  lastExposureOn: string;
  level: number | null;
  /** Where the contact lives, when they have a tracing record. */
  area?: NodeArea | undefined;
}

export type NodeLoader = (personIds: readonly string[]) => Promise<ReadonlyMap<string, GraphNode>>;

/** Everyone within `depth` steps of `personId` along recorded contacts, nearest first. */
export async function contactsToDepth(
  personId: string,
  depth: number,
  load: NodeLoader,
  limit = 10_000,
): Promise<{ reached: ReachedContact[]; truncated: boolean }> {
  const seen = new Set([personId]);
  const reached: ReachedContact[] = [];
  let ring = [personId];
  // Each ring is loaded once: for its people's levels, then for their contacts in the next step.
  let nodes = await load(ring);
  for (let distance = 1; distance <= depth && ring.length > 0; distance++) {
    const next: ReachedContact[] = [];
    for (const id of ring) {
      for (const contact of nodes.get(id)?.contacts ?? []) {
        if (seen.has(contact.contactPersonId)) continue;
        seen.add(contact.contactPersonId);
        next.push({
          personId: contact.contactPersonId,
          distance,
          viaPersonId: id,
          contactType: contact.contactType,
          lastExposureOn: contact.lastExposureOn,
          level: null,
        });
      }
    }
    if (next.length === 0) break;
    nodes = await load(next.map((n) => n.personId));
    for (const n of next) {
      const node = nodes.get(n.personId);
      n.level = node?.level ?? null;
      if (node?.area) n.area = node.area;
    }
    reached.push(...next);
    if (reached.length >= limit) return { reached: reached.slice(0, limit), truncated: true };
    ring = next.map((n) => n.personId);
  }
  return { reached, truncated: false };
}
