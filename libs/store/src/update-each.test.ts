import { describe, expect, it } from '@jest/globals';
import { InMemoryAggregateStore } from './memory';
import { ConcurrencyError } from './types';
import { updateEach } from './update-each';

interface Tube {
  status: string;
}

async function storeWith(ids: string[]): Promise<InMemoryAggregateStore<Tube>> {
  const store = new InMemoryAggregateStore<Tube>('tubes');
  for (const id of ids)
    await store.save({ id, expectedVersion: 0, state: { status: 'collected' }, events: [] });
  return store;
}

describe('updateEach', () => {
  it('changes each aggregate once, leaves alone what needs no change and what does not exist', async () => {
    const store = await storeWith(['a', 'b', 'c']);
    await store.save({ id: 'c', expectedVersion: 1, state: { status: 'shipped' }, events: [] });
    await updateEach(store, ['a', 'b', 'c', 'missing', 'a'], (s) =>
      s.status === 'shipped' ? undefined : { status: 'shipped' },
    );
    const after = await store.loadMany(['a', 'b', 'c', 'missing']);
    expect([...after].map(([id, v]) => [id, v.version, v.state.status])).toEqual([
      ['a', 2, 'shipped'],
      ['b', 2, 'shipped'],
      ['c', 2, 'shipped'],
    ]);
  });

  it('reads and decides again an aggregate another writer changed meanwhile', async () => {
    const store = await storeWith(['a', 'b']);
    let raced = false;
    const saveMany = store.saveMany.bind(store);
    // Another writer gets to `b` between this call's read and its write, once.
    store.saveMany = async (changes) => {
      if (!raced) {
        raced = true;
        await store.save({ id: 'b', expectedVersion: 1, state: { status: 'rejected' }, events: [] });
      }
      return saveMany(changes);
    };
    const seen: string[] = [];
    await updateEach(store, ['a', 'b'], (s, id) => {
      seen.push(`${id}:${s.status}`);
      return s.status === 'rejected' ? undefined : { status: 'received' };
    });
    expect(seen).toEqual(['a:collected', 'b:collected', 'b:rejected']);
    expect((await store.load('a'))?.state.status).toBe('received');
    expect((await store.load('b'))?.state.status).toBe('rejected');
  });

  it('gives up with the ConcurrencyError after its attempts', async () => {
    const store = await storeWith(['a']);
    store.saveMany = (changes) =>
      Promise.resolve(changes.map((c) => new ConcurrencyError('tubes', c.id, c.expectedVersion)));
    await expect(updateEach(store, ['a'], () => ({ status: 'received' }), 3)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });
});
