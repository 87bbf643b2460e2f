import type { EventToPublish } from '@truyvet/bus';
import {
  ConcurrencyError,
  requireDistinctAggregates,
  type AggregateStore,
  type Change,
  type OutboxEntry,
  type OutboxSource,
  type PendingCommit,
  type SavedWithEvents,
  type Versioned,
} from './types';

interface Commit<S> {
  id: string;
  aggregateId: string;
  version: number;
  state: S;
  events: EventToPublish[];
  pending: boolean;
  /** Order of saving across the store, like the pending markers' `at` in MongoDB. */
  seq: number;
}

/**
 * The same aggregate store and outbox in process memory, for unit tests and the embedded quick
 * start: commits per version, a claimable outbox, the same contract. State is deep-copied on the
 * way in and out, as a database would, so nobody changes stored state through a held object.
 */
export class InMemoryAggregateStore<S> implements AggregateStore<S>, OutboxSource {
  private readonly byAggregate = new Map<string, Array<Commit<S>>>();
  private readonly pending = new Map<string, Commit<S>>();
  private seq = 0;

  constructor(
    readonly name: string,
    private readonly onSaved?: SavedWithEvents,
  ) {}

  load(id: string): Promise<Versioned<S> | null> {
    const latest = this.byAggregate.get(id)?.at(-1);
    return Promise.resolve(
      latest ? { id, version: latest.version, state: structuredClone(latest.state) } : null,
    );
  }

  async loadMany(ids: readonly string[]): Promise<Map<string, Versioned<S>>> {
    const found = new Map<string, Versioned<S>>();
    for (const id of new Set(ids)) {
      const loaded = await this.load(id);
      if (loaded) found.set(id, loaded);
    }
    return found;
  }

  async saveMany(changes: readonly Change<S>[]): Promise<Array<number | ConcurrencyError>> {
    requireDistinctAggregates(changes);
    const results: Array<number | ConcurrencyError> = [];
    for (const change of changes) {
      try {
        results.push(await this.save(change));
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        results.push(error);
      }
    }
    return results;
  }

  save(change: Change<S>): Promise<number> {
    const commits = this.byAggregate.get(change.id) ?? [];
    if ((commits.at(-1)?.version ?? 0) !== change.expectedVersion) {
      return Promise.reject(new ConcurrencyError(this.name, change.id, change.expectedVersion));
    }
    const version = change.expectedVersion + 1;
    const commit: Commit<S> = {
      id: `${change.id}|${version}`,
      aggregateId: change.id,
      version,
      state: structuredClone(change.state),
      events: structuredClone([...change.events]),
      pending: change.events.length > 0,
      seq: this.seq++,
    };
    commits.push(commit);
    this.byAggregate.set(change.id, commits);
    if (commit.pending) {
      this.pending.set(commit.id, commit);
      this.onSaved?.(this, [entryOf(commit)]);
    }
    return Promise.resolve(version);
  }

  /** The latest state of every aggregate: the in-memory heads, for queries. */
  all(): Array<Versioned<S>> {
    return [...this.byAggregate].flatMap(([id, commits]) => {
      const latest = commits.at(-1);
      return latest ? [{ id, version: latest.version, state: structuredClone(latest.state) }] : [];
    });
  }

  /**
   * The latest states that match, copied (only the matches are copied: queries over a large store
   * stay cheap).
   */
  find(predicate: (state: Readonly<S>) => boolean, limit = Infinity): Array<Versioned<S>> {
    const found: Array<Versioned<S>> = [];
    for (const [id, commits] of this.byAggregate) {
      const latest = commits.at(-1);
      if (!latest || !predicate(latest.state)) continue;
      found.push({ id, version: latest.version, state: structuredClone(latest.state) });
      if (found.length >= limit) break;
    }
    return found;
  }

  /** Every version of one aggregate, oldest first: its audit history. */
  history(id: string): Array<Versioned<S>> {
    return (this.byAggregate.get(id) ?? []).map((c) => ({
      id,
      version: c.version,
      state: structuredClone(c.state),
    }));
  }

  backlog(): Promise<PendingCommit[]> {
    return Promise.resolve(
      [...this.pending.values()]
        .sort((a, b) => a.seq - b.seq)
        .map((c) => ({ id: c.id, aggregateId: c.aggregateId, version: c.version, mark: c.id })),
    );
  }

  /** Every pending commit is in (memory has no gap between the marker and the commit). */
  committed(ids: readonly string[]): Promise<OutboxEntry[]> {
    return Promise.resolve(
      ids.flatMap((id) => {
        const commit = this.pending.get(id);
        return commit ? [entryOf(commit)] : [];
      }),
    );
  }

  waitingBehind(saved: readonly OutboxEntry[]): Promise<Set<string>> {
    const ids = new Set(saved.map((s) => s.id));
    const pending = [...this.pending.values()];
    return Promise.resolve(
      new Set(
        saved
          .filter((s) =>
            pending.some((p) => p.aggregateId === s.aggregateId && p.version < s.version && !ids.has(p.id)),
          )
          .map((s) => s.id),
      ),
    );
  }

  markPublished(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const commit = this.pending.get(id);
      if (!commit) continue;
      commit.pending = false;
      this.pending.delete(id);
    }
    return Promise.resolve();
  }

  /** Never any: the commit is in with its marker. */
  dropOrphans(): Promise<void> {
    return Promise.resolve();
  }
}

function entryOf<S>(commit: Commit<S>): OutboxEntry {
  return {
    id: commit.id,
    aggregateId: commit.aggregateId,
    version: commit.version,
    entries: structuredClone(commit.events),
  };
}
