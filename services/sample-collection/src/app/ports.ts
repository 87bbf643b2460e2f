import type { AggregateStore } from '@truyvet/store';
import type { Identity } from '../domain/identity';
import type { PersonState } from '../domain/registration';

export interface SimilarQuery {
  nationalId?: string | undefined;
  phone?: string | undefined;
  foldedName: string;
  birthYear: number;
  householdId?: string | undefined;
}

export interface PersonQuery {
  nationalId?: string | undefined;
  phone?: string | undefined;
  foldedName?: string | undefined;
  birthYear?: number | undefined;
  householdId?: string | undefined;
}

/** Lookups over the registry's latest states (the store's heads). */
export interface PersonDirectory {
  /** Persons sharing any identifying detail with a registration: the input to matchIdentity. */
  similar(query: SimilarQuery): Promise<Identity[]>;
  find(
    query: PersonQuery,
    limit: number,
  ): Promise<Array<{ personId: string; version: number; state: PersonState }>>;
}

export type PersonStore = AggregateStore<PersonState>;
