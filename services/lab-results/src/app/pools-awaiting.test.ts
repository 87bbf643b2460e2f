import { describe, expect, it } from '@jest/globals';
import { InMemoryAggregateStore } from '@truyvet/store';
import { newLabSample, type LabSampleState } from '../domain/lab-sample';
import { newlyAwaited, PoolsAwaiting, type PoolsAwaitingState } from './pools-awaiting';

function pool(sampleId: string, personIds: string[], open: string[]): LabSampleState {
  return {
    ...newLabSample({
      sampleId,
      barcode: sampleId,
      pooled: true,
      personIds,
      collectedAt: '2021-11-07T08:30:00+07:00',
      site: { districtCode: '916', wardCode: '31117' },
      reason: 'mass_testing',
      specimenType: 'oropharyngeal',
    }),
    openOrders: open.map((personId) => ({ orderId: `o-${sampleId}-${personId}`, personId })),
  };
}

describe('the pools awaiting a member', () => {
  it('are the members whose orders a decision opens, for pools only', () => {
    const before = pool('s-1', ['a', 'b', 'c'], []);
    const after = pool('s-1', ['a', 'b', 'c'], ['a', 'b', 'c']);
    expect(newlyAwaited(before, after)).toEqual([
      { personId: 'a', poolId: 's-1' },
      { personId: 'b', poolId: 's-1' },
      { personId: 'c', poolId: 's-1' },
    ]);
    // Orders already open are in the index already; a single tube has none.
    expect(newlyAwaited(after, after)).toEqual([]);
    expect(newlyAwaited(undefined, { ...after, sample: { ...after.sample, pooled: false } })).toEqual([]);
  });

  it('are kept by person id, each pool once, however often they are expected', async () => {
    const pools = new PoolsAwaiting(new InMemoryAggregateStore<PoolsAwaitingState>('pools_awaiting'));
    await pools.expect([
      { personId: 'a', poolId: 's-1' },
      { personId: 'b', poolId: 's-1' },
    ]);
    await pools.expect([
      { personId: 'a', poolId: 's-2' },
      { personId: 'a', poolId: 's-1' }, // a redelivery
    ]);
    expect(await pools.poolsOf('a')).toEqual(['s-1', 's-2']);
    expect(await pools.poolsOf('b')).toEqual(['s-1']);
    expect(await pools.poolsOf('nobody')).toEqual([]);
  });

  it('lose no pool when two writers expect pools for one person at once', async () => {
    const pools = new PoolsAwaiting(new InMemoryAggregateStore<PoolsAwaitingState>('pools_awaiting'));
    await Promise.all(
      ['s-1', 's-2', 's-3', 's-4'].map((poolId) => pools.expect([{ personId: 'a', poolId }])),
    );
    expect((await pools.poolsOf('a')).sort()).toEqual(['s-1', 's-2', 's-3', 's-4']);
  });

  it('are built once from the pools that had open orders before the index', async () => {
    const pools = new PoolsAwaiting(new InMemoryAggregateStore<PoolsAwaitingState>('pools_awaiting'));
    let scans = 0;
    const scan = () => {
      scans++;
      return Promise.resolve([pool('s-9', ['a', 'b'], ['b'])]);
    };
    await pools.buildOnce(scan);
    await pools.buildOnce(scan);
    expect(scans).toBe(1);
    expect(await pools.poolsOf('b')).toEqual(['s-9']);
    expect(await pools.poolsOf('a')).toEqual([]);
  });
});
