/**
 * The tracing desk: results become cases, contacts become edges, and each change of a person's
 * classification reaches the people they named. Every step loads one record (or a batch), decides
 * purely, and saves the new state with its events in one commit. The cascade (ContactRecorded and
 * PersonClassified of a source -> the exposures of its contacts) is carried on at once in the same
 * handler; the relay publishes the events and this service's own consumer carries on only what
 * that did not (a crash in between, another instance's saves, deeper levels). Each step is
 * idempotent, so redelivery repeats nothing.
 */
import type { EventToPublish } from '@truyvet/bus';
import { DomainError, type FieldViolation } from '@truyvet/errors';
import type {
  ContactIdentificationAmbiguousV1,
  EventOf,
  EventOrigin,
  PersonIdentifiedV1,
  PersonRegisteredV1,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PersonUpdatedV1,
  PersonsMergedV1,
} from '@truyvet/events';
import { vietnamDay, type TracingRuleBook } from '@truyvet/rules';
import { ConcurrencyError, type Versioned } from '@truyvet/store';
import { standingCase } from '../domain/classification';
import {
  decideAmbiguous,
  decideAmendment,
  decideArrival,
  decideCaseUpdate,
  decideContacts,
  decideDeath,
  decideExposures,
  decideIdentified,
  decideNewPersonConfirmed,
  decidePersonDetails,
  decidePlacement,
  decideRecovery,
  decideRelease,
  decideResult,
  releaseCheck,
  sourceOfContactRef,
  type ContactInput,
  type ContactOutcome,
  type DecisionContext,
  type ExposureUpdate,
  type PersonResult,
} from '../domain/record';
import {
  newRecord,
  personOnRecordOf,
  type ContactSource,
  type Decision,
  type DecidedEvent,
  type Severity,
  type TracingRecord,
} from '../domain/types';
import { eventsOf } from './decided-events';
import type {
  Area,
  DirectoryEntry,
  HouseholdStore,
  PersonDirectory,
  RecordQueries,
  RecordStore,
  ResultLog,
} from './ports';

/** Saving a decision that lost a race is decided again on the new state, this many times. */
const ATTEMPTS = 8;

/** Levels of the cascade carried on inline; deeper ones go by the published events. */
const MAX_INLINE_HOPS = 4;

/** A set that forgets its oldest ids past a size. */
class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly most: number) {}

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.most) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
  }

  delete(id: string): boolean {
    return this.ids.delete(id);
  }
}

export function personNotFound(personId: string, field = 'personId'): DomainError {
  return new DomainError('PERSON_NOT_TRACED', 'not_found', `case-graph has no record of person ${personId}`, {
    fields: [{ field, description: `no tracing record of ${personId}` }],
  });
}

/** What a release sweep did, and the quarantines it leaves to the ward teams. */
export interface ReleaseSweep {
  checked: number;
  released: number;
  awaitingLastTest: number;
  lastTestMissing: Array<{ personId: string; orderId: string; area: TracingRecord['area'] }>;
}

export class TracingDesk {
  /** Events whose cascade this process carried inline (bounded: a miss only costs the reads). */
  private readonly carriedInline = new RecentIds(100_000);

  constructor(
    private readonly records: RecordStore,
    private readonly queries: RecordQueries,
    private readonly directory: PersonDirectory,
    private readonly results: ResultLog,
    private readonly households: HouseholdStore,
    private readonly rules: () => TracingRuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private context(version: number): DecisionContext {
    return { rules: this.rules(), now: this.now(), nextVersion: version + 1 };
  }

  /** A new record for a person, with what the registry said of them. */
  private async blankRecord(personId: string, fallbackArea?: TracingRecord['area']): Promise<TracingRecord> {
    const entry = await this.directory.get(personId);
    if (entry) {
      const emits = personOnRecordOf(entry.details);
      return newRecord(personId, { districtCode: emits.districtCode, wardCode: emits.wardCode }, emits);
    }
    return newRecord(personId, fallbackArea ?? { districtCode: '000' });
  }

  /**
   * Loads (or starts) one record, decides, saves the state with its events; a lost race is decided
   * again on the newer state. Answers the state as saved (or as found, when nothing changed).
   */
  async decideAndSave(
    personId: string,
    decide: (record: TracingRecord, version: number) => Decision | Promise<Decision>,
    origin: EventOrigin,
    create?: () => Promise<TracingRecord>,
    /** The record is most likely new (a positive): its starting point is read beside it, one wait. */
    likelyNew = false,
  ): Promise<TracingRecord> {
    for (let attempt = 1; ; attempt++) {
      const [found, created] = await Promise.all([
        this.records.load(personId),
        likelyNew && attempt === 1 ? create?.() : undefined,
      ]);
      if (!found && !create) throw personNotFound(personId);
      const current: Versioned<TracingRecord> = found ?? {
        id: personId,
        version: 0,
        state: created ?? (await (create as () => Promise<TracingRecord>)()),
      };
      const decision = await decide(current.state, current.version);
      if (!decision.changed) return current.state;
      const events = eventsOf(decision.emits, origin);
      try {
        await this.records.save({
          id: personId,
          expectedVersion: current.version,
          state: decision.state,
          events,
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
        // The consumer may be cascading through this very record: let it finish its write
        // (a few ms, growing, jittered) instead of losing the race again at once.
        await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 15)));
        continue;
      }
      const saved = { id: personId, version: current.version + 1, state: decision.state };
      await this.cascadeNow(saved, decision.emits, events, origin, 0);
      return decision.state;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Results

  /** A person's definitive result: remembered, and a positive makes (or joins) an F0 case. */
  async personResulted(event: EventOf<typeof PersonTestResultedV1>): Promise<void> {
    const r = event.data;
    const result: PersonResult = {
      resultId: r.resultId,
      sampleId: r.sampleId,
      method: r.method,
      outcome: r.outcome,
      collectedAt: r.collectedAt,
      resultedAt: r.resultedAt,
      ctValues: r.ctValues,
      siteDistrictCode: r.siteDistrictCode,
      siteWardCode: r.siteWardCode,
    };
    const origin = { correlationId: event.correlationId, causationId: event.id };
    const area = {
      districtCode: r.siteDistrictCode,
      ...(r.siteWardCode ? { wardCode: r.siteWardCode } : {}),
    };
    const decideOnRecord = (likelyNew: boolean): Promise<TracingRecord> =>
      this.decideAndSave(
        r.personId,
        async (current, version) =>
          this.withHousehold(decideResult(current, result, this.context(version)), version),
        origin,
        () => this.blankRecord(r.personId, area),
        likelyNew,
      );
    // Nothing is kept of a result outside the record: an amendment carries the tube's facts.
    if (r.outcome !== 'positive') {
      // A negative of someone nobody traces needs no record.
      if (await this.records.load(r.personId)) await decideOnRecord(false);
      return;
    }
    // A positive makes or joins a case whether or not a record exists: no look first.
    const record = await this.takeLateRegistration(await decideOnRecord(true), origin);
    await this.traceLateHouseholdMembers(record, origin);
  }

  /**
   * A record made while the person's registration was being filed: the registration looks for the
   * record after filing the person, and may have looked before this record was saved, while the
   * record was made before the person was filed (no details, so no household). Looked up again
   * after the save, one of the two sees the other; this one takes the details (and notes a standing
   * case in its household). Costs a lookup by id only when a record has no person.
   */
  private async takeLateRegistration(record: TracingRecord, origin: EventOrigin): Promise<TracingRecord> {
    if (record.person) return record;
    const entry = await this.directory.get(record.personId);
    if (!entry) return record;
    return this.takeDetails(record.personId, entry.details, origin);
  }

  /** The registry's details on a person's record; a standing case is noted in their household. */
  private async takeDetails(
    personId: string,
    details: DirectoryEntry['details'],
    origin: EventOrigin,
  ): Promise<TracingRecord> {
    const record = await this.decideAndSave(
      personId,
      (r, version) => decidePersonDetails(r, personOnRecordOf(details), this.context(version)),
      origin,
    );
    const householdId = record.person?.householdId;
    if (householdId && standingCase(record)?.status === 'active')
      await this.noteHouseholdCase(householdId, personId);
    return record;
  }

  /** The lab amended a result: undo what the old one caused, apply the new outcome. */
  async resultAmended(event: EventOf<typeof PersonTestResultAmendedV1>): Promise<void> {
    const a = event.data;
    // The amended result's facts: on the event; on one published before it carried them, in the
    // log this service kept of every result until then.
    const logged: PersonResult | null =
      a.collectedAt && a.siteDistrictCode
        ? {
            resultId: a.amendsResultId,
            sampleId: a.sampleId,
            method: a.method ?? 'rt_pcr',
            outcome: a.previousOutcome,
            collectedAt: a.collectedAt,
            resultedAt: a.amendedAt,
            siteDistrictCode: a.siteDistrictCode,
            ...(a.siteWardCode ? { siteWardCode: a.siteWardCode } : {}),
          }
        : await this.results.get(a.amendsResultId);
    const exists = (await this.records.load(a.personId)) !== null;
    if (!exists && a.outcome !== 'positive') return;
    const original: PersonResult | undefined = logged ?? undefined;
    const area = logged
      ? {
          districtCode: logged.siteDistrictCode,
          ...(logged.siteWardCode ? { wardCode: logged.siteWardCode } : {}),
        }
      : undefined;
    const record = await this.decideAndSave(
      a.personId,
      async (record, version) =>
        this.withHousehold(
          decideAmendment(
            record,
            {
              resultId: a.resultId,
              amendsResultId: a.amendsResultId,
              sampleId: a.sampleId,
              outcome: a.outcome,
              ctValues: a.ctValues,
              reason: a.reason,
              amendedAt: a.amendedAt,
            },
            original,
            this.context(version),
          ),
          version,
        ),
      { correlationId: event.correlationId, causationId: event.id },
      () => this.blankRecord(a.personId, area),
    );
    if (a.outcome === 'positive') {
      const origin = { correlationId: event.correlationId, causationId: event.id };
      await this.traceLateHouseholdMembers(await this.takeLateRegistration(record, origin), origin);
    }
  }

  /** A new case's household (from the registry) are its contacts, in the same commit. */
  private async withHousehold(decision: Decision, version: number): Promise<Decision> {
    const confirmed = decision.emits.find((f) => f.type === 'CaseConfirmed');
    const householdId = decision.state.person?.householdId;
    if (!confirmed || !householdId) return decision;
    const ctx = this.context(version);
    if (!ctx.rules.inForceOn(vietnamDay(ctx.now)).contacts.householdIsClose) return decision;
    // Noted before the members are read, and a registration files its person before it reads the
    // notes: so either this read sees the new member, or the registration sees this F0 (ADR 13).
    await this.noteHouseholdCase(householdId, decision.state.personId);
    const members = (await this.directory.householdMembers(householdId)).filter(
      (m) => m._id !== decision.state.personId,
    );
    if (members.length === 0) return decision;
    const until = confirmed.data.infectiousUntil;
    const { decision: withContacts } = decideContacts(
      decision.state,
      members.map((m) => ({
        contactPersonId: m._id,
        contactType: 'household' as const,
        lastExposureOn: until,
      })),
      { via: 'household', recordedBy: 'household-list' },
      ctx,
    );
    return { state: withContacts.state, emits: [...decision.emits, ...withContacts.emits], changed: true };
  }

  // -------------------------------------------------------------------------------------------
  // The graph

  /**
   * Carries a source's classification to the people it named (all of them, or the given edges):
   * their exposures are brought up to this version of the source, in a few round trips a batch.
   */
  /**
   * What a saved change means for the people this person named, carried on at once instead of one
   * relay and consumer hop later (the F1 of a new F0 are ordered into quarantine in the same
   * handler). The published ContactRecorded and PersonClassified events carry the same cascade
   * again (for a crash in between, and for other instances); applied twice it changes nothing.
   */
  private async cascadeNow(
    saved: Versioned<TracingRecord>,
    emits: readonly DecidedEvent[],
    events: readonly EventToPublish[],
    origin: EventOrigin,
    hops: number,
  ): Promise<void> {
    if (hops >= MAX_INLINE_HOPS) return;
    // From the record as just saved (not read back: one round trip a hop less on the way from a
    // result to the F1's orders); a newer version saved meanwhile carries its own cascade.
    let carried: number;
    if (emits.some((f) => f.type === 'PersonClassified')) {
      carried = await this.propagateFrom(saved.id, origin, undefined, hops + 1, saved);
    } else {
      const recorded = emits.flatMap((f) => (f.type === 'ContactRecorded' ? [f.data.contactId] : []));
      if (recorded.length === 0) return;
      carried = await this.propagateFrom(saved.id, origin, recorded, hops + 1, saved);
    }
    // Not carried (no such record): the consumer must carry these events again.
    if (carried < saved.version) return;
    // Done here: when these events come back through the consumer, there is nothing to carry.
    for (const { event } of events)
      if (event.type === 'PersonClassified' || event.type === 'ContactRecorded')
        this.carriedInline.add(event.id);
  }

  /**
   * The consumer's step of the cascade, for a PersonClassified or ContactRecorded event: what
   * `cascadeNow` did not already carry in this process (it did, unless the process died in
   * between, the event was saved by another instance, or the cascade went deeper than inline).
   */
  async carryOn(
    eventId: string,
    sourcePersonId: string,
    origin: EventOrigin,
    onlyContactIds?: readonly string[],
  ): Promise<void> {
    if (this.carriedInline.delete(eventId)) return;
    await this.propagateFrom(sourcePersonId, origin, onlyContactIds);
  }

  /**
   * Answers the version of the source it carried (0: no such record). `asSaved`: the source as its
   * writer just saved it, carried as it is; else its latest version is read.
   */
  async propagateFrom(
    sourcePersonId: string,
    origin: EventOrigin,
    onlyContactIds?: readonly string[],
    hops = MAX_INLINE_HOPS - 1,
    asSaved?: Versioned<TracingRecord>,
  ): Promise<number> {
    const source = asSaved ?? (await this.records.load(sourcePersonId));
    if (!source) return 0;
    const contacts = source.state.contacts.filter(
      (c) => !onlyContactIds || onlyContactIds.includes(c.contactId),
    );
    if (contacts.length === 0) return source.version;
    const updates = new Map<string, ExposureUpdate>(
      contacts.map((contact) => [
        contact.contactPersonId,
        { contact, sourcePersonId, source: source.state.classification, sourceVersion: source.version },
      ]),
    );
    let todo = [...updates.keys()];
    const decided = new Map<string, DecidedEvent[]>();
    /** Records made here for people not filed yet: their registration may miss them (see below). */
    const unfiled = new Set<string>();
    for (let attempt = 1; todo.length > 0; attempt++) {
      // The registry's entries serve those without a record: read beside the records the first
      // time (one wait, not two; most contacts of a new case have none yet), after them on a retry.
      const [loaded, firstEntries] = await Promise.all([
        this.records.loadMany(todo),
        attempt === 1 ? this.directory.getMany(todo) : undefined,
      ]);
      const entries = firstEntries ?? (await this.directory.getMany(todo.filter((id) => !loaded.has(id))));
      const changes = [];
      for (const personId of todo) {
        const update = updates.get(personId);
        if (!update) continue;
        const found = loaded.get(personId);
        const entry = entries.get(personId);
        const emits = entry ? personOnRecordOf(entry.details) : undefined;
        const current = found ?? {
          id: personId,
          version: 0,
          state: newRecord(
            personId,
            emits ? { districtCode: emits.districtCode, wardCode: emits.wardCode } : source.state.area,
            emits,
          ),
        };
        const decision = decideExposures(current.state, [update], this.context(current.version));
        if (!decision.changed) continue;
        decided.set(personId, decision.emits);
        if (!found && !entry) unfiled.add(personId);
        else unfiled.delete(personId);
        changes.push({
          id: personId,
          expectedVersion: current.version,
          state: decision.state,
          events: eventsOf(decision.emits, origin),
        });
      }
      const saved = await this.records.saveMany(changes);
      todo = changes.filter((_, i) => saved[i] instanceof ConcurrencyError).map((c) => c.id);
      for (const [i, change] of changes.entries()) {
        if (!(saved[i] instanceof ConcurrencyError))
          await this.cascadeNow(
            { id: change.id, version: change.expectedVersion + 1, state: change.state },
            decided.get(change.id) ?? [],
            change.events,
            origin,
            hops,
          );
      }
      if (todo.length > 0 && attempt >= ATTEMPTS) {
        throw new DomainError(
          'CONCURRENT_UPDATE',
          'unavailable',
          `records kept changing: ${todo.join(', ')}`,
        );
      }
    }
    // Made before the person was filed, and the registration may have looked for the record
    // before it was saved: looked up again now (as `takeLateRegistration`), so one sees the other.
    if (unfiled.size > 0)
      for (const [personId, entry] of await this.directory.getMany([...unfiled]))
        await this.takeDetails(personId, entry.details, origin);
    return source.version;
  }

  /**
   * Contacts a tracer (or an import) names for a person. `allOrNothing`: one bad contact refuses
   * the call with INVALID_ARGUMENT naming every bad field; else the good ones are recorded and each
   * row is answered.
   */
  async recordContacts(
    sourcePersonId: string,
    inputs: readonly ContactInput[],
    options: { via: ContactSource; recordedBy: string; allOrNothing: boolean },
    origin: EventOrigin,
  ): Promise<ContactOutcome[]> {
    let outcomes: ContactOutcome[] = [];
    await this.decideAndSave(
      sourcePersonId,
      (record, version) => {
        const result = decideContacts(record, inputs, options, this.context(version));
        outcomes = result.outcomes;
        const rejected = outcomes.flatMap((o) => o.fields ?? []);
        if (options.allOrNothing && rejected.length > 0) throw badContacts(rejected);
        return result.decision;
      },
      origin,
    );
    return outcomes;
  }

  /** The registry identified a contact named by details: record the edge on the person. */
  async personIdentified(event: EventOf<typeof PersonIdentifiedV1>): Promise<void> {
    await this.identified(event.data.contactRef, event.data.personId, {
      correlationId: event.correlationId,
      causationId: event.id,
    });
  }

  async identified(contactRef: string, personId: string, origin: EventOrigin): Promise<void> {
    const source = sourceOfContactRef(contactRef);
    if (!(await this.records.load(source))) return; // not a ref of ours
    await this.decideAndSave(
      source,
      (record, version) => decideIdentified(record, contactRef, personId, this.context(version)),
      origin,
    );
  }

  /** Only probable matches: the contact waits on the source's record with its candidates. */
  async identificationAmbiguous(
    event: EventOf<typeof ContactIdentificationAmbiguousV1>,
  ): Promise<TracingRecord | null> {
    const source = sourceOfContactRef(event.data.contactRef);
    if (!(await this.records.load(source))) return null;
    return this.decideAndSave(
      source,
      (record) => decideAmbiguous(record, event.data.contactRef, event.data.candidates),
      {
        correlationId: event.correlationId,
        causationId: event.id,
      },
    );
  }

  async confirmNewPerson(contactRef: string, by: string, origin: EventOrigin): Promise<void> {
    await this.decideAndSave(
      sourceOfContactRef(contactRef),
      (record) => decideNewPersonConfirmed(record, contactRef, by),
      origin,
    );
  }

  // -------------------------------------------------------------------------------------------
  // The registry's persons

  async personRegistered(
    event: EventOf<typeof PersonRegisteredV1> | EventOf<typeof PersonUpdatedV1>,
  ): Promise<void> {
    const { personId, details } = event.data;
    const origin = { correlationId: event.correlationId, causationId: event.id };
    // Filed before the record is looked for: a positive whose record is made meanwhile finds the
    // person filed, or is found here, or (made before the filing, saved after this look) looks the
    // person up again after its save (`takeLateRegistration`).
    if (event.type === 'PersonRegistered') await this.directory.add({ _id: personId, details });
    else await this.directory.put({ _id: personId, details });
    if (await this.records.load(personId)) await this.takeDetails(personId, details, origin);
    if (!details.householdId) return;
    const day = vietnamDay(this.now());
    if (!this.rules().inForceOn(day).contacts.householdIsClose) return;
    // An F0 whose household became known only now, and any F0 of the household this person joins.
    // Most registrations join no household with an F0: one lookup by id says so, and the (larger)
    // directory is read only when one does.
    const index = await this.households.load(details.householdId);
    if (!index) return;
    const f0s = [...(await this.records.loadMany(index.state.f0PersonIds)).values()]
      .map((r) => r.state)
      .filter((f0) => standingCase(f0)?.status === 'active');
    if (f0s.length === 0) return;
    const members = await this.directory.householdMembers(details.householdId);
    for (const f0 of f0s) await this.traceHouseholdMembers(f0, members, origin);
  }

  /**
   * A new case's household was read before its case was saved; a person who joined the household in
   * between may have found the case noted but not yet saved, and left it to this re-read.
   */
  private async traceLateHouseholdMembers(record: TracingRecord, origin: EventOrigin): Promise<void> {
    const householdId = record.person?.householdId;
    if (!householdId || standingCase(record)?.status !== 'active') return;
    if (!this.rules().inForceOn(vietnamDay(this.now())).contacts.householdIsClose) return;
    await this.traceHouseholdMembers(record, await this.directory.householdMembers(householdId), origin);
  }

  /** The members of an F0's household it does not name yet become its household contacts. */
  private async traceHouseholdMembers(
    f0: TracingRecord,
    members: readonly { _id: string }[],
    origin: EventOrigin,
  ): Promise<void> {
    const standing = standingCase(f0);
    if (standing?.status !== 'active') return;
    const missing = members.filter(
      (m) => m._id !== f0.personId && !f0.contacts.some((c) => c.contactPersonId === m._id),
    );
    if (missing.length === 0) return;
    await this.recordContacts(
      f0.personId,
      missing.map((m) => ({
        contactPersonId: m._id,
        contactType: 'household' as const,
        lastExposureOn: standing.infectiousUntil,
      })),
      { via: 'household', recordedBy: 'household-list', allOrNothing: false },
      origin,
    );
  }

  /**
   * Remembers which households have a standing F0, by household id, so that a registration can ask
   * with one lookup by id (a query on the records would read them all on FerretDB: ADR 3). A
   * superset: noted before the case is saved, so readers check the F0's record.
   */
  private async noteHouseholdCase(householdId: string, personId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.households.load(householdId);
      if (found?.state.f0PersonIds.includes(personId)) return;
      try {
        await this.households.save({
          id: householdId,
          expectedVersion: found?.version ?? 0,
          state: { f0PersonIds: [...(found?.state.f0PersonIds ?? []), personId] },
          events: [],
        });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** Two registrations are one person: the directory follows the survivor. */
  async personsMerged(event: EventOf<typeof PersonsMergedV1>): Promise<void> {
    const merged = await this.directory.get(event.data.mergedId);
    if (merged) await this.directory.put({ ...merged, mergedInto: event.data.survivorId });
  }

  // -------------------------------------------------------------------------------------------
  // Cases, arrivals, releases, placements

  async updateCase(
    update: {
      caseId: string;
      symptomOnset?: string | undefined;
      severity?: Severity | undefined;
      updatedBy: string;
    },
    origin: EventOrigin,
  ): Promise<TracingRecord> {
    return this.decideAndSave(
      personOfCase(update.caseId),
      (r, v) => decideCaseUpdate(r, update, this.context(v)),
      origin,
    );
  }

  async recordRecovery(
    command: { caseId: string; recoveredOn: string; recordedBy: string },
    origin: EventOrigin,
  ): Promise<TracingRecord> {
    return this.decideAndSave(
      personOfCase(command.caseId),
      (r, v) => decideRecovery(r, command, this.context(v)),
      origin,
    );
  }

  async recordDeath(
    command: { caseId: string; diedOn: string; recordedBy: string },
    origin: EventOrigin,
  ): Promise<TracingRecord> {
    return this.decideAndSave(
      personOfCase(command.caseId),
      (r, v) => decideDeath(r, command, this.context(v)),
      origin,
    );
  }

  async registerArrival(
    personId: string,
    arrival: { fromAreaCode: string; arrivedOn: string; recordedBy: string },
    origin: EventOrigin,
  ): Promise<TracingRecord> {
    if (!(await this.directory.get(personId)) && !(await this.records.load(personId)))
      throw new DomainError('PERSON_NOT_REGISTERED', 'not_found', `no registry person ${personId}`, {
        fields: [{ field: 'personId', description: 'register the person in the registry first' }],
      });
    return this.decideAndSave(
      personId,
      (r, v) => decideArrival(r, arrival, this.context(v)),
      origin,
      () => this.blankRecord(personId),
    );
  }

  /**
   * Releases every quarantine whose period is over and whose last test is negative; one whose last
   * test never came is settled as the rules say (released all the same, or handed to the person's
   * ward team: `lastTestMissing`, for the task queue).
   */
  async releaseDue(origin: EventOrigin = {}): Promise<ReleaseSweep> {
    const day = vietnamDay(this.now());
    const due = await this.queries.dueForRelease(day);
    let released = 0;
    let awaitingLastTest = 0;
    const lastTestMissing: ReleaseSweep['lastTestMissing'] = [];
    for (const record of due) {
      const check = releaseCheck(record, this.context(0));
      if (!check.releasable && check.why === 'last_test_missing' && check.settle === 'flag') {
        lastTestMissing.push({ personId: record.personId, orderId: check.orderId, area: record.area });
        continue;
      }
      if (!check.releasable && check.why !== 'last_test_missing') {
        if (check.why === 'awaiting_last_test') awaitingLastTest++;
        continue;
      }
      const after = await this.decideAndSave(
        record.personId,
        (r, v) => decideRelease(r, this.context(v)),
        origin,
      );
      if (after.orders.some((o) => o.endReason === 'released' && o.endedOn === day)) released++;
    }
    return { checked: due.length, released, awaitingLastTest, lastTestMissing };
  }

  async notePlacement(
    personId: string,
    orderId: string,
    placement: { facilityId: string; facilityName: string } | 'waitlisted',
    at: string,
    origin: EventOrigin,
  ): Promise<void> {
    if (!(await this.records.load(personId))) return;
    await this.decideAndSave(personId, (r) => decidePlacement(r, orderId, placement, at), origin);
  }

  casesIn(area: Area, status?: string): Promise<TracingRecord[]> {
    return this.queries.casesIn(area, status);
  }

  isolatedIn(area: Area): Promise<TracingRecord[]> {
    return this.queries.isolatedIn(area);
  }

  /** Where a person is followed up: their record's area, else their registry address. */
  async areaOf(personId: string): Promise<TracingRecord['area'] | undefined> {
    const record = await this.records.load(personId);
    if (record) return record.state.area;
    const entry = await this.directory.get(personId);
    return entry
      ? { districtCode: entry.details.address.districtCode, wardCode: entry.details.address.wardCode }
      : undefined;
  }

  /**
   * Where each of these people lives, from their tracing record or else the registry's entry (one
   * read of each, batched); a person neither holds is not in the map: no such person here (yet).
   */
  async areasOf(personIds: readonly string[]): Promise<Map<string, TracingRecord['area']>> {
    const ids = [...new Set(personIds)];
    const records = await this.records.loadMany(ids);
    const areas = new Map([...records].map(([id, r]) => [id, r.state.area]));
    const rest = ids.filter((id) => !areas.has(id));
    if (rest.length > 0)
      for (const [id, entry] of await this.directory.getMany(rest))
        areas.set(id, {
          districtCode: entry.details.address.districtCode,
          wardCode: entry.details.address.wardCode,
        });
    return areas;
  }

  async getRecord(personId: string): Promise<Versioned<TracingRecord> | null> {
    return this.records.load(personId);
  }

  releaseStatus(record: TracingRecord): string {
    const check = releaseCheck(record, this.context(0));
    return check.releasable ? 'releasable' : check.why;
  }
}

/** Case ids are `<person id>/case<n>`: the record they live in. */
export function personOfCase(caseId: string): string {
  const at = caseId.lastIndexOf('/case');
  return at > 0 ? caseId.slice(0, at) : caseId;
}

function badContacts(fields: FieldViolation[]): DomainError {
  return new DomainError(
    'INVALID_CONTACTS',
    'invalid',
    `invalid contacts: ${fields.map((f) => `${f.field}: ${f.description}`).join('; ')}`,
    { fields },
  );
}
