import type { InMemoryAggregateStore, IndexDeclaration, MongoAggregateStore } from '@truyvet/store';
import type { PoolFinder } from '../app/result-desk';
import type { LabSampleState } from '../domain/lab-sample';

export const LAB_SAMPLES = 'lab_samples';

/** MongoDB uses this index; FerretDB scans (ADR 3). */
export const labSampleIndexes: IndexDeclaration = {
  collection: LAB_SAMPLES,
  indexes: [{ key: { 'state.openOrders.personId': 1 }, name: 'open_order_person' }],
};

/** Positive pools with an open re-test order for the person. */
export class MongoPoolFinder implements PoolFinder {
  constructor(private readonly store: MongoAggregateStore<LabSampleState>) {}

  async positivePoolsAwaiting(personId: string): Promise<string[]> {
    const heads = await this.store.heads
      .find(
        { 'state.sample.pooled': true, 'state.openOrders.personId': personId },
        { projection: { _id: 1 } },
      )
      .toArray();
    return heads.map((h) => h._id);
  }
}

export class InMemoryPoolFinder implements PoolFinder {
  constructor(private readonly store: InMemoryAggregateStore<LabSampleState>) {}

  positivePoolsAwaiting(personId: string): Promise<string[]> {
    return Promise.resolve(
      this.store
        .find((s) => s.sample.pooled && s.openOrders.some((o) => o.personId === personId))
        .map((s) => s.id),
    );
  }
}
