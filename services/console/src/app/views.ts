/**
 * What the gateway answers about people, as the pages read it: types only, so the pages import
 * them from here rather than repeating them.
 */

/** What the pages show of a person (never their national ID). */
export interface PersonSummary {
  personId: string;
  fullName: string;
  birthYear: number;
  phone: string;
  householdId: string;
  districtCode: string;
  wardCode: string;
  hamlet: string;
  street: string;
}

/** A contact an F0 named, by name where the user may read the registration (else empty). */
export interface NamedContact {
  personId: string;
  fullName: string;
  birthYear: number;
  contactType: string;
  lastExposureOn: string;
  via: string;
}

export interface HouseholdMember {
  personId: string;
  fullName: string;
  birthYear: number;
  /** Already recorded as this F0's contact (nothing to add). */
  isContact: boolean;
}
