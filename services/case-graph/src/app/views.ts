/**
 * Read-only views of the graph for tracers and the committee: a person's chain (who infected whom,
 * as far as known), a cluster, contacts to a depth. Walks go ring by ring with batched loads.
 */
import { DomainError } from '@truyvet/errors';
import { standingCase } from '../domain/classification';
import { contactsToDepth, type GraphNode, type ReachedContact } from '../domain/graph';
import type { CaseEpisode, TracingRecord } from '../domain/types';
import type { RecordQueries, RecordStore } from './ports';
import { personNotFound } from './tracing';

export interface ChainLink {
  personId: string;
  caseId?: string;
  level: number | null;
  infectedBy?: string;
  generation: number;
  confirmedAt?: string;
  foundIn?: string;
  area: TracingRecord['area'];
}

export interface ChainView {
  personId: string;
  ancestors: ChainLink[];
  descendants: ChainLink[];
  contacts: ReachedContact[];
}

export interface ClusterView {
  clusterId: string;
  cases: Array<{ record: TracingRecord; episode: CaseEpisode }>;
  members: Array<{
    personId: string;
    level: number | null;
    sourcePersonId: string | null;
    wardCode?: string;
    area: TracingRecord['area'];
  }>;
  levels: Array<{ level: number; count: number }>;
}

/** Longest chain followed up or down: beyond this a loop in the data is more likely than a chain. */
const MAX_GENERATIONS = 50;

function sourceOf(record: TracingRecord): string | undefined {
  return standingCase(record)?.likelySourcePersonId ?? record.classification.sourcePersonId ?? undefined;
}

function linkOf(record: TracingRecord, generation: number): ChainLink {
  const standing = standingCase(record);
  const infectedBy = sourceOf(record);
  return {
    personId: record.personId,
    ...(standing
      ? { caseId: standing.caseId, confirmedAt: standing.confirmedAt, foundIn: standing.foundIn }
      : {}),
    level: record.classification.level,
    ...(infectedBy ? { infectedBy } : {}),
    generation,
    area: record.area,
  };
}

export class GraphViews {
  constructor(
    private readonly records: RecordStore,
    private readonly queries: RecordQueries,
  ) {}

  private readonly loadNodes = async (ids: readonly string[]): Promise<ReadonlyMap<string, GraphNode>> => {
    const loaded = await this.records.loadMany(ids);
    return new Map(
      [...loaded].map(([id, r]) => [
        id,
        { personId: id, level: r.state.classification.level, contacts: r.state.contacts, area: r.state.area },
      ]),
    );
  };

  async chain(personId: string): Promise<ChainView> {
    const found = await this.records.load(personId);
    if (!found) throw personNotFound(personId);
    const up: TracingRecord[] = [];
    const seen = new Set([personId]);
    let source = sourceOf(found.state);
    while (source && !seen.has(source) && up.length < MAX_GENERATIONS) {
      seen.add(source);
      const next = await this.records.load(source);
      if (!next) break;
      up.push(next.state);
      source = sourceOf(next.state);
    }
    const ancestors = up.reverse().map((r, i) => linkOf(r, i));
    const own = ancestors.length;
    const descendants: ChainLink[] = [];
    let generation = [personId];
    for (let g = 1; generation.length > 0 && g <= MAX_GENERATIONS; g++) {
      const infected = (await this.queries.infectedBy(generation)).filter((r) => !seen.has(r.personId));
      for (const r of infected) seen.add(r.personId);
      descendants.push(...infected.map((r) => linkOf(r, own + g)));
      generation = infected.map((r) => r.personId);
    }
    const { reached } = await contactsToDepth(personId, 1, this.loadNodes);
    return { personId, ancestors, descendants, contacts: reached };
  }

  async cluster(clusterId: string): Promise<ClusterView> {
    const records = await this.queries.inCluster(clusterId);
    if (records.length === 0)
      throw new DomainError('UNKNOWN_CLUSTER', 'not_found', `no cluster ${clusterId}`, {
        fields: [{ field: 'clusterId', description: `no case or contact in cluster ${clusterId}` }],
      });
    const cases = records.flatMap((record) =>
      record.cases
        .filter((c) => c.clusterId === clusterId && c.status !== 'reverted')
        .map((episode) => ({ record, episode })),
    );
    const members = records
      .filter((r) => r.classification.clusterId === clusterId)
      .map((r) => ({
        personId: r.personId,
        level: r.classification.level,
        sourcePersonId: r.classification.sourcePersonId,
        ...(r.area.wardCode ? { wardCode: r.area.wardCode } : {}),
        area: r.area,
      }));
    const counts = new Map<number, number>();
    for (const m of members) if (m.level !== null) counts.set(m.level, (counts.get(m.level) ?? 0) + 1);
    return {
      clusterId,
      cases: cases.sort((a, b) => a.episode.confirmedAt.localeCompare(b.episode.confirmedAt)),
      members,
      levels: [...counts].sort((a, b) => a[0] - b[0]).map(([level, count]) => ({ level, count })),
    };
  }

  async contacts(
    personId: string,
    depth: number,
  ): Promise<{ reached: ReachedContact[]; truncated: boolean }> {
    if (!(await this.records.load(personId))) throw personNotFound(personId);
    return contactsToDepth(personId, depth, this.loadNodes);
  }
}
