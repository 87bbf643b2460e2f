/**
 * Plain document collections, in MongoDB and in memory. A query is written once with both of its
 * forms side by side: the MongoDB filter and the predicate the in-memory twin uses; the services'
 * contract suites run them against each other.
 */
import type { Collection, Db, Filter } from 'mongodb';
import { insertReportingDuplicates } from './mongo';
import { FEW } from './mongo-aggregate-store';

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

  constructor(db: Db, name: string) {
    this.collection = db.collection<T>(name);
  }

  async insert(docs: readonly T[]): Promise<boolean[]> {
    const lost = await insertReportingDuplicates(this.collection, docs as never);
    return docs.map((_, i) => !lost.has(i));
  }

  async put(doc: T): Promise<void> {
    await this.collection.replaceOne({ _id: doc._id } as Filter<T>, doc, { upsert: true });
  }

  async get(id: string): Promise<T | null> {
    return (await this.collection.findOne({ _id: id } as Filter<T>, { projection: {} })) as T | null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    // A few lone-`_id` lookups: FerretDB decodes the whole collection for an `$in` (ADR 3).
    const docs: Array<T | null> =
      unique.length <= FEW
        ? await Promise.all(unique.map((id) => this.get(id)))
        : ((await this.collection.find({ _id: { $in: unique } } as Filter<T>).toArray()) as T[]);
    for (const doc of docs) if (doc) found.set(doc._id, doc);
    return found;
  }

  async find(query: Query<T>, limit = 0): Promise<T[]> {
    const docs = (await this.collection
      .find(query.filter as Filter<T>)
      .limit(limit)
      .toArray()) as T[];
    return docs.filter(query.matches);
  }
}
