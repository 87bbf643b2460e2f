import { createHmac, randomUUID } from 'node:crypto';
import { DomainError } from '@truyvet/errors';
import {
  ContactIdentificationAmbiguousV1,
  createEvent,
  PersonIdentifiedV1,
  PersonRegisteredV1,
  PersonsMergedV1,
  PersonUpdatedV1,
  topics,
  type Envelope,
  type EventOrigin,
} from '@truyvet/events';
import { ConcurrencyError } from '@truyvet/store';
import { decideCorrection, decideMerge, type CorrectPerson, type MergePersons } from '../domain/corrections';
import { foldName, identityKeys } from '../domain/identity';
import {
  type AuditEntry,
  decideRegistration,
  toIdentity,
  type PersonDetails,
  type PersonState,
  type RegisterPerson,
  type Registration,
} from '../domain/registration';
import type { AggregateStore } from '@truyvet/store';
import type { PersonDirectory, PersonQuery, PersonStore, SimilarQuery } from './ports';

export interface ContactIdentificationRequest {
  contactRef: string;
  details: PersonDetails;
  registerDespiteCandidates: boolean;
  requestedBy: string;
}

/** The registry's answer to one identification request, kept so it is given once. */
export interface Identification {
  contactRef: string;
  personId?: string;
  how?: 'existing' | 'registered';
  candidates?: Array<{ personId: string; reasons: string[] }>;
}

export type IdentificationStore = AggregateStore<Identification>;

/** A person as the registry shows them, with their audit trail and the registrations merged into them. */
export interface PersonRecord {
  personId: string;
  version: number;
  details: PersonDetails;
  mergedInto?: string;
  audit: AuditEntry[];
  mergedFrom: Array<{ personId: string; at: string; by: string; reason: string }>;
}

/** Merges chain (A into B, later B into C); following more hops than this means a cycle. */
const MAX_MERGE_HOPS = 20;

function similarQuery(details: PersonDetails): SimilarQuery {
  return {
    nationalId: details.nationalId,
    phone: details.phone,
    foldedName: foldName(details.fullName),
    birthYear: details.birthYear,
    householdId: details.householdId,
  };
}

function notFound(personId: string, field = 'personId'): DomainError {
  return new DomainError('PERSON_NOT_FOUND', 'not_found', `no person ${personId}`, {
    fields: [{ field, description: `no person ${personId} in the registry` }],
  });
}

/**
 * The id of a new person. Derived from their strongest certain key when they have one, so that two
 * registrations of one person racing each other compute the same id and the store lets only one
 * create it; keyed with a secret so the id does not reveal the national ID or phone behind it.
 */
export function newPersonId(details: PersonDetails, secret: string, contactRef?: string): string {
  const [strongest] = identityKeys(details);
  // Without a certain key, a traced contact's id comes from its reference, so that answering the
  // same identification request twice (a redelivery) finds the person registered the first time.
  const key = strongest ?? (contactRef ? `contact:${contactRef}` : undefined);
  if (!key) return `p-${randomUUID()}`;
  return `p-${createHmac('sha256', secret).update(key).digest('hex').slice(0, 26)}`;
}

export class PersonRegistry {
  constructor(
    private readonly store: PersonStore,
    private readonly directory: PersonDirectory,
    private readonly idSecret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Registers a person, or says who they already are; the event and the state commit together. */
  async registerPerson(command: RegisterPerson, origin: EventOrigin = {}): Promise<Registration> {
    const [registration] = await this.registerPersons([{ command, origin }]);
    if (!registration) throw new Error('no registration decided');
    return registration;
  }

  /**
   * Registers a batch (a household list), deciding each in order against the registry and the
   * batch's earlier people, so one person listed twice is registered once. One lookup and one
   * write for the batch; each registration still commits atomically with its event.
   */
  async registerPersons(
    requests: ReadonlyArray<{ command: RegisterPerson; origin?: EventOrigin }>,
  ): Promise<Registration[]> {
    const known = await this.directory.similarToAny(requests.map((r) => similarQuery(r.command.details)));
    const decisions: Registration[] = [];
    const created: Array<{ index: number; personId: string; change: Parameters<PersonStore['save']>[0] }> =
      [];
    for (const [index, { command, origin }] of requests.entries()) {
      const details = command.details;
      const decision = decideRegistration(
        command,
        known,
        () => newPersonId(details, this.idSecret, command.contactRef),
        this.now(),
      );
      decisions.push(decision);
      if (decision.outcome !== 'registered') continue;
      known.push(toIdentity(decision.personId, details));
      const event = createEvent(
        PersonRegisteredV1,
        {
          personId: decision.personId,
          details,
          registeredBy: command.registeredBy,
          ...(command.contactRef ? { contactRef: command.contactRef } : {}),
        },
        origin,
      );
      created.push({
        index,
        personId: decision.personId,
        change: {
          id: decision.personId,
          expectedVersion: 0,
          state: decision.state,
          events: [{ topic: topics.persons.topic, event }],
        },
      });
    }
    const saved = await this.store.saveMany(created.map((c) => c.change));
    for (const [i, { index, personId }] of created.entries()) {
      // Registered a moment ago by someone else (same certain key, so the same id): the same person.
      if (saved[i] instanceof ConcurrencyError) {
        decisions[index] = { outcome: 'existing', personId, reason: 'registered_concurrently' };
      }
    }
    // A match on a merged registration was mapped to its survivor; follow longer chains.
    const merged = new Set(known.filter((k) => k.mergedInto).map((k) => k.personId));
    return Promise.all(
      decisions.map(async (d) =>
        d.outcome === 'existing' && (merged.has(d.personId) || d.reason === 'registered_concurrently')
          ? { ...d, personId: await this.livePersonId(d.personId) }
          : d,
      ),
    );
  }

  /**
   * A tracer named a contact by their details (ADR 7): find them or register them, and answer with
   * PersonIdentified, or with ContactIdentificationAmbiguous when only probable matches exist. The
   * answer commits with the identification record, so a redelivered request is answered once.
   */
  async identifyContact(
    request: ContactIdentificationRequest,
    identifications: IdentificationStore,
    origin: EventOrigin = {},
  ): Promise<Identification> {
    const known = await identifications.load(request.contactRef);
    if (known?.state.personId) return known.state;
    if (known?.state.candidates && !request.registerDespiteCandidates) return known.state;
    // Registered the first time round, but the answer was not saved (a crash in between).
    const seeded = await this.store.load(newPersonId(request.details, this.idSecret, request.contactRef));
    const registration: Registration =
      seeded && identityKeys(request.details).length === 0
        ? { outcome: 'existing', personId: seeded.id, reason: 'registered_for_this_contact' }
        : ((
            await this.registerPersons([
              {
                command: {
                  details: request.details,
                  registerDespiteCandidates: request.registerDespiteCandidates,
                  contactRef: request.contactRef,
                  registeredBy: request.requestedBy,
                },
                origin,
              },
            ])
          )[0] as Registration);
    const answer: Identification =
      registration.outcome === 'candidates'
        ? { contactRef: request.contactRef, candidates: registration.candidates }
        : {
            contactRef: request.contactRef,
            personId: registration.personId,
            how: registration.outcome === 'registered' ? 'registered' : 'existing',
          };
    const event =
      answer.personId !== undefined
        ? createEvent(
            PersonIdentifiedV1,
            { contactRef: request.contactRef, personId: answer.personId, how: answer.how ?? 'existing' },
            origin,
          )
        : createEvent(
            ContactIdentificationAmbiguousV1,
            { contactRef: request.contactRef, candidates: answer.candidates ?? [] },
            origin,
          );
    try {
      await identifications.save({
        id: request.contactRef,
        expectedVersion: known?.version ?? 0,
        state: answer,
        events: [{ topic: topics.persons.topic, event }],
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // answered meanwhile by a redelivery
    }
    return answer;
  }

  /**
   * Corrects a person's details with a reason; the state, its audit entry and PersonUpdated commit
   * together. Answers the person as they now are (unchanged when the correction was already made).
   */
  async correctPerson(command: CorrectPerson, origin: EventOrigin = {}): Promise<PersonRecord> {
    const current = await this.store.load(command.personId);
    if (!current) throw notFound(command.personId);
    const others = await this.directory.similar(similarQuery(command.details));
    const correction = decideCorrection(current, command, others, this.now());
    if (correction.outcome === 'corrected') {
      const event = createEvent(
        PersonUpdatedV1,
        {
          personId: command.personId,
          details: command.details,
          changedFields: correction.changedFields,
          reason: command.reason,
          updatedBy: command.correctedBy,
        },
        origin,
      );
      await this.saveOrConflict(command.personId, current.version, correction.state, event);
    }
    return this.requirePerson(command.personId);
  }

  /**
   * Merges a registration into the person it was found to be. Only the merged registration's
   * record changes (it points to the survivor from now on), so the merge is one atomic commit with
   * its PersonsMerged event; the survivor shows it among `mergedFrom`.
   */
  async mergePersons(command: MergePersons, origin: EventOrigin = {}): Promise<PersonRecord> {
    const [survivor, merged] = await Promise.all([
      this.store.load(command.survivorId),
      this.store.load(command.mergedId),
    ]);
    if (!survivor) throw notFound(command.survivorId, 'survivorId');
    if (!merged) throw notFound(command.mergedId, 'mergedId');
    const merge = decideMerge(survivor, merged, command, this.now());
    if (merge.outcome === 'merged') {
      const event = createEvent(
        PersonsMergedV1,
        {
          survivorId: command.survivorId,
          mergedId: command.mergedId,
          reason: command.reason,
          mergedBy: command.mergedBy,
        },
        origin,
      );
      await this.saveOrConflict(command.mergedId, merged.version, merge.mergedState, event);
    }
    return this.requirePerson(command.survivorId);
  }

  /** The person with this id as stored (a merged registration shows `mergedInto`). */
  async getPerson(personId: string): Promise<PersonRecord | null> {
    const person = await this.store.load(personId);
    if (!person) return null;
    const absorbed = await this.directory.mergedInto(personId);
    return {
      personId,
      version: person.version,
      details: person.state.details,
      ...(person.state.mergedInto ? { mergedInto: person.state.mergedInto } : {}),
      audit: person.state.audit,
      mergedFrom: absorbed.map(({ personId: id, state }) => {
        const entry = state.audit.findLast((a) => a.action === 'merged_into' && a.survivorId === personId);
        return { personId: id, at: entry?.at ?? '', by: entry?.by ?? '', reason: entry?.reason ?? '' };
      }),
    };
  }

  /** The id a person lives on as: their own, or the survivor's after merges. */
  async livePersonId(personId: string): Promise<string> {
    let id = personId;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const person = await this.store.load(id);
      if (!person?.state.mergedInto) return id;
      id = person.state.mergedInto;
    }
    throw new DomainError('MERGE_CYCLE', 'internal', `merges starting at ${personId} do not end`);
  }

  private async requirePerson(personId: string): Promise<PersonRecord> {
    const person = await this.getPerson(personId);
    if (!person) throw notFound(personId);
    return person;
  }

  private async saveOrConflict(
    personId: string,
    expectedVersion: number,
    state: PersonState,
    event: Envelope,
  ): Promise<void> {
    try {
      await this.store.save({
        id: personId,
        expectedVersion,
        state,
        events: [{ topic: topics.persons.topic, event }],
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      throw new DomainError(
        'PERSON_CHANGED_SINCE_READ',
        'conflict',
        `${personId} was changed by someone else meanwhile: reload and try again`,
      );
    }
  }

  async findPersons(
    query: PersonQuery,
    limit = 100,
  ): Promise<Array<{ personId: string; version: number; details: PersonDetails }>> {
    const found = await this.directory.find(query, limit);
    return found.map((p) => ({ personId: p.personId, version: p.version, details: p.state.details }));
  }
}
