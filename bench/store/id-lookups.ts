/**
 * The MongoDB-wire server's `_id` operations on a collection of a city's size, with the driver
 * alone (no truyvet code): what the store's hot path can cost at most. Run it against the patched
 * FerretDB of deploy/local and against an unpatched build (or MongoDB) to compare.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/ npx tsx bench/store/id-lookups.ts
 *   BENCH_DOCUMENTS=100000 ...
 */
import { MongoClient } from 'mongodb';

const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const documents = Number(process.env.BENCH_DOCUMENTS ?? 20_000);

async function main(): Promise<void> {
  const client = await MongoClient.connect(uri);
  const db = client.db(`bench-id-lookups-${process.pid}`);
  const people = db.collection('people');
  try {
    for (let start = 0; start < documents; start += 1_000) {
      await people.insertMany(
        Array.from({ length: Math.min(1_000, documents - start) }, (_, k) => {
          const i = start + k;
          return { _id: `p-${i}` as never, v: i % 7, name: `Nguyễn Văn ${i}`, ward: '31117' };
        }),
      );
    }
    const id = (i: number): string => `p-${(i * 7_919) % documents}`;
    const ids = (i: number): string[] => Array.from({ length: 100 }, (_, k) => id(i * 100 + k));
    const time = async (
      label: string,
      times: number,
      run: (i: number) => Promise<unknown>,
    ): Promise<void> => {
      const started = performance.now();
      for (let i = 0; i < times; i++) await run(i);
      console.log(`${label.padEnd(44)} ${((performance.now() - started) / times).toFixed(2).padStart(8)} ms`);
    };
    console.log(`${documents} documents in one collection, ${uri}`);
    await time('findOne({ _id })', 200, (i) => people.findOne({ _id: id(i) as never }));
    await time('findOne({ _id }) of a missing one', 200, (i) => people.findOne({ _id: `q-${i}` as never }));
    await time('find({ _id: { $in: 100 ids } })', 20, (i) =>
      people.find({ _id: { $in: ids(i) } } as never).toArray(),
    );
    await time('updateOne({ _id, v: { $lt } }, { $set })', 100, (i) =>
      people.updateOne({ _id: id(i) as never, v: { $lt: 100 } }, { $set: { name: `x${i}` } }),
    );
    await time('deleteMany({ _id: { $in: 100 ids } })', 5, (i) =>
      people.deleteMany({ _id: { $in: Array.from({ length: 100 }, (_, k) => `p-${i * 100 + k}`) } } as never),
    );
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

void main();
