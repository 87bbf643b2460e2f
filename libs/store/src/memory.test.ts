import { describe, expect, it } from '@jest/globals';
import { describeStoreContract, type SampleState } from './contract';
import { InMemoryBus } from '@truyvet/bus';
import { createEvent, SampleCollectedV1 } from '@truyvet/events';
import { InMemoryAggregateStore } from './memory';
import { deferredRelay } from './relay';

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

describe('deferredRelay', () => {
  it('lets stores wake a relay that is started after them', async () => {
    const bus = new InMemoryBus();
    await bus.ensureTopics([{ topic: 'deferred.topic', partitions: 1 }]);
    const relayer = deferredRelay();
    const store = new InMemoryAggregateStore<{ n: number }>('deferred', relayer.wake);
    relayer.wake(store, [{ id: 'a|0', aggregateId: 'a', version: 0, entries: [] }]); // before the relay exists: nothing to wake, no error
    const relay = relayer.start({ bus, sources: [store], pollIntervalMs: 60_000 });
    await store.save({
      id: 'a',
      expectedVersion: 0,
      state: { n: 1 },
      events: [
        {
          topic: 'deferred.topic',
          event: createEvent(SampleCollectedV1, {
            sampleId: 's-A1',
            barcode: 'A1AA',
            pooled: false,
            personIds: ['p-1'],
            collectedAt: '2021-11-07T08:30:00+07:00',
            site: { districtCode: '916' },
            reason: 'mass_testing',
            specimenType: 'nasal',
          }),
        },
      ],
    });
    // The poll interval is a minute: only the wake-up can have published it.
    const deadline = Date.now() + 5_000;
    while (bus.read('deferred.topic').length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(bus.read('deferred.topic').map((m) => m.key)).toEqual(['s-A1']);
    await relay.stop();
    await bus.close();
  });
});
