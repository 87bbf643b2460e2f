import { describe, expect, it } from '@jest/globals';
import { InMemoryBus, type EventToPublish } from '@truyvet/bus';
import { createEvent, SampleCollectedV1 } from '@truyvet/events';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { describeStoreContract, type SampleState } from './contract';
import { ConcurrencyError, HeadBehindError, VersionHeldError } from './types';
import { applyIndexes, connectMongo, MongoDedupStore, type MongoConnection } from './mongo';
import { MongoAggregateStore } from './mongo-aggregate-store';
import { MongoDocuments } from './documents';
import { roundTripsOf } from './round-trips';
import { OutboxRelay } from './relay';
import { MongoBulkWriteError, MongoClient, MongoNetworkError, type BulkWriteResult } from 'mongodb';

/** A SampleCollected to commit with a tube (a change with events writes a pending marker). */
function collected(sampleId: string, barcode: string): EventToPublish {
  const event = createEvent(SampleCollectedV1, {
    sampleId,
    barcode,
    pooled: false,
    personIds: ['p-1'],
    collectedAt: '2021-09-01T08:00:00+07:00',
    site: { districtCode: '916', wardCode: '31117', name: 'Trạm y tế' },
    reason: 'mass_testing',
    specimenType: 'nasopharyngeal',
  });
  return { topic: 'truyvet.samples', event };
}

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

  // The same contract with heads replaced (a delete and an insert a batch) instead of updated:
  // every head, or only those of saves with events.
  for (const replaceHeads of [true, 'with-events'] as const)
    describeStoreContract(`mongo, heads replaced (${String(replaceHeads)})`, async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('store-contract-replaced'));
      return {
        store: (onSaved) =>
          new MongoAggregateStore<SampleState>(conn.db, uniqueName('samples'), onSaved, undefined, {
            replaceHeads,
          }),
        close: async () => {
          await conn.db.dropDatabase();
          await conn.close();
        },
      };
    });

  describe('MongoAggregateStore first versions in the head', () => {
    it('writes a new key as its head alone, lets one of two creators win, and commits from version 2 on', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('head-only'));
      try {
        const index = new MongoAggregateStore<{ ids: string[] }>(conn.db, 'index', undefined, undefined, {
          probeHeadless: false,
          firstVersionInHead: true,
        });
        const answers = await index.saveMany([
          { id: 'k1', expectedVersion: 0, state: { ids: ['a'] }, events: [] },
          { id: 'k2', expectedVersion: 0, state: { ids: ['b'] }, events: [] },
        ]);
        expect(answers).toEqual([1, 1]);
        // Two creators of one key: the head's unique `_id` decides, as a commit's would.
        const racing = await Promise.allSettled([
          index.save({ id: 'k3', expectedVersion: 0, state: { ids: ['c'] }, events: [] }),
          index.save({ id: 'k3', expectedVersion: 0, state: { ids: ['d'] }, events: [] }),
        ]);
        expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = racing.find((r) => r.status === 'rejected');
        expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(ConcurrencyError);
        expect(
          await index.saveMany([{ id: 'k1', expectedVersion: 0, state: { ids: ['x'] }, events: [] }]),
        ).toEqual([expect.any(ConcurrencyError)]);
        expect(await index.commits.countDocuments({})).toBe(0);

        await index.save({ id: 'k1', expectedVersion: 1, state: { ids: ['a', 'e'] }, events: [] });
        expect(await index.load('k1')).toMatchObject({ version: 2, state: { ids: ['a', 'e'] } });
        expect((await index.commits.find({}).toArray()).map((c) => c._id)).toEqual(['k1|2']);
        await expect(
          index.save({ id: 'k1', expectedVersion: 1, state: { ids: ['f'] }, events: [] }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        // A first version with events would not collide with one that is a head alone: refused.
        const withEvents = {
          id: 'k4',
          expectedVersion: 0,
          state: { ids: ['g'] },
          events: [collected('k4', 'CT-K4')],
        };
        await expect(index.save(withEvents)).rejects.toThrow(/carries no events/);
        await expect(index.saveMany([withEvents])).rejects.toThrow(/carries no events/);
        expect(await index.load('k4')).toBeNull();
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore heads of saves with events replaced', () => {
    it('has the relay bring back a head lost between its delete and its insert, before it publishes', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('with-events'));
      try {
        // No relay told at once: the markers stay pending, as after a crash.
        const store = new MongoAggregateStore<SampleState>(conn.db, 'lab_samples', undefined, undefined, {
          replaceHeads: 'with-events',
        });
        const bus = new InMemoryBus();
        await bus.ensureTopics([{ topic: 'truyvet.samples', partitions: 1 }]);
        const relay = new OutboxRelay({ bus, sources: [store], graceMs: 0 });
        const tube: SampleState = { barcode: 'CT-21', status: 'collected', history: [] };
        for (const id of ['r1', 'r2'])
          await store.save({ id, expectedVersion: 0, state: tube, events: [collected(id, 'CT-21')] });
        expect(await relay.publishPending()).toBe(2);
        const resulted: SampleState = { ...tube, status: 'resulted', history: ['resulted'] };
        expect(
          await store.saveMany([
            { id: 'r1', expectedVersion: 1, state: resulted, events: [collected('r1', 'CT-21')] },
            { id: 'r2', expectedVersion: 1, state: resulted, events: [] },
          ]),
        ).toEqual([2, 2]);
        // Killed after the old head was deleted and before the new one went in.
        await store.heads.deleteOne({ _id: 'r1' });
        expect(await relay.publishPending()).toBe(1);
        expect(await store.heads.findOne({ _id: 'r1' })).toMatchObject({
          v: 2,
          state: { status: 'resulted' },
        });
        expect(await store.heads.findOne({ _id: 'r2' })).toMatchObject({
          v: 2,
          state: { status: 'resulted' },
        });
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore heads replaced', () => {
    it('moves heads forward past one another writer left behind, and never back', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('replaced-heads'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples', undefined, undefined, {
          replaceHeads: true,
        });
        const state = (status: SampleState['status']): SampleState => ({
          barcode: 'CT-7',
          status,
          history: [],
        });
        const ids = ['a', 'b', 'c'];
        await store.saveMany(
          ids.map((id) => ({ id, expectedVersion: 0, state: state('collected'), events: [] })),
        );
        await store.saveMany(
          ids.map((id) => ({ id, expectedVersion: 1, state: state('shipped'), events: [] })),
        );
        expect((await store.heads.find({}).toArray()).map((h) => h.v)).toEqual([2, 2, 2]);
        // Another writer's older head put back in between (a race of two replacements): the next
        // save moves it forward all the same.
        await store.heads.replaceOne({ _id: 'a' }, { v: 1, state: state('collected'), at: new Date() });
        // A head ahead of the commits (as if a later writer's): a save below it leaves it alone.
        await store.heads.replaceOne({ _id: 'b' }, { v: 9, state: state('resulted'), at: new Date() });
        await store.saveMany(
          ids.map((id) => ({ id, expectedVersion: 2, state: state('resulted'), events: [] })),
        );
        const heads = new Map((await store.heads.find({}).toArray()).map((h) => [h._id, h.v]));
        expect(Object.fromEntries(heads)).toEqual({ a: 3, b: 9, c: 3 });
        expect(await store.load('a')).toMatchObject({ version: 3, state: { status: 'resulted' } });
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
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
        // A crash right after the commit of version 1, before its head: no head at all. A save of
        // version 1 again collides, and the head is there for the next load.
        await store.save({ id: 'a', expectedVersion: 0, state: state('collected'), events: [] });
        await store.heads.deleteOne({ _id: 'a' });
        await expect(
          store.save({ id: 'a', expectedVersion: 0, state: state('collected'), events: [] }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.heads.findOne({ _id: 'a' })).toMatchObject({ v: 1 });
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

  describe('MongoAggregateStore heads advanced in one command', () => {
    it('moves 300 heads forward with saves side by side, and each head is the latest', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('many-heads'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples');
        const state = (status: SampleState['status'], n: number): SampleState => ({
          barcode: `CT-${n}`,
          status,
          history: [],
        });
        const ids = Array.from({ length: 300 }, (_, n) => `s-${n}`);
        await store.saveMany(
          ids.map((id, n) => ({ id, expectedVersion: 0, state: state('collected', n), events: [] })),
        );
        // A bulk save and single saves at once: their head updates go out together (one update
        // command of hundreds of statements, which the patched server answers).
        const [bulk, ...singles] = await Promise.all([
          store.saveMany(
            ids
              .slice(0, 200)
              .map((id, n) => ({ id, expectedVersion: 1, state: state('shipped', n), events: [] })),
          ),
          ...ids
            .slice(200)
            .map((id, n) =>
              store.save({ id, expectedVersion: 1, state: state('shipped', 200 + n), events: [] }),
            ),
        ]);
        expect(bulk).toEqual(Array.from({ length: 200 }, () => 2));
        expect(singles).toEqual(Array.from({ length: 100 }, () => 2));
        const heads = await store.heads.find({}).toArray();
        expect(heads).toHaveLength(300);
        expect(heads.every((h) => h.v === 2 && h.state.status === 'shipped')).toBe(true);
        // The server answers a single command of that many statements (it hung at about 100).
        const moved = await store.heads.bulkWrite(
          ids.map((id) => ({ updateOne: { filter: { _id: id, v: 2 }, update: { $set: { v: 3 } } } })),
          { ordered: false },
        );
        expect(moved.modifiedCount).toBe(300);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore saves that lose to commits already in', () => {
    it('refuses each, drops its own markers and brings the heads up to the winners in a few commands for all', async () => {
      const dbName = uniqueName('lost-commits');
      // A client of its own, to count the commands the losing batch sends.
      const client = new MongoClient(infra.mongoUri, { monitorCommands: true });
      await client.connect();
      const db = client.db(dbName);
      try {
        const store = new MongoAggregateStore<SampleState>(db, 'samples');
        const state = (status: SampleState['status'], n: number): SampleState => ({
          barcode: `CT-${n}`,
          status,
          history: [],
        });
        const ids = Array.from({ length: 40 }, (_, n) => `s-${n}`);
        await store.saveMany(
          ids.map((id, n) => ({ id, expectedVersion: 0, state: state('collected', n), events: [] })),
        );
        // Another writer's version 2 of each is in, and it died before moving the heads.
        await store.commits.insertMany(
          ids.map((id, n) => ({
            _id: `${id}|2`,
            agg: id,
            v: 2,
            state: state('resulted', n),
            events: [],
            at: new Date(),
          })),
        );
        const commands: string[] = [];
        client.on('commandStarted', (event) => commands.push(event.commandName));
        const answers = await store.saveMany(
          ids.map((id, n) => ({
            id,
            expectedVersion: 1,
            state: state('shipped', n),
            events: [collected(id, `CT-${n}`)],
          })),
        );
        client.removeAllListeners('commandStarted');
        expect(answers.every((a) => a instanceof ConcurrencyError)).toBe(true);
        const heads = await store.heads.find({}).toArray();
        expect(heads.map((h) => [h.v, h.state.status])).toEqual(ids.map(() => [2, 'resulted']));
        expect(await store.pending.countDocuments({})).toBe(0);
        // Markers, commits, their removal, the heads, the commits after them (two versions), the
        // heads moved: not one command or more for each of the 40.
        expect(commands.length).toBeLessThanOrEqual(8);
      } finally {
        await db.dropDatabase();
        await client.close();
      }
    });
  });

  describe('update commands', () => {
    it('tell whether every statement matched, so that a caller reads back only when one did not', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('update-answers'));
      try {
        const docs = conn.db.collection<{ _id: string; v: number }>('docs');
        await docs.insertMany([
          { _id: 'a', v: 1 },
          { _id: 'b', v: 1 },
        ]);
        const trips = roundTripsOf(conn.db);
        const advance = (id: string, v: number) => ({
          filter: { _id: id, v: { $lt: v } },
          update: { $set: { v } },
        });
        await expect(trips.updateEach(docs, [advance('a', 2), advance('b', 2)])).resolves.toEqual({
          allMatched: true,
        });
        // One head already there (or ahead), one missing: the caller must look.
        await expect(trips.updateEach(docs, [advance('a', 2), advance('b', 3)])).resolves.toEqual({
          allMatched: false,
        });
        await expect(trips.updateEach(docs, [advance('missing', 2)])).resolves.toEqual({ allMatched: false });
        await expect(
          trips.updateEach(docs, [{ filter: { _id: 'c' }, replacement: { _id: 'c', v: 1 } }]),
        ).resolves.toEqual({ allMatched: true });
        expect(await docs.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
          { _id: 'a', v: 2 },
          { _id: 'b', v: 3 },
          { _id: 'c', v: 1 },
        ]);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoDocuments puts side by side', () => {
    it('writes 300 puts, new and replacing, in a few update commands, each document as last put', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('puts'));
      try {
        const facts = new MongoDocuments<{ _id: string; n: number }>(conn.db, 'facts');
        await Promise.all(Array.from({ length: 150 }, (_, n) => facts.put({ _id: `f-${n}`, n })));
        await Promise.all(Array.from({ length: 300 }, (_, n) => facts.put({ _id: `f-${n}`, n: n + 1000 })));
        const found = await facts.getMany(Array.from({ length: 300 }, (_, n) => `f-${n}`));
        expect(found.size).toBe(300);
        expect([...found.values()].every((f) => f.n === Number(f._id.slice(2)) + 1000)).toBe(true);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore heads after a crash with events', () => {
    it('finds a new aggregate whose writer died after its commit and before its head, and writes the head', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('marker-heads'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples');
        const state: SampleState = { barcode: 'CT-6', status: 'collected', history: [] };
        const change = (id: string) => ({
          id,
          expectedVersion: 0,
          state,
          events: [collected(id, `CT-${id}`)],
        });
        // Killed after the marker and the commit of version 1, before the head (a moment ago, so the
        // marker is young: a retry loses to it).
        const ids = ['e', 'f', 'g', 'h'];
        for (const id of ids) {
          await store.save(change(id));
          await store.heads.deleteOne({ _id: id });
        }
        const headOf = async (id: string) => (await store.heads.findOne({ _id: id }))?.v;
        // A retry of the writer loses to the marker, and leaves the head written.
        await expect(store.save(change('e'))).rejects.toBeInstanceOf(ConcurrencyError);
        const [bulk] = await store.saveMany([change('f')]);
        expect(bulk).toBeInstanceOf(ConcurrencyError);
        expect([await headOf('e'), await headOf('f')]).toEqual([1, 1]);
        // A reader that never saves finds the others, and writes their heads too.
        expect(await store.load('g')).toMatchObject({ id: 'g', version: 1, state: { barcode: 'CT-6' } });
        const found = await store.loadMany(['h', 'never-written']);
        expect([...found.keys()]).toEqual(['h']);
        expect([await headOf('g'), await headOf('h')]).toEqual([1, 1]);
        // Still one commit each: nothing wrote a second version.
        expect(await store.commits.countDocuments({ agg: { $in: ids } })).toBe(ids.length);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('a store that does not probe for headless aggregates', () => {
    it('takes one for none when reading, and repairs it when a writer collides with its commit', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('no-probe'));
      try {
        const index = new MongoAggregateStore<{ ids: string[] }>(conn.db, 'index', undefined, undefined, {
          probeHeadless: false,
        });
        // Killed after the first commit of a key, before its head.
        await index.save({ id: 'k', expectedVersion: 0, state: { ids: ['a'] }, events: [] });
        await index.heads.deleteOne({ _id: 'k' });
        expect(await index.load('k')).toBeNull();
        expect((await index.loadMany(['k'])).size).toBe(0);
        // The retry of that writer (or any other) saves version 1 again: it collides, and the head
        // is written, so its next attempt builds on the commit.
        await expect(
          index.save({ id: 'k', expectedVersion: 0, state: { ids: ['b'] }, events: [] }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await index.load('k')).toMatchObject({ version: 1, state: { ids: ['a'] } });
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('the store client reconnected', () => {
    it('keeps the collections the stores hold working after close and connect (what the watchdog does)', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('reconnect'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples');
        const state: SampleState = { barcode: 'CT-5', status: 'collected', history: [] };
        await store.save({ id: 'r', expectedVersion: 0, state, events: [] });
        await conn.client.close();
        await conn.client.connect();
        expect(await store.load('r')).toMatchObject({ version: 1 });
        expect(await store.save({ id: 'r', expectedVersion: 1, state, events: [] })).toBe(2);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore new heads', () => {
    it("writes a new aggregate's head again when the store fails it, so a reader finds the aggregate", async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('new-heads'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples');
        const state: SampleState = { barcode: 'CT-7', status: 'collected', history: [] };
        // The store fails the first two head inserts (as while it restarts), then is back.
        const insertMany = store.heads.insertMany.bind(store.heads);
        let failures = 0;
        store.heads.insertMany = (...args: Parameters<typeof insertMany>) => {
          if (failures++ < 2) return Promise.reject(new Error('connection reset by the store'));
          return insertMany(...args);
        };
        expect(await store.save({ id: 'c', expectedVersion: 0, state, events: [] })).toBe(1);
        expect(await store.saveMany([{ id: 'd', expectedVersion: 0, state, events: [] }])).toEqual([1]);
        expect(failures).toBe(4);
        expect((await store.loadMany(['c', 'd'])).size).toBe(2);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore heads that cannot be brought up to their commits', () => {
    it('answers the save as failed and publishes nothing at once; the retry and the relay round each bring the head up', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('heads-behind'));
      try {
        const told: string[][] = [];
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples', (_, saved) => {
          told.push(saved.map((e) => e.id));
        });
        const bus = new InMemoryBus();
        await bus.ensureTopics([{ topic: 'truyvet.samples', partitions: 1 }]);
        const relay = new OutboxRelay({ bus, sources: [store], graceMs: 0 });
        const collectedState: SampleState = { barcode: 'CT-8', status: 'collected', history: [] };
        const shipped: SampleState = { ...collectedState, status: 'shipped', history: ['shipped'] };
        for (const id of ['a', 'b'])
          await store.save({
            id,
            expectedVersion: 0,
            state: collectedState,
            events: [collected(id, 'CT-8')],
          });
        expect(await relay.publishPending()).toBe(2); // the first versions out (by the relay here)
        told.length = 0;

        // The store goes away between the commits and their heads: every head write fails.
        const away = () => Promise.reject(new MongoNetworkError('connection closed'));
        const { bulkWrite, updateOne } = store.heads;
        store.heads.bulkWrite = away;
        store.heads.updateOne = away;
        const second = (id: string) => ({
          id,
          expectedVersion: 1,
          state: shipped,
          events: [collected(id, 'CT-8')],
        });
        await expect(store.save(second('a'))).rejects.toBeInstanceOf(HeadBehindError);
        await expect(store.saveMany([second('b')])).rejects.toBeInstanceOf(HeadBehindError);
        // Nothing was published from memory: the relay was told to look at its backlog instead.
        expect(told).toEqual([[], []]);
        store.heads.bulkWrite = bulkWrite;
        store.heads.updateOne = updateOne;
        // The heads lag: a reader by id sees the state before the saves.
        expect((await store.loadMany(['a', 'b'])).get('a')?.version).toBe(1);

        // The caller sends 'a' again: it collides with its own commit, which brings the head up.
        await expect(store.save(second('a'))).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.load('a'))?.state.status).toBe('shipped');
        // Nobody sends 'b' again: the relay brings its head up before it publishes both.
        expect(await relay.publishPending()).toBe(2);
        expect((await store.load('b'))?.version).toBe(2);
        expect(await store.pending.countDocuments({})).toBe(0);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore a commit insert that gets no answer', () => {
    it('is a save when its commit landed all the same, and keeps or drops its marker by what it finds', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('unanswered'));
      try {
        const published: string[] = [];
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples', (_, saved) => {
          published.push(...saved.map((e) => e.id));
        });
        const state: SampleState = { barcode: 'CT-5', status: 'collected', history: [] };
        const insertMany = store.commits.insertMany.bind(store.commits);
        // What the driver throws when the connection is cut before the answer (FerretDB going down).
        const cut = () =>
          new MongoBulkWriteError(
            new MongoNetworkError('connection closed'),
            {} as unknown as BulkWriteResult,
          );
        // The commit goes in, the answer is lost: the save stands, its head and events follow.
        store.commits.insertMany = async (...args: Parameters<typeof insertMany>) => {
          await insertMany(...args);
          throw cut();
        };
        expect(
          await store.save({ id: 'a', expectedVersion: 0, state, events: [collected('a', 'CT-5')] }),
        ).toBe(1);
        expect(published).toEqual(['a|1']);
        expect((await store.load('a'))?.version).toBe(1);
        // The commit does not go in: the save fails and its marker goes (nothing to publish).
        store.commits.insertMany = () => Promise.reject(cut());
        await expect(
          store.save({ id: 'c', expectedVersion: 0, state, events: [collected('c', 'CT-6')] }),
        ).rejects.toBeInstanceOf(MongoBulkWriteError);
        expect(await store.pending.findOne({ _id: 'c|1' })).toBeNull();
        // The store away even for the look: the marker stays, for the relay to settle.
        const find = store.commits.find.bind(store.commits);
        store.commits.find = () => {
          throw new MongoNetworkError('connect ECONNREFUSED');
        };
        await expect(
          store.save({ id: 'd', expectedVersion: 0, state, events: [collected('d', 'CT-7')] }),
        ).rejects.toBeInstanceOf(MongoBulkWriteError);
        store.commits.find = find;
        expect(await store.pending.findOne({ _id: 'd|1' })).not.toBeNull();
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });
  });

  describe('MongoAggregateStore pending markers', () => {
    it("takes over a marker whose writer died before its commit once this writer has known it a while, but not a live writer's", async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('abandoned'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples', undefined, undefined, {
          abandonedAfterMs: 1_500,
        });
        const state: SampleState = { barcode: 'CT-8', status: 'collected', history: [] };
        const change = { id: 'b', expectedVersion: 0, state, events: [collected('b', 'CT-8')] };
        // A writer died after its marker for version 1, before the commit. The time it wrote says
        // nothing to this writer (another host's clock, here an hour ahead): only how long this
        // writer has met the marker counts.
        await store.pending.insertOne({ _id: 'b|1', agg: 'b', v: 1, at: new Date(Date.now() + 3_600_000) });
        await expect(store.save(change)).rejects.toBeInstanceOf(VersionHeldError);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await store.save(change)).toBe(1);
        expect((await store.pending.findOne({ _id: 'b|1' }))?.at.getTime()).toBeLessThan(Date.now() + 60_000);
        // A fresh marker whose commit lands a moment later is a live writer's: the save loses.
        await store.pending.insertOne({ _id: 'b|2', agg: 'b', v: 2, at: new Date(Date.now() - 3_600_000) });
        const landing = new Promise((resolve) => setTimeout(resolve, 150)).then(() =>
          store.commits.insertOne({ _id: 'b|2', agg: 'b', v: 2, state, events: [], at: new Date() }),
        );
        await expect(store.save({ ...change, expectedVersion: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
        await landing;
        const [bulk] = await store.saveMany([{ ...change, expectedVersion: 1 }]);
        expect(bulk).toBeInstanceOf(ConcurrencyError);
        expect((await store.load('b'))?.version).toBe(2);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });

    it('says "send again", not "already exists", while a fresh marker has no commit (an attempt cut off between the two)', async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('held'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples', undefined, undefined, {
          abandonedAfterMs: 2_000,
        });
        const state: SampleState = { barcode: 'CT-9', status: 'collected', history: [] };
        const change = (id: string) => ({
          id,
          expectedVersion: 0,
          state,
          events: [collected(id, `BC-${id}`)],
        });
        // An earlier attempt of the same batch put its markers in, then the store went away.
        await store.pending.insertMany([
          { _id: 'h1|1', agg: 'h1', v: 1, at: new Date() },
          { _id: 'h2|1', agg: 'h2', v: 1, at: new Date() },
        ]);
        await expect(store.save(change('h1'))).rejects.toBeInstanceOf(VersionHeldError);
        // In bulk the rest of the batch is saved, and the call still says to send again.
        await expect(store.saveMany([change('h2'), change('n1')])).rejects.toBeInstanceOf(VersionHeldError);
        expect((await store.load('n1'))?.version).toBe(1);
        expect(await store.load('h2')).toBeNull();
        // Sent again once the markers are abandoned: saved, and what was saved before is known.
        await new Promise((resolve) => setTimeout(resolve, 2_100));
        expect(await store.save(change('h1'))).toBe(1);
        const again = await store.saveMany([change('h2'), change('n1')]);
        expect(again[0]).toBe(1);
        expect(again[1]).toBeInstanceOf(ConcurrencyError);
        expect([...(await store.loadMany(['h1', 'h2', 'n1'])).keys()].sort()).toEqual(['h1', 'h2', 'n1']);
      } finally {
        await conn.db.dropDatabase();
        await conn.close();
      }
    });

    it("publishes a commit its writer never published, and drops a marker whose commit never came, each timed by the relay's clock", async () => {
      const conn = await connectMongo(infra.mongoUri, uniqueName('pending'));
      try {
        const store = new MongoAggregateStore<SampleState>(conn.db, 'samples');
        const bus = new InMemoryBus();
        await bus.ensureTopics([{ topic: 'contract.samples', partitions: 1 }]);
        const relay = new OutboxRelay({ bus, sources: [store], graceMs: 300, orphanAfterMs: 900 });
        const event = (id: string) => ({
          topic: 'contract.samples',
          event: createEvent(SampleCollectedV1, {
            sampleId: id,
            barcode: `BC-${id}`,
            pooled: false,
            personIds: [`p-${id}`],
            collectedAt: '2021-11-07T08:30:00+07:00',
            site: { districtCode: '916' },
            reason: 'mass_testing',
            specimenType: 'nasal',
          }),
        });
        const state: SampleState = { barcode: 'CT-1', status: 'collected', history: [] };
        // Committed, but the writer died before publishing (nobody was told of the save).
        await store.save({ id: 'crashed', expectedVersion: 0, state, events: [event('crashed')] });
        // A marker whose commit never came (the writer died in between), written by a clock two
        // minutes behind: its time does not make it old.
        await store.pending.insertOne({
          _id: 'never|1',
          agg: 'never',
          v: 1,
          at: new Date(Date.now() - 120_000),
        });
        // Just seen: both are left to their writers.
        expect(await relay.publishPending()).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 350));
        expect(await relay.publishPending()).toBe(1);
        expect(bus.read('contract.samples').map((m) => m.key)).toEqual(['crashed']);
        expect(await store.pending.countDocuments({})).toBe(1); // the orphan, still young to this relay
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect(await relay.publishPending()).toBe(0);
        expect(await store.pending.countDocuments({})).toBe(0);
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
