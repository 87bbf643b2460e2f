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
  /** Only people registered in this area (the caller's): filtered before any limit applies. */
  districtCode?: string | undefined;
  wardCode?: string | undefined;
}

/** Lookups over the registry's latest states (the store's heads). */
export interface PersonDirectory {
  /**
   * Persons sharing any identifying detail with a registration: the input to matchIdentity.
   * Includes merged registrations (with `mergedInto`), so their details still find the survivor.
   */
  similar(query: SimilarQuery): Promise<Identity[]>;
  /** `similar` for a batch of registrations, in one lookup: persons similar to any of them. */
  similarToAny(queries: readonly SimilarQuery[]): Promise<Identity[]>;
  /** Live persons only: merged registrations are not listed. */
  find(
    query: PersonQuery,
    limit: number,
  ): Promise<Array<{ personId: string; version: number; state: PersonState }>>;
  /** The registrations merged into this person. */
  mergedInto(survivorId: string): Promise<Array<{ personId: string; state: PersonState }>>;
  /** Every registration, merged ones too (a scan: builds the registry's index once, at start). */
  everyone(): Promise<Array<{ personId: string; state: PersonState }>>;
}

export type PersonStore = AggregateStore<PersonState>;
