/**
 * Who a person is, for deduplication on ingest: the same person registered twice (at a checkpoint,
 * then door to door, then named by a tracer) must end up as one person with one id everywhere.
 * Pure functions: no I/O.
 */
import { z } from 'zod';

/** CMND (old ID card) has 9 digits, CCCD (citizen ID) 12. */
export const nationalIdSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(\d{9}|\d{12})$/, 'a national ID is 9 digits (CMND) or 12 digits (CCCD)'));

/**
 * A Vietnamese phone number in its national form (`0` + 9 digits for mobiles, `02` + 9 digits for
 * landlines), from what people write: spaces, dots, dashes, `+84` or `84` for the leading zero.
 * `null` when it cannot be a Vietnamese number.
 */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  if (/^0[35789]\d{8}$/.test(digits)) return digits; // mobile
  if (/^02\d{9}$/.test(digits)) return digits; // landline with area code
  return null;
}

/**
 * A name folded for comparison: lower case, diacritics removed (đ -> d), single spaces.
 * "Nguyễn  Văn Đức" and "nguyen van duc" fold to the same string.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Identity {
  personId: string;
  fullName: string;
  birthYear: number;
  phone?: string | undefined;
  nationalId?: string | undefined;
  householdId?: string | undefined;
  /** A registration merged into another person (ADR 7): it matches as that person. */
  mergedInto?: string | undefined;
}

export type MatchReason =
  | 'same_national_id'
  | 'same_name_birth_year_phone'
  | 'same_name_birth_year'
  | 'same_phone_birth_year'
  | 'same_household_name';

export type Match =
  | { kind: 'same'; personId: string; reason: 'same_national_id' | 'same_name_birth_year_phone' }
  | { kind: 'candidates'; candidates: Array<{ personId: string; reasons: MatchReason[] }> }
  | { kind: 'new' };

/**
 * Decides whether an incoming registration is a person already known. Certain: the same national
 * ID; or, when neither side has a conflicting ID, the same folded name, birth year and phone.
 * Probable (returned as candidates for a person to confirm, never merged silently): the same name
 * and birth year; the same phone and birth year; the same name in the same household.
 * Two different national IDs are two people, whatever else they share.
 */
export function matchIdentity(incoming: Omit<Identity, 'personId'>, known: readonly Identity[]): Match {
  if (incoming.nationalId) {
    const byId = known.find((k) => k.nationalId === incoming.nationalId);
    if (byId) return { kind: 'same', personId: byId.personId, reason: 'same_national_id' };
  }
  const name = foldName(incoming.fullName);
  const comparable = known.filter(
    (k) => !(incoming.nationalId && k.nationalId && k.nationalId !== incoming.nationalId),
  );
  if (incoming.phone) {
    const exact = comparable.find(
      (k) =>
        k.phone === incoming.phone && k.birthYear === incoming.birthYear && foldName(k.fullName) === name,
    );
    if (exact) return { kind: 'same', personId: exact.personId, reason: 'same_name_birth_year_phone' };
  }
  const candidates = comparable
    .map((k) => {
      const reasons: MatchReason[] = [];
      const sameName = foldName(k.fullName) === name;
      if (sameName && k.birthYear === incoming.birthYear) reasons.push('same_name_birth_year');
      if (incoming.phone && k.phone === incoming.phone && k.birthYear === incoming.birthYear) {
        reasons.push('same_phone_birth_year');
      }
      if (sameName && incoming.householdId && k.householdId === incoming.householdId)
        reasons.push('same_household_name');
      return { personId: k.personId, reasons };
    })
    .filter((c) => c.reasons.length > 0);
  return candidates.length > 0 ? { kind: 'candidates', candidates } : { kind: 'new' };
}

/**
 * The natural keys that make two registrations the same person for certain. The store claims
 * them with unique inserts, so two concurrent registrations of one person cannot both create one.
 */
export function identityKeys(identity: Omit<Identity, 'personId'>): string[] {
  const keys: string[] = [];
  if (identity.nationalId) keys.push(`nid:${identity.nationalId}`);
  if (identity.phone) keys.push(`nbp:${foldName(identity.fullName)}|${identity.birthYear}|${identity.phone}`);
  return keys;
}

/**
 * The keys a person is looked up by when deduplicating: every rule of `matchIdentity` needs two
 * people to share one of them (national ID; folded name and birth year; phone and birth year;
 * household and folded name). The registry files each person under these keys, by `_id`, so a
 * registration costs reads by `_id` whatever the size of the registry (ADR 13).
 */
export function lookupKeys(person: {
  foldedName: string;
  birthYear: number;
  nationalId?: string | undefined;
  phone?: string | undefined;
  householdId?: string | undefined;
}): string[] {
  const keys = [`nb:${person.foldedName}|${person.birthYear}`];
  if (person.nationalId) keys.push(`nid:${person.nationalId}`);
  if (person.phone) keys.push(`pb:${person.phone}|${person.birthYear}`);
  if (person.householdId) keys.push(`hn:${person.householdId}|${person.foldedName}`);
  return keys;
}
