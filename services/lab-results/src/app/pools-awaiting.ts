import { DomainError } from '@truyvet/errors';
import { ConcurrencyError, type AggregateStore } from '@truyvet/store';
import type { LabSampleState } from '../domain/lab-sample';

/** A person's positive pools that may still wait for their own result (by person id). */
export interface PoolsAwaitingState {
  pools: string[];
}

/** The entry that says the index was built from the pools (no person id starts with '#'). */
const BUILT = '#built';

/** How often a batch of index entries is tried again when another writer moved a person's entry. */
const ATTEMPTS = 5;

/**
 * Which positive pools may wait for a person's individual result, kept by person id so that each
 * person result costs one read by `_id` rather than a search of every lab sample (ARCHITECTURE.md,
 * "The hot path"). A superset: a pool is added before the decision that opens its members'
 * re-test orders is saved (so a crash in between leaves an entry too many, never one too few), and
 * the pool itself says whether the person's order is still open. Entries are never removed: a
 * person is in few positive pools.
 */
export class PoolsAwaiting {
  constructor(private readonly index: AggregateStore<PoolsAwaitingState>) {}

  async poolsOf(personId: string): Promise<string[]> {
    return (await this.index.load(personId))?.state.pools ?? [];
  }

  /**
   * Once per store (a marker entry says it is done): entries for the pools whose orders opened
   * before the index existed. One scan of the pools, at start, never on the hot path.
   */
  async buildOnce(poolsWithOpenOrders: () => Promise<LabSampleState[]>): Promise<void> {
    if (await this.index.load(BUILT)) return;
    const pools = await poolsWithOpenOrders();
    await this.expect(pools.flatMap((pool) => newlyAwaited(undefined, pool)));
    try {
      await this.index.save({ id: BUILT, expectedVersion: 0, state: { pools: [] }, events: [] });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // another instance built it too
    }
  }

  /** Adds pools to their members' entries: one read and one write for the whole batch. */
  async expect(entries: ReadonlyArray<{ personId: string; poolId: string }>): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const { personId, poolId } of entries)
      wanted.set(personId, (wanted.get(personId) ?? new Set()).add(poolId));
    let todo = [...wanted.keys()];
    for (let attempt = 0; attempt < ATTEMPTS && todo.length > 0; attempt++) {
      const found = await this.index.loadMany(todo);
      const changes = todo.flatMap((personId) => {
        const known = found.get(personId);
        const pools = known?.state.pools ?? [];
        const missing = [...(wanted.get(personId) ?? [])].filter((p) => !pools.includes(p));
        if (missing.length === 0) return [];
        return [
          {
            id: personId,
            expectedVersion: known?.version ?? 0,
            state: { pools: [...pools, ...missing] },
            events: [],
          },
        ];
      });
      const saved = await this.index.saveMany(changes);
      todo = changes.filter((_, i) => saved[i] instanceof ConcurrencyError).map((c) => c.id);
    }
    if (todo.length > 0)
      throw new DomainError(
        'CONCURRENT_UPDATE',
        'unavailable',
        'the pools awaiting members kept changing: send again',
        {
          retryable: true,
        },
      );
  }
}

/** The members whose re-test orders a decision opens on a pool (to add to the index first). */
export function newlyAwaited(
  before: LabSampleState | undefined,
  after: LabSampleState,
): Array<{ personId: string; poolId: string }> {
  if (!after.sample.pooled) return [];
  const open = new Set((before?.openOrders ?? []).map((o) => o.personId));
  return after.openOrders
    .filter((o) => !open.has(o.personId))
    .map((o) => ({ personId: o.personId, poolId: after.sample.sampleId }));
}
