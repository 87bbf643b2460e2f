import { describe, expect, it } from '@jest/globals';
import {
  MongoBulkWriteError,
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
  type BulkWriteResult,
  type Collection,
  type Document,
} from 'mongodb';
import { isInfrastructureFailure } from '@truyvet/errors';
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
        Object.defineProperty(error, 'result', {
          value: { insertedCount: batch.length - writeErrors.length },
        });
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

  it('fail every insert of a command that got no answer, though the driver calls it a bulk write error', async () => {
    // What the driver throws when an insert's connection is refused or cut: the network error
    // wrapped in a MongoBulkWriteError with no write errors (the store was going down).
    const { collection } = fakeCollection('commits');
    const away = new MongoBulkWriteError(new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'), {
      insertedCount: 0,
    } as unknown as BulkWriteResult);
    (collection as unknown as { insertMany: () => Promise<never> }).insertMany = () => Promise.reject(away);
    const trips = new RoundTrips();
    const answers = await Promise.allSettled([
      trips.insert(collection, [{ _id: 'a|1' }]),
      trips.insert(collection, [{ _id: 'b|1' }, { _id: 'c|1' }]),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    // Known for what it is: the store away (retried), not a bug (dead-lettered).
    expect(isInfrastructureFailure(away)).toBe(true);
    const selection = new MongoServerSelectionError('Server selection timed out after 30000 ms', {
      type: 'Unknown',
    } as never);
    expect(
      isInfrastructureFailure(new MongoBulkWriteError(selection, {} as unknown as BulkWriteResult)),
    ).toBe(true);
    const refusedByServer = new MongoServerError({ message: 'document too large', code: 10334 });
    expect(
      isInfrastructureFailure(new MongoBulkWriteError(refusedByServer, {} as unknown as BulkWriteResult)),
    ).toBe(false);
    // And a server answer that accounts for fewer documents than were sent is no answer either.
    const { collection: partly } = fakeCollection('heads');
    const short = new MongoBulkWriteError(
      { message: 'E11000', code: 11000, writeErrors: [{ index: 1, code: 11000 }] } as never,
      { insertedCount: 1 } as unknown as BulkWriteResult,
    );
    (partly as unknown as { insertMany: () => Promise<never> }).insertMany = () => Promise.reject(short);
    await expect(new RoundTrips().insert(partly, [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }])).rejects.toBe(
      short,
    );
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

  it('delete older versions asked for meanwhile in one command a version', async () => {
    const deletes: string[] = [];
    const collection = {
      collectionName: 'heads',
      deleteMany: async (filter: { _id: { $in: string[] }; v: { $lt: number } }) => {
        deletes.push(`${filter._id.$in.join(',')} < ${filter.v.$lt}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    } as unknown as Collection;
    const trips = new RoundTrips();
    await Promise.all([
      trips.deleteOlder(collection, [{ _id: 'a', v: 2 }]),
      trips.deleteOlder(collection, [{ _id: 'b', v: 2 }]),
      trips.deleteOlder(collection, [
        { _id: 'c', v: 2 },
        { _id: 'd', v: 5 },
      ]),
    ]);
    // Asked for in one turn: together, a command per version.
    expect(deletes).toEqual(['a,b,c < 2', 'd < 5']);
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
