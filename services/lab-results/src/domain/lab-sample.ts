/**
 * A tube at the lab: what the district said about it (SampleCollected), its accessioning, and its
 * results with their amendments. Deciding a result or an amendment gives the new state and the
 * events to publish, all committed together. Pure.
 */
import { DomainError } from '@truyvet/errors';
import type {
  EventOf,
  PersonTestResultAmendedV1,
  PersonTestResultedV1,
  PoolFlaggedForReviewV1,
  PoolResultAmendedV1,
  PoolResultedV1,
  SampleCollectedV1,
  TestOrderCancelledV1,
  TestOrderedV1,
} from '@truyvet/events';
import type { RuleSet } from '@truyvet/rules';
import { interpretResult, type ResultReading, type TestOutcome } from './interpretation';

type Data<E extends { data: unknown }> = E['data'];
export type PersonResultData = Data<EventOf<typeof PersonTestResultedV1>>;
export type PoolResultData = Data<EventOf<typeof PoolResultedV1>>;
export type PersonAmendmentData = Data<EventOf<typeof PersonTestResultAmendedV1>>;
export type PoolAmendmentData = Data<EventOf<typeof PoolResultAmendedV1>>;
export type PoolReviewData = Data<EventOf<typeof PoolFlaggedForReviewV1>>;
export type TestOrderData = Data<EventOf<typeof TestOrderedV1>>;
export type OrderCancellationData = Data<EventOf<typeof TestOrderCancelledV1>>;
type SampleData = Data<EventOf<typeof SampleCollectedV1>>;

export interface RecordedResult {
  resultId: string;
  method: ResultReading['method'];
  outcome: TestOutcome;
  ctValues?: Record<string, number>;
  kitId?: string;
  ruleSetId: string;
  runId?: string;
  instrument?: string;
  labId: string;
  recordedBy: string;
  resultedAt: string;
  /** For an amendment: the result it corrects, and why. */
  amends?: string;
  reason?: string;
}

export interface LabSampleState {
  sample: SampleData;
  shipmentId?: string;
  receivedAt?: string;
  /** The lab the tube's box was sent to: only that lab records and amends its results. */
  labId?: string;
  /** Why the lab could not test it (accessioning). */
  rejectedAtAccession?: string;
  /** Every result and amendment, oldest first: the last is the one in force. */
  results: RecordedResult[];
  /** Re-test orders this tube's result caused and that are still open. */
  openOrders: Array<{ orderId: string; personId: string }>;
  /** For a positive pool: its members' individual outcomes, as they come. */
  memberOutcomes: Record<string, { resultId: string; outcome: TestOutcome }>;
  flaggedForReview: boolean;
}

/** What a decision publishes, beside the new state. */
export interface LabEmits {
  personResults: PersonResultData[];
  poolResult?: PoolResultData;
  personAmendments: PersonAmendmentData[];
  poolAmendment?: PoolAmendmentData;
  poolReview?: PoolReviewData;
  orders: TestOrderData[];
  cancellations: OrderCancellationData[];
}

export type Decision =
  | { outcome: 'unchanged'; state: LabSampleState }
  | { outcome: 'recorded'; state: LabSampleState; emits: LabEmits };

export interface RecordResult extends ResultReading {
  runId?: string | undefined;
  instrument?: string | undefined;
  labId: string;
  /** An admin's correction: for whichever lab the tube was sent to. */
  forAnyLab?: boolean | undefined;
  recordedBy: string;
  resultedAt: Date;
}

export function newLabSample(sample: SampleData): LabSampleState {
  return { sample, results: [], openOrders: [], memberOutcomes: {}, flaggedForReview: false };
}

export function currentResult(state: LabSampleState): RecordedResult | undefined {
  return state.results.at(-1);
}

function nothingEmitted(): LabEmits {
  return { personResults: [], personAmendments: [], orders: [], cancellations: [] };
}

function invalid(fields: Array<{ field: string; description: string }>): DomainError {
  return new DomainError(
    'INVALID_RESULT',
    'invalid',
    fields.map((f) => `${f.field}: ${f.description}`).join('; '),
    {
      fields,
    },
  );
}

function sameReading(result: RecordedResult, reading: ResultReading, outcome: TestOutcome): boolean {
  return (
    result.method === reading.method &&
    result.outcome === outcome &&
    (result.kitId ?? '') === (reading.kitId ?? '') &&
    JSON.stringify(result.ctValues ?? {}) === JSON.stringify(reading.ctValues ?? {})
  );
}

/** A result needs a new swab from the person when it says nothing about them. */
function retestReason(outcome: TestOutcome, pooled: boolean): TestOrderData['reason'] | undefined {
  if (outcome === 'rejected') return 'sample_rejected_resample';
  if (pooled && outcome === 'positive') return 'pool_member_retest';
  if (outcome === 'inconclusive') return pooled ? 'pool_member_retest' : 'inconclusive_retest';
  return undefined;
}

function ordersFor(
  state: LabSampleState,
  result: RecordedResult,
  rules: RuleSet,
): { orders: TestOrderData[]; open: LabSampleState['openOrders'] } {
  const reason = retestReason(result.outcome, state.sample.pooled);
  if (!reason) return { orders: [], open: [] };
  const dueBy = new Date(
    new Date(result.resultedAt).getTime() + rules.lab.retestDueHours * 3_600_000,
  ).toISOString();
  const orders = state.sample.personIds.map((personId) => ({
    orderId: `${result.resultId}:${personId}`,
    personId,
    reason,
    dueBy,
    cause: state.sample.sampleId,
  }));
  return { orders, open: orders.map(({ orderId, personId }) => ({ orderId, personId })) };
}

function resultData(state: LabSampleState, result: RecordedResult) {
  return {
    resultId: result.resultId,
    sampleId: state.sample.sampleId,
    barcode: state.sample.barcode,
    method: result.method,
    outcome: result.outcome,
    ...(result.ctValues ? { ctValues: result.ctValues } : {}),
    ...(result.kitId ? { kitId: result.kitId } : {}),
    ruleSetId: result.ruleSetId,
    ...(result.runId ? { runId: result.runId } : {}),
    ...(result.instrument ? { instrument: result.instrument } : {}),
    labId: result.labId,
    recordedBy: result.recordedBy,
    collectedAt: state.sample.collectedAt,
    ...(state.receivedAt ? { receivedAt: state.receivedAt } : {}),
    resultedAt: result.resultedAt,
    samplingReason: state.sample.reason,
    siteDistrictCode: state.sample.site.districtCode,
    ...(state.sample.site.wardCode ? { siteWardCode: state.sample.site.wardCode } : {}),
  };
}

/** Members' own results: every person of an individual tube; every member of a negative pool. */
function personResultsOf(state: LabSampleState, result: RecordedResult): PersonResultData[] {
  if (state.sample.pooled && result.outcome !== 'negative') return [];
  return state.sample.personIds.map((personId) => ({
    ...resultData(state, result),
    personId,
    pooled: state.sample.pooled,
  }));
}

function interpret(reading: ResultReading, rules: RuleSet): { outcome: TestOutcome } {
  const read = interpretResult(reading, rules);
  if (!read.ok) throw invalid(read.fields);
  return read;
}

function toRecorded(
  state: LabSampleState,
  command: RecordResult,
  outcome: TestOutcome,
  rules: RuleSet,
): RecordedResult {
  return {
    resultId: `r-${state.sample.sampleId}-${state.results.length + 1}`,
    method: command.method,
    outcome,
    ...(command.ctValues && Object.keys(command.ctValues).length > 0 ? { ctValues: command.ctValues } : {}),
    ...(command.kitId ? { kitId: command.kitId } : {}),
    ruleSetId: rules.id,
    ...(command.runId ? { runId: command.runId } : {}),
    ...(command.instrument ? { instrument: command.instrument } : {}),
    labId: command.labId,
    recordedBy: command.recordedBy,
    resultedAt: command.resultedAt.toISOString(),
  };
}

/**
 * A result time is after the swab, after the lab received the tube (when it has), and not in the
 * future (a few minutes of clock skew allowed).
 */
export function checkResultTime(state: LabSampleState, resultedAt: Date, now: Date): void {
  if (resultedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw invalid([{ field: 'resultedAt', description: 'is in the future' }]);
  }
  if (resultedAt.getTime() < new Date(state.sample.collectedAt).getTime()) {
    throw invalid([
      {
        field: 'resultedAt',
        description: `is before the sample was collected (${state.sample.collectedAt})`,
      },
    ]);
  }
  if (state.receivedAt && resultedAt.getTime() < new Date(state.receivedAt).getTime()) {
    throw invalid([
      {
        field: 'resultedAt',
        description: `is before the lab received the tube (${state.receivedAt})`,
      },
    ]);
  }
}

/**
 * Records a tube's first result. Recording the same reading again (a retried import) changes
 * nothing; a different one is refused: that is an amendment, with a reason.
 */
/** A tube is resulted and amended by the lab its box was sent to. */
function requireOwnLab(state: LabSampleState, command: RecordResult): void {
  if (command.forAnyLab || state.labId === undefined || state.labId === command.labId) return;
  throw new DomainError(
    'NOT_THIS_LABS_TUBE',
    'forbidden',
    `${state.sample.barcode} was sent to another lab, not ${command.labId}`,
    { fields: [{ field: 'barcode', description: 'sent to another lab' }] },
  );
}

export function decideResult(state: LabSampleState, command: RecordResult, rules: RuleSet): Decision {
  requireOwnLab(state, command);
  const { outcome } = interpret(command, rules);
  const current = currentResult(state);
  if (current) {
    if (sameReading(current, command, outcome)) return { outcome: 'unchanged', state };
    throw new DomainError(
      'SAMPLE_ALREADY_RESULTED',
      'conflict',
      `${state.sample.barcode} already has a result (${current.outcome}, ${current.resultId}): amend it with a reason`,
      { fields: [{ field: 'barcode', description: `already resulted ${current.outcome}: amend instead` }] },
    );
  }
  if (state.rejectedAtAccession) {
    throw new DomainError(
      'SAMPLE_REJECTED_AT_ACCESSION',
      'conflict',
      `${state.sample.barcode} was rejected at accessioning (${state.rejectedAtAccession})`,
      {
        fields: [{ field: 'barcode', description: `rejected at accessioning: ${state.rejectedAtAccession}` }],
      },
    );
  }
  const result = toRecorded(state, command, outcome, rules);
  const { orders, open } = ordersFor(state, result, rules);
  const emits: LabEmits = { ...nothingEmitted(), personResults: personResultsOf(state, result), orders };
  if (state.sample.pooled)
    emits.poolResult = { ...resultData(state, result), personIds: state.sample.personIds };
  return {
    outcome: 'recorded',
    state: { ...state, results: [...state.results, result], openOrders: open },
    emits,
  };
}

/**
 * Amends the result in force with a reason. The correction is its own event, and what the old
 * result caused is undone or redone: members' definitive negatives withdrawn when a negative pool
 * turns positive, re-test orders cancelled when a positive pool turns negative, and so on.
 */
export function decideAmendment(
  state: LabSampleState,
  command: RecordResult & { reason: string },
  rules: RuleSet,
): Decision {
  requireOwnLab(state, command);
  const previous = currentResult(state);
  if (!previous) {
    throw new DomainError(
      'SAMPLE_NOT_RESULTED',
      'conflict',
      `${state.sample.barcode} has no result to amend`,
      {
        fields: [{ field: 'barcode', description: 'has no result yet: record one' }],
      },
    );
  }
  const { outcome } = interpret(command, rules);
  if (sameReading(previous, command, outcome)) return { outcome: 'unchanged', state };
  const result: RecordedResult = {
    ...toRecorded(state, command, outcome, rules),
    amends: previous.resultId,
    reason: command.reason,
  };
  const pooled = state.sample.pooled;
  const emits = nothingEmitted();
  const amendedAt = result.resultedAt;
  const amendment = {
    resultId: result.resultId,
    amendsResultId: previous.resultId,
    reason: command.reason,
    amendedBy: command.recordedBy,
    amendedAt,
  };
  if (pooled) {
    emits.poolAmendment = {
      ...amendment,
      sampleId: state.sample.sampleId,
      personIds: state.sample.personIds,
      previousOutcome: previous.outcome,
      outcome,
    };
  }
  // Persons who had a result of their own from this tube: theirs is amended (or withdrawn).
  const hadPersonResults = !pooled || previous.outcome === 'negative';
  const getPersonResults = !pooled || outcome === 'negative';
  for (const personId of state.sample.personIds) {
    if (hadPersonResults) {
      emits.personAmendments.push({
        ...amendment,
        personId,
        sampleId: state.sample.sampleId,
        pooled,
        previousOutcome: previous.outcome,
        outcome: getPersonResults ? outcome : 'withdrawn',
        ...(result.ctValues ? { ctValues: result.ctValues } : {}),
        method: result.method,
        collectedAt: state.sample.collectedAt,
        siteDistrictCode: state.sample.site.districtCode,
        ...(state.sample.site.wardCode ? { siteWardCode: state.sample.site.wardCode } : {}),
      });
    }
  }
  if (!hadPersonResults && getPersonResults) emits.personResults = personResultsOf(state, result);
  // Re-test orders: kept when still needed, cancelled when not, made when newly needed.
  const needed = ordersFor(state, result, rules);
  let openOrders = state.openOrders;
  if (needed.orders.length === 0) {
    emits.cancellations = state.openOrders.map(({ orderId, personId }) => ({
      orderId,
      personId,
      reason: `result ${previous.resultId} amended to ${outcome}: ${command.reason}`,
    }));
    openOrders = [];
  } else if (state.openOrders.length === 0) {
    emits.orders = needed.orders;
    openOrders = needed.open;
  }
  if (pooled) emits.poolResult = undefined;
  return {
    outcome: 'recorded',
    state: {
      ...state,
      results: [...state.results, result],
      openOrders,
      memberOutcomes: outcome === 'negative' ? {} : state.memberOutcomes,
    },
    emits,
  };
}

/**
 * A member of this (positive) pool got an individual result. When every member has tested
 * negative the pool is flagged for review: a contamination or a mix-up to look into.
 */
export function recordMemberOutcome(
  state: LabSampleState,
  member: { personId: string; resultId: string; outcome: TestOutcome },
): Decision {
  const current = currentResult(state);
  if (
    !state.sample.pooled ||
    current?.outcome !== 'positive' ||
    !state.sample.personIds.includes(member.personId) ||
    state.memberOutcomes[member.personId]?.resultId === member.resultId
  ) {
    return { outcome: 'unchanged', state };
  }
  const memberOutcomes = {
    ...state.memberOutcomes,
    [member.personId]: { resultId: member.resultId, outcome: member.outcome },
  };
  const openOrders = state.openOrders.filter((o) => o.personId !== member.personId);
  const allNegative = state.sample.personIds.every((p) => memberOutcomes[p]?.outcome === 'negative');
  const emits = nothingEmitted();
  let flaggedForReview = state.flaggedForReview;
  if (allNegative && !flaggedForReview) {
    flaggedForReview = true;
    emits.poolReview = {
      sampleId: state.sample.sampleId,
      poolResultId: current.resultId,
      personIds: state.sample.personIds,
      memberResultIds: state.sample.personIds.map((p) => memberOutcomes[p]?.resultId ?? ''),
    };
  }
  return { outcome: 'recorded', state: { ...state, memberOutcomes, openOrders, flaggedForReview }, emits };
}
