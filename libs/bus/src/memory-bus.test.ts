import { describe, expect, it } from '@jest/globals';
import { describeBusContract } from './contract';
import { InMemoryBus, partitionFor } from './memory-bus';

describeBusContract('in-memory', () => {
  const bus = new InMemoryBus();
  return Promise.resolve({ bus, otherClient: () => bus, close: () => bus.close() });
});

describe('InMemoryBus', () => {
  it('refuses to publish to a topic that was never created, as the broker does', async () => {
    const bus = new InMemoryBus();
    await expect(bus.publish([{ topic: 'nope', key: 'k', value: 'v' }])).rejects.toThrow(/does not exist/);
  });

  it('puts one key on one partition', () => {
    expect(partitionFor('person-1', 6)).toBe(partitionFor('person-1', 6));
    const spread = new Set(Array.from({ length: 100 }, (_, i) => partitionFor(`p${i}`, 6)));
    expect(spread.size).toBe(6);
  });

  it('reports the uncommitted backlog of a group', async () => {
    const bus = new InMemoryBus();
    await bus.ensureTopics([{ topic: 't', partitions: 2 }]);
    await bus.publish([1, 2, 3].map((i) => ({ topic: 't', key: `k${i}`, value: String(i) })));
    expect(bus.lag('g', ['t'])).toBe(3);
    const sub = await bus.subscribe({ groupId: 'g', topics: ['t'], handler: () => Promise.resolve() });
    for (let i = 0; i < 50 && bus.lag('g', ['t']) > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(bus.lag('g', ['t'])).toBe(0);
    await sub.stop();
    await bus.close();
  });
});
