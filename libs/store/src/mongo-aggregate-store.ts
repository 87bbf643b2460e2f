import type { Collection, Db, Document } from 'mongodb';
import { roundTripsOf, type RoundTrips } from './round-trips';
import type { EventToPublish } from '@truyvet/bus';
import type { Logger } from '@truyvet/log';
import { isDuplicateKey, type IndexDeclaration } from './mongo';
import {
  ConcurrencyError,
  HeadBehindError,
  VersionHeldError,
  requireDistinctAggregates,
  type AggregateStore,
  type Change,
  type OutboxEntry,
  type OutboxSource,
  type PendingCommit,
  type SavedWithEvents,
  type Versioned,
} from './types';

/**
 * One version of an aggregate: its state and the events that change caused, in one document.
 * Commits are only ever inserted, with `_id` = aggregate id + version, so the unique `_id` decides
 * which of two concurrent writers wins. That is the one guarantee FerretDB gives under
 * concurrency (its conditional updates are not atomic: see docs/adr/0004), and it is just as
 * good on MongoDB. The commits are also the aggregate's audit history.
 */
export interface CommitDocument<S> {
  _id: string;
  agg: string;
  v: number;
  state: S;
  events: EventToPublish[];
  at: Date;
}

/**
 * A commit whose events are not yet published. Written just before the commit (so a commit with
 * events always has one) and deleted once its events are on the bus, so the collection holds only
 * the backlog and a relay reads it whole without looking into the commits (FerretDB reads every
 * document of a collection for any query but by `_id`: ADR 3). The events are in the commit; `at`
 * (the writer's clock) only tells this marker from a later writer's of the same version.
 */
export interface PendingDocument {
  _id: string;
  agg: string;
  v: number;
  at: Date;
  /** Written by earlier versions of the store; the commit's own events are what is published. */
  events?: EventToPublish[];
}

/** The latest state of each aggregate, for the service's queries. */
export interface HeadDocument<S> {
  _id: string;
  v: number;
  state: S;
  at: Date;
}

/** Marker collisions of one saveMany settled at once (each may wait for a writer under way). */
const COLLISIONS_AT_ONCE = 16;

/** Heads left behind by a batch update, advanced one by one this many at a time. */
const HEAD_UPDATES_AT_ONCE = 8;

/**
 * A marker seen this long with no commit blocks its version: its writer died between the two
 * inserts. A live writer takes milliseconds, or at worst the driver's server selection (15 s)
 * while the store is away, so past twice that the next writer of the version takes the marker
 * over. Timed by this process's clock from when it first met the marker, not by the time the
 * marker carries (another host's clock).
 */
const ABANDONED_AFTER_MS = 30_000;

export interface MongoAggregateStoreOptions {
  /** See ABANDONED_AFTER_MS; shorter in tests. */
  abandonedAfterMs?: number;
  /**
   * Whether a lookup that finds no head looks for a first commit (`findHeadless`): a second round
   * trip for every id that does not exist. Off for stores whose readers may take a headless
   * aggregate for none: supersets written before the change they serve (a KeyIndex). Their writer
   * died before that change was saved, and whoever retries it collides with the commit, which
   * writes the head. Default: on.
   */
  probeHeadless?: boolean;
  /**
   * Heads advanced by `replaceOlderHeads` (two commands a batch) rather than `updateHeads` (a
   * statement each): for stores read by `_id` in decisions, with few versions (a miss meanwhile is
   * bridged by `findHeadless`, which walks the versions). Ignored when `probeHeadless` is off.
   * `'with-events'`: only the heads of saves with events, whose pending marker outlives the moment
   * without a head (after a crash there, the relay brings the head back before it publishes: see
   * `committed`), so that queries on other fields miss an aggregate at most until then; other heads
   * are updated.
   */
  replaceHeads?: boolean | 'with-events';
  /**
   * A first version without events is its head alone, no commit: among writers that all do so, the
   * head's unique `_id` decides which of two creators wins, as a commit's would, and nothing is
   * published. One document per new aggregate instead of two; the commits then start at version 2,
   * so it suits stores whose history nobody reads (key indexes, which are supersets: `probeHeadless`
   * off). Such a store refuses a first version with events: its commit would not collide with a
   * first version that is a head alone, and both would stand. For the same reason a writer of an
   * earlier release (a commit, then a head whose duplicate it takes for a newer one) must not run
   * beside it: docs/runbooks/upgrades.md. Ignored when `probeHeadless` is on.
   */
  firstVersionInHead?: boolean;
}

/** After a marker collision, how long to wait (in steps) for a writer under way to commit. */
const COMMIT_AWAITED_MS = [20, 80, 300, 600];

export class MongoAggregateStore<S> implements AggregateStore<S>, OutboxSource {
  /** Latest state per aggregate, by id. Queries on other fields scan on FerretDB: see ADR 4. */
  readonly heads: Collection<HeadDocument<S>>;
  readonly commits: Collection<CommitDocument<S>>;
  readonly pending: Collection<PendingDocument>;
  private readonly abandonedAfterMs: number;
  private readonly probeHeadless: boolean;
  private readonly replaceHeads: boolean | 'with-events';
  private readonly firstVersionInHead: boolean;
  /** Markers met in a collision, by `_id@at`, with when this process first met them (its clock). */
  private readonly metMarkers = new Map<string, number>();

  constructor(
    db: Db,
    readonly name: string,
    private readonly onSaved?: SavedWithEvents,
    private readonly logger?: Logger,
    options: MongoAggregateStoreOptions = {},
  ) {
    this.heads = db.collection<HeadDocument<S>>(name);
    this.commits = db.collection<CommitDocument<S>>(`${name}.commits`);
    this.pending = db.collection<PendingDocument>(`${name}.pending`);
    this.abandonedAfterMs = options.abandonedAfterMs ?? ABANDONED_AFTER_MS;
    this.probeHeadless = options.probeHeadless ?? true;
    this.replaceHeads = this.probeHeadless ? (options.replaceHeads ?? false) : false;
    this.firstVersionInHead = !this.probeHeadless && (options.firstVersionInHead ?? false);
    this.trips = roundTripsOf(db);
  }

  /** Reads, inserts and writes go through the database's shared round trips (ADR 13). */
  private readonly trips: RoundTrips;

  private async byId<T extends Document>(
    collection: Collection<T>,
    id: string,
    projection?: Document,
  ): Promise<T | null> {
    return this.trips.findById<T>(collection, id, projection);
  }

  private async byIds<T extends Document>(
    collection: Collection<T>,
    ids: readonly string[],
    projection?: Document,
  ): Promise<T[]> {
    return [...(await this.trips.findByIds<T>(collection, ids, projection)).values()];
  }

  /** Inserts; answers the indexes of the documents whose `_id` was taken. */
  private insertAll<T extends Document>(collection: Collection<T>, docs: readonly T[]): Promise<Set<number>> {
    return this.trips.insert(collection, docs);
  }

  /** Inserts one document; false when its `_id` was taken. */
  private async insertOne<T extends Document>(collection: Collection<T>, doc: T): Promise<boolean> {
    return (await this.insertAll(collection, [doc])).size === 0;
  }

  private write<R>(run: () => Promise<R>): Promise<R> {
    return this.trips.write(run);
  }

  /** The indexes the store declares (used by MongoDB; FerretDB finds by `_id` only). */
  static indexes(name: string): IndexDeclaration[] {
    return [
      { collection: `${name}.commits`, indexes: [{ key: { agg: 1, v: -1 }, name: 'aggregate_version' }] },
    ];
  }

  /**
   * The latest state, from the head: one lookup by `_id`. The head is written after its commit, so
   * after a crash between the two it lags one version; a save based on it then collides with the
   * newer commit, which repairs the head before the ConcurrencyError reaches the caller, so the
   * caller's retry loads the right version. (Probing the commits on every load cost a table scan
   * per load on FerretDB: ADR 3.) No head at all is looked into: see `findHeadless`.
   */
  async load(id: string): Promise<Versioned<S> | null> {
    const head = await this.byId(this.heads, id);
    if (head) return { id, version: head.v, state: head.state };
    const [headless] = await this.findHeadless([id]);
    return headless ?? null;
  }

  async loadMany(ids: readonly string[]): Promise<Map<string, Versioned<S>>> {
    const found = new Map<string, Versioned<S>>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    const heads = await this.byIds(this.heads, unique);
    for (const head of heads) found.set(head._id, { id: head._id, version: head.v, state: head.state });
    for (const headless of await this.findHeadless(unique.filter((id) => !found.has(id))))
      found.set(headless.id, headless);
    return found;
  }

  /**
   * Of ids without a head, those that exist all the same: their writer was killed after the first
   * commit and before the head. Such an aggregate must still be found, also by readers that never
   * save (a dispatch looking up its tubes, a re-registration answered from the identity keys), so
   * its head is written here from its commits: one `_id` read for all the misses.
   */
  private async findHeadless(ids: readonly string[]): Promise<Array<Versioned<S>>> {
    const found: Array<Versioned<S>> = [];
    if (ids.length === 0 || !this.probeHeadless) return found;
    const firsts = await this.byIds(
      this.commits,
      ids.map((id) => `${id}|1`),
      { agg: 1 },
    );
    for (const latest of (await this.repairHeads(firsts.map((first) => first.agg))).values()) {
      this.logger?.warn(
        { aggregate: latest.id, version: latest.version },
        'found an aggregate without its head (its writer died after the commit); head written',
      );
      found.push(latest);
    }
    return found;
  }

  /**
   * The bulk path of `save`, with the same documents in the same order: all pending markers in
   * one insert, then all commits, then the new heads (existing heads are advanced a few at a
   * time). Each change still stands or falls on its own commit's unique `_id`.
   */
  async saveMany(changes: readonly Change<S>[]): Promise<Array<number | ConcurrencyError>> {
    requireDistinctAggregates(changes);
    for (const change of changes) this.inHeadOnly(change); // refuses first versions with events
    const at = new Date();
    const results: Array<number | ConcurrencyError> = changes.map((c) => c.expectedVersion + 1);
    const commitId = (c: Change<S>): string => `${c.id}|${c.expectedVersion + 1}`;
    const refuse = (i: number): void => {
      const change = changes[i];
      if (change) results[i] = new ConcurrencyError(this.name, change.id, change.expectedVersion);
    };

    const withEvents = changes.flatMap((c, i) => (c.events.length > 0 ? [i] : []));
    const lostMarkers = await this.insertAll(
      this.pending,
      withEvents.map((i) => {
        const c = changes[i] as Change<S>;
        return { _id: commitId(c), agg: c.id, v: c.expectedVersion + 1, at };
      }),
    );
    const held = new Set<number>();
    const collided = [...lostMarkers].map((k) => withEvents[k] ?? -1);
    const outrun: string[] = [];
    // A few at a time: each may wait a moment for a writer under way.
    for (let start = 0; start < collided.length; start += COLLISIONS_AT_ONCE) {
      await Promise.all(
        collided.slice(start, start + COLLISIONS_AT_ONCE).map(async (i) => {
          const change = changes[i];
          if (!change) return;
          const collision = await this.settleMarkerCollision(commitId(change), change, at);
          if (collision === 'held') held.add(i);
          if (collision !== 'committed') return;
          refuse(i);
          outrun.push(change.id);
        }),
      );
    }
    await this.repairHeads(outrun);

    const writable = changes.flatMap((c, i) =>
      typeof results[i] === 'number' && !held.has(i) && !this.inHeadOnly(c) ? [i] : [],
    );
    // First versions that are their head alone: one insert, a duplicate lost to another creator.
    const headOnly = changes.flatMap((c, i) => (this.inHeadOnly(c) ? [i] : []));
    for (const k of await this.insertAll(
      this.heads,
      headOnly.map((i) => ({ _id: changes[i]?.id ?? '', v: 1, state: changes[i]?.state as S, at })),
    ))
      refuse(headOnly[k] ?? -1);
    const lostCommits = await this.insertAll(
      this.commits,
      writable.map((i) => {
        const c = changes[i] as Change<S>;
        return {
          _id: commitId(c),
          agg: c.id,
          v: c.expectedVersion + 1,
          state: c.state,
          events: [...c.events],
          at,
        };
      }),
    );
    // Commits another writer got in first (a consumer and an API call on the same tubes): this
    // writer's markers go (only its own, by their time: another writer may have taken a version
    // over) and the heads are brought up to the winners, each step one command for all of them
    // (one by one, a batch that lost many stalled for seconds: ADR 13).
    const lost = [...lostCommits].flatMap((k) => {
      const i = writable[k] ?? -1;
      const change = changes[i];
      if (!change) return [];
      refuse(i);
      return [change];
    });
    const lostMarkerIds = lost.filter((c) => c.events.length > 0).map(commitId);
    if (lostMarkerIds.length > 0)
      await this.write(() => this.pending.deleteMany({ _id: { $in: lostMarkerIds }, at })).catch(
        () => undefined,
      );
    await this.repairHeads(lost.map((c) => c.id));

    const saved = changes.filter(
      (c, i) => typeof results[i] === 'number' && !held.has(i) && !this.inHeadOnly(c),
    );
    const savedWithEvents = saved.filter((c) => c.events.length > 0);
    // New aggregates' heads in one insert (a duplicate: a newer head got there first); others one by one.
    const created = saved.filter((c) => c.expectedVersion === 0);
    await this.headsUp(savedWithEvents.length > 0, async () => {
      await this.writeNewHeads(created.map((c) => ({ _id: c.id, v: 1, state: c.state, at })));
      await this.advanceHeads(
        saved.filter((c) => c.expectedVersion > 0).map((c) => headOf(c, at)),
        new Set(savedWithEvents.map((c) => c.id)),
      );
    });
    // After the heads, so whoever reacts to the events published at once loads the state that
    // caused them (a backlog round brings the heads up before it publishes: `committed`).
    if (savedWithEvents.length > 0) this.onSaved?.(this, savedWithEvents.map(entryOf));
    // The rest is saved; the caller's retry finds it (as ConcurrencyErrors) and tries these again.
    if (held.size > 0)
      throw new VersionHeldError(
        this.name,
        [...held].map((i) => changes[i]?.id ?? ''),
      );
    return results;
  }

  /**
   * The heads of commits just saved brought up to them. When they cannot be (a HeadBehindError),
   * the save fails although its commits are in: a head left behind would answer reads by id with
   * the state before the save, and a reader that never saves would never repair it (a registration
   * reading its household's F0 as not yet confirmed, ADR 4). Nothing of the batch is published at once then: the
   * markers stay, the relay is told to look at its backlog, and it brings the heads up before it
   * publishes (`committed`). The caller's retry collides with its own commits and repairs the heads.
   */
  private async headsUp(withEvents: boolean, bringUp: () => Promise<void>): Promise<void> {
    try {
      await bringUp();
    } catch (error) {
      if (withEvents) this.onSaved?.(this, []);
      throw error instanceof HeadBehindError ? error : new HeadBehindError(this.name, [], error);
    }
  }

  /**
   * Moves the heads of a batch forward, never back, in a few commands for the batch (see
   * `replaceOlderHeads`, `updateHeads`); a head left behind (another writer's, older, got in
   * between) goes the slow way, `advanceHead`. Any head still behind after that fails the call
   * (HeadBehindError), once every other head has been tried. `withEvents`: the aggregates whose
   * save carried events (their markers still pending), for `replaceHeads: 'with-events'`.
   */
  private async advanceHeads(
    heads: readonly HeadDocument<S>[],
    withEvents: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    if (heads.length === 0) return;
    const replace = (h: HeadDocument<S>): boolean =>
      this.replaceHeads === true || (this.replaceHeads === 'with-events' && withEvents.has(h._id));
    const replaced = heads.filter(replace);
    const updated = heads.filter((h) => !replace(h));
    let behind: readonly HeadDocument<S>[] = heads;
    try {
      const [a, b] = await Promise.all([
        replaced.length > 0 ? this.replaceOlderHeads(replaced) : [],
        updated.length > 0 ? this.updateHeads(updated) : [],
      ]);
      behind = [...a, ...b];
    } catch (error) {
      this.logger?.warn(
        { err: error, heads: heads.length },
        'could not advance the heads at once; one by one',
      );
    }
    const leftBehind: string[] = [];
    let failure: unknown;
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < behind.length; i = next++) {
        const h = behind[i] as HeadDocument<S>;
        try {
          if (await this.advanceHead(h._id, h.v, h.state, h.at)) continue;
        } catch (error) {
          failure ??= error;
        }
        leftBehind.push(h._id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(HEAD_UPDATES_AT_ONCE, behind.length) }, worker));
    if (leftBehind.length > 0) {
      this.logger?.warn(
        { err: failure, aggregates: leftBehind.slice(0, 10), count: leftBehind.length },
        'heads left behind their commits: the save is answered as failed',
      );
      throw new HeadBehindError(this.name, leftBehind, failure);
    }
  }

  /**
   * The heads older than each one's new version deleted (one command a version, by `_id`, with the
   * other saves' under way), then all inserted in one: two commands for the batch. On FerretDB each
   * statement of an `update` is a transaction of its own, so a batch of 24 heads cost ~20 ms that
   * way and ~4 ms this way (ADR 13).
   * A head inserted meanwhile by another writer makes the insert a duplicate: it is read back, and
   * answered if older than this save's. Between the two commands the aggregate has no head, which
   * `load` bridges (`findHeadless`) but queries on other fields do not: only for stores that ask
   * (`replaceHeads`).
   */
  private async replaceOlderHeads(heads: readonly HeadDocument<S>[]): Promise<HeadDocument<S>[]> {
    await this.trips.deleteOlder(this.heads as unknown as Collection, heads);
    const taken = [...(await this.insertAll(this.heads, heads))].map((i) => heads[i] as HeadDocument<S>);
    if (taken.length === 0) return [];
    const found = await this.trips.findByIds(
      this.heads,
      taken.map((h) => h._id),
      { v: 1 },
    );
    return taken.filter((h) => (found.get(h._id)?.v ?? 0) < h.v);
  }

  /**
   * The heads moved by one `update` command of a statement each (with those of the other saves under
   * way in this process); when not all matched, read back: answers those still behind.
   */
  private async updateHeads(heads: readonly HeadDocument<S>[]): Promise<HeadDocument<S>[]> {
    const { allMatched } = await this.trips.updateEach(
      this.heads,
      heads.map((h) => ({
        filter: { _id: h._id, v: { $lt: h.v } },
        update: { $set: { v: h.v, state: h.state, at: h.at } },
      })),
    );
    // Each statement matched, and a match writes its version: nothing to read back.
    if (allMatched) return [];
    const found = await this.trips.findByIds(
      this.heads,
      heads.map((h) => h._id),
      { v: 1 },
    );
    return heads.filter((h) => (found.get(h._id)?.v ?? 0) < h.v);
  }

  /**
   * After a marker collision, what the other marker means. `committed`: its commit is in (within a
   * moment, for a writer under way), so the caller lost the race (a ConcurrencyError; the caller
   * repairs the head, since that writer may have died before it). `taken`: the marker was
   * abandoned (old, and its commit never came) and is this writer's now. `held`: neither yet, e.g.
   * the marker of this same request's earlier attempt, cut off by a crash or an outage between the
   * marker and the commit; answering "already exists" then would name an aggregate that never
   * will (a registration answered with an id nobody can load), so the caller is told to send again.
   */
  private async settleMarkerCollision(
    id: string,
    change: Change<S>,
    at: Date,
  ): Promise<'committed' | 'taken' | 'held'> {
    const committed = async (): Promise<boolean> => (await this.byId(this.commits, id, { _id: 1 })) !== null;
    for (const waitMs of COMMIT_AWAITED_MS) {
      if (await committed()) return 'committed';
      const marker = await this.byId(this.pending, id);
      // Gone: published and cleared (its commit is in: the check above raced it), or dropped as
      // an orphan; either way the next attempt sees which.
      if (!marker) return (await committed()) ? 'committed' : 'held';
      if (this.metFor(marker) >= this.abandonedAfterMs) {
        if (await committed()) return 'committed';
        return (await this.takeOverMarker(id, marker.at, change, at)) ? 'taken' : 'held';
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return (await committed()) ? 'committed' : 'held';
  }

  /** How long this process has known this marker (by its clock); remembered across attempts. */
  private metFor(marker: PendingDocument): number {
    const key = `${marker._id}@${new Date(marker.at).toISOString()}`;
    const now = Date.now();
    const met = this.metMarkers.get(key);
    if (met !== undefined) return now - met;
    if (this.metMarkers.size >= 10_000) this.metMarkers.clear(); // collisions are rare: a bound, not a cache
    this.metMarkers.set(key, now);
    return 0;
  }

  /** Replaces an abandoned marker (by its time) with this writer's; false if another took it first. */
  private async takeOverMarker(id: string, abandonedAt: Date, change: Change<S>, at: Date): Promise<boolean> {
    await this.write(() => this.pending.deleteOne({ _id: id, at: abandonedAt }));
    const inserted = await this.insertOne(this.pending, {
      _id: id,
      agg: change.id,
      v: change.expectedVersion + 1,
      at,
    });
    if (!inserted) return false;
    this.logger?.warn({ commit: id, abandonedAt }, 'took over a pending marker its writer abandoned');
    return true;
  }

  /**
   * Heads of new aggregates, tried again while the store is away (about 15 s). A missing head is
   * found by the next load (`findHeadless`), but at the price of a lookup in the commits and of
   * queries by other fields missing it meanwhile, so if the heads cannot be written the save fails,
   * though its commits stand: the caller's retry collides with them, which writes the heads.
   */
  private async writeNewHeads(heads: Array<HeadDocument<S>>): Promise<void> {
    if (heads.length === 0) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.insertAll(this.heads, heads); // a duplicate: a newer head got there first
        return;
      } catch (error) {
        if (attempt >= 6)
          throw new Error(`${this.name}: saved, but the new heads could not be written: send again`, {
            cause: error,
          });
        this.logger?.warn({ err: error, attempt }, 'could not write new heads yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  /**
   * Brings the head up to the latest commit (the slow path, after a collision or for a missing
   * head) and answers that commit, or null when the head was already the latest.
   */
  async repairHead(id: string): Promise<Versioned<S> | null> {
    return (await this.repairHeads([id])).get(id) ?? null;
  }

  /**
   * `repairHead` for many at once: the heads in one read, then the commits after each in one read a
   * version, and the heads moved in one command. Answers those that were behind, by id.
   */
  private async repairHeads(ids: readonly string[]): Promise<Map<string, Versioned<S>>> {
    const repaired = new Map<string, Versioned<S>>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return repaired;
    const heads = await this.trips.findByIds(this.heads, unique, { v: 1 });
    const latest = new Map<string, CommitDocument<S>>();
    let next = new Map(unique.map((id) => [id, (heads.get(id)?.v ?? 0) + 1]));
    while (next.size > 0) {
      const found = await this.trips.findByIds(
        this.commits,
        [...next].map(([id, version]) => `${id}|${version}`),
      );
      const after = new Map<string, number>();
      for (const [id, version] of next) {
        const commit = found.get(`${id}|${version}`);
        if (!commit) continue;
        latest.set(id, commit);
        after.set(id, version + 1);
      }
      next = after;
    }
    const behind = [...latest.values()];
    const missing = behind.filter((c) => c.v === 1);
    // One try (not the save's retries of `writeNewHeads`, which would hold a reader ~15 s while the
    // store is away): a failure fails the repair, and whoever asked for it asks again.
    if (missing.length > 0)
      await this.insertAll(
        this.heads,
        missing.map((c) => ({ _id: c.agg, v: 1, state: c.state, at: c.at })),
      );
    await this.advanceHeads(
      behind.filter((c) => c.v > 1).map((c) => ({ _id: c.agg, v: c.v, state: c.state, at: c.at })),
    );
    for (const c of behind) repaired.set(c.agg, { id: c.agg, version: c.v, state: c.state });
    return repaired;
  }

  /** Whether this change is a first version saved as its head alone (`firstVersionInHead`). */
  private inHeadOnly(change: Change<S>): boolean {
    if (!this.firstVersionInHead || change.expectedVersion !== 0) return false;
    if (change.events.length > 0)
      throw new Error(`${this.name}: a first version here is its head alone and carries no events`);
    return true;
  }

  async save(change: Change<S>): Promise<number> {
    const version = change.expectedVersion + 1;
    const at = new Date();
    if (this.inHeadOnly(change)) {
      if (await this.insertOne(this.heads, { _id: change.id, v: 1, state: change.state, at })) return 1;
      throw new ConcurrencyError(this.name, change.id, 0);
    }
    const commitId = `${change.id}|${version}`;
    const hasEvents = change.events.length > 0;
    if (hasEvents) {
      const marked = await this.insertOne(this.pending, { _id: commitId, agg: change.id, v: version, at });
      if (!marked) {
        // A marker for this very commit: another writer of the same version is under way, unless
        // it was abandoned by a writer that died.
        const collision = await this.settleMarkerCollision(commitId, change, at);
        if (collision === 'held') throw new VersionHeldError(this.name, [change.id]);
        if (collision === 'committed') {
          await this.repairHead(change.id);
          throw new ConcurrencyError(this.name, change.id, change.expectedVersion);
        }
      }
    }
    // Only our own marker (by its time) is dropped on failure: another writer may have taken the
    // version over.
    const dropMarker = async (): Promise<void> => {
      if (hasEvents)
        await this.write(() => this.pending.deleteOne({ _id: commitId, at })).catch(() => undefined);
    };
    let committed: boolean;
    try {
      committed = await this.insertOne(this.commits, {
        _id: commitId,
        agg: change.id,
        v: version,
        state: change.state,
        events: [...change.events],
        at,
      });
    } catch (error) {
      // No answer (the store going down): the commit may be in all the same. Its marker goes only
      // once the commit is known not to be in; while the store is away it stays, for the relay to
      // publish the commit if it landed, or to drop as an orphan if not.
      const landed = await this.byId(this.commits, commitId, { at: 1 }).then(
        (commit) => (commit ? (new Date(commit.at).getTime() === at.getTime() ? 'ours' : 'theirs') : 'none'),
        () => 'unknown' as const,
      );
      if (landed !== 'ours') {
        if (landed !== 'unknown') await dropMarker();
        throw error;
      }
      committed = true;
    }
    if (!committed) {
      await dropMarker();
      await this.repairHead(change.id);
      throw new ConcurrencyError(this.name, change.id, change.expectedVersion);
    }
    await this.headsUp(hasEvents, () =>
      version === 1
        ? this.writeNewHeads([{ _id: change.id, v: 1, state: change.state, at }])
        : this.advanceHeads([headOf(change, at)], new Set(hasEvents ? [change.id] : [])),
    );
    if (hasEvents) this.onSaved?.(this, [entryOf(change)]);
    return version;
  }

  /**
   * Moves the head forward, never back: true once it is at this version or newer. On FerretDB the
   * conditional update is not atomic, so two writers can race: check and repeat.
   */
  private async advanceHead(id: string, version: number, state: S, at: Date): Promise<boolean> {
    if (version === 1) {
      // A new aggregate (the bulk of any ingest): an insert, atomic everywhere. A duplicate means
      // a newer version's head got there first.
      await this.insertOne(this.heads, { _id: id, v: version, state, at });
      return true;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const filter = { _id: id, v: { $lt: version } } as never;
      const update = { $set: { v: version, state, at } } as never;
      const moved = await this.write(() => this.heads.updateOne(filter, update));
      if (moved.matchedCount === 0) {
        // No head (a crash right after an earlier commit) or a newer one: upsert settles which.
        try {
          await this.write(() => this.heads.updateOne(filter, update, { upsert: true }));
        } catch (error) {
          if (!isDuplicateKey(error)) throw error; // a newer head is already there
        }
      }
      const head = await this.byId(this.heads, id, { v: 1 });
      if (head && head.v >= version) return true;
    }
    return false;
  }

  async backlog(): Promise<PendingCommit[]> {
    const markers = await this.pending.find({}, { projection: { events: 0 } }).toArray();
    return markers.map((m) => ({
      id: m._id,
      aggregateId: m.agg,
      version: m.v,
      mark: `${m._id}@${new Date(m.at).toISOString()}`,
    }));
  }

  /**
   * The commits of pending markers, for a relay round: their heads brought up first (their writer
   * died, or the store went away, between commit and head), so that whoever reacts to the events
   * loads the state that caused them. A head that cannot be brought up fails the round.
   */
  async committed(ids: readonly string[]): Promise<OutboxEntry[]> {
    if (ids.length === 0) return [];
    const commits = await this.byIds(this.commits, ids, { state: 0 });
    await this.repairHeads(commits.map((c) => c.agg));
    return commits.map((c) => ({ id: c._id, aggregateId: c.agg, version: c.v, entries: c.events }));
  }

  /** One read of the backlog of these aggregates (only what is still pending, so small). */
  async waitingBehind(saved: readonly OutboxEntry[]): Promise<Set<string>> {
    if (saved.length === 0) return new Set();
    const ids = new Set(saved.map((s) => s.id));
    const aggregates = [...new Set(saved.map((s) => s.aggregateId))];
    const pending = await this.pending
      .find({ agg: { $in: aggregates } }, { projection: { agg: 1, v: 1 } })
      .toArray();
    return new Set(
      saved
        .filter((s) => pending.some((p) => p.agg === s.aggregateId && p.v < s.version && !ids.has(p._id)))
        .map((s) => s.id),
    );
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.write(() => this.pending.deleteMany({ _id: { $in: [...ids] } }));
  }

  async dropOrphans(markers: readonly PendingCommit[]): Promise<void> {
    for (const marker of markers) {
      const at = new Date(marker.mark.slice(marker.mark.lastIndexOf('@') + 1));
      await this.write(() => this.pending.deleteOne({ _id: marker.id, at }));
    }
  }
}

function headOf<S>(change: Change<S>, at: Date): HeadDocument<S> {
  return { _id: change.id, v: change.expectedVersion + 1, state: change.state, at };
}

function entryOf<S>(change: Change<S>): OutboxEntry {
  return {
    id: `${change.id}|${change.expectedVersion + 1}`,
    aggregateId: change.id,
    version: change.expectedVersion + 1,
    entries: [...change.events],
  };
}
