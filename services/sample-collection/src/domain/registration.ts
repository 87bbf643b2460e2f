/**
 * Registering a person: decide, from what the registry already holds, whether this is someone
 * known, someone probably known (a person must confirm), or someone new. Pure.
 */
import type { EventOf, PersonRegisteredV1 } from '@truyvet/events';
import { foldName, matchIdentity, type Identity, type Match } from './identity';

export type PersonDetails = EventOf<typeof PersonRegisteredV1>['data']['details'];

/** What the registry keeps per person (the aggregate's state). */
export interface PersonState {
  details: PersonDetails;
  /** For lookups by name: folded once, at write time. */
  foldedName: string;
  registeredBy: string;
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

export function toIdentity(personId: string, details: PersonDetails): Identity {
  return {
    personId,
    fullName: details.fullName,
    birthYear: details.birthYear,
    phone: details.phone,
    nationalId: details.nationalId,
    householdId: details.householdId,
  };
}

export function decideRegistration(
  command: RegisterPerson,
  similar: readonly Identity[],
  newId: () => string,
): Registration {
  const match: Match = matchIdentity(command.details, similar);
  if (match.kind === 'same') return { outcome: 'existing', personId: match.personId, reason: match.reason };
  if (match.kind === 'candidates' && !command.registerDespiteCandidates) {
    return { outcome: 'candidates', candidates: match.candidates };
  }
  return {
    outcome: 'registered',
    personId: newId(),
    state: {
      details: command.details,
      foldedName: foldName(command.details.fullName),
      registeredBy: command.registeredBy,
    },
  };
}
