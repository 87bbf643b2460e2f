import { describe, expect, it } from '@jest/globals';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { describeStoreContract, type SampleState } from './contract';
import { applyIndexes, connectMongo, MongoDedupStore, type MongoConnection } from './mongo';
import { MongoAggregateStore } from './mongo-aggregate-store';

describeWithInfra('MongoDB-wire store on a real server', (infra) => {
  let connection: MongoConnection | undefined;
  const indexes: Array<Promise<void>> = [];
  const dbName = uniqueName('store-contract');

  describeStoreContract('mongo', async () => {
    connection = await connectMongo(infra.mongoUri, dbName);
    const db = connection.db;
    return {
      store: (onSaved) => {
        const name = uniqueName('samples');
        const store = new MongoAggregateStore<SampleState>(db, name, onSaved);
        indexes.push(applyIndexes(db, MongoAggregateStore.indexes(name)));
        return store;
      },
      close: async () => {
        await Promise.all(indexes);
        await db.dropDatabase();
        await connection?.close();
      },
    };
  });

  describe('MongoDedupStore', () => {
    it('remembers event ids per consumer group', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('dedup'));
      try {
        const dedup = new MongoDedupStore(conn.db);
        expect(await dedup.has('case-graph', 'ev-1')).toBe(false);
        await dedup.add('case-graph', 'ev-1');
        await dedup.add('case-graph', 'ev-1'); // a redelivery adds it again: no error
        expect(await dedup.has('case-graph', 'ev-1')).toBe(true);
        expect(await dedup.has('reporting', 'ev-1')).toBe(false);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });
});
