/**
 * The facts the reports are computed from, folded from events. Each fact is one document with a
 * natural id (a case, an isolation order, a tube, a person ...), and every event changes at most one
 * fact, one that only events of a single partition touch, so folding needs no cross-document
 * atomicity. `evolve` functions are pure and idempotent: applying an event twice, or again after
 * later ones of the same partition, leaves the fact as once (events only set what they know).
 */
import {
  CaseConfirmedV1,
  CaseDiedV1,
  CaseRecoveredV1,
  CaseRevertedV1,
  IsolationEndedV1,
  IsolationOrderedV1,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
  PersonClassifiedV1,
  PersonRegisteredV1,
  PersonsMergedV1,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PersonUpdatedV1,
  PoolResultAmendedV1,
  PoolResultedV1,
  SampleCollectedV1,
  ShipmentReceivedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
  TestOrderFulfilledV1,
  type EventOf,
} from '@truyvet/events';
import { vietnamDay } from '@truyvet/rules';

/** Every event the figures come from: the consumer reads these, and each has its fold below. */
export const REPORTED_EVENTS = [
  PersonRegisteredV1,
  PersonUpdatedV1,
  PersonsMergedV1,
  SampleCollectedV1,
  ShipmentReceivedV1,
  PoolResultedV1,
  PersonTestResultedV1,
  PoolResultAmendedV1,
  PersonTestResultAmendedV1,
  CaseConfirmedV1,
  CaseRecoveredV1,
  CaseDiedV1,
  CaseRevertedV1,
  PersonClassifiedV1,
  IsolationOrderedV1,
  IsolationPlacedV1,
  IsolationWaitlistedV1,
  IsolationEndedV1,
  TestOrderedV1,
  TestOrderFulfilledV1,
  TestOrderCancelledV1,
] as const;

type CaseFoundIn = EventOf<typeof CaseConfirmedV1>['data']['foundIn'];
type IsolationKind = EventOf<typeof IsolationOrderedV1>['data']['kind'];
type IsolationReason = EventOf<typeof IsolationOrderedV1>['data']['reason'];
type Outcome = EventOf<typeof PoolResultedV1>['data']['outcome'];

/** An F0 case. `confirmedOn` is the report day it counts as new on. */
export interface CaseFact {
  _id: string;
  personId: string;
  districtCode: string;
  wardCode?: string;
  foundIn: CaseFoundIn;
  confirmedOn: string;
  collectedAt: string;
  resultedAt: string;
  recoveredOn?: string;
  diedOn?: string;
  /** The result it stood on was amended: it was never a case, and no figure counts it. */
  reverted?: boolean;
  /**
   * When each was entered (the event's time, UTC): one entered after the end of the day it counts
   * on revised that day's report. Absent on facts folded before they were kept.
   */
  confirmedEnteredAt?: string;
  /** Where it likely came from, as case-graph found it when the case was confirmed. */
  clusterId?: string;
  likelySourcePersonId?: string;
  recoveredEnteredAt?: string;
  diedEnteredAt?: string;
  revertedEnteredAt?: string;
}

/** An isolation order (F0 treatment, F1 quarantine, F2 self-monitoring, arrivals). */
export interface OrderFact {
  _id: string;
  personId: string;
  kind: IsolationKind;
  reason: IsolationReason;
  level?: number;
  startsOn: string;
  endsOn?: string;
  districtCode?: string;
  wardCode?: string;
  /** When the order was first issued: the moment the person was told to isolate. */
  issuedAt: string;
  placedAt?: string;
  waitlistedAt?: string;
  endedOn?: string;
  endReason?: EventOf<typeof IsolationEndedV1>['data']['reason'];
}

/** A person's F-level as case-graph last published it, and how they first became an F1. */
export interface ClassificationFact {
  _id: string;
  level: number | null;
  recordVersion: number;
  /** The first time they were classified F1: the root case then, and when. */
  firstF1?: { rootCaseId: string; at: string };
}

/** A tube as the district took it. */
export interface SampleFact {
  _id: string;
  districtCode: string;
  wardCode?: string;
  collectedAt: string;
  pooled: boolean;
  people: number;
  reason: EventOf<typeof SampleCollectedV1>['data']['reason'];
}

/** A tube's result as the lab published it: the first time it was resulted, the outcome now. */
export interface ResultFact {
  _id: string;
  personIds: string[];
  pooled: boolean;
  districtCode: string;
  wardCode?: string;
  collectedAt: string;
  resultedAt: string;
  outcome: Outcome | 'withdrawn';
  resultIds: string[];
}

/** A registered person: where they live and the days of their vaccine doses. */
export interface PersonFact {
  _id: string;
  districtCode: string;
  wardCode: string;
  doseDates: string[];
  /** Where the event that set it sits on its topic: an older one redelivered does not undo it. */
  position?: EventPosition;
}

/** An event's place on its topic (a person's events share a partition: they are keyed by person). */
export interface EventPosition {
  partition: number;
  offset: string;
}

/**
 * Vaccine doses of a ward's people, counted by day: `byDate[day][n]` people got their (n+1)-th
 * dose that day. So by a day D, `Σ byDate[d][n]` over d <= D people have at least n+1 doses. The
 * vaccination figures read these, a few hundred small documents for the whole city, instead of
 * every person (ADR 10, update).
 *
 * Two collections share the shape: `doseTallies`, a ward's count as a loader or a rebuild wrote it
 * (one document per ward and source), and `doseChanges`, what each registration or correction
 * since changed (insert-only, one per event and ward, so a redelivered event changes nothing).
 */
export interface DoseTally {
  _id: string;
  districtCode: string;
  wardCode: string;
  byDate: Record<string, number[]>;
}

/** One person's doses as tally entries (their n-th dose on its day), added with the sign given. */
export function addDoses(byDate: Record<string, number[]>, doseDates: readonly string[], sign: 1 | -1): void {
  [...doseDates].sort().forEach((day, n) => {
    const counts = (byDate[day] ??= []);
    while (counts.length <= n) counts.push(0);
    counts[n] = (counts[n] ?? 0) + sign;
  });
}

/**
 * What a change of a person fact changes in the dose tallies: the old doses out of the old ward,
 * the new ones into the new ward (one document per ward touched, named after the event that
 * caused it). Nothing when the doses and the ward stay as they were.
 */
export function doseChangesOf(
  before: PersonFact | null,
  after: PersonFact | null,
  eventId: string,
): DoseTally[] {
  const byWard = new Map<string, DoseTally>();
  const tally = (person: PersonFact): DoseTally => {
    let found = byWard.get(person.wardCode);
    if (!found) {
      found = {
        _id: `${eventId}|${person.wardCode}`,
        districtCode: person.districtCode,
        wardCode: person.wardCode,
        byDate: {},
      };
      byWard.set(person.wardCode, found);
    }
    return found;
  };
  if (before) addDoses(tally(before).byDate, before.doseDates, -1);
  if (after) addDoses(tally(after).byDate, after.doseDates, 1);
  return [...byWard.values()].filter((t) =>
    Object.values(t.byDate).some((counts) => counts.some((n) => n !== 0)),
  );
}

/** A registration found to be another person's: it no longer counts on its own. */
export interface MergeFact {
  _id: string;
  survivorId: string;
}

/** A test order sent back to a district's worklist. */
export interface TestOrderFact {
  _id: string;
  personId: string;
  reason: EventOf<typeof TestOrderedV1>['data']['reason'];
  dueBy: string;
  orderedAt: string;
  closedAt?: string;
  closedAs?: 'fulfilled' | 'cancelled';
}

/** A tube the lab refused at accession: it gets no result, and is not overdue for one. */
export interface RejectionFact {
  _id: string;
  rejectedAt: string;
  reason: string;
}

export interface FactKinds {
  cases: CaseFact;
  orders: OrderFact;
  classifications: ClassificationFact;
  samples: SampleFact;
  results: ResultFact;
  persons: PersonFact;
  doseTallies: DoseTally;
  doseChanges: DoseTally;
  merges: MergeFact;
  testOrders: TestOrderFact;
  rejections: RejectionFact;
}

export type FactKind = keyof FactKinds;
export const FACT_KINDS: readonly FactKind[] = [
  'cases',
  'orders',
  'classifications',
  'samples',
  'results',
  'persons',
  'doseTallies',
  'doseChanges',
  'merges',
  'testOrders',
  'rejections',
];

/** What one event does to the facts: which fact, and the pure step from its old to its new value. */
export type FactChange = {
  [K in FactKind]: {
    kind: K;
    id: string;
    evolve: (fact: FactKinds[K] | null) => FactKinds[K] | null;
    /** The event that causes it (a person change also records its dose changes under this id). */
    eventId?: string;
  };
}[FactKind];

function change<K extends FactKind>(
  kind: K,
  id: string,
  evolve: (fact: FactKinds[K] | null) => FactKinds[K] | null,
): FactChange {
  return { kind, id, evolve } as FactChange;
}

/** Times are kept in UTC so that facts compare as strings, whatever offset a producer wrote. */
export const utc = (at: string): string => new Date(at).toISOString();

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function caseConfirmed(event: EventOf<typeof CaseConfirmedV1>): FactChange {
  const d = event.data;
  return change('cases', d.caseId, (fact) => ({
    ...fact,
    _id: d.caseId,
    personId: d.personId,
    districtCode: d.districtCode,
    ...optional('wardCode', d.wardCode),
    foundIn: d.foundIn,
    confirmedOn: vietnamDay(d.confirmedAt),
    collectedAt: utc(d.collectedAt),
    resultedAt: utc(d.resultedAt),
    confirmedEnteredAt: utc(event.occurredAt),
    clusterId: d.clusterId,
    ...optional('likelySourcePersonId', d.likelySourcePersonId),
  }));
}

/** Recovery, death and reversion of a case: only ever about a case already confirmed (same key). */
function caseOutcome(caseId: string, set: Partial<CaseFact>): FactChange {
  return change('cases', caseId, (fact) => (fact ? { ...fact, ...set } : null));
}

export const caseRecovered = (e: EventOf<typeof CaseRecoveredV1>): FactChange =>
  caseOutcome(e.data.caseId, { recoveredOn: e.data.recoveredOn, recoveredEnteredAt: utc(e.occurredAt) });
export const caseDied = (e: EventOf<typeof CaseDiedV1>): FactChange =>
  caseOutcome(e.data.caseId, { diedOn: e.data.diedOn, diedEnteredAt: utc(e.occurredAt) });
export const caseReverted = (e: EventOf<typeof CaseRevertedV1>): FactChange =>
  caseOutcome(e.data.caseId, { reverted: true, revertedEnteredAt: utc(e.occurredAt) });

export function isolationOrdered(event: EventOf<typeof IsolationOrderedV1>): FactChange {
  const d = event.data;
  return change('orders', d.orderId, (fact) => ({
    // A re-issued order (same id) changes its terms, not when the person was first told.
    ...optional('placedAt', fact?.placedAt),
    ...optional('waitlistedAt', fact?.waitlistedAt),
    ...optional('endedOn', fact?.endedOn),
    ...optional('endReason', fact?.endReason),
    _id: d.orderId,
    personId: d.personId,
    kind: d.kind,
    reason: d.reason,
    ...optional('level', d.level),
    startsOn: d.startsOn,
    ...optional('endsOn', d.endsOn),
    ...optional('districtCode', d.districtCode),
    ...optional('wardCode', d.wardCode),
    issuedAt: fact?.issuedAt ?? utc(event.occurredAt),
  }));
}

function orderStep(orderId: string, set: (fact: OrderFact) => Partial<OrderFact>): FactChange {
  return change('orders', orderId, (fact) => (fact ? { ...fact, ...set(fact) } : null));
}

export const isolationPlaced = (e: EventOf<typeof IsolationPlacedV1>): FactChange =>
  orderStep(e.data.orderId, (f) => ({ placedAt: f.placedAt ?? utc(e.occurredAt) }));
export const isolationWaitlisted = (e: EventOf<typeof IsolationWaitlistedV1>): FactChange =>
  orderStep(e.data.orderId, (f) => ({ waitlistedAt: f.waitlistedAt ?? utc(e.occurredAt) }));
export const isolationEnded = (e: EventOf<typeof IsolationEndedV1>): FactChange =>
  orderStep(e.data.orderId, () => ({ endedOn: e.data.endedOn, endReason: e.data.reason }));

export function personClassified(event: EventOf<typeof PersonClassifiedV1>): FactChange {
  const d = event.data;
  return change('classifications', d.personId, (fact) => {
    // Classifications carry the record version: the newest wins, an older redelivery changes nothing.
    if (fact && fact.recordVersion >= d.recordVersion) return fact;
    const firstF1 =
      fact?.firstF1 ??
      (d.level === 1 && d.rootCaseId ? { rootCaseId: d.rootCaseId, at: utc(event.occurredAt) } : undefined);
    return {
      _id: d.personId,
      level: d.level,
      recordVersion: d.recordVersion,
      ...optional('firstF1', firstF1),
    };
  });
}

export function sampleCollected(event: EventOf<typeof SampleCollectedV1>): FactChange {
  const d = event.data;
  return change('samples', d.sampleId, () => ({
    _id: d.sampleId,
    districtCode: d.site.districtCode,
    ...optional('wardCode', d.site.wardCode),
    collectedAt: utc(d.collectedAt),
    pooled: d.pooled,
    people: d.personIds.length,
    reason: d.reason,
  }));
}

interface Resulted {
  resultId: string;
  sampleId: string;
  personIds: string[];
  pooled: boolean;
  outcome: Outcome;
  collectedAt: string;
  resultedAt: string;
  siteDistrictCode: string;
  siteWardCode?: string | undefined;
}

function tubeResulted(r: Resulted): FactChange {
  return change('results', r.sampleId, (fact) => {
    if (fact?.resultIds.includes(r.resultId)) return fact;
    return {
      _id: r.sampleId,
      personIds: r.personIds,
      pooled: r.pooled,
      districtCode: r.siteDistrictCode,
      ...optional('wardCode', r.siteWardCode),
      collectedAt: utc(r.collectedAt),
      // A re-run of the same tube: the turnaround is to its first result, the outcome is the newest.
      resultedAt: fact?.resultedAt ?? utc(r.resultedAt),
      outcome: r.outcome,
      resultIds: [...(fact?.resultIds ?? []), r.resultId],
    };
  });
}

function tubeAmended(sampleId: string, resultId: string, outcome: ResultFact['outcome']): FactChange {
  return change('results', sampleId, (fact) =>
    !fact || fact.resultIds.includes(resultId)
      ? fact
      : { ...fact, outcome, resultIds: [...fact.resultIds, resultId] },
  );
}

export const poolResulted = (e: EventOf<typeof PoolResultedV1>): FactChange =>
  tubeResulted({ ...e.data, pooled: true });

/** A person's own tube; the members of a negative pool are counted by the pool's result instead. */
export const personResulted = (e: EventOf<typeof PersonTestResultedV1>): FactChange | undefined =>
  e.data.pooled ? undefined : tubeResulted({ ...e.data, personIds: [e.data.personId], pooled: false });

export const poolResultAmended = (e: EventOf<typeof PoolResultAmendedV1>): FactChange =>
  tubeAmended(e.data.sampleId, e.data.resultId, e.data.outcome);

export const personResultAmended = (e: EventOf<typeof PersonTestResultAmendedV1>): FactChange | undefined =>
  e.data.pooled ? undefined : tubeAmended(e.data.sampleId, e.data.resultId, e.data.outcome);

/**
 * A registration or a correction sets the whole person fact, so a redelivered older one would set
 * it back (and move the person's doses back and forth in the tallies): the fact keeps the position
 * of the event that set it, and an event from before that changes nothing.
 */
export function personRegistered(
  event: EventOf<typeof PersonRegisteredV1> | EventOf<typeof PersonUpdatedV1>,
  position?: EventPosition,
): FactChange {
  const d = event.data;
  return {
    ...change('persons', d.personId, (fact) =>
      fact?.position && position && isNotAfter(position, fact.position)
        ? fact
        : {
            _id: d.personId,
            districtCode: d.details.address.districtCode,
            wardCode: d.details.address.wardCode,
            doseDates: d.details.vaccinations.map((v) => v.date).sort(),
            ...optional('position', position),
          },
    ),
    eventId: event.id,
  };
}

/** Positions on one partition compare by offset (Kafka's are 64-bit: decimal strings). */
function isNotAfter(a: EventPosition, b: EventPosition): boolean {
  return a.partition === b.partition && BigInt(a.offset) <= BigInt(b.offset);
}

export const personsMerged = (e: EventOf<typeof PersonsMergedV1>): FactChange =>
  change('merges', e.data.mergedId, () => ({ _id: e.data.mergedId, survivorId: e.data.survivorId }));

export function testOrdered(event: EventOf<typeof TestOrderedV1>): FactChange {
  const d = event.data;
  return change('testOrders', d.orderId, (fact) => ({
    ...optional('closedAt', fact?.closedAt),
    ...optional('closedAs', fact?.closedAs),
    _id: d.orderId,
    personId: d.personId,
    reason: d.reason,
    dueBy: utc(d.dueBy),
    orderedAt: fact?.orderedAt ?? utc(event.occurredAt),
  }));
}

function testOrderClosed(orderId: string, at: string, as: 'fulfilled' | 'cancelled'): FactChange {
  return change('testOrders', orderId, (fact) =>
    fact ? { ...fact, closedAt: fact.closedAt ?? utc(at), closedAs: fact.closedAs ?? as } : null,
  );
}

export const testOrderFulfilled = (e: EventOf<typeof TestOrderFulfilledV1>): FactChange =>
  testOrderClosed(e.data.orderId, e.occurredAt, 'fulfilled');
export const testOrderCancelled = (e: EventOf<typeof TestOrderCancelledV1>): FactChange =>
  testOrderClosed(e.data.orderId, e.occurredAt, 'cancelled');

/** Each tube refused at accession (one fact per tube: a shipment's tubes are separate facts). */
export const shipmentReceived = (e: EventOf<typeof ShipmentReceivedV1>): FactChange[] =>
  e.data.rejected.map((r) =>
    change('rejections', r.sampleId, () => ({
      _id: r.sampleId,
      rejectedAt: utc(e.data.receivedAt),
      reason: r.reason,
    })),
  );
