/** The gateway's API as the pages use it: JSON, the session cookie, the CSRF token on changes. */
import type { ContactEntry, TASK_OUTCOMES, TaskOutcome } from '../../src/app/forms';
import type { PersonGraph } from '../../src/app/person-graph';
import type { HouseholdMember, NamedContact, PersonSummary } from '../../src/app/views';
// reporting's messages as the gateway passes them on (JSON of the gRPC answers): one definition.
import type {
  DailyReport__Output as DailyReport,
  Durations__Output as Durations,
  WardRisk__Output as WardRisk,
} from '@truyvet/grpc/reports';
import type { PersonRead__Output } from '@truyvet/grpc/audit';

/** One read or change of a person, with the service that answered it (newest first). */
export type AuditEntry = PersonRead__Output & { service: string };

export type { DailyReport, Durations, PersonSummary, WardRisk };

export interface FieldError {
  field: string;
  description: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
  }
}

/** Thrown when the gateway cannot be reached at all (the page shows a banner, keeps the form). */
export class OfflineError extends Error {}

export interface Jurisdiction {
  level: 'city' | 'district' | 'ward';
  code: string;
}

export type Role = 'ward_team' | 'district_center' | 'lab' | 'city' | 'admin';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  jurisdiction: Jurisdiction;
  /** Lab staff: the lab they work for. */
  lab?: string;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface CaseView {
  caseId: string;
  personId: string;
  status: string;
  foundIn: string;
  confirmedAt: string;
  districtCode: string;
  wardCode: string;
  severity: string;
  contacts: number;
}

export interface Task {
  taskId: string;
  kind:
    | 'interview_case'
    | 'call_contact'
    | 'hotline_tip'
    | 'confirm_candidate'
    | 'confirm_identity'
    | 'missing_last_test';
  status: 'open' | 'claimed' | 'done';
  wardCode: string;
  personId: string;
  /** From the registry; empty when the user's area does not cover the person's registration. */
  personName: string;
  caseId: string;
  dueAt: string;
  overdue: boolean;
  claimedBy: string;
  /** For an identity question: who the registry thinks the contact might be. */
  candidates: Array<{ personId: string; reasons: string[]; fullName: string; birthYear: number }>;
}

export interface IsolationOrder {
  orderId: string;
  kind: 'treatment' | 'centralized_quarantine' | 'home_quarantine' | 'self_monitoring';
  level: number;
  tier: string;
  startsOn: string;
  endsOn: string;
  status: 'active' | 'ended';
  facilityName: string;
  waitlisted: boolean;
  nextTestOn: string;
}

/** A case as its ward team works it: the person, their household, contacts named, orders. */
export interface CaseFile {
  case: CaseView & { clusterId: string; treatment: IsolationOrder | null };
  person: PersonSummary | null;
  classification: string;
  releaseStatus: string;
  orders: IsolationOrder[];
  contacts: NamedContact[];
  awaitingIdentification: Array<{ contactRef: string; fullName: string; contactType: string }>;
  household: HouseholdMember[];
}

export interface ContactOutcome {
  index: number;
  status: 'recorded' | 'unchanged' | 'awaiting_identification';
  contactId: string;
}

export type CaseGraph = PersonGraph & { view: 'chain' | 'cluster'; clusterId: string };

export interface IsolatedPerson {
  personId: string;
  fullName: string;
  level: number;
  order: IsolationOrder | null;
  nextTestOn: string;
  releaseOn: string;
  releaseStatus: 'not_due' | 'awaiting_last_test' | 'last_test_missing' | 'releasable' | 'no_order';
}

export interface WorklistItem {
  orderId: string;
  personId: string;
  reason: 'f1_follow_up' | 'pool_member_retest' | 'inconclusive_retest' | 'f0_release_test';
  dueBy: string;
  overdue: boolean;
  wardCode: string;
  cause: string;
}

export interface Areas {
  province: string;
  districts: Array<{ code: string; name: string; wards: Array<{ code: string; name: string }> }>;
}

export interface SampleView {
  sampleId: string;
  barcode: string;
  pooled: boolean;
  personIds: string[];
  collectedAt: string;
  status: string;
  site: { districtCode: string; wardCode: string } | null;
}

export interface ShipmentView {
  shipmentId: string;
  fromDistrictCode: string;
  labId: string;
  manifest: Array<{ sampleId: string; barcode: string }>;
  dispatchedAt: string;
  status: 'in_transit' | 'received';
  overdue: boolean;
  missingSampleIds: string[];
  rejectedSampleIds: string[];
}

export interface ReportView {
  report: DailyReport;
  parts: DailyReport[];
  days: Array<{
    date: string;
    newInCommunity: number;
    newInQuarantine: number;
    f1InQuarantine: number;
    samplesTested: number;
    samplesPositive: number;
  }>;
  risk: {
    date: string;
    ruleSetId: string;
    windowFrom: string;
    wards: WardRisk[];
    focusTestingTargets: WardRisk[];
  };
  turnaround: Array<{
    districtCode: string;
    date: string;
    collectedToResulted: Durations | null;
    resultToF1Isolated: Durations | null;
    overdue: { samplesAwaitingResult: number; testOrders: number; isolationAwaitingBed: number } | null;
  }>;
}

export interface Accession {
  shipmentId: string;
  status: 'accessioned' | 'awaiting_manifest' | 'scanned_by_another_lab';
  receivedAt: string;
  receivedSampleIds: string[];
  missingSampleIds: string[];
  unexpectedBarcodes: string[];
  rejected: Array<{ sampleId: string; reason: string }>;
  fromDistrictCode: string;
}

export interface ResultRow {
  barcode: string;
  method: string;
  outcome: string;
  ctValues: Record<string, number>;
  kitId: string;
  runId: string;
  instrument: string;
  resultedAt: string;
}

export interface RecordedRows {
  results: Array<{
    index: number;
    recorded: { sampleId: string; resultId: string; outcome: string; unchanged: boolean } | null;
    rejected: { fieldViolations: FieldError[] } | null;
    errorCode: string;
  }>;
  accepted: number;
  rejected: number;
}

export interface SampleResults {
  sampleId: string;
  barcode: string;
  pooled: boolean;
  personIds: string[];
  collectedAt: string;
  districtCode: string;
  receivedAt: string;
  history: Array<{
    resultId: string;
    method: string;
    outcome: string;
    ctValues: Record<string, number>;
    kitId: string;
    resultedAt: string;
    recordedBy: string;
    amends: string;
    reason: string;
  }>;
  flaggedForReview: boolean;
}

export type Outcome = (typeof TASK_OUTCOMES)[number];

let csrfToken = '';

/** What the page shows about every call: whether the gateway answers, whether the session ended. */
let listeners: { reachable: (ok: boolean) => void; signedOut: () => void } = {
  reachable: () => undefined,
  signedOut: () => undefined,
};

export function onConnection(next: typeof listeners): void {
  listeners = next;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    listeners.reachable(false);
    throw new OfflineError('offline');
  }
  listeners.reachable(true);
  // A session that ended (a shift later, signed out elsewhere): back to sign-in.
  if (response.status === 401 && path !== '/api/session') listeners.signedOut();
  const text = await response.text();
  let json: { error?: { code: string; message: string; fields: FieldError[] } } = {};
  try {
    json = (text ? JSON.parse(text) : {}) as typeof json;
  } catch {
    // Not the gateway's JSON (a proxy's error page): the status says enough.
  }
  if (!response.ok) {
    const error = json.error ?? { code: String(response.status), message: response.statusText, fields: [] };
    throw new ApiError(response.status, error.code, error.message, error.fields);
  }
  return json as T;
}

/** A query string of the parts given (empty ones left out). */
function queryOf(query: Record<string, string | undefined>): string {
  return new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
}

function remember(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

export const api = {
  session: async () => remember(await call<SessionInfo>('GET', '/api/session')),
  signIn: async (username: string, password: string) =>
    remember(await call<SessionInfo>('POST', '/api/session', { username, password })),
  signOut: async () => {
    await call<unknown>('DELETE', '/api/session');
    csrfToken = '';
  },
  users: async () =>
    (await call<{ users: Array<User & { createdBy: string; createdAt: string }> }>('GET', '/api/users'))
      .users,
  addUser: async (user: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    jurisdiction: Jurisdiction;
    lab?: string;
  }) => (await call<{ user: User }>('POST', '/api/users', user)).user,
  /** Every service's reads and changes of one person (admins). */
  /** `cutAt`: older entries exist that the trail does not show. */
  auditTrail: (personId: string) =>
    call<{ entries: AuditEntry[]; cutAt?: string }>(
      'GET',
      `/api/audit?personId=${encodeURIComponent(personId)}`,
    ),
  /** The same trail as a CSV file to download. */
  auditCsvLink: (personId: string) => `/api/audit?personId=${encodeURIComponent(personId)}&format=csv`,
  worklist: () => call<{ districtCode: string; items: WorklistItem[] }>('GET', '/api/worklist'),
  tasks: () => call<{ tasks: Task[]; overdue: number }>('GET', '/api/tasks'),
  claimTask: async (taskId: string) =>
    (await call<{ task: Task }>('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, {})).task,
  completeTask: async (taskId: string, ending: TaskOutcome) =>
    (await call<{ task: Task }>('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, ending)).task,
  /** The user's own districts and wards, or the whole city's (`city`: where someone moved to). */
  areas: (scope?: 'city') => call<Areas>('GET', `/api/areas${scope ? `?scope=${scope}` : ''}`),
  collectSample: async (tube: {
    barcode: string;
    personIds: string[];
    wardCode: string;
    reason: string;
    specimenType: string;
  }) => (await call<{ sample: SampleView }>('POST', '/api/samples', tube)).sample,
  dispatch: async (sampleIds: string[]) =>
    (await call<{ shipment: ShipmentView }>('POST', '/api/shipments', { sampleIds })).shipment,
  accession: async (box: { shipmentId: string; tubes: Array<{ barcode: string; condition: string }> }) =>
    (await call<{ accession: Accession }>('POST', '/api/accessions', box)).accession,
  recordResults: (rows: ResultRow[]) => call<RecordedRows>('POST', '/api/results', { rows }),
  sampleResults: async (barcode: string) =>
    (await call<{ sample: SampleResults }>('GET', `/api/results/${encodeURIComponent(barcode)}`)).sample,
  amendResult: async (
    barcode: string,
    amendment: { outcome: string; ctValues: Record<string, number>; kitId: string; reason: string },
  ) =>
    (
      await call<{ sample: SampleResults }>(
        'POST',
        `/api/results/${encodeURIComponent(barcode)}/amend`,
        amendment,
      )
    ).sample,
  shipments: () => call<{ districtCode: string; shipments: ShipmentView[] }>('GET', '/api/shipments'),
  report: (query: { date?: string; level?: string; code?: string }) =>
    call<ReportView>('GET', `/api/report?${queryOf(query)}`),
  /** The area's case line list as a CSV file to download (docs/line-list.md). */
  lineListLink: (query: { date?: string; level?: string; code?: string }) =>
    `/api/report/line-list?${queryOf(query)}`,
  caseFile: (caseId: string) => call<CaseFile>('GET', `/api/cases/${encodeURIComponent(caseId)}`),
  caseGraph: (caseId: string, view: 'chain' | 'cluster') =>
    call<CaseGraph>('GET', `/api/cases/${encodeURIComponent(caseId)}/graph?view=${view}`),
  recordContacts: async (caseId: string, contacts: ContactEntry[]) =>
    (
      await call<{ outcomes: ContactOutcome[] }>(
        'POST',
        `/api/cases/${encodeURIComponent(caseId)}/contacts`,
        { contacts },
      )
    ).outcomes,
  findPersons: async (query: { phone?: string; fullName?: string; birthYear?: string }) =>
    (await call<{ persons: PersonSummary[] }>('GET', `/api/persons?${queryOf(query)}`)).persons,
  /** People in isolation, the soonest test first: at most 500 of `total`. */
  isolation: (wardCode?: string) =>
    call<{ people: IsolatedPerson[]; total: number }>(
      'GET',
      `/api/isolation${wardCode ? `?wardCode=${encodeURIComponent(wardCode)}` : ''}`,
    ),
};
