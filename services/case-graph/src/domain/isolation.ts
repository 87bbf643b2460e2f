/**
 * Isolation: which order a person's situation calls for under the rule set in force on the day
 * that decides it (the last exposure for a contact, the arrival day, the confirmation day for a
 * case), and the events that bring their orders and test schedules in line with it. Pure.
 */
import {
  addDays,
  endOfVietnamDay,
  laterDay,
  vietnamDay,
  type QuarantinePlan,
  type TracingRuleBook,
  type TracingRuleSet,
} from '@truyvet/rules';
import { standingCase } from './classification';
import type {
  Classification,
  DecidedEvent,
  IsolationKind,
  IsolationOrder,
  IsolationReason,
  PersonOnRecord,
  ScheduledTest,
  Severity,
  TracingRecord,
  TreatmentTier,
} from './types';

export interface DesiredOrder {
  kind: IsolationKind;
  reason: IsolationReason;
  level?: number;
  tier?: TreatmentTier;
  startsOn: string;
  endsOn?: string;
  homeMonitoringDays?: number;
  ruleSetId: string;
  caseId?: string;
  /** Tests are due this many days after `testBase`. */
  testBase: string;
  testDays: number[];
  testReason: 'f1_follow_up' | 'f0_release_test';
}

const STRENGTH: Record<IsolationKind, number> = {
  treatment: 4,
  centralized_quarantine: 3,
  home_quarantine: 2,
  self_monitoring: 1,
};

const SEVERITY_RANK: Record<Severity, number> = {
  asymptomatic: 0,
  mild: 1,
  moderate: 2,
  severe: 3,
  critical: 4,
};

/** Fully vaccinated on `day`: enough doses, the last long enough before. */
export function fullyVaccinated(
  person: PersonOnRecord | undefined,
  day: string,
  rules: TracingRuleSet,
): boolean {
  if (!person) return false;
  const doses = person.vaccinations.filter(
    (v) => v.date <= addDays(day, -rules.vaccination.daysAfterLastDose),
  );
  return doses.length >= rules.vaccination.fullDoses;
}

/** The treatment tier of an F0: the first tier rule whose conditions all hold, else the default. */
export function treatmentTierOf(
  person: PersonOnRecord | undefined,
  severity: Severity | undefined,
  day: string,
  rules: TracingRuleSet,
): TreatmentTier {
  const age = person ? Number(day.slice(0, 4)) - person.birthYear : undefined;
  const unvaccinated = !person || person.vaccinations.length === 0;
  for (const { tier, when } of rules.treatment.tiers) {
    if (when.severityAtLeast !== undefined) {
      if (severity === undefined || SEVERITY_RANK[severity] < SEVERITY_RANK[when.severityAtLeast]) continue;
    }
    if (when.ageAtLeast !== undefined && (age === undefined || age < when.ageAtLeast)) continue;
    if (when.hasComorbidity !== undefined && (person?.comorbidities.length ?? 0) > 0 !== when.hasComorbidity)
      continue;
    if (when.unvaccinated !== undefined && unvaccinated !== when.unvaccinated) continue;
    return tier;
  }
  return rules.treatment.defaultTier;
}

/** Whether an order of this kind and end was already served (released) by the person. */
function served(record: TracingRecord, kind: IsolationKind, endsOn: string | undefined): boolean {
  return record.orders.some(
    (o) => o.status === 'ended' && o.endReason === 'released' && o.kind === kind && o.endsOn === endsOn,
  );
}

/**
 * The phases of a quarantine plan from a base day: the quarantine, then home monitoring after a
 * centralized one. The first phase not yet served is the one in force.
 */
function quarantinePhase(
  record: TracingRecord,
  plan: QuarantinePlan,
  base: string,
  common: Pick<DesiredOrder, 'reason' | 'level' | 'ruleSetId'>,
): DesiredOrder | undefined {
  const endsOn = addDays(base, plan.days);
  if (!served(record, plan.kind, endsOn)) {
    return {
      ...common,
      kind: plan.kind,
      startsOn: base,
      endsOn,
      ...(plan.homeMonitoringDays > 0 ? { homeMonitoringDays: plan.homeMonitoringDays } : {}),
      testBase: base,
      testDays: plan.testDays,
      testReason: 'f1_follow_up',
    };
  }
  if (plan.kind === 'centralized_quarantine' && plan.homeMonitoringDays > 0) {
    const homeEnds = addDays(endsOn, plan.homeMonitoringDays);
    if (!served(record, 'home_quarantine', homeEnds)) {
      return {
        ...common,
        kind: 'home_quarantine',
        startsOn: endsOn,
        endsOn: homeEnds,
        testBase: endsOn,
        testDays: [],
        testReason: 'f1_follow_up',
      };
    }
  }
  return undefined;
}

/** The order the person's classification and arrivals call for now, if any. */
export function desiredOrder(
  record: TracingRecord,
  classification: Classification,
  rules: TracingRuleBook,
): DesiredOrder | undefined {
  const standing = standingCase(record);
  if (standing) {
    if (standing.status !== 'active') return undefined; // recovered or died: treatment is over
    const confirmedOn = vietnamDay(standing.confirmedAt);
    const set = rules.inForceOn(confirmedOn);
    return {
      kind: 'treatment',
      reason: 'f0',
      level: 0,
      tier: treatmentTierOf(record.person, standing.severity, confirmedOn, set),
      startsOn: confirmedOn,
      ruleSetId: set.id,
      caseId: standing.caseId,
      testBase: confirmedOn,
      testDays: [set.treatment.recovery.minDays],
      testReason: 'f0_release_test',
    };
  }
  const candidates: DesiredOrder[] = [];
  if (classification.level !== null && classification.lastExposureOn !== null) {
    const base = classification.lastExposureOn;
    const set = rules.inForceOn(base);
    const common = { reason: 'contact' as const, level: classification.level, ruleSetId: set.id };
    if (classification.level === 1) {
      const plan =
        set.quarantineFullyVaccinated && fullyVaccinated(record.person, base, set)
          ? set.quarantineFullyVaccinated
          : set.quarantine;
      const phase = quarantinePhase(record, plan, base, common);
      if (phase) candidates.push(phase);
    } else {
      const endsOn = addDays(base, set.furtherContacts.days);
      if (!served(record, set.furtherContacts.kind, endsOn)) {
        candidates.push({
          ...common,
          kind: set.furtherContacts.kind,
          startsOn: base,
          endsOn,
          testBase: base,
          testDays: [],
          testReason: 'f1_follow_up',
        });
      }
    }
  }
  for (const arrival of record.arrivals) {
    if (!arrival.epidemicArea) continue;
    const set = rules.inForceOn(arrival.arrivedOn);
    const phase = quarantinePhase(record, set.arrivals.plan, arrival.arrivedOn, {
      reason: 'arrival',
      ruleSetId: set.id,
    });
    if (phase) candidates.push(phase);
  }
  return candidates.sort(
    (a, b) => STRENGTH[b.kind] - STRENGTH[a.kind] || (b.endsOn ?? '').localeCompare(a.endsOn ?? ''),
  )[0];
}

export function activeOrder(record: TracingRecord): IsolationOrder | undefined {
  return record.orders.find((o) => o.status === 'active');
}

/** Test ids name the order, the day and its nominal date, so re-deciding on a later day finds the same tests. */
function scheduleTests(orderId: string, desired: DesiredOrder, today: string): ScheduledTest[] {
  return desired.testDays.map((day) => {
    const nominal = addDays(desired.testBase, day);
    return {
      orderId: `${orderId}/t${day}@${nominal}`,
      day,
      dueOn: laterDay(nominal, today),
      status: 'open' as const,
    };
  });
}

function orderedEvent(personId: string, order: IsolationOrder, area: TracingRecord['area']): DecidedEvent {
  return {
    type: 'IsolationOrdered',
    data: {
      orderId: order.orderId,
      personId,
      kind: order.kind,
      reason: order.reason,
      ...(order.level !== undefined ? { level: order.level } : {}),
      ...(order.tier ? { tier: order.tier } : {}),
      startsOn: order.startsOn,
      ...(order.endsOn ? { endsOn: order.endsOn } : {}),
      ...(order.homeMonitoringDays !== undefined ? { homeMonitoringDays: order.homeMonitoringDays } : {}),
      ruleSetId: order.ruleSetId,
      ...(order.caseId ? { caseId: order.caseId } : {}),
      districtCode: area.districtCode,
      ...(area.wardCode ? { wardCode: area.wardCode } : {}),
    },
  };
}

function testEvents(
  personId: string,
  tests: readonly ScheduledTest[],
  desired: DesiredOrder,
  cause: string,
): DecidedEvent[] {
  return tests.map((t) => ({
    type: 'TestOrdered' as const,
    data: {
      orderId: t.orderId,
      personId,
      reason: desired.testReason,
      dueBy: endOfVietnamDay(t.dueOn),
      cause,
    },
  }));
}

function cancelOpenTests(
  personId: string,
  order: IsolationOrder,
  reason: string,
  keep = new Set<string>(),
): DecidedEvent[] {
  const emits: DecidedEvent[] = [];
  for (const test of order.tests) {
    if (test.status !== 'open' || keep.has(test.orderId)) continue;
    test.status = 'cancelled';
    emits.push({ type: 'TestOrderCancelled', data: { orderId: test.orderId, personId, reason } });
  }
  return emits;
}

/** Ends an order (mutating the draft record) and cancels its open tests. */
export function endOrder(
  record: TracingRecord,
  order: IsolationOrder,
  reason: NonNullable<IsolationOrder['endReason']>,
  today: string,
  testReason: string,
): DecidedEvent[] {
  order.status = 'ended';
  order.endedOn = today;
  order.endReason = reason;
  return [
    ...cancelOpenTests(record.personId, order, testReason),
    {
      type: 'IsolationEnded',
      data: {
        orderId: order.orderId,
        personId: record.personId,
        kind: order.kind,
        endedOn: today,
        reason,
        ...(order.facilityId ? { facilityId: order.facilityId } : {}),
      },
    },
  ];
}

/**
 * Brings the draft record's orders in line with `desired`: nothing when the active order already
 * is it; the same order re-issued (same id, new end, tier or tests) when only those changed; else
 * the active order ends and a new one starts. A new order whose period is already over is not made.
 */
export function reconcileOrders(
  record: TracingRecord,
  desired: DesiredOrder | undefined,
  today: string,
  endReason: 'withdrawn' | 'superseded',
): DecidedEvent[] {
  const active = activeOrder(record);
  if (!desired) {
    return active ? endOrder(record, active, endReason, today, 'the isolation order was withdrawn') : [];
  }
  const cause = desired.caseId ?? record.classification.rootCaseId ?? record.personId;
  if (active?.kind === desired.kind && active.reason === desired.reason) {
    const wanted = scheduleTests(active.orderId, desired, today).map((t) => t.orderId);
    const scheduled = active.tests.filter((t) => t.status !== 'cancelled').map((t) => t.orderId);
    if (
      active.endsOn === desired.endsOn &&
      active.tier === desired.tier &&
      active.level === desired.level &&
      wanted.join() === scheduled.join()
    ) {
      return [];
    }
    return reissue(record, active, desired, today, cause);
  }
  const emits: DecidedEvent[] = active
    ? endOrder(record, active, 'superseded', today, supersededTestReason(desired))
    : [];
  if (desired.endsOn !== undefined && desired.endsOn < today) return emits;
  record.counters.orders += 1;
  const orderId = `${record.personId}/iso${record.counters.orders}`;
  const order: IsolationOrder = {
    orderId,
    kind: desired.kind,
    reason: desired.reason,
    ...(desired.level !== undefined ? { level: desired.level } : {}),
    ...(desired.tier ? { tier: desired.tier } : {}),
    startsOn: laterDay(desired.startsOn, today),
    ...(desired.endsOn ? { endsOn: desired.endsOn } : {}),
    ...(desired.homeMonitoringDays !== undefined ? { homeMonitoringDays: desired.homeMonitoringDays } : {}),
    ruleSetId: desired.ruleSetId,
    ...(desired.caseId ? { caseId: desired.caseId } : {}),
    status: 'active',
    tests: [],
  };
  order.tests = scheduleTests(orderId, desired, today);
  record.orders.push(order);
  return [
    ...emits,
    orderedEvent(record.personId, order, record.area),
    ...testEvents(record.personId, order.tests, desired, cause),
  ];
}

function supersededTestReason(desired: DesiredOrder): string {
  return desired.kind === 'treatment' ? 'the person is now an F0' : `superseded by ${desired.kind}`;
}

function reissue(
  record: TracingRecord,
  active: IsolationOrder,
  desired: DesiredOrder,
  today: string,
  cause: string,
): DecidedEvent[] {
  const wanted = scheduleTests(active.orderId, desired, today);
  const wantedIds = new Set(wanted.map((t) => t.orderId));
  const emits = cancelOpenTests(
    record.personId,
    active,
    'rescheduled: the isolation order changed',
    wantedIds,
  );
  const fresh = wanted.filter(
    (t) => !active.tests.some((o) => o.orderId === t.orderId && o.status !== 'cancelled'),
  );
  if (desired.endsOn === undefined) delete active.endsOn;
  else active.endsOn = desired.endsOn;
  if (desired.tier) active.tier = desired.tier;
  if (desired.level !== undefined) active.level = desired.level;
  active.ruleSetId = desired.ruleSetId;
  active.tests = [...active.tests.filter((t) => !fresh.some((f) => f.orderId === t.orderId)), ...fresh];
  return [
    ...emits,
    orderedEvent(record.personId, active, record.area),
    ...testEvents(record.personId, fresh, desired, cause),
  ];
}
