import { describe, expect, it } from '@jest/globals';
import { indexedStore, KeyIndex, type KeyIndexState } from './key-index';
import { InMemoryAggregateStore } from './memory';
import { ConcurrencyError } from './types';

const newIndex = () => new KeyIndex(new InMemoryAggregateStore<KeyIndexState>('index'));

describe('an index by a natural key', () => {
  it('files each id once under its key, however often it is added', async () => {
    const index = newIndex();
    await index.add([
      { key: 'person:a', id: 'order-1' },
      { key: 'person:b', id: 'order-1' },
    ]);
    await index.add([
      { key: 'person:a', id: 'order-2' },
      { key: 'person:a', id: 'order-1' }, // a redelivery
    ]);
    expect(await index.idsOf('person:a')).toEqual(['order-1', 'order-2']);
    expect([...(await index.idsOfEach(['person:a', 'person:b', 'person:c'])).keys()]).toEqual([
      'person:a',
      'person:b',
    ]);
    expect(await index.idsOf('person:c')).toEqual([]);
  });

  it('loses nothing when writers add under one key at once', async () => {
    const index = newIndex();
    await Promise.all(['o-1', 'o-2', 'o-3', 'o-4', 'o-5'].map((id) => index.add([{ key: 'person:a', id }])));
    expect((await index.idsOf('person:a')).sort()).toEqual(['o-1', 'o-2', 'o-3', 'o-4', 'o-5']);
  });

  it('shares one write among the adds asked for while another is under way, so they do not race', async () => {
    const store = new InMemoryAggregateStore<KeyIndexState>('index');
    const saveMany = store.saveMany.bind(store);
    const writes: number[] = [];
    store.saveMany = async (changes) => {
      const saved = await saveMany(changes);
      writes.push(saved.filter((s) => s instanceof ConcurrencyError).length);
      return saved;
    };
    const index = new KeyIndex(store);
    const members = Array.from({ length: 8 }, (_, i) => `p-${i}`);
    await Promise.all(members.map((id) => index.add([{ key: 'hh-1', id }])));
    expect((await index.idsOf('hh-1')).sort()).toEqual(members);
    // The first alone, at once; the seven asked for meanwhile in one more; no version lost a race.
    expect(writes).toEqual([0, 0]);

    // A write that fails fails every add it carried; the next add goes out on its own.
    store.saveMany = () => Promise.reject(new Error('the store is away'));
    const failed = await Promise.allSettled([
      index.add([{ key: 'hh-2', id: 'a' }]),
      index.add([{ key: 'hh-2', id: 'b' }]),
    ]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    store.saveMany = saveMany;
    await index.add([{ key: 'hh-2', id: 'c' }]);
    expect(await index.idsOf('hh-2')).toEqual(['c']);
  });

  it('is built once from what existed before it', async () => {
    const index = newIndex();
    let scans = 0;
    const existing = () => {
      scans++;
      return Promise.resolve([{ key: 'person:a', id: 'order-0' }]);
    };
    await index.buildOnce(existing);
    await index.buildOnce(existing);
    expect(scans).toBe(1);
    expect(await index.idsOf('person:a')).toEqual(['order-0']);
  });

  it('is written by the store before each save, so a save that fails leaves an id too many, never too few', async () => {
    const index = newIndex();
    const orders = new InMemoryAggregateStore<{ personId: string; open: boolean }>('orders');
    const indexed = indexedStore(orders, index, (o) => (o.open ? [`person:${o.personId}`] : []));
    await indexed.save({
      id: 'order-1',
      expectedVersion: 0,
      state: { personId: 'a', open: true },
      events: [],
    });
    await indexed.saveMany([
      { id: 'order-2', expectedVersion: 0, state: { personId: 'a', open: true }, events: [] },
      { id: 'order-3', expectedVersion: 0, state: { personId: 'b', open: false }, events: [] },
    ]);
    expect(await index.idsOf('person:a')).toEqual(['order-1', 'order-2']);
    expect(await index.idsOf('person:b')).toEqual([]);
    // A save that loses its race: the entry stays (the reader checks the order it loads).
    await expect(
      indexed.save({ id: 'order-1', expectedVersion: 0, state: { personId: 'c', open: true }, events: [] }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await index.idsOf('person:c')).toEqual(['order-1']);
    expect((await indexed.load('order-1'))?.state.personId).toBe('a');
  });
});
