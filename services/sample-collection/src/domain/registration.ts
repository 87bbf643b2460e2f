/**
 * Registering a person: decide, from what the registry already holds, whether this is someone
 * known, someone probably known (a person must confirm), or someone new. Pure.
 */
import type { EventOf, PersonRegisteredV1 } from '@truyvet/events';
import { foldName, matchIdentity, type Identity, type Match } from './identity';

export type PersonDetails = EventOf<typeof PersonRegisteredV1>['data']['details'];

/** One line of a person's audit trail: who changed what, when and why. */
export interface AuditEntry {
  at: string;
  by: string;
  action: 'registered' | 'corrected' | 'merged_into';
  reason?: string;
  /** For corrections: the fields changed and their values before. */
  changedFields?: string[];
  previous?: Partial<PersonDetails>;
  /** For merges: the person this registration now lives on as. */
  survivorId?: string;
}

/** What the registry keeps per person (the aggregate's state). */
export interface PersonState {
  details: PersonDetails;
  /** For lookups by name: folded once, at write time. */
  foldedName: string;
  registeredBy: string;
  /** Set when this registration was found to be another person's: it lives on as that one. */
  mergedInto?: string;
  audit: AuditEntry[];
}

export interface RegisterPerson {
  details: PersonDetails;
  registerDespiteCandidates: boolean;
  contactRef?: string | undefined;
  registeredBy: string;
}

export type Registration =
  | { outcome: 'registered'; personId: string; state: PersonState }
  | { outcome: 'existing'; personId: string; reason: string }
  | { outcome: 'candidates'; candidates: Array<{ personId: string; reasons: string[] }> };

export function toIdentity(personId: string, details: PersonDetails, mergedInto?: string): Identity {
  return {
    ...(mergedInto ? { mergedInto } : {}),
    personId,
    fullName: details.fullName,
    birthYear: details.birthYear,
    phone: details.phone,
    nationalId: details.nationalId,
    householdId: details.householdId,
  };
}

/**
 * `similar` may hold merged registrations (with `mergedInto`): a match on one of them is a match on
 * the person it was merged into, and they are never offered as candidates.
 */
export function decideRegistration(
  command: RegisterPerson,
  similar: readonly Identity[],
  newId: () => string,
  now: Date,
): Registration {
  const match: Match = matchIdentity(command.details, similar);
  const survivorOf = new Map(similar.flatMap((s) => (s.mergedInto ? [[s.personId, s.mergedInto]] : [])));
  if (match.kind === 'same') {
    return {
      outcome: 'existing',
      personId: survivorOf.get(match.personId) ?? match.personId,
      reason: match.reason,
    };
  }
  if (match.kind === 'candidates' && !command.registerDespiteCandidates) {
    const live = match.candidates.filter((c) => !survivorOf.has(c.personId));
    if (live.length > 0) return { outcome: 'candidates', candidates: live };
  }
  return {
    outcome: 'registered',
    personId: newId(),
    state: {
      details: command.details,
      foldedName: foldName(command.details.fullName),
      registeredBy: command.registeredBy,
      audit: [{ at: now.toISOString(), by: command.registeredBy, action: 'registered' }],
    },
  };
}
