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

/**
 * Saved, but a head could not be brought up to its commit (the store went away in between): a
 * read by id would answer the older state, as if the save had not happened, so the save is answered
 * as failed. Sent again, it collides with its own commit, which repairs the head; its events wait
 * for a relay round, which brings the heads up before it publishes them. Retried like a held
 * version (the code): nothing is wrong with the change.
 */
export class HeadBehindError extends DomainError {
  constructor(
    collection: string,
    readonly ids: readonly string[],
    cause?: unknown,
  ) {
    super(
      'VERSION_HELD',
      'unavailable',
      `${collection}${ids.length > 0 ? `/${ids.slice(0, 3).join(', ')}` : ''}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}: saved, but not every head is up to date yet; send again`,
      { retryable: true, cause },
    );
  }
}

/** The events of one saved commit, to be published. */
export interface OutboxEntry {
  /** The commit's id. */
  id: string;
  aggregateId: string;
  version: number;
  entries: readonly EventToPublish[];
}

/**
 * A commit whose events are not yet marked published, as the backlog lists it (without its events).
 * `mark` tells this marker apart from a later one of the same commit (a writer that took over an
 * abandoned version writes its own): a relay times how long it has seen one mark by its own clock.
 */
export interface PendingCommit {
  id: string;
  aggregateId: string;
  version: number;
  mark: string;
}

/**
 * Where a relay finds events to publish: each aggregate collection is one. The writer publishes
 * what it saves at once (`SavedWithEvents`); the backlog is what a writer could not publish (the
 * broker away, an earlier commit of the aggregate not out yet, the writer dead).
 */
export interface OutboxSource {
  readonly name: string;
  /** The backlog, every commit not marked published; small, since published ones leave it. */
  backlog(): Promise<PendingCommit[]>;
  /** The commits of these ids that are in, with their events (a marker's commit may not be, yet or ever). */
  committed(ids: readonly string[]): Promise<OutboxEntry[]>;
  /**
   * Of commits just saved, those that must wait: an earlier commit of their aggregate is still
   * pending (one aggregate's events go out in order).
   */
  waitingBehind(saved: readonly OutboxEntry[]): Promise<Set<string>>;
  /** These commits' events are on the bus: they leave the backlog. */
  markPublished(ids: readonly string[]): Promise<void>;
  /** Markers whose commit never came (their writer died between the two), if still the same marks. */
  dropOrphans(markers: readonly PendingCommit[]): Promise<void>;
}

/**
 * Told by a store after each save with events: which commits are now pending, with their events.
 * None: commits were saved that cannot go out at once (their heads are not up yet), so the relay
 * should look at its backlog now.
 */
export type SavedWithEvents = (source: OutboxSource, saved: readonly OutboxEntry[]) => void;
