import { randomUUID } from 'node:crypto';
import type { EventToPublish } from '@truyvet/bus';
import {
  ConcurrencyError,
  requireDistinctAggregates,
  type AggregateStore,
  type Change,
  type ClaimedOutbox,
  type OutboxSource,
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
  lease?: { token: string; until: number };
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
      this.onSaved?.(this, [commit.id]);
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

  claimPending(limit: number, leaseMs: number): Promise<ClaimedOutbox[]> {
    return Promise.resolve(this.claim([...this.pending.values()], limit, leaseMs));
  }

  claimSaved(commitIds: readonly string[], leaseMs: number): Promise<ClaimedOutbox[]> {
    const wanted = new Set(commitIds);
    return Promise.resolve(
      this.claim(
        [...this.pending.values()].filter((c) => wanted.has(c.id)),
        Infinity,
        leaseMs,
      ),
    );
  }

  /** Leases these pending commits, oldest first, but none whose aggregate has an earlier one pending. */
  private claim(candidates: ReadonlyArray<Commit<S>>, limit: number, leaseMs: number): ClaimedOutbox[] {
    const now = Date.now();
    const token = randomUUID();
    const claims: ClaimedOutbox[] = [];
    for (const commit of [...candidates].sort((a, b) => a.seq - b.seq)) {
      if (claims.length >= limit) break;
      if (commit.lease && commit.lease.until >= now) continue;
      const earlierPending = [...this.pending.values()].some(
        (c) => c.aggregateId === commit.aggregateId && c.version < commit.version && c.lease?.token !== token,
      );
      if (earlierPending) continue;
      commit.lease = { token, until: now + leaseMs };
      claims.push({
        id: commit.id,
        aggregateId: commit.aggregateId,
        version: commit.version,
        entries: structuredClone(commit.events),
        token,
      });
    }
    return claims;
  }

  markPublished(claims: readonly ClaimedOutbox[]): Promise<void> {
    for (const claim of claims) {
      const commit = this.pending.get(claim.id);
      if (!commit) continue;
      commit.pending = false;
      delete commit.lease;
      this.pending.delete(claim.id);
    }
    return Promise.resolve();
  }

  release(claims: readonly ClaimedOutbox[]): Promise<void> {
    for (const claim of claims) {
      const commit = this.pending.get(claim.id);
      if (commit?.lease?.token === claim.token) delete commit.lease;
    }
    return Promise.resolve();
  }
}
