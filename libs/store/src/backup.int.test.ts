import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Binary, Long, MongoClient } from 'mongodb';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { backupDatabases, RestoreRefused, restoreDatabases } from './backup';
import { applyIndexes } from './mongo';
import { MongoAggregateStore } from './mongo-aggregate-store';

interface Tube {
  barcode: string;
  people: string[];
}

describeWithInfra('backup and restore of the store on a real server', (infra) => {
  let client: MongoClient;
  let dir: string;
  const samples = uniqueName('backup-samples');
  const reports = uniqueName('backup-reports');

  beforeAll(async () => {
    client = await MongoClient.connect(infra.mongoUri);
    dir = await mkdtemp(path.join(tmpdir(), 'truyvet-backup-'));
  });
  afterAll(async () => {
    await client.db(samples).dropDatabase();
    await client.db(reports).dropDatabase();
    await client.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back the aggregates, their history, the types of every value and the indexes', async () => {
    // A service's aggregates (commits and heads, a second version) and a read model's documents.
    const db = client.db(samples);
    await applyIndexes(db, MongoAggregateStore.indexes('tubes'));
    const tubes = new MongoAggregateStore<Tube>(db, 'tubes');
    for (let i = 0; i < 30; i++) {
      const id = `s-${String(i).padStart(3, '0')}`;
      await tubes.save({
        id,
        expectedVersion: 0,
        state: { barcode: `B${String(i)}`, people: ['p-1'] },
        events: [],
      });
    }
    await tubes.save({
      id: 's-007',
      expectedVersion: 1,
      state: { barcode: 'B7', people: ['p-1', 'p-2'] },
      events: [],
    });
    const facts = client
      .db(reports)
      .collection<{ _id: string; at: Date; big: Long; raw: Binary; n: number }>('facts');
    await facts.insertMany([
      {
        _id: 'f-1',
        at: new Date('2021-09-01T01:00:00Z'),
        big: Long.fromString('9007199254740993'),
        raw: new Binary(Buffer.from([0, 1, 255])),
        n: 1.5,
      },
      {
        _id: 'f-2',
        at: new Date('2021-09-02T01:00:00Z'),
        big: Long.fromNumber(2),
        raw: new Binary(Buffer.from('x')),
        n: 2,
      },
    ]);
    await client.db(reports).createCollection('empty');
    const before = {
      tubes: await db
        .collection('tubes')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
      commits: await db
        .collection('tubes.commits')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
      facts: await facts.find({}, { sort: { _id: 1 } }).toArray(),
      indexes: ((await db.collection('tubes.commits').listIndexes().toArray()) as Array<{ name: string }>)
        .map((i) => i.name)
        .sort(),
    };

    const manifest = await backupDatabases(client, [samples, reports], dir);
    expect(manifest.databases.map((d) => [d.name, d.collections.map((c) => [c.name, c.documents])])).toEqual([
      [
        samples,
        [
          ['tubes', 30],
          ['tubes.commits', 31],
        ],
      ],
      [
        reports,
        [
          ['empty', 0],
          ['facts', 2],
        ],
      ],
    ]);
    expect((await readdir(dir)).sort()).toEqual([reports, samples, 'manifest.json'].sort());
    // Readable by whoever made it only.
    expect((await stat(path.join(dir, samples))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'manifest.json'))).mode & 0o777).toBe(0o600);

    // Into a store that has moved on: refused before anything is written (the first database,
    // emptied meanwhile, stays empty though the second is where the refusal is); then replaced,
    // which also drops what the backup does not have.
    await client.db(samples).dropDatabase();
    await facts.insertOne({
      _id: 'f-3',
      at: new Date(),
      big: Long.fromNumber(3),
      raw: new Binary(Buffer.from('y')),
      n: 3,
    });
    await expect(restoreDatabases(client, dir)).rejects.toThrow(RestoreRefused);
    expect(await client.db(samples).collection('tubes').countDocuments()).toBe(0);
    await client
      .db(samples)
      .collection('extra')
      .insertOne({ _id: 'x' } as never);
    await restoreDatabases(client, dir, { replace: true });
    expect(
      (await client.db(samples).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort(),
    ).toEqual(['tubes', 'tubes.commits']);

    expect(
      await db
        .collection('tubes')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
    ).toEqual(before.tubes);
    expect(await facts.find({}, { sort: { _id: 1 } }).toArray()).toEqual(before.facts);
    const big = (await facts.findOne({ _id: 'f-1' }))?.big;
    expect(big instanceof Long ? big.toString() : big).toBe('9007199254740993');
    expect(
      await db
        .collection('tubes.commits')
        .find({}, { sort: { _id: 1 } })
        .toArray(),
    ).toEqual(before.commits);
    expect(
      ((await db.collection('tubes.commits').listIndexes().toArray()) as Array<{ name: string }>)
        .map((i) => i.name)
        .sort(),
    ).toEqual(before.indexes);
    expect(
      (await client.db(reports).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort(),
    ).toEqual(['empty', 'facts']);
    // The store reads the restored aggregates as they were at the backup.
    const reread = new MongoAggregateStore<Tube>(db, 'tubes');
    expect((await reread.load('s-007'))?.state.people).toEqual(['p-1', 'p-2']);
    expect((await reread.load('s-001'))?.version).toBe(1);
  });

  it('restores into empty databases without being told to replace', async () => {
    await client.db(samples).dropDatabase();
    await client.db(reports).dropDatabase();
    await restoreDatabases(client, dir);
    expect(await client.db(samples).collection('tubes').countDocuments()).toBe(30);
    expect(await client.db(samples).collection('tubes.commits').countDocuments()).toBe(31);
  });
});
