/**
 * Decisions on one person's tracing record: a result, an amendment, exposures heard from the
 * people they met, contacts a tracer names, an arrival, a case update, recovery, death, release.
 * Each gives the new state and the events to publish; every one ends by settling the record:
 * classification recomputed from the graph, isolation brought in line with it. Pure.
 */
import { DomainError, type FieldViolation } from '@truyvet/errors';
import { addDays, daysBetween, vietnamDay, type TracingRuleBook } from '@truyvet/rules';
import { classify, contactsTraceable, sameClassification } from './classification';
import { activeOrder, desiredOrder, endOrder, reconcileOrders } from './isolation';
import type {
  Arrival,
  CaseEpisode,
  Classification,
  Contact,
  ContactSource,
  ContactType,
  Decision,
  DecidedEvent,
  PersonDetails,
  PersonOnRecord,
  PersonClassifiedData,
  PositiveResult,
  Severity,
  TestMethod,
  TestOutcome,
  TracingRecord,
} from './types';

export interface DecisionContext {
  rules: TracingRuleBook;
  now: Date;
  /** The version the record will have once this decision is saved (classifications carry it). */
  nextVersion: number;
}

const today = (ctx: DecisionContext): string => vietnamDay(ctx.now);

function unchanged(state: TracingRecord): Decision {
  return { state, emits: [], changed: false };
}

/**
 * Recomputes the classification and the isolation of a changed draft; the events say what moved.
 * `endReason`: how an order no longer called for ends (withdrawn when what caused it was undone).
 */
function settle(
  before: TracingRecord,
  draft: TracingRecord,
  ctx: DecisionContext,
  reason: PersonClassifiedData['reason'],
  endReason: 'withdrawn' | 'superseded' = 'withdrawn',
): DecidedEvent[] {
  const emits: DecidedEvent[] = [];
  const classification = classify(draft, ctx.rules);
  if (!sameClassification(classification, before.classification)) {
    draft.classification = classification;
    emits.push({ type: 'PersonClassified', data: classifiedData(draft, before.classification, ctx, reason) });
  }
  emits.push(
    ...reconcileOrders(draft, desiredOrder(draft, classification, ctx.rules), today(ctx), endReason),
  );
  return emits;
}

function classifiedData(
  draft: TracingRecord,
  previous: Classification,
  ctx: DecisionContext,
  reason: PersonClassifiedData['reason'],
): PersonClassifiedData {
  const c = draft.classification;
  return {
    personId: draft.personId,
    level: c.level,
    previousLevel: previous.level,
    rootCaseId: c.rootCaseId,
    clusterId: c.clusterId,
    path: c.path,
    sourcePersonId: c.sourcePersonId,
    lastExposureOn: c.lastExposureOn,
    reason,
    recordVersion: ctx.nextVersion,
  };
}

function decided(draft: TracingRecord, emits: DecidedEvent[]): Decision {
  return { state: draft, emits, changed: true };
}

// ---------------------------------------------------------------------------------------------
// Results and amendments

export interface PersonResult {
  resultId: string;
  sampleId: string;
  method: TestMethod;
  outcome: TestOutcome;
  collectedAt: string;
  resultedAt: string;
  ctValues?: Record<string, number> | undefined;
  siteDistrictCode: string;
  siteWardCode?: string | undefined;
}

function infectiousFrom(firstCollectedDay: string, onset: string | undefined, daysBefore: number): string {
  return addDays(onset ?? firstCollectedDay, -daysBefore);
}

/** Makes the person an F0 from a positive result, or adds it to the case it belongs to. */
function applyPositive(draft: TracingRecord, result: PersonResult, ctx: DecisionContext): DecidedEvent[] {
  const positive: PositiveResult = {
    resultId: result.resultId,
    sampleId: result.sampleId,
    method: result.method,
    collectedAt: result.collectedAt,
    resultedAt: result.resultedAt,
    ...(result.ctValues ? { ctValues: result.ctValues } : {}),
  };
  const collectedOn = vietnamDay(result.collectedAt);
  const latest = draft.cases.filter((c) => c.status !== 'reverted').at(-1);
  if (latest?.status === 'active') return addToCase(draft, latest, positive, ctx);
  if (latest?.status === 'died') return [];
  if (latest?.status === 'recovered' && latest.closedOn) {
    const set = ctx.rules.inForceOn(collectedOn);
    // Still shedding after recovery, not a new infection.
    if (daysBetween(latest.closedOn, collectedOn) < set.reinfectionAfterDays) return [];
  }
  const set = ctx.rules.inForceOn(vietnamDay(result.resultedAt));
  const active = activeOrder(draft);
  const quarantined =
    active !== undefined &&
    (active.kind === 'centralized_quarantine' || active.kind === 'home_quarantine') &&
    active.startsOn <= collectedOn;
  const from = infectiousFrom(collectedOn, undefined, set.contacts.infectiousDaysBefore);
  // Isolated since the quarantine began when that was centralized; else since today.
  const isolatedOn = quarantined && active.kind === 'centralized_quarantine' ? active.startsOn : today(ctx);
  const until = isolatedOn < from ? from : isolatedOn;
  const episode = draft.cases.length + 1;
  const caseId = `${draft.personId}/case${episode}`;
  const source =
    draft.classification.level !== null && draft.classification.level > 0 ? draft.classification : null;
  const episodeState: CaseEpisode = {
    caseId,
    episode,
    status: 'active',
    positives: [positive],
    confirmedAt: ctx.now.toISOString(),
    foundIn: quarantined ? 'quarantine' : 'community',
    infectiousFrom: from,
    infectiousUntil: until,
    ...(source?.sourcePersonId ? { likelySourcePersonId: source.sourcePersonId } : {}),
    clusterId: source?.clusterId ?? caseId,
    districtCode: draft.area.districtCode,
    ...(draft.area.wardCode ? { wardCode: draft.area.wardCode } : {}),
  };
  draft.cases.push(episodeState);
  return [
    {
      type: 'CaseConfirmed',
      data: {
        caseId,
        personId: draft.personId,
        episode,
        resultId: result.resultId,
        sampleId: result.sampleId,
        method: result.method,
        collectedAt: result.collectedAt,
        resultedAt: result.resultedAt,
        confirmedAt: episodeState.confirmedAt,
        foundIn: episodeState.foundIn,
        infectiousFrom: from,
        infectiousUntil: until,
        districtCode: episodeState.districtCode,
        ...(episodeState.wardCode ? { wardCode: episodeState.wardCode } : {}),
        ...(episodeState.likelySourcePersonId
          ? { likelySourcePersonId: episodeState.likelySourcePersonId }
          : {}),
        clusterId: episodeState.clusterId,
      },
    },
  ];
}

/** Another positive of a standing case; an earlier sample opens the window earlier. */
function addToCase(
  draft: TracingRecord,
  episode: CaseEpisode,
  positive: PositiveResult,
  ctx: DecisionContext,
): DecidedEvent[] {
  episode.positives.push(positive);
  return windowEvents(draft, episode, ctx, 'system');
}

function windowEvents(
  draft: TracingRecord,
  episode: CaseEpisode,
  ctx: DecisionContext,
  by: string,
): DecidedEvent[] {
  const first = episode.positives.map((p) => vietnamDay(p.collectedAt)).sort()[0];
  if (!first) return [];
  const set = ctx.rules.inForceOn(vietnamDay(episode.confirmedAt));
  const from = infectiousFrom(first, episode.symptomOnset, set.contacts.infectiousDaysBefore);
  const until = episode.infectiousUntil < from ? from : episode.infectiousUntil;
  if (from === episode.infectiousFrom && until === episode.infectiousUntil) return [];
  episode.infectiousFrom = from;
  episode.infectiousUntil = until;
  return [caseUpdated(draft, episode, ['infectiousFrom'], by)];
}

function caseUpdated(
  draft: TracingRecord,
  episode: CaseEpisode,
  changedFields: string[],
  by: string,
): DecidedEvent {
  return {
    type: 'CaseUpdated',
    data: {
      caseId: episode.caseId,
      personId: draft.personId,
      infectiousFrom: episode.infectiousFrom,
      infectiousUntil: episode.infectiousUntil,
      ...(episode.symptomOnset ? { symptomOnset: episode.symptomOnset } : {}),
      ...(episode.severity ? { severity: episode.severity } : {}),
      changedFields,
      updatedBy: by,
    },
  };
}

/**
 * A sample taken by a test's due day (or the day before) fulfils that test: the latest such open
 * one; earlier tests that were missed stay open (overdue) until the order ends.
 */
function fulfilTest(draft: TracingRecord, resultId: string, collectedAt: string): void {
  const order = activeOrder(draft);
  if (!order) return;
  const latestDue = addDays(vietnamDay(collectedAt), 1);
  const test = order.tests
    .filter((t) => t.status === 'open' && t.dueOn <= latestDue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .at(-1);
  if (!test) return;
  test.status = 'done';
  test.resultId = resultId;
}

/**
 * A person's definitive result. Positive: an F0 once per episode (a repeat or a second positive of
 * the same episode adds to it). Any result is remembered for the release of a quarantine.
 */
export function decideResult(record: TracingRecord, result: PersonResult, ctx: DecisionContext): Decision {
  if (record.results.some((r) => r.resultId === result.resultId)) return unchanged(record);
  const draft = structuredClone(record);
  draft.results.push({
    resultId: result.resultId,
    sampleId: result.sampleId,
    method: result.method,
    outcome: result.outcome,
    collectedAt: result.collectedAt,
    ...(result.ctValues ? { ctValues: result.ctValues } : {}),
  });
  if (!draft.person && draft.cases.length === 0 && draft.exposures.length === 0) {
    draft.area = {
      districtCode: result.siteDistrictCode,
      ...(result.siteWardCode ? { wardCode: result.siteWardCode } : {}),
    };
  }
  fulfilTest(draft, result.resultId, result.collectedAt);
  const emits = result.outcome === 'positive' ? applyPositive(draft, result, ctx) : [];
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_confirmed', 'superseded')]);
}

export interface ResultAmendment {
  resultId: string;
  amendsResultId: string;
  sampleId: string;
  outcome: TestOutcome | 'withdrawn';
  ctValues?: Record<string, number> | undefined;
  reason: string;
  amendedAt: string;
}

/**
 * An amended result: what the old one caused is undone (a case standing on it alone is reverted,
 * and with it the classification and isolation it caused), and the new outcome applied.
 * `original` is the amended result as the lab first published it, when this record never saw it.
 */
export function decideAmendment(
  record: TracingRecord,
  amendment: ResultAmendment,
  original: PersonResult | undefined,
  ctx: DecisionContext,
): Decision {
  if (record.results.some((r) => r.resultId === amendment.resultId)) return unchanged(record);
  const draft = structuredClone(record);
  const seen = draft.results.find((r) => r.resultId === amendment.amendsResultId);
  const base = seen ?? original;
  const emits: DecidedEvent[] = [];
  for (const episode of draft.cases) {
    const before = episode.positives.length;
    episode.positives = episode.positives.filter((p) => p.resultId !== amendment.amendsResultId);
    if (episode.positives.length === before || episode.status === 'reverted') continue;
    if (episode.positives.length === 0) {
      episode.status = 'reverted';
      episode.closedOn = today(ctx);
      emits.push({
        type: 'CaseReverted',
        data: {
          caseId: episode.caseId,
          personId: draft.personId,
          amendmentResultId: amendment.resultId,
          reason: amendment.reason,
        },
      });
    } else {
      emits.push(...windowEvents(draft, episode, ctx, 'system'));
    }
  }
  if (seen) seen.outcome = 'withdrawn';
  const collectedAt = base?.collectedAt ?? amendment.amendedAt;
  draft.results.push({
    resultId: amendment.resultId,
    sampleId: amendment.sampleId,
    method: base?.method ?? 'rt_pcr',
    outcome: amendment.outcome,
    collectedAt,
    ...(amendment.ctValues ? { ctValues: amendment.ctValues } : {}),
  });
  if (amendment.outcome === 'positive') {
    emits.push(
      ...applyPositive(
        draft,
        {
          resultId: amendment.resultId,
          sampleId: amendment.sampleId,
          method: base?.method ?? 'rt_pcr',
          outcome: 'positive',
          collectedAt,
          resultedAt: amendment.amendedAt,
          ctValues: amendment.ctValues,
          siteDistrictCode: draft.area.districtCode,
          siteWardCode: draft.area.wardCode,
        },
        ctx,
      ),
    );
  }
  const reverted = emits.some((f) => f.type === 'CaseReverted');
  return decided(draft, [
    ...emits,
    ...settle(record, draft, ctx, reverted ? 'case_reverted' : 'case_confirmed', 'withdrawn'),
  ]);
}

// ---------------------------------------------------------------------------------------------
// The graph

/** What a contact's record hears of the person who named them: the edge and their classification. */
export interface ExposureUpdate {
  contact: Contact;
  sourcePersonId: string;
  source: Classification;
  sourceVersion: number;
}

/** Exposures heard from sources; an older version of a source than the one held is ignored. */
export function decideExposures(
  record: TracingRecord,
  updates: readonly ExposureUpdate[],
  ctx: DecisionContext,
): Decision {
  const draft = structuredClone(record);
  let changed = false;
  for (const update of updates) {
    if (update.contact.contactPersonId !== record.personId) continue;
    const held = draft.exposures.find((e) => e.contactId === update.contact.contactId);
    if (held && held.sourceVersion >= update.sourceVersion) continue;
    const exposure = {
      contactId: update.contact.contactId,
      sourcePersonId: update.sourcePersonId,
      contactType: update.contact.contactType,
      lastExposureOn: update.contact.lastExposureOn,
      via: update.contact.via,
      source: update.source,
      sourceVersion: update.sourceVersion,
    };
    if (held) Object.assign(held, exposure);
    else draft.exposures.push(exposure);
    changed = true;
  }
  if (!changed) return unchanged(record);
  const reason = record.exposures.length === draft.exposures.length ? 'source_changed' : 'exposure';
  return decided(draft, settle(record, draft, ctx, reason, 'withdrawn'));
}

export interface ContactInput {
  contactPersonId?: string | undefined;
  details?: PersonDetails | undefined;
  contactType: ContactType;
  lastExposureOn: string;
}

export interface ContactOutcome {
  index: number;
  status: 'recorded' | 'unchanged' | 'awaiting_identification' | 'rejected';
  contactId?: string;
  contactRef?: string;
  fields?: FieldViolation[];
}

function notTraceable(record: TracingRecord, maxDepth: number): DomainError {
  const level = record.classification.level;
  const what =
    level === null ? 'not an F0 or a traced contact' : `an F${level} (contacts are traced to F${maxDepth})`;
  return new DomainError(
    'NOT_TRACEABLE',
    'conflict',
    `person ${record.personId} is ${what}: their contacts cannot be recorded`,
    { fields: [{ field: 'personId', description: `is ${what}` }] },
  );
}

/**
 * Contacts a tracer names (or the household list gives) for this person, each checked on its own:
 * not the person themselves, not in the future, within the window in which this person counts.
 * A contact named by registry id is recorded; one named by details waits for the registry.
 */
export function decideContacts(
  record: TracingRecord,
  inputs: readonly ContactInput[],
  options: { via: ContactSource; recordedBy: string },
  ctx: DecisionContext,
): { decision: Decision; outcomes: ContactOutcome[] } {
  const day = today(ctx);
  const maxDepth = ctx.rules.inForceOn(day).contacts.maxDepth;
  if (!contactsTraceable(record.classification, maxDepth)) throw notTraceable(record, maxDepth);
  const { since, until } = record.classification;
  const draft = structuredClone(record);
  const emits: DecidedEvent[] = [];
  const outcomes = inputs.map((input, index): ContactOutcome => {
    const field = (name: string): string => `contacts.${index}.${name}`;
    const fields: FieldViolation[] = [];
    if (!input.contactPersonId && !input.details)
      fields.push({
        field: `contacts.${index}`,
        description: 'name the contact by personId or by their details',
      });
    if (input.contactPersonId === record.personId)
      fields.push({ field: field('contactPersonId'), description: 'a person is not their own contact' });
    if (input.lastExposureOn > day)
      fields.push({ field: field('lastExposureOn'), description: `is in the future (today is ${day})` });
    else if (since !== null && input.lastExposureOn < since)
      fields.push({
        field: field('lastExposureOn'),
        description: `is before the infectious window, which opens on ${since}`,
      });
    else if (until !== null && input.lastExposureOn > until)
      fields.push({
        field: field('lastExposureOn'),
        description: `is after the infectious window, which closed on ${until} (isolation)`,
      });
    if (fields.length > 0) return { index, status: 'rejected', fields };
    if (input.contactPersonId) {
      const recorded = recordContact(draft, input.contactPersonId, input, options, ctx);
      if (recorded) emits.push(recorded.event);
      return {
        index,
        status: recorded ? 'recorded' : 'unchanged',
        contactId: contactIdOf(record.personId, input.contactPersonId),
      };
    }
    const details = input.details as PersonDetails;
    draft.counters.contactRefs += 1;
    const contactRef = `${record.personId}~c${draft.counters.contactRefs}`;
    draft.pendingContacts.push({
      contactRef,
      details,
      contactType: input.contactType,
      lastExposureOn: input.lastExposureOn,
      via: options.via,
      recordedBy: options.recordedBy,
      requestedAt: ctx.now.toISOString(),
    });
    emits.push({
      type: 'ContactIdentificationRequested',
      data: { contactRef, details, registerDespiteCandidates: false, requestedBy: options.recordedBy },
    });
    return { index, status: 'awaiting_identification', contactRef };
  });
  const decision = emits.length > 0 ? decided(draft, emits) : unchanged(record);
  return { decision, outcomes };
}

export function contactIdOf(sourcePersonId: string, contactPersonId: string): string {
  return `${sourcePersonId}>${contactPersonId}`;
}

/** The person whose contacts a contact reference belongs to (refs are minted per source record). */
export function sourceOfContactRef(contactRef: string): string {
  const at = contactRef.lastIndexOf('~');
  return at > 0 ? contactRef.slice(0, at) : contactRef;
}

function recordContact(
  draft: TracingRecord,
  contactPersonId: string,
  input: Pick<ContactInput, 'contactType' | 'lastExposureOn'>,
  options: { via: ContactSource; recordedBy: string },
  ctx: DecisionContext,
): { event: DecidedEvent } | undefined {
  const contactId = contactIdOf(draft.personId, contactPersonId);
  const held = draft.contacts.find((c) => c.contactId === contactId);
  if (held && held.lastExposureOn >= input.lastExposureOn && held.contactType === input.contactType)
    return undefined;
  const contact: Contact = {
    contactId,
    contactPersonId,
    contactType: input.contactType,
    lastExposureOn:
      held && held.lastExposureOn > input.lastExposureOn ? held.lastExposureOn : input.lastExposureOn,
    via: options.via,
    recordedBy: options.recordedBy,
    recordedAt: ctx.now.toISOString(),
  };
  if (held) Object.assign(held, contact);
  else draft.contacts.push(contact);
  return {
    event: {
      type: 'ContactRecorded',
      data: {
        contactId,
        sourcePersonId: draft.personId,
        contactPersonId,
        contactType: contact.contactType,
        lastExposureOn: contact.lastExposureOn,
        via: contact.via,
        recordedBy: contact.recordedBy,
      },
    },
  };
}

/** The registry said who a contact named by details is: the contact is recorded on them. */
export function decideIdentified(
  record: TracingRecord,
  contactRef: string,
  personId: string,
  ctx: DecisionContext,
): Decision {
  const pending = record.pendingContacts.find((p) => p.contactRef === contactRef);
  if (!pending) return unchanged(record);
  const draft = structuredClone(record);
  draft.pendingContacts = draft.pendingContacts.filter((p) => p.contactRef !== contactRef);
  if (personId === record.personId) return decided(draft, []);
  const recorded = recordContact(draft, personId, pending, pending, ctx);
  return decided(draft, recorded ? [recorded.event] : []);
}

/** The registry found only probable matches: they wait on the contact for a tracer to choose. */
export function decideAmbiguous(
  record: TracingRecord,
  contactRef: string,
  candidates: Array<{ personId: string; reasons: string[] }>,
): Decision {
  const pending = record.pendingContacts.find((p) => p.contactRef === contactRef);
  if (!pending || pending.candidates) return unchanged(record);
  const draft = structuredClone(record);
  const held = draft.pendingContacts.find((p) => p.contactRef === contactRef);
  if (held) held.candidates = candidates;
  return decided(draft, []);
}

/** A tracer looked at the candidates and says the contact is a new person: ask the registry again. */
export function decideNewPersonConfirmed(record: TracingRecord, contactRef: string, by: string): Decision {
  const pending = record.pendingContacts.find((p) => p.contactRef === contactRef);
  if (!pending) {
    throw new DomainError(
      'NO_PENDING_CONTACT',
      'not_found',
      `no contact ${contactRef} awaits identification`,
      {
        fields: [{ field: 'contactRef', description: 'awaits no identification' }],
      },
    );
  }
  const draft = structuredClone(record);
  const held = draft.pendingContacts.find((p) => p.contactRef === contactRef);
  if (held) delete held.candidates;
  return decided(draft, [
    {
      type: 'ContactIdentificationRequested',
      data: { contactRef, details: pending.details, registerDespiteCandidates: true, requestedBy: by },
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// The person and their case

/** The registry's details of the person changed (or arrived): area, household, tier inputs. */
export function decidePersonDetails(
  record: TracingRecord,
  person: PersonOnRecord,
  ctx: DecisionContext,
): Decision {
  if (record.person && JSON.stringify(record.person) === JSON.stringify(person)) return unchanged(record);
  const draft = structuredClone(record);
  draft.person = person;
  draft.area = { districtCode: person.districtCode, wardCode: person.wardCode };
  return decided(draft, settle(record, draft, ctx, 'source_changed', 'superseded'));
}

function requireCase(record: TracingRecord, caseId: string): CaseEpisode {
  const found = record.cases.find((c) => c.caseId === caseId);
  if (!found)
    throw new DomainError('CASE_NOT_FOUND', 'not_found', `no case ${caseId}`, {
      fields: [{ field: 'caseId', description: `no case ${caseId}` }],
    });
  return found;
}

function requireActive(episode: CaseEpisode): void {
  if (episode.status !== 'active')
    throw new DomainError('CASE_NOT_ACTIVE', 'conflict', `case ${episode.caseId} is ${episode.status}`, {
      fields: [{ field: 'caseId', description: `is ${episode.status}, not under treatment` }],
    });
}

/** The interview's findings: symptom onset moves the infectious window, severity the treatment tier. */
export function decideCaseUpdate(
  record: TracingRecord,
  update: {
    caseId: string;
    symptomOnset?: string | undefined;
    severity?: Severity | undefined;
    updatedBy: string;
  },
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  const episode = requireCase(record, update.caseId);
  if (episode.status === 'reverted') requireActive(episode);
  if (update.symptomOnset !== undefined && update.symptomOnset > day)
    throw new DomainError('ONSET_IN_FUTURE', 'invalid', 'symptom onset is in the future', {
      fields: [{ field: 'symptomOnset', description: `is after today (${day})` }],
    });
  const draft = structuredClone(record);
  const target = requireCase(draft, update.caseId);
  const changed: string[] = [];
  if (update.symptomOnset !== undefined && update.symptomOnset !== target.symptomOnset) {
    target.symptomOnset = update.symptomOnset;
    changed.push('symptomOnset');
  }
  if (update.severity !== undefined && update.severity !== target.severity) {
    target.severity = update.severity;
    changed.push('severity');
  }
  if (changed.length === 0) return unchanged(record);
  const set = ctx.rules.inForceOn(vietnamDay(target.confirmedAt));
  const first = target.positives.map((p) => vietnamDay(p.collectedAt)).sort()[0] ?? day;
  target.infectiousFrom = infectiousFrom(first, target.symptomOnset, set.contacts.infectiousDaysBefore);
  if (target.infectiousUntil < target.infectiousFrom) target.infectiousUntil = target.infectiousFrom;
  return decided(draft, [
    caseUpdated(draft, target, changed, update.updatedBy),
    ...settle(record, draft, ctx, 'source_changed', 'superseded'),
  ]);
}

/**
 * A treatment facility releases an F0 as recovered: only after the rule set's days of treatment,
 * with a negative test since confirmation or a last Ct value at or above its threshold.
 */
export function decideRecovery(
  record: TracingRecord,
  command: { caseId: string; recoveredOn: string; recordedBy: string },
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  const episode = requireCase(record, command.caseId);
  if (episode.status === 'recovered' && episode.closedOn === command.recoveredOn) return unchanged(record);
  requireActive(episode);
  const confirmedOn = vietnamDay(episode.confirmedAt);
  if (command.recoveredOn > day || command.recoveredOn < confirmedOn)
    throw new DomainError('RECOVERY_DAY_OUT_OF_RANGE', 'invalid', 'the recovery day is out of range', {
      fields: [{ field: 'recoveredOn', description: `is not between ${confirmedOn} and today (${day})` }],
    });
  const set = ctx.rules.inForceOn(command.recoveredOn);
  const { minDays, ctAtLeast } = set.treatment.recovery;
  const treated = daysBetween(confirmedOn, command.recoveredOn);
  if (treated < minDays)
    throw new DomainError(
      'TREATMENT_TOO_SHORT',
      'conflict',
      `case ${episode.caseId} has been treated ${treated} days; rule set ${set.id} releases after ${minDays}`,
      {
        fields: [
          { field: 'recoveredOn', description: `is day ${treated} of treatment, before day ${minDays}` },
        ],
      },
    );
  const negative = record.results.some(
    (r) => r.outcome === 'negative' && r.collectedAt > episode.confirmedAt,
  );
  const lastPositive = [...episode.positives]
    .sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))
    .at(-1);
  const lastCts = Object.values(lastPositive?.ctValues ?? {});
  const highCt =
    lastCts.length > 0 && Math.min(...lastCts) >= ctAtLeast && lastPositive !== episode.positives[0];
  if (!negative && !highCt)
    throw new DomainError(
      'RELEASE_TEST_MISSING',
      'conflict',
      `case ${episode.caseId} needs a negative test since confirmation, or a follow-up Ct of at least ${ctAtLeast}`,
      { fields: [{ field: 'caseId', description: `no negative test, and no follow-up Ct >= ${ctAtLeast}` }] },
    );
  const draft = structuredClone(record);
  const target = requireCase(draft, command.caseId);
  target.status = 'recovered';
  target.closedOn = command.recoveredOn;
  const emits: DecidedEvent[] = [
    {
      type: 'CaseRecovered',
      data: {
        caseId: target.caseId,
        personId: draft.personId,
        recoveredOn: command.recoveredOn,
        basis: negative ? 'negative_test' : 'ct_threshold',
        ruleSetId: set.id,
        recordedBy: command.recordedBy,
      },
    },
  ];
  const order = activeOrder(draft);
  if (order?.kind === 'treatment')
    emits.push(...endOrder(draft, order, 'recovered', day, 'the person recovered'));
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_closed', 'superseded')]);
}

export function decideDeath(
  record: TracingRecord,
  command: { caseId: string; diedOn: string; recordedBy: string },
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  const episode = requireCase(record, command.caseId);
  if (episode.status === 'died') return unchanged(record);
  requireActive(episode);
  if (command.diedOn > day || command.diedOn < vietnamDay(episode.confirmedAt))
    throw new DomainError('DEATH_DAY_OUT_OF_RANGE', 'invalid', 'the day of death is out of range', {
      fields: [{ field: 'diedOn', description: `is not between the confirmation and today (${day})` }],
    });
  const draft = structuredClone(record);
  const target = requireCase(draft, command.caseId);
  target.status = 'died';
  target.closedOn = command.diedOn;
  const emits: DecidedEvent[] = [
    {
      type: 'CaseDied',
      data: {
        caseId: target.caseId,
        personId: draft.personId,
        diedOn: command.diedOn,
        recordedBy: command.recordedBy,
      },
    },
  ];
  const order = activeOrder(draft);
  if (order) emits.push(...endOrder(draft, order, 'died', day, 'the person died'));
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_closed', 'superseded')]);
}

// ---------------------------------------------------------------------------------------------
// Arrivals and release

/** A person arrived from another area; from an epidemic area on that day, they are quarantined. */
export function decideArrival(
  record: TracingRecord,
  arrival: Omit<Arrival, 'epidemicArea'>,
  ctx: DecisionContext,
): Decision {
  const day = today(ctx);
  if (arrival.arrivedOn > day)
    throw new DomainError('ARRIVAL_IN_FUTURE', 'invalid', 'the arrival day is in the future', {
      fields: [{ field: 'arrivedOn', description: `is after today (${day})` }],
    });
  if (
    record.arrivals.some((a) => a.fromAreaCode === arrival.fromAreaCode && a.arrivedOn === arrival.arrivedOn)
  )
    return unchanged(record);
  const set = ctx.rules.inForceOn(arrival.arrivedOn);
  const area = set.arrivals.epidemicAreas.find(
    (a) =>
      a.code === arrival.fromAreaCode &&
      a.from <= arrival.arrivedOn &&
      (!a.until || arrival.arrivedOn <= a.until),
  );
  const draft = structuredClone(record);
  draft.arrivals.push({
    ...arrival,
    ...(area ? { fromAreaName: area.name } : {}),
    epidemicArea: area !== undefined,
  });
  return decided(draft, settle(record, draft, ctx, 'source_changed', 'superseded'));
}

/** Why a quarantine is not released yet, when it is due. */
export type ReleaseCheck =
  { releasable: true } | { releasable: false; why: 'not_due' | 'awaiting_last_test' | 'no_order' };

export function releaseCheck(record: TracingRecord, ctx: DecisionContext): ReleaseCheck {
  const order = activeOrder(record);
  if (!order || order.kind === 'treatment' || !order.endsOn) return { releasable: false, why: 'no_order' };
  if (order.endsOn > today(ctx)) return { releasable: false, why: 'not_due' };
  const tests = order.tests.filter((t) => t.status !== 'cancelled');
  const last = tests.sort((a, b) => a.day - b.day).at(-1);
  if (!last) return { releasable: true };
  const from = addDays(last.dueOn, -1);
  const latest = record.results
    .filter((r) => r.outcome !== 'withdrawn' && vietnamDay(r.collectedAt) >= from)
    .sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))
    .at(-1);
  return latest?.outcome === 'negative'
    ? { releasable: true }
    : { releasable: false, why: 'awaiting_last_test' };
}

/** Releases a quarantine whose period is over and whose last test is negative (then the next phase). */
export function decideRelease(record: TracingRecord, ctx: DecisionContext): Decision {
  if (!releaseCheck(record, ctx).releasable) return unchanged(record);
  const draft = structuredClone(record);
  const order = activeOrder(draft);
  if (!order) return unchanged(record);
  const emits = endOrder(draft, order, 'released', today(ctx), 'released');
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_closed', 'superseded')]);
}

/** Where a facility placed (or waitlisted) one of the person's orders: shown on the record. */
export function decidePlacement(
  record: TracingRecord,
  orderId: string,
  placement: { facilityId: string; facilityName: string } | 'waitlisted',
): Decision {
  const order = record.orders.find((o) => o.orderId === orderId);
  if (!order) return unchanged(record);
  if (placement === 'waitlisted' ? order.waitlisted === true : order.facilityId === placement.facilityId)
    return unchanged(record);
  const draft = structuredClone(record);
  const target = draft.orders.find((o) => o.orderId === orderId);
  if (!target) return unchanged(record);
  if (placement === 'waitlisted') {
    target.waitlisted = true;
  } else {
    target.facilityId = placement.facilityId;
    target.facilityName = placement.facilityName;
    delete target.waitlisted;
  }
  return decided(draft, []);
}
