import type { InMemoryAggregateStore, IndexDeclaration, MongoAggregateStore } from '@truyvet/store';
import type { WorklistQueries } from '../app/worklists';
import type { WorklistEntry } from '../domain/worklist';

export const WORKLIST = 'worklist';
/** A person's open orders by person id (a KeyIndex: ADR 13). */
export const WORKLIST_BY_PERSON = 'worklist_by_person';

export const worklistIndexes: IndexDeclaration = {
  collection: WORKLIST,
  indexes: [{ key: { 'state.districtCode': 1, 'state.status': 1 }, name: 'district_status' }],
};

export class MongoWorklistQueries implements WorklistQueries {
  constructor(private readonly store: MongoAggregateStore<WorklistEntry>) {}

  async allOpen(): Promise<WorklistEntry[]> {
    const heads = await this.store.heads.find({ 'state.status': 'open' }).toArray();
    return heads.map((h) => h.state);
  }

  async inDistrict(districtCode: string, wardCode?: string): Promise<WorklistEntry[]> {
    const filter = wardCode
      ? { 'state.districtCode': districtCode, 'state.wardCode': wardCode, 'state.status': 'open' as const }
      : { 'state.districtCode': districtCode, 'state.status': 'open' as const };
    const heads = await this.store.heads.find(filter).limit(5_000).toArray();
    return heads.map((h) => h.state);
  }
}

export class InMemoryWorklistQueries implements WorklistQueries {
  constructor(private readonly store: InMemoryAggregateStore<WorklistEntry>) {}

  allOpen(): Promise<WorklistEntry[]> {
    return Promise.resolve(this.states((e) => e.status === 'open'));
  }

  inDistrict(districtCode: string, wardCode?: string): Promise<WorklistEntry[]> {
    return Promise.resolve(
      this.states(
        (e) =>
          e.districtCode === districtCode &&
          (wardCode === undefined || e.wardCode === wardCode) &&
          e.status === 'open',
      ),
    );
  }

  private states(predicate: (entry: Readonly<WorklistEntry>) => boolean): WorklistEntry[] {
    return this.store.find(predicate).map((e) => e.state);
  }
}
