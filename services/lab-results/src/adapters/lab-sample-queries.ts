import type { InMemoryAggregateStore, IndexDeclaration, MongoAggregateStore } from '@truyvet/store';
import type { LabSampleQueries, PoolFinder } from '../app/result-desk';
import type { LabSampleState } from '../domain/lab-sample';

export const LAB_SAMPLES = 'lab_samples';

/** MongoDB uses this index; FerretDB scans (ADR 3). */
export const labSampleIndexes: IndexDeclaration = {
  collection: LAB_SAMPLES,
  indexes: [
    { key: { 'state.openOrders.personId': 1 }, name: 'open_order_person' },
    { key: { 'state.sample.site.districtCode': 1 }, name: 'district' },
  ],
};

/** Positive pools with an open re-test order for the person; a district's tubes. */
export class MongoLabSampleQueries implements PoolFinder, LabSampleQueries {
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

  async inDistrict(districtCode: string): Promise<LabSampleState[]> {
    const heads = await this.store.heads.find({ 'state.sample.site.districtCode': districtCode }).toArray();
    return heads.map((h) => h.state);
  }
}

export class InMemoryLabSampleQueries implements PoolFinder, LabSampleQueries {
  constructor(private readonly store: InMemoryAggregateStore<LabSampleState>) {}

  positivePoolsAwaiting(personId: string): Promise<string[]> {
    return Promise.resolve(
      this.store
        .find((s) => s.sample.pooled && s.openOrders.some((o) => o.personId === personId))
        .map((s) => s.id),
    );
  }

  inDistrict(districtCode: string): Promise<LabSampleState[]> {
    return Promise.resolve(
      this.store.find((s) => s.sample.site.districtCode === districtCode).map((s) => s.state),
    );
  }
}
