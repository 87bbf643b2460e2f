/**
 * sample-collection's person registry on a signed-in user's behalf (a token per user, as in
 * ./cases): a person's details, who the registry might already have while a contact is typed, and
 * the names lists show instead of ids.
 */
import { credentials, status, type ChannelCredentials } from '@grpc/grpc-js';
import { createClient, loadGrpcObject, unaryCall, type Caller, type SigningKey } from '@truyvet/grpc';
import type { Person__Output, PersonsProto } from '@truyvet/grpc/samples';
import type { PersonSummary } from '../app/views';
import { asUser } from './cases';

export type { PersonSummary };

const persons = loadGrpcObject<PersonsProto>('truyvet/samples/v1/persons.proto').truyvet.samples.v1;

export interface PersonLookup {
  phone?: string;
  fullName?: string;
  birthYear?: number;
  householdId?: string;
}

export interface PersonApi {
  /** A person of the user's area, or undefined when the registry has none the user may read. */
  person(caller: Caller, personId: string): Promise<PersonSummary | undefined>;
  /** People of the user's area matching a phone, a full name with a birth year, or a household. */
  find(caller: Caller, lookup: PersonLookup): Promise<PersonSummary[]>;
  /** The names of those the user may read; the others are left out (the page shows their id). */
  names(caller: Caller, personIds: readonly string[]): Promise<Map<string, PersonSummary>>;
  close(): void;
}

function summary(person: Person__Output): PersonSummary {
  const details = person.details;
  return {
    personId: person.personId,
    fullName: details?.fullName ?? '',
    birthYear: details?.birthYear ?? 0,
    phone: details?.phone ?? '',
    householdId: details?.householdId ?? '',
    districtCode: details?.address?.districtCode ?? '',
    wardCode: details?.address?.wardCode ?? '',
    hamlet: details?.address?.hamlet ?? '',
    street: details?.address?.street ?? '',
  };
}

/** Lookups in flight at once for a list's names (one GetPerson each). */
const NAME_LOOKUPS_AT_ONCE = 16;
/**
 * Names are kept this long per area (lists are polled every few seconds; a name rarely changes),
 * for at most this many people.
 */
const NAME_TTL_MS = 60_000;
const MAX_NAMES_KEPT = 20_000;

export class GrpcPersonApi implements PersonApi {
  private readonly registry;
  /** By area and person: who the registry said (null: nobody this area may read), until when. */
  private readonly kept = new Map<string, { person: PersonSummary | null; until: number }>();

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
    /** How the service is reached: TLS in a real deployment (GRPC_TLS), plaintext on one machine. */
    link: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.registry = createClient(persons.PersonRegistry, address, { credentials: link });
  }

  async person(caller: Caller, personId: string): Promise<PersonSummary | undefined> {
    try {
      const person = await unaryCall(
        this.registry,
        'GetPerson',
        { personId },
        await asUser(this.signingKey, caller),
      );
      return summary(person);
    } catch (error) {
      // Not registered, or registered in an area the user does not cover: no name to show.
      const code = (error as { code?: unknown }).code;
      if (code === status.NOT_FOUND || code === status.PERMISSION_DENIED) return undefined;
      throw error;
    }
  }

  async find(caller: Caller, lookup: PersonLookup): Promise<PersonSummary[]> {
    const answer = await unaryCall(
      this.registry,
      'FindPersons',
      lookup,
      await asUser(this.signingKey, caller),
    );
    return answer.persons.filter((p) => !p.mergedInto).map(summary);
  }

  async names(caller: Caller, personIds: readonly string[]): Promise<Map<string, PersonSummary>> {
    const area = `${caller.jurisdiction.level}:${caller.jurisdiction.code}`;
    const now = Date.now();
    const found = new Map<string, PersonSummary>();
    const wanted: string[] = [];
    for (const id of new Set(personIds.filter(Boolean))) {
      const kept = this.kept.get(`${area}|${id}`);
      if (kept && kept.until > now) {
        if (kept.person) found.set(id, kept.person);
      } else wanted.push(id);
    }
    for (let i = 0; i < wanted.length; i += NAME_LOOKUPS_AT_ONCE) {
      const part = wanted.slice(i, i + NAME_LOOKUPS_AT_ONCE);
      // Names only decorate a list: a registry that does not answer leaves them out, not the list.
      const people = await Promise.all(
        part.map((id) => this.person(caller, id).catch((): 'unknown' => 'unknown')),
      );
      people.forEach((person, k) => {
        const id = part[k] ?? '';
        if (person === 'unknown') return;
        if (person) found.set(id, person);
        this.keep(`${area}|${id}`, person ?? null, now);
      });
    }
    return found;
  }

  private keep(key: string, person: PersonSummary | null, now: number): void {
    this.kept.delete(key);
    this.kept.set(key, { person, until: now + NAME_TTL_MS });
    // The oldest kept go first (a Map keeps insertion order).
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= MAX_NAMES_KEPT) break;
      this.kept.delete(oldest);
    }
  }

  close(): void {
    this.registry.close();
  }
}
