import type { InMemoryAggregateStore, IndexDeclaration, MongoAggregateStore } from '@truyvet/store';
import type { LabSampleQueries } from '../app/result-desk';
import type { LabSampleState } from '../domain/lab-sample';

export const LAB_SAMPLES = 'lab_samples';

/** For the operators' views (MongoDB uses these; FerretDB scans: ADR 3). */
export const labSampleIndexes: IndexDeclaration = {
  collection: LAB_SAMPLES,
  indexes: [
    { key: { 'state.sample.pooled': 1 }, name: 'pooled' },
    { key: { 'state.sample.site.districtCode': 1 }, name: 'district' },
  ],
};

/** A district's tubes; pools with open re-test orders. */
export class MongoLabSampleQueries implements LabSampleQueries {
  constructor(private readonly store: MongoAggregateStore<LabSampleState>) {}

  async poolsWithOpenOrders(): Promise<LabSampleState[]> {
    const heads = await this.store.heads.find({ 'state.sample.pooled': true }).toArray();
    return heads.map((h) => h.state).filter((s) => s.openOrders.length > 0);
  }

  async inDistrict(districtCode: string): Promise<LabSampleState[]> {
    const heads = await this.store.heads.find({ 'state.sample.site.districtCode': districtCode }).toArray();
    return heads.map((h) => h.state);
  }
}

export class InMemoryLabSampleQueries implements LabSampleQueries {
  constructor(private readonly store: InMemoryAggregateStore<LabSampleState>) {}

  poolsWithOpenOrders(): Promise<LabSampleState[]> {
    return Promise.resolve(
      this.store.find((s) => s.sample.pooled && s.openOrders.length > 0).map((s) => s.state),
    );
  }

  inDistrict(districtCode: string): Promise<LabSampleState[]> {
    return Promise.resolve(
      this.store.find((s) => s.sample.site.districtCode === districtCode).map((s) => s.state),
    );
  }
}
