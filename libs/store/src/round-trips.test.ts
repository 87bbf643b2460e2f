import { describe, expect, it } from '@jest/globals';
import { MongoBulkWriteError, type Collection, type Document } from 'mongodb';
import { RoundTrips } from './round-trips';

/** A collection stand-in that records its commands and answers after a tick, like a server. */
function fakeCollection(name: string, docs = new Map<string, Document>()) {
  const commands: string[] = [];
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  const collection = {
    collectionName: name,
    find: (filter: { _id: { $in: string[] } }) => ({
      toArray: async () => {
        commands.push(`find ${filter._id.$in.join(',')}`);
        await tick();
        return filter._id.$in.flatMap((id) => (docs.has(id) ? [structuredClone(docs.get(id))] : []));
      },
    }),
    insertMany: async (batch: Document[]) => {
      commands.push(`insert ${batch.map((d) => String(d._id)).join(',')}`);
      await tick();
      const writeErrors: Array<{ index: number; code: number }> = [];
      batch.forEach((doc, index) => {
        const id = String(doc._id);
        if (docs.has(id)) writeErrors.push({ index, code: 11000 });
        else docs.set(id, doc);
      });
      if (writeErrors.length > 0) {
        const error = Object.create(MongoBulkWriteError.prototype) as MongoBulkWriteError;
        Object.defineProperty(error, 'writeErrors', { value: writeErrors });
        throw error;
      }
    },
  };
  return { collection: collection as unknown as Collection, commands, docs };
}

describe("a database's round trips", () => {
  it('answer reads by `_id` asked for meanwhile with one read', async () => {
    const { collection, commands } = fakeCollection('persons', new Map([['a', { _id: 'a', n: 1 }]]));
    const trips = new RoundTrips();
    const [a, b, again] = await Promise.all([
      trips.findById(collection, 'a'),
      trips.findById(collection, 'b'),
      trips.findByIds(collection, ['a', 'c']),
    ]);
    expect(a).toEqual({ _id: 'a', n: 1 });
    expect(b).toBeNull();
    expect([...again.keys()]).toEqual(['a']);
    // The first read goes at once; the two asked for while it was under way go as one.
    expect(commands).toEqual(['find a', 'find b,a,c']);
    // Each caller gets its own copy of a document asked for twice.
    (a as Document).n = 2;
    expect(again.get('a')).toEqual({ _id: 'a', n: 1 });
  });

  it('send inserts asked for meanwhile as one, each caller told of its own duplicates', async () => {
    const { collection, commands } = fakeCollection('commits', new Map([['x|1', { _id: 'x|1' }]]));
    const trips = new RoundTrips();
    const answers = await Promise.all([
      trips.insert(collection, [{ _id: 'a|1' }]),
      trips.insert(collection, [{ _id: 'b|1' }, { _id: 'x|1' }]),
      trips.insert(collection, [{ _id: 'a|1' }, { _id: 'c|1' }]), // a|1 raced: the first one wins
    ]);
    expect(answers.map((duplicates) => [...duplicates])).toEqual([[], [1], [0]]);
    // Asked for in one turn: one insert for all three.
    expect(commands).toEqual(['insert a|1,b|1,x|1,a|1,c|1']);
  });

  it('fail the writes waiting behind one that found the store away, at once', async () => {
    const trips = new RoundTrips();
    const away = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      name: 'MongoServerSelectionError',
    });
    let ran = 0;
    const first = trips.write(() => Promise.reject(away));
    const behind = [1, 2, 3].map(() =>
      trips.write(() => {
        ran++;
        return Promise.resolve();
      }),
    );
    await expect(first).rejects.toBe(away);
    for (const write of behind) await expect(write).rejects.toBe(away);
    expect(ran).toBe(0);
    // And the next write goes out as usual.
    await expect(trips.write(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('keep writes one at a time', async () => {
    const trips = new RoundTrips();
    let inHand = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        trips.write(async () => {
          inHand++;
          most = Math.max(most, inHand);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inHand--;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('fail every caller of a read that failed, and go on with the next', async () => {
    const { collection } = fakeCollection('persons', new Map([['a', { _id: 'a' }]]));
    let failNext = true;
    const find = collection.find.bind(collection);
    collection.find = ((filter: never) => {
      if (!failNext) return find(filter);
      failNext = false;
      return { toArray: () => Promise.reject(new Error('store away')) };
    }) as never;
    const trips = new RoundTrips();
    await expect(trips.findById(collection, 'a')).rejects.toThrow('store away');
    expect(await trips.findById(collection, 'a')).toEqual({ _id: 'a' });
  });
});
