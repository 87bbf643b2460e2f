/**
 * Plain document collections, in MongoDB and in memory. A query is written once with both of its
 * forms side by side: the MongoDB filter and the predicate the in-memory twin uses; the services'
 * contract suites run them against each other.
 */
import type { Collection, Db, Filter } from 'mongodb';
import { roundTripsOf, type RoundTrips } from './round-trips';

export interface Query<T> {
  /** The MongoDB filter (on the document; for heads, on `state.` paths): it may match more than `matches`. */
  filter: Record<string, unknown>;
  /** What the query means; MongoDB results are held to it too. */
  matches: (value: T) => boolean;
}

export interface Documents<T extends { _id: string }> {
  /** Inserts those not there yet; answers, per document, whether it was new. */
  insert(docs: readonly T[]): Promise<boolean[]>;
  /** Inserts or replaces. */
  put(doc: T): Promise<void>;
  get(id: string): Promise<T | null>;
  getMany(ids: readonly string[]): Promise<Map<string, T>>;
  find(query: Query<T>, limit?: number): Promise<T[]>;
}

export class InMemoryDocuments<T extends { _id: string }> implements Documents<T> {
  private readonly docs = new Map<string, T>();

  insert(docs: readonly T[]): Promise<boolean[]> {
    return Promise.resolve(
      docs.map((doc) => {
        if (this.docs.has(doc._id)) return false;
        this.docs.set(doc._id, structuredClone(doc));
        return true;
      }),
    );
  }

  put(doc: T): Promise<void> {
    this.docs.set(doc._id, structuredClone(doc));
    return Promise.resolve();
  }

  get(id: string): Promise<T | null> {
    const doc = this.docs.get(id);
    return Promise.resolve(doc ? structuredClone(doc) : null);
  }

  getMany(ids: readonly string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc) found.set(id, structuredClone(doc));
    }
    return Promise.resolve(found);
  }

  find(query: Query<T>, limit = Infinity): Promise<T[]> {
    const found: T[] = [];
    for (const doc of this.docs.values()) {
      if (found.length >= limit) break;
      if (query.matches(doc)) found.push(structuredClone(doc));
    }
    return Promise.resolve(found);
  }
}

export class MongoDocuments<T extends { _id: string }> implements Documents<T> {
  readonly collection: Collection<T>;
  /** Reads by `_id` and inserts go through the database's shared round trips (ADR 13). */
  private readonly trips: RoundTrips;

  constructor(db: Db, name: string) {
    this.collection = db.collection<T>(name);
    this.trips = roundTripsOf(db);
  }

  async insert(docs: readonly T[]): Promise<boolean[]> {
    const lost = await this.trips.insert(this.collection, docs);
    return docs.map((_, i) => !lost.has(i));
  }

  /** With the other puts under way in this process: one `update` command for all (ADR 13). */
  async put(doc: T): Promise<void> {
    await this.trips.updateEach(this.collection, [{ filter: { _id: doc._id }, replacement: doc }]);
  }

  get(id: string): Promise<T | null> {
    return this.trips.findById<T>(this.collection, id);
  }

  getMany(ids: readonly string[]): Promise<Map<string, T>> {
    return this.trips.findByIds<T>(this.collection, [...new Set(ids)]);
  }

  async find(query: Query<T>, limit = 0): Promise<T[]> {
    const docs = (await this.collection
      .find(query.filter as Filter<T>)
      .limit(limit)
      .toArray()) as T[];
    return docs.filter(query.matches);
  }
}
