import { describe, expect, it } from '@jest/globals';
import { describeStoreContract, type SampleState } from './contract';
import { InMemoryAggregateStore } from './memory';

let n = 0;
describeStoreContract('in-memory', () =>
  Promise.resolve({
    store: (onSaved) => new InMemoryAggregateStore<SampleState>(`samples-${n++}`, onSaved),
    close: () => Promise.resolve(),
  }),
);

describe('InMemoryAggregateStore.find', () => {
  it('returns copies of the latest states that match, up to a limit', async () => {
    const store = new InMemoryAggregateStore<SampleState>('finds');
    for (const [i, status] of (['collected', 'shipped', 'collected'] as const).entries()) {
      await store.save({
        id: `s${i}`,
        expectedVersion: 0,
        state: { barcode: `B${i}`, status: 'collected', history: [] },
        events: [],
      });
      await store.save({
        id: `s${i}`,
        expectedVersion: 1,
        state: { barcode: `B${i}`, status, history: [] },
        events: [],
      });
    }
    const collected = store.find((s) => s.status === 'collected');
    expect(collected.map((c) => [c.id, c.version])).toEqual([
      ['s0', 2],
      ['s2', 2],
    ]);
    collected[0]?.state.history.push('changed by the caller');
    expect(store.find((s) => s.barcode === 'B0')[0]?.state.history).toEqual([]);
    expect(store.find(() => true, 1)).toHaveLength(1);
  });
});
