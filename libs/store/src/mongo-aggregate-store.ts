import { randomUUID } from 'node:crypto';
import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import type { EventToPublish } from '@truyvet/bus';
import type { Logger } from '@truyvet/log';
import { DUPLICATE_KEY, isDuplicateKey, type IndexDeclaration } from './mongo';
import {
  ConcurrencyError,
  type AggregateStore,
  type Change,
  type ClaimedOutbox,
  type OutboxSource,
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
  /** Set while the events are not yet published: the relay's index. */
  pendingSince?: Date;
}

/**
 * A relay's hold on one commit's events. Leases are separate documents so that taking one is an
 * insert (atomic on FerretDB too, through the unique `_id`), not a conditional update.
 */
export interface LeaseDocument {
  _id: string;
  token: string;
  until: Date;
}

/** The latest state of each aggregate, for the service's queries (find by phone, by ward...). */
export interface HeadDocument<S> {
  _id: string;
  v: number;
  state: S;
  at: Date;
}

export class MongoAggregateStore<S> implements AggregateStore<S>, OutboxSource {
  /** Latest state per aggregate: query this (services declare their own indexes on `state.*`). */
  readonly heads: Collection<HeadDocument<S>>;
  readonly commits: Collection<CommitDocument<S>>;
  readonly leases: Collection<LeaseDocument>;

  constructor(
    db: Db,
    readonly name: string,
    private readonly onSaved?: () => void,
    private readonly logger?: Logger,
  ) {
    this.heads = db.collection<HeadDocument<S>>(name);
    this.commits = db.collection<CommitDocument<S>>(`${name}.commits`);
    this.leases = db.collection<LeaseDocument>(`${name}.leases`);
  }

  /** The indexes the store relies on; apply them at start with the service's own. */
  static indexes(name: string): IndexDeclaration[] {
    return [
      {
        collection: `${name}.commits`,
        indexes: [
          { key: { agg: 1, v: -1 }, name: 'aggregate_version', unique: true },
          { key: { pendingSince: 1 }, name: 'outbox_pending', sparse: true },
        ],
      },
    ];
  }

  async load(id: string): Promise<Versioned<S> | null> {
    const [latest] = await this.commits
      .find({ agg: id }, { projection: { state: 1, v: 1 } })
      .sort({ v: -1 })
      .limit(1)
      .toArray();
    return latest ? { id, version: latest.v, state: latest.state } : null;
  }

  async save(change: Change<S>): Promise<number> {
    const version = change.expectedVersion + 1;
    const at = new Date();
    const commit: CommitDocument<S> = {
      _id: `${change.id}|${version}`,
      agg: change.id,
      v: version,
      state: change.state,
      events: [...change.events],
      at,
    };
    if (change.events.length > 0) commit.pendingSince = at;
    try {
      await this.commits.insertOne(commit);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConcurrencyError(this.name, change.id, change.expectedVersion);
      throw error;
    }
    if (change.events.length > 0) this.onSaved?.();
    await this.advanceHead(change.id, version, change.state, at);
    return version;
  }

  /**
   * Moves the head forward, never back. `load` reads the commits, so decisions never use a stale
   * head; the head serves queries. A failure here does not fail the save (its commit is durable).
   * On FerretDB the conditional update is not atomic, so two writers can race: check and repeat.
   */
  private async advanceHead(id: string, version: number, state: S, at: Date): Promise<void> {
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await this.heads.updateOne(
            { _id: id, v: { $lt: version } },
            { $set: { v: version, state, at } },
            { upsert: true },
          );
        } catch (error) {
          if (!isDuplicateKey(error)) throw error; // a newer head is already there
        }
        const head = await this.heads.findOne({ _id: id } as never, { projection: { v: 1 } });
        if (head && head.v >= version) return;
      }
      this.logger?.warn(
        { aggregate: id, version },
        'head left behind its latest commit; the next save moves it',
      );
    } catch (error) {
      this.logger?.warn(
        { err: error, aggregate: id, version },
        'could not advance the head; the next save moves it',
      );
    }
  }

  async claimPending(limit: number, leaseMs: number): Promise<ClaimedOutbox[]> {
    const now = new Date();
    // Look past commits other relays hold, so that they do not starve this one.
    const candidates = await this.commits
      .find({ pendingSince: { $exists: true } } as never, { projection: { agg: 1, v: 1, events: 1 } })
      .sort({ pendingSince: 1, v: 1 })
      .limit(limit * 3)
      .toArray();
    if (candidates.length === 0) return [];
    const leases = await this.leases.find({ _id: { $in: candidates.map((c) => c._id) } }).toArray();
    const expired = leases.filter((l) => l.until < now);
    if (expired.length > 0) {
      // A relay died holding these: take them over (the insert below decides who gets each).
      await this.leases.deleteMany({ $or: expired.map((l) => ({ _id: l._id, token: l.token })) });
    }
    const held = new Set(leases.filter((l) => l.until >= now).map((l) => l._id));
    const free = candidates.filter((c) => !held.has(c._id)).slice(0, limit);
    if (free.length === 0) return [];
    const token = randomUUID();
    const until = new Date(now.getTime() + leaseMs);
    const won = await this.insertLeases(free.map((c) => ({ _id: c._id, token, until })));
    if (won.length === 0) return [];
    const claims = candidates
      .filter((c) => won.includes(c._id))
      .map((c) => ({ id: c._id, aggregateId: c.agg, version: c.v, entries: c.events, token }));
    // Read again now that the leases are ours: another relay may have published some of these
    // between our first read and our lease (it unsets `pendingSince` before it lets go of its lease),
    // and an earlier commit of the same aggregate may still be pending outside our claim.
    const pending = await this.commits
      .find(
        {
          agg: { $in: [...new Set(claims.map((c) => c.aggregateId))] },
          pendingSince: { $exists: true },
        } as never,
        { projection: { agg: 1, v: 1 } },
      )
      .toArray();
    const stillPending = new Set(pending.map((p) => p._id));
    const mine = new Set(claims.map((c) => c.id));
    const usable = claims.filter(
      (c) =>
        stillPending.has(c.id) &&
        !pending.some((p) => p.agg === c.aggregateId && p.v < c.version && !mine.has(p._id)),
    );
    const usableIds = new Set(usable.map((c) => c.id));
    const dropped = claims.filter((c) => !usableIds.has(c.id));
    if (dropped.length > 0) await this.release(dropped);
    // One aggregate's commits in version order, whatever the writers' clocks said.
    return inAggregateOrder(usable);
  }

  /** Inserts leases; of two relays inserting the same one, the unique `_id` lets one win. */
  private async insertLeases(leases: LeaseDocument[]): Promise<string[]> {
    try {
      await this.leases.insertMany(leases, { ordered: false });
      return leases.map((l) => l._id);
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const lost = new Set<number>();
      for (const writeError of [error.writeErrors].flat()) {
        if (writeError.code !== DUPLICATE_KEY) throw error;
        lost.add(writeError.index);
      }
      return leases.filter((_, index) => !lost.has(index)).map((l) => l._id);
    }
  }

  async markPublished(claims: readonly ClaimedOutbox[]): Promise<void> {
    if (claims.length === 0) return;
    const ids = claims.map((c) => c.id);
    await this.commits.updateMany({ _id: { $in: ids } }, { $unset: { pendingSince: '' } } as never);
    await this.release(claims);
  }

  async release(claims: readonly ClaimedOutbox[]): Promise<void> {
    if (claims.length === 0) return;
    await this.leases.deleteMany({ _id: { $in: claims.map((c) => c.id) }, token: claims[0]?.token ?? '' });
  }
}

/** Keeps the order of first appearance of each aggregate, and each aggregate's commits by version. */
export function inAggregateOrder(claims: readonly ClaimedOutbox[]): ClaimedOutbox[] {
  const byAggregate = new Map<string, ClaimedOutbox[]>();
  for (const claim of claims)
    byAggregate.set(claim.aggregateId, [...(byAggregate.get(claim.aggregateId) ?? []), claim]);
  return [...byAggregate.values()].flatMap((list) => list.sort((a, b) => a.version - b.version));
}
