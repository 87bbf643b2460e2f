import type { AggregateStore, KeyIndex } from '@truyvet/store';
import { lookupKeys, type Identity } from '../domain/identity';
import { toIdentity, type PersonState } from '../domain/registration';
import type { PersonDirectory, PersonQuery, SimilarQuery } from './ports';

/** The registry's index of persons by their lookup keys (a KeyIndex: ADR 13). */
export const PERSONS_BY_KEY = 'persons_by_key';

/** The keys a registration is filed under (its current details; old keys stay: a superset). */
export function personKeys(state: PersonState): string[] {
  return lookupKeys({ ...state.details, foldedName: state.foldedName });
}

/**
 * The directory the registry decides with: persons similar to a registration found through the
 * index by `_id` (one read of the keys, one of the persons, for a whole batch), the exact rules then
 * applied by `matchIdentity` to the details loaded. The operators' searches (`find`, `mergedInto`)
 * stay queries on the registry's fields.
 */
export class IndexedPersonDirectory implements PersonDirectory {
  constructor(
    private readonly index: KeyIndex,
    private readonly persons: AggregateStore<PersonState>,
    private readonly views: PersonDirectory,
  ) {}

  similar(query: SimilarQuery): Promise<Identity[]> {
    return this.similarToAny([query]);
  }

  async similarToAny(queries: readonly SimilarQuery[]): Promise<Identity[]> {
    const keys = [...new Set(queries.flatMap((q) => lookupKeys(q)))];
    const ids = [...new Set([...(await this.index.idsOfEach(keys)).values()].flat())];
    const found = await this.persons.loadMany(ids);
    return [...found.values()].map((p) => toIdentity(p.id, p.state.details, p.state.mergedInto));
  }

  find(query: PersonQuery, limit: number): ReturnType<PersonDirectory['find']> {
    return this.views.find(query, limit);
  }

  mergedInto(survivorId: string): ReturnType<PersonDirectory['mergedInto']> {
    return this.views.mergedInto(survivorId);
  }

  everyone(): ReturnType<PersonDirectory['everyone']> {
    return this.views.everyone();
  }
}
