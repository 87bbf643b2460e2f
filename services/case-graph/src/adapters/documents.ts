/**
 * Plain document collections (the registry's persons as heard, the lab's results as first
 * published, venue visits and app encounters) and queries on aggregate heads, each in MongoDB and
 * in memory (the collections themselves are `@truyvet/store`'s documents).
 */
import {
  InMemoryDocuments,
  MongoDocuments,
  type Documents,
  type InMemoryAggregateStore,
  type MongoAggregateStore,
  type Query,
  type Versioned,
} from '@truyvet/store';

export { InMemoryDocuments, MongoDocuments, type Documents, type Query };

/** Queries on the latest states of an aggregate store. */
export interface States<S> {
  find(query: Query<S>, limit?: number): Promise<Array<Versioned<S>>>;
}

export function inMemoryStates<S>(store: InMemoryAggregateStore<S>): States<S> {
  return { find: (query, limit) => Promise.resolve(store.find(query.matches, limit)) };
}

export function mongoStates<S>(store: MongoAggregateStore<S>): States<S> {
  return {
    find: async (query, limit = 0) => {
      const heads = await store.heads
        .find(query.filter as never)
        .limit(limit)
        .toArray();
      // The filter narrows what is read; the predicate decides (conditions on one array element,
      // which a plain filter cannot say without $elemMatch).
      return heads
        .filter((h) => query.matches(h.state))
        .map((h) => ({ id: h._id, version: h.v, state: h.state }));
    },
  };
}
