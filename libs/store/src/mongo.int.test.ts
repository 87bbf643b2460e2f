import { describe, expect, it } from '@jest/globals';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { describeStoreContract, type SampleState } from './contract';
import { ConcurrencyError } from './types';
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

  describe('MongoAggregateStore heads', () => {
    it('repairs a head left behind by a crash when a save collides with the newer commit', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('heads'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples');
        const state = (status: SampleState['status']): SampleState => ({
          barcode: 'CT-9',
          status,
          history: [],
        });
        // A crash right after the commit of version 1, before its head: no head at all.
        await store.save({ id: 'a', expectedVersion: 0, state: state('collected'), events: [] });
        await store.heads.deleteOne({ _id: 'a' });
        expect(await store.load('a')).toBeNull();
        await expect(
          store.save({ id: 'a', expectedVersion: 0, state: state('collected'), events: [] }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.load('a')).toMatchObject({ version: 1, state: { status: 'collected' } });
        // A crash after the commit of version 2: the head still says version 1.
        await store.save({ id: 'a', expectedVersion: 1, state: state('shipped'), events: [] });
        await store.heads.updateOne({ _id: 'a' }, { $set: { v: 1, state: state('collected') } });
        await expect(
          store.save({ id: 'a', expectedVersion: 1, state: state('resulted'), events: [] }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.load('a')).toMatchObject({ version: 2, state: { status: 'shipped' } });
        expect(await store.save({ id: 'a', expectedVersion: 2, state: state('resulted'), events: [] })).toBe(
          3,
        );
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
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
