/**
 * Decisions on arrivals from epidemic areas, release from quarantine, and placement. Pure.
 */
import { DomainError } from '@truyvet/errors';
import { addDays, vietnamDay } from '@truyvet/rules';
import { activeOrder, endOrder } from './isolation';
import type { Arrival, Decision, TracingRecord } from './types';
import { decided, DecisionContext, settle, today, unchanged } from './decision';

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

/**
 * Why a quarantine is not released yet, when it is due. `last_test_missing`: its last test has not
 * come `missingLastTest.graceDays` after its last day (the rules of that day), and the rule says
 * how that is settled.
 */
export type ReleaseCheck =
  | { releasable: true }
  | { releasable: false; why: 'not_due' | 'awaiting_last_test' | 'no_order' }
  | { releasable: false; why: 'last_test_missing'; settle: 'flag' | 'release'; orderId: string };

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
  if (latest?.outcome === 'negative') return { releasable: true };
  // A positive makes a case, which ends the quarantine; anything else is waited for, up to the rule.
  const rule = ctx.rules.inForceOn(order.endsOn).missingLastTest;
  if (today(ctx) > addDays(order.endsOn, rule.graceDays))
    return { releasable: false, why: 'last_test_missing', settle: rule.settle, orderId: order.orderId };
  return { releasable: false, why: 'awaiting_last_test' };
}

/**
 * Releases a quarantine whose period is over and whose last test is negative (then the next phase),
 * or whose last test never came when the rule settles that by release: its open tests are then
 * cancelled saying so.
 */
export function decideRelease(record: TracingRecord, ctx: DecisionContext): Decision {
  const check = releaseCheck(record, ctx);
  const withoutLastTest =
    !check.releasable && check.why === 'last_test_missing' && check.settle === 'release';
  if (!check.releasable && !withoutLastTest) return unchanged(record);
  const draft = structuredClone(record);
  const order = activeOrder(draft);
  if (!order) return unchanged(record);
  const emits = endOrder(
    draft,
    order,
    'released',
    today(ctx),
    withoutLastTest ? 'released without its last test (rule: missingLastTest)' : 'released',
  );
  return decided(draft, [...emits, ...settle(record, draft, ctx, 'case_closed', 'superseded')]);
}

/** Where a facility placed (or waitlisted) one of the person's orders: shown on the record. */
export function decidePlacement(
  record: TracingRecord,
  orderId: string,
  placement: { facilityId: string; facilityName: string } | 'waitlisted',
  at: string,
): Decision {
  const order = record.orders.find((o) => o.orderId === orderId);
  if (!order) return unchanged(record);
  // Placements and waits come from different facilities' and the list's commits, which a relay may
  // publish out of order: the latest by when it happened stands.
  if (order.placedAt && at < order.placedAt) return unchanged(record);
  if (placement === 'waitlisted' ? order.waitlisted === true : order.facilityId === placement.facilityId)
    return unchanged(record);
  const draft = structuredClone(record);
  const target = draft.orders.find((o) => o.orderId === orderId);
  if (!target) return unchanged(record);
  if (placement === 'waitlisted') {
    // Waiting means no bed: one it had (a move to another tier while that tier is full) is gone.
    target.waitlisted = true;
    delete target.facilityId;
    delete target.facilityName;
  } else {
    target.facilityId = placement.facilityId;
    target.facilityName = placement.facilityName;
    delete target.waitlisted;
  }
  target.placedAt = at;
  return decided(draft, []);
}
