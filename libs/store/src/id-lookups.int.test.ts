import { describe, expect, it } from '@jest/globals';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { describeWithInfra, uniqueName } from '../../../test/harness';
import { connectMongo } from './mongo';
import { RoundTrips } from './round-trips';

/**
 * The store reads by `_id` only on its hot path (ARCHITECTURE.md, "The hot path"), so the server
 * must answer those reads from its `_id` index, whatever the size of the collection. Checked by the
 * server's own query plan, never by a timing: on FerretDB (SQLite) the plan is SQLite's `EXPLAIN
 * QUERY PLAN` of the statement FerretDB generated (the patch in deploy/local/ferretdb/patches makes
 * it use the index, and pushes down `_id` beside other conditions and `_id: {$in}`); on MongoDB it is
 * the winning plan's stages.
 */
interface Plan {
  /** FerretDB: did the backend narrow the rows by the filter at all. */
  pushedDown: boolean;
  /** Every stage or SQLite plan line, as text. */
  lines: string[];
}

interface Person {
  _id: string;
  v: number;
  ward: string;
}

async function planOf(collection: Collection<Person>, filter: Document): Promise<Plan> {
  const explained = await collection.find(filter).explain();
  const planner = explained.queryPlanner as Document | undefined;
  if (Array.isArray(planner?.Plan)) {
    return { pushedDown: explained.filterPushdown === true, lines: (planner.Plan as unknown[]).map(String) };
  }
  // MongoDB: walk the winning plan's stages.
  const lines: string[] = [];
  const walk = (stage: Document | undefined): void => {
    if (!stage) return;
    lines.push(String(stage.stage));
    walk(stage.inputStage as Document | undefined);
    for (const input of (stage.inputStages as Document[] | undefined) ?? []) walk(input);
  };
  walk(planner?.winningPlan as Document | undefined);
  return { pushedDown: true, lines };
}

/** Answered from the `_id` index: SQLite searches it; MongoDB's plan has no collection scan. */
function usesIdIndex(plan: Plan): boolean {
  if (!plan.pushedDown) return false;
  return (
    plan.lines.some((line) => /SEARCH .* USING INDEX .*__id_/.test(line)) ||
    (!plan.lines.some((line) => /SCAN|COLLSCAN/.test(line)) && plan.lines.length > 0)
  );
}

describeWithInfra('the MongoDB-wire server answers `_id` lookups from its index', (infra) => {
  describe('query plans', () => {
    it('uses the `_id` index for an `_id`, an `_id` with other conditions and an `_id` `$in`, and scans for anything else', async () => {
      const connection = await connectMongo(infra.mongoUri, uniqueName('id-lookups'));
      try {
        const people = connection.db.collection<Person>('people');
        await people.insertMany(
          Array.from({ length: 2_000 }, (_, i) => ({ _id: `p-${i}`, v: i % 7, ward: '31117' })),
        );

        const byId = await planOf(people, { _id: 'p-42' });
        const byIdAndVersion = await planOf(people, { _id: 'p-42', v: { $lt: 3 } });
        const byIds = await planOf(people, { _id: { $in: ['p-1', 'p-2', 'p-1999'] } });
        const byWard = await planOf(people, { ward: '31117' });

        expect(usesIdIndex(byId)).toBe(true);
        expect(usesIdIndex(byIdAndVersion)).toBe(true);
        expect(usesIdIndex(byIds)).toBe(true);
        // The plans are read right: a filter on another field has no index here and scans.
        expect(usesIdIndex(byWard)).toBe(false);

        // And the answers are the same as without the index: pushing down narrows, it never decides.
        expect(await people.find({ _id: 'p-45', v: { $lt: 3 } }).toArray()).toEqual([]); // v is 3
        expect(await people.find({ _id: 'p-43', v: { $lt: 3 } }).toArray()).toEqual([
          { _id: 'p-43', v: 1, ward: '31117' },
        ]);
        const found = await people.find({ _id: { $in: ['p-1', 'p-1999', 'nobody'] } }).toArray();
        expect(found.map((p) => p._id).sort()).toEqual(['p-1', 'p-1999']);
        const mixed = await people.find({ _id: { $in: ['p-5', 7 as never] } }).toArray(); // not pushed down
        expect(mixed.map((p) => p._id)).toEqual(['p-5']);
        const moved = await people.updateOne({ _id: 'p-43', v: 1 }, { $set: { v: 100 } });
        expect(moved.modifiedCount).toBe(1);
        expect(await people.countDocuments({ _id: 'p-43', v: 100 })).toBe(1);
      } finally {
        await connection.db.dropDatabase();
        await connection.close();
      }
    });
  });

  it('reads a batch of ids in one command: no getMore after the first answer', async () => {
    const client = await MongoClient.connect(infra.mongoUri, { monitorCommands: true });
    const db = client.db(uniqueName('id-batch'));
    try {
      const people = db.collection<Person>('people');
      await people.insertMany(
        Array.from({ length: 300 }, (_, i) => ({ _id: `p-${i}`, v: 1, ward: '31117' })),
      );
      const commands: string[] = [];
      client.on('commandStarted', (event) => commands.push(event.commandName));
      const trips = new RoundTrips();
      for (const size of [1, 50, 101, 150, 300]) {
        commands.length = 0;
        const ids = Array.from({ length: size }, (_, i) => `p-${i}`);
        const found = await trips.findByIds(people, size === 1 ? ['p-0', 'nobody'] : ids);
        expect(found.size).toBe(size);
        expect(commands).toEqual(['find']);
      }
    } finally {
      await db.dropDatabase();
      await client.close();
    }
  });
});
