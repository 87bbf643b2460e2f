import { createHmac, randomUUID } from 'node:crypto';
import { createEvent, PersonRegisteredV1, topics, type EventOrigin } from '@truyvet/events';
import { ConcurrencyError } from '@truyvet/store';
import { foldName, identityKeys } from '../domain/identity';
import {
  decideRegistration,
  type PersonDetails,
  type RegisterPerson,
  type Registration,
} from '../domain/registration';
import type { PersonDirectory, PersonQuery, PersonStore } from './ports';

/**
 * The id of a new person. Derived from their strongest certain key when they have one, so that two
 * registrations of one person racing each other compute the same id and the store lets only one
 * create it; keyed with a secret so the id does not reveal the national ID or phone behind it.
 */
export function newPersonId(details: PersonDetails, secret: string): string {
  const [strongest] = identityKeys(details);
  if (!strongest) return `p-${randomUUID()}`;
  return `p-${createHmac('sha256', secret).update(strongest).digest('hex').slice(0, 26)}`;
}

export class PersonRegistry {
  constructor(
    private readonly store: PersonStore,
    private readonly directory: PersonDirectory,
    private readonly idSecret: string,
  ) {}

  /** Registers a person, or says who they already are; the event and the state commit together. */
  async registerPerson(command: RegisterPerson, origin: EventOrigin = {}): Promise<Registration> {
    const details = command.details;
    const similar = await this.directory.similar({
      nationalId: details.nationalId,
      phone: details.phone,
      foldedName: foldName(details.fullName),
      birthYear: details.birthYear,
      householdId: details.householdId,
    });
    const decision = decideRegistration(command, similar, () => newPersonId(details, this.idSecret));
    if (decision.outcome !== 'registered') return decision;
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
    try {
      await this.store.save({
        id: decision.personId,
        expectedVersion: 0,
        state: decision.state,
        events: [{ topic: topics.persons.topic, event }],
      });
    } catch (error) {
      // Registered a moment ago by someone else (same certain key, so the same id): the same person.
      if (error instanceof ConcurrencyError) {
        return { outcome: 'existing', personId: decision.personId, reason: 'registered_concurrently' };
      }
      throw error;
    }
    return decision;
  }

  async getPerson(
    personId: string,
  ): Promise<{ personId: string; version: number; details: PersonDetails } | null> {
    const person = await this.store.load(personId);
    return person ? { personId, version: person.version, details: person.state.details } : null;
  }

  async findPersons(
    query: PersonQuery,
    limit = 100,
  ): Promise<Array<{ personId: string; version: number; details: PersonDetails }>> {
    const found = await this.directory.find(query, limit);
    return found.map((p) => ({ personId: p.personId, version: p.version, details: p.state.details }));
  }
}
