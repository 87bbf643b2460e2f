/**
 * What case-graph keeps per person (their tracing record) and the events its decisions publish.
 * One record per person is one aggregate: its state and the events a change causes commit together.
 */
import type {
  CaseConfirmedV1,
  CaseDiedV1,
  CaseRecoveredV1,
  CaseRevertedV1,
  CaseUpdatedV1,
  ContactIdentificationRequestedV1,
  ContactRecordedV1,
  EventOf,
  IsolationEndedV1,
  IsolationOrderedV1,
  PersonClassifiedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
  contactSource,
  contactType,
  isolationKind,
  isolationReason,
  personDetails,
  severity,
  testMethod,
  testOutcome,
  treatmentTier,
} from '@truyvet/events';
import type { z } from 'zod';

type Data<E extends { data: unknown }> = E['data'];

export type ContactType = z.infer<typeof contactType>;
export type ContactSource = z.infer<typeof contactSource>;
export type IsolationKind = z.infer<typeof isolationKind>;
export type IsolationReason = z.infer<typeof isolationReason>;
export type TreatmentTier = z.infer<typeof treatmentTier>;
export type Severity = z.infer<typeof severity>;
export type TestOutcome = z.infer<typeof testOutcome>;
export type TestMethod = z.infer<typeof testMethod>;
export type PersonDetails = z.infer<typeof personDetails>;

/** What case-graph knows of a person from the registry: enough to place, tier and route them. */
export interface PersonOnRecord {
  birthYear: number;
  districtCode: string;
  wardCode: string;
  householdId?: string;
  vaccinations: Array<{ dose: number; date: string }>;
  comorbidities: string[];
}

/** A person's classification as their contacts see it. */
export interface Classification {
  /** 0 = F0, 1 = F1, ...; null = not classified. */
  level: number | null;
  /** From the root F0 to this person. */
  path: string[];
  rootCaseId: string | null;
  /** The first case of the chain of cases (who infected whom) this person is traced from. */
  clusterId: string | null;
  sourcePersonId: string | null;
  lastExposureOn: string | null;
  /** Contacts of this person count from this day (the root F0's infectious window opens)... */
  since: string | null;
  /** ...until this day (an F0's isolation); open for contacts of contacts. */
  until: string | null;
}

export const unclassified: Classification = {
  level: null,
  path: [],
  rootCaseId: null,
  clusterId: null,
  sourcePersonId: null,
  lastExposureOn: null,
  since: null,
  until: null,
};

/** An edge into this person: someone they were in close contact with, as last heard of. */
export interface Exposure {
  contactId: string;
  sourcePersonId: string;
  contactType: ContactType;
  lastExposureOn: string;
  via: ContactSource;
  /** The source's classification at `sourceVersion` of their record. */
  source: Classification;
  sourceVersion: number;
}

/** An edge out of this person: a close contact a tracer (or the household list) named. */
export interface Contact {
  contactId: string;
  contactPersonId: string;
  contactType: ContactType;
  lastExposureOn: string;
  via: ContactSource;
  recordedBy: string;
  recordedAt: string;
}

/** A contact named by details, waiting for the registry to say who they are (ADR 7). */
export interface PendingContact {
  contactRef: string;
  details: PersonDetails;
  contactType: ContactType;
  lastExposureOn: string;
  via: ContactSource;
  recordedBy: string;
  requestedAt: string;
  candidates?: Array<{ personId: string; reasons: string[] }>;
}

export interface PositiveResult {
  resultId: string;
  sampleId: string;
  method: TestMethod;
  collectedAt: string;
  resultedAt: string;
  ctValues?: Record<string, number>;
}

export interface CaseEpisode {
  caseId: string;
  episode: number;
  status: 'active' | 'recovered' | 'died' | 'reverted';
  /** The positive results it stands on; when amendments take them all away, it is reverted. */
  positives: PositiveResult[];
  confirmedAt: string;
  foundIn: 'community' | 'quarantine';
  symptomOnset?: string;
  severity?: Severity;
  infectiousFrom: string;
  infectiousUntil: string;
  likelySourcePersonId?: string;
  clusterId: string;
  districtCode: string;
  wardCode?: string;
  closedOn?: string;
}

/** Any result of theirs this service saw: the release of a quarantine reads them. */
export interface SeenResult {
  resultId: string;
  sampleId: string;
  method: TestMethod;
  outcome: TestOutcome | 'withdrawn';
  collectedAt: string;
  ctValues?: Record<string, number>;
}

export interface ScheduledTest {
  orderId: string;
  /** Day after the base day (the last exposure, the arrival, the start of treatment). */
  day: number;
  dueOn: string;
  /** done: a sample taken by its due day came back with a result. */
  status: 'open' | 'cancelled' | 'done';
  resultId?: string;
}

export interface IsolationOrder {
  orderId: string;
  kind: IsolationKind;
  reason: IsolationReason;
  level?: number;
  tier?: TreatmentTier;
  startsOn: string;
  endsOn?: string;
  homeMonitoringDays?: number;
  ruleSetId: string;
  caseId?: string;
  status: 'active' | 'ended';
  endedOn?: string;
  endReason?: Data<EventOf<typeof IsolationEndedV1>>['reason'];
  facilityId?: string;
  facilityName?: string;
  waitlisted?: boolean;
  /** When the placement shown happened (the event's time): an older one published late is ignored. */
  placedAt?: string;
  tests: ScheduledTest[];
}

export interface Arrival {
  fromAreaCode: string;
  fromAreaName?: string;
  arrivedOn: string;
  epidemicArea: boolean;
  recordedBy: string;
}

export interface TracingRecord {
  personId: string;
  person?: PersonOnRecord;
  /** Where the person is followed up: their registry address, else the site of their sample. */
  area: { districtCode: string; wardCode?: string };
  cases: CaseEpisode[];
  exposures: Exposure[];
  contacts: Contact[];
  pendingContacts: PendingContact[];
  classification: Classification;
  orders: IsolationOrder[];
  results: SeenResult[];
  arrivals: Arrival[];
  counters: { orders: number; contactRefs: number };
}

export type CaseConfirmedData = Data<EventOf<typeof CaseConfirmedV1>>;
export type CaseUpdatedData = Data<EventOf<typeof CaseUpdatedV1>>;
export type CaseRevertedData = Data<EventOf<typeof CaseRevertedV1>>;
export type CaseRecoveredData = Data<EventOf<typeof CaseRecoveredV1>>;
export type CaseDiedData = Data<EventOf<typeof CaseDiedV1>>;
export type ContactRecordedData = Data<EventOf<typeof ContactRecordedV1>>;
export type PersonClassifiedData = Data<EventOf<typeof PersonClassifiedV1>>;
export type IdentificationRequestData = Data<EventOf<typeof ContactIdentificationRequestedV1>>;
export type IsolationOrderedData = Data<EventOf<typeof IsolationOrderedV1>>;
export type IsolationEndedData = Data<EventOf<typeof IsolationEndedV1>>;
export type TestOrderedData = Data<EventOf<typeof TestOrderedV1>>;
export type TestOrderCancelledData = Data<EventOf<typeof TestOrderCancelledV1>>;

/** What a decision publishes, in order: the app turns each into its event. */
export type DecidedEvent =
  | { type: 'CaseConfirmed'; data: CaseConfirmedData }
  | { type: 'CaseUpdated'; data: CaseUpdatedData }
  | { type: 'CaseReverted'; data: CaseRevertedData }
  | { type: 'CaseRecovered'; data: CaseRecoveredData }
  | { type: 'CaseDied'; data: CaseDiedData }
  | { type: 'ContactRecorded'; data: ContactRecordedData }
  | { type: 'PersonClassified'; data: PersonClassifiedData }
  | { type: 'ContactIdentificationRequested'; data: IdentificationRequestData }
  | { type: 'IsolationOrdered'; data: IsolationOrderedData }
  | { type: 'IsolationEnded'; data: IsolationEndedData }
  | { type: 'TestOrdered'; data: TestOrderedData }
  | { type: 'TestOrderCancelled'; data: TestOrderCancelledData };

export interface Decision {
  state: TracingRecord;
  emits: DecidedEvent[];
  /** False when nothing changed (a redelivery, a repeat): nothing to save. */
  changed: boolean;
}

export function newRecord(
  personId: string,
  area: TracingRecord['area'],
  person?: PersonOnRecord,
): TracingRecord {
  return {
    personId,
    ...(person ? { person } : {}),
    area,
    cases: [],
    exposures: [],
    contacts: [],
    pendingContacts: [],
    classification: unclassified,
    orders: [],
    results: [],
    arrivals: [],
    counters: { orders: 0, contactRefs: 0 },
  };
}

export function personOnRecordOf(details: PersonDetails): PersonOnRecord {
  return {
    birthYear: details.birthYear,
    districtCode: details.address.districtCode,
    wardCode: details.address.wardCode,
    ...(details.householdId ? { householdId: details.householdId } : {}),
    vaccinations: details.vaccinations.map((v) => ({ dose: v.dose, date: v.date })),
    comorbidities: details.comorbidities,
  };
}
