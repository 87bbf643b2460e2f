import { DomainError } from '@truyvet/errors';
import type { EventToPublish } from '@truyvet/bus';

/** An aggregate's state as loaded, with the version a save must name. */
export interface Versioned<S> {
  id: string;
  version: number;
  state: S;
}

/**
 * One atomic change: the new state and the events it causes, written together as one commit
 * document (FerretDB and sharded MongoDB have no cross-document atomicity we may rely on).
 * `expectedVersion` 0 creates the aggregate.
 */
export interface Change<S> {
  id: string;
  expectedVersion: number;
  state: S;
  events: readonly EventToPublish[];
}

export interface AggregateStore<S> {
  load(id: string): Promise<Versioned<S> | null>;
  /** The latest states of these aggregates (those that exist), in one round trip where it can. */
  loadMany(ids: readonly string[]): Promise<Map<string, Versioned<S>>>;
  /** Returns the new version; throws a ConcurrencyError when someone saved first. */
  save(change: Change<S>): Promise<number>;
  /**
   * Saves changes of distinct aggregates, each on its own (each is atomic with its events; one
   * refused does not stop the others), in a few round trips for the whole batch. Answers, in
   * order, the new version or the ConcurrencyError of each.
   */
  saveMany(changes: readonly Change<S>[]): Promise<Array<number | ConcurrencyError>>;
}

/** saveMany takes one change per aggregate: two versions of one aggregate are two saves. */
export function requireDistinctAggregates(changes: readonly Change<unknown>[]): void {
  const ids = new Set(changes.map((c) => c.id));
  if (ids.size !== changes.length) throw new Error('saveMany: at most one change per aggregate');
}

export class ConcurrencyError extends DomainError {
  constructor(collection: string, id: string, expectedVersion: number) {
    super(
      'CONCURRENT_UPDATE',
      'conflict',
      expectedVersion === 0
        ? `${collection}/${id} already exists`
        : `${collection}/${id} changed since version ${expectedVersion} was read`,
      { retryable: true },
    );
  }
}

/**
 * The version is held by another writer's pending marker whose commit is not in: a writer still
 * under way, or one that died between the two (its marker is taken over once abandoned). Not a
 * ConcurrencyError: nothing was committed, so "already exists" would be a lie (an answer naming an
 * aggregate nobody can load). Send again: the commit lands, or the marker is taken over.
 */
export class VersionHeldError extends DomainError {
  constructor(collection: string, ids: readonly string[]) {
    super(
      'VERSION_HELD',
      'unavailable',
      `${collection}/${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}: being written by another writer; send again`,
      { retryable: true },
    );
  }
}

/** The pending events of one commit, claimed by one relay for a while. */
export interface ClaimedOutbox {
  /** The commit's id. */
  id: string;
  aggregateId: string;
  version: number;
  entries: readonly EventToPublish[];
  /** The claim's token: only its holder marks these entries published or lets them go. */
  token: string;
}

/** Where a relay finds pending events: each aggregate collection is one. */
export interface OutboxSource {
  readonly name: string;
  /**
   * Leases up to `limit` commits with pending events that no live lease holds, oldest first,
   * leaving out any commit whose aggregate has an earlier commit still pending (so one
   * aggregate's events go out in order even with several relays).
   */
  claimPending(limit: number, leaseMs: number): Promise<ClaimedOutbox[]>;
  /**
   * Leases these commits (just saved by this process) if they are still pending, unleased, and no
   * earlier commit of their aggregate is pending: the ones a relay may publish at once, right after
   * their commit, without reading the backlog. The others are left to `claimPending`.
   */
  claimSaved(commitIds: readonly string[], leaseMs: number): Promise<ClaimedOutbox[]>;
  /** The claimed events are on the bus: they are no longer pending. */
  markPublished(claims: readonly ClaimedOutbox[]): Promise<void>;
  /** Publishing failed: let another round (or relay) take these at once. */
  release(claims: readonly ClaimedOutbox[]): Promise<void>;
}

/** Told by a store after each save with events: which commits are now pending, and where. */
export type SavedWithEvents = (source: OutboxSource, commitIds: readonly string[]) => void;
