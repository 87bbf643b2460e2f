import { describe, expect, it } from '@jest/globals';
import { InMemoryAggregateStore, indexedStore, KeyIndex, type KeyIndexState } from '@truyvet/store';
import { newLabSample, type LabSampleState } from '../domain/lab-sample';
import { membersAwaited } from './pools-awaiting';

function tube(sampleId: string, personIds: string[], open: string[]): LabSampleState {
  return {
    ...newLabSample({
      sampleId,
      barcode: sampleId,
      pooled: personIds.length > 1,
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
  it('are filed under the members with re-test orders open, for pools only', () => {
    expect(membersAwaited(tube('s-1', ['a', 'b', 'c'], ['a', 'c']))).toEqual(['a', 'c']);
    expect(membersAwaited(tube('s-2', ['a'], ['a']))).toEqual([]);
  });

  it('are filed by the store before the pool is saved, so a person finds them by id', async () => {
    const index = new KeyIndex(new InMemoryAggregateStore<KeyIndexState>('pools_awaiting'));
    const samples = indexedStore(
      new InMemoryAggregateStore<LabSampleState>('lab_samples'),
      index,
      membersAwaited,
    );
    await samples.save({ id: 's-1', expectedVersion: 0, state: tube('s-1', ['a', 'b'], []), events: [] });
    expect(await index.idsOf('a')).toEqual([]);
    await samples.save({
      id: 's-1',
      expectedVersion: 1,
      state: tube('s-1', ['a', 'b'], ['a', 'b']),
      events: [],
    });
    await samples.saveMany([
      { id: 's-2', expectedVersion: 0, state: tube('s-2', ['a', 'c'], ['a']), events: [] },
    ]);
    expect(await index.idsOf('a')).toEqual(['s-1', 's-2']);
    expect(await index.idsOf('b')).toEqual(['s-1']);
  });
});
