/**
 * The core every decision on a tracing record shares: its context, and settling a changed draft
 * (classification recomputed from the graph, isolation brought in line with it). Pure.
 */
import { vietnamDay, type TracingRuleBook } from '@truyvet/rules';
import { classify, sameClassification } from './classification';
import { desiredOrder, reconcileOrders } from './isolation';
import type { Classification, Decision, DecidedEvent, PersonClassifiedData, TracingRecord } from './types';

export interface DecisionContext {
  rules: TracingRuleBook;
  now: Date;
  /** The version the record will have once this decision is saved (classifications carry it). */
  nextVersion: number;
}

export const today = (ctx: DecisionContext): string => vietnamDay(ctx.now);

export function unchanged(state: TracingRecord): Decision {
  return { state, emits: [], changed: false };
}

/**
 * Recomputes the classification and the isolation of a changed draft; the events say what moved.
 * `endReason`: how an order no longer called for ends (withdrawn when what caused it was undone).
 */
export function settle(
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

export function decided(draft: TracingRecord, emits: DecidedEvent[]): Decision {
  return { state: draft, emits, changed: true };
}
