import type { Filter } from 'mongodb';
import type { HeadDocument, IndexDeclaration, MongoAggregateStore } from '@truyvet/store';
import type { Identity } from '../domain/identity';
import { toIdentity, type PersonState } from '../domain/registration';
import type { PersonDirectory, PersonQuery, SimilarQuery } from '../app/ports';

export const PERSONS = 'persons';

/** Lookups the registry makes: MongoDB uses these indexes (FerretDB scans: docs/adr/0003). */
export const personIndexes: IndexDeclaration = {
  collection: PERSONS,
  indexes: [
    { key: { 'state.details.nationalId': 1 }, name: 'national_id', sparse: true },
    { key: { 'state.details.phone': 1 }, name: 'phone', sparse: true },
    { key: { 'state.foldedName': 1, 'state.details.birthYear': 1 }, name: 'name_birth_year' },
    { key: { 'state.details.householdId': 1 }, name: 'household', sparse: true },
    { key: { 'state.mergedInto': 1 }, name: 'merged_into', sparse: true },
  ],
};

export class MongoPersonDirectory implements PersonDirectory {
  constructor(private readonly store: MongoAggregateStore<PersonState>) {}

  async similar(query: SimilarQuery): Promise<Identity[]> {
    const any: Array<Filter<HeadDocument<PersonState>>> = [
      { 'state.foldedName': query.foldedName, 'state.details.birthYear': query.birthYear },
    ];
    if (query.nationalId) any.push({ 'state.details.nationalId': query.nationalId });
    if (query.phone) any.push({ 'state.details.phone': query.phone });
    if (query.householdId) any.push({ 'state.details.householdId': query.householdId });
    const heads = await this.store.heads.find({ $or: any }).limit(500).toArray();
    return heads.map((h) => toIdentity(h._id, h.state.details, h.state.mergedInto));
  }

  /**
   * One query for the batch: `$in` per identifying field (a superset of what matters: the exact
   * rules are applied by matchIdentity), so FerretDB scans the registry once per batch.
   */
  async similarToAny(queries: readonly SimilarQuery[]): Promise<Identity[]> {
    if (queries.length === 0) return [];
    const values = <K extends keyof SimilarQuery>(key: K): Array<NonNullable<SimilarQuery[K]>> => [
      ...new Set(
        queries.flatMap((q) => (q[key] === undefined ? [] : [q[key] as NonNullable<SimilarQuery[K]>])),
      ),
    ];
    const any: Array<Filter<HeadDocument<PersonState>>> = [
      { 'state.foldedName': { $in: values('foldedName') } },
    ];
    const nationalIds = values('nationalId');
    const phones = values('phone');
    const households = values('householdId');
    if (nationalIds.length > 0) any.push({ 'state.details.nationalId': { $in: nationalIds } });
    if (phones.length > 0) any.push({ 'state.details.phone': { $in: phones } });
    if (households.length > 0) any.push({ 'state.details.householdId': { $in: households } });
    const heads = await this.store.heads.find({ $or: any }).toArray();
    return heads.map((h) => toIdentity(h._id, h.state.details, h.state.mergedInto));
  }

  async find(query: PersonQuery, limit: number): ReturnType<PersonDirectory['find']> {
    const filter: Filter<HeadDocument<PersonState>> = { 'state.mergedInto': { $exists: false } };
    if (query.nationalId !== undefined) filter['state.details.nationalId'] = query.nationalId;
    if (query.phone !== undefined) filter['state.details.phone'] = query.phone;
    if (query.foldedName !== undefined) filter['state.foldedName'] = query.foldedName;
    if (query.birthYear !== undefined) filter['state.details.birthYear'] = query.birthYear;
    if (query.householdId !== undefined) filter['state.details.householdId'] = query.householdId;
    if (query.districtCode !== undefined) filter['state.details.address.districtCode'] = query.districtCode;
    if (query.wardCode !== undefined) filter['state.details.address.wardCode'] = query.wardCode;
    const heads = await this.store.heads.find(filter).limit(limit).toArray();
    return heads.map((h) => ({ personId: h._id, version: h.v, state: h.state }));
  }

  async everyone(): ReturnType<PersonDirectory['everyone']> {
    const heads = await this.store.heads.find({}).toArray();
    return heads.map((h) => ({ personId: h._id, state: h.state }));
  }

  async mergedInto(survivorId: string): ReturnType<PersonDirectory['mergedInto']> {
    const heads = await this.store.heads.find({ 'state.mergedInto': survivorId }).limit(100).toArray();
    return heads.map((h) => ({ personId: h._id, state: h.state }));
  }
}
