import type { InMemoryAggregateStore } from '@truyvet/store';
import type { Identity } from '../domain/identity';
import { toIdentity, type PersonState } from '../domain/registration';
import type { PersonDirectory, PersonQuery, SimilarQuery } from '../app/ports';

/** The directory over the in-memory store, for unit tests and the embedded quick start. */
export class InMemoryPersonDirectory implements PersonDirectory {
  constructor(private readonly store: InMemoryAggregateStore<PersonState>) {}

  everyone(): ReturnType<PersonDirectory['everyone']> {
    return Promise.resolve(this.store.find(() => true).map((p) => ({ personId: p.id, state: p.state })));
  }

  similar(query: SimilarQuery): Promise<Identity[]> {
    return this.similarToAny([query]);
  }

  similarToAny(queries: readonly SimilarQuery[]): Promise<Identity[]> {
    const nationalIds = new Set(queries.map((q) => q.nationalId));
    const phones = new Set(queries.map((q) => q.phone));
    const households = new Set(queries.map((q) => q.householdId));
    const nameYears = new Set(queries.map((q) => `${q.foldedName}|${q.birthYear}`));
    return Promise.resolve(
      this.store
        .find(
          ({ details, foldedName }) =>
            (details.nationalId !== undefined && nationalIds.has(details.nationalId)) ||
            (details.phone !== undefined && phones.has(details.phone)) ||
            nameYears.has(`${foldedName}|${details.birthYear}`) ||
            (details.householdId !== undefined && households.has(details.householdId)),
        )
        .map((p) => toIdentity(p.id, p.state.details, p.state.mergedInto)),
    );
  }

  find(query: PersonQuery, limit: number): ReturnType<PersonDirectory['find']> {
    return Promise.resolve(
      this.store
        .find(
          ({ details, foldedName, mergedInto }) =>
            mergedInto === undefined && matchesQuery(query, details, foldedName),
          limit,
        )
        .map((p) => ({ personId: p.id, version: p.version, state: p.state })),
    );
  }

  mergedInto(survivorId: string): ReturnType<PersonDirectory['mergedInto']> {
    return Promise.resolve(
      this.store
        .find((state) => state.mergedInto === survivorId, 100)
        .map((p) => ({ personId: p.id, state: p.state })),
    );
  }
}

export function matchesQuery(
  query: PersonQuery,
  details: PersonState['details'],
  foldedName: string,
): boolean {
  return (
    (query.nationalId === undefined || details.nationalId === query.nationalId) &&
    (query.phone === undefined || details.phone === query.phone) &&
    (query.foldedName === undefined || foldedName === query.foldedName) &&
    (query.birthYear === undefined || details.birthYear === query.birthYear) &&
    (query.householdId === undefined || details.householdId === query.householdId) &&
    (query.districtCode === undefined || details.address.districtCode === query.districtCode) &&
    (query.wardCode === undefined || details.address.wardCode === query.wardCode)
  );
}
