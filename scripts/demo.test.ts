import { describe, expect, it } from '@jest/globals';
import { InMemoryBus, InMemoryDedupStore } from '@truyvet/bus';
import { InMemoryAggregateStore, type OutboxRelay } from '@truyvet/store';
import { demoWards, runFoundationDemo, type SampleState } from './demo';

describe('quick start demonstration (embedded)', () => {
  it('applies every sample once, skips the redelivery and dead-letters the poison event with its reason', async () => {
    const relayHook: { relay?: OutboxRelay } = {};
    const bus = new InMemoryBus();
    const summary = await runFoundationDemo({
      bus,
      store: new InMemoryAggregateStore<SampleState>('samples', () => relayHook.relay?.notify()),
      dedup: new InMemoryDedupStore(),
      relayHook,
      samples: 300,
      groupId: 'demo-test',
    });
    await bus.close();
    expect(summary.applied).toBe(300);
    expect(summary.pooled).toBe(200);
    expect(Object.keys(summary.perWard).sort()).toEqual(demoWards.map((w) => w.code).sort());
    expect(Object.values(summary.perWard).reduce((n, w) => n + w.people, 0)).toBe(summary.people);
    expect(summary.redeliveredEventApplications).toBe(1);
    expect(summary.deadLettered).toEqual([
      { code: 'UNSUPPORTED_VERSION', reason: 'SampleCollected v7 is not supported (known: v1)' },
    ]);
  });
});
