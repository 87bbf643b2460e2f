/**
 * The steering committee's figures for an area and a day, computed from facts. Pure. Flows ("new
 * today", "samples collected") count what happened on that Vietnamese calendar day; stocks ("under
 * treatment", "F1 in centralized quarantine") are as of the end of that day, or now when the day
 * is today.
 */
import {
  addDays,
  durations,
  endOfVietnamDay,
  hoursBetween,
  riskLevelOf,
  vietnamDay,
  type Durations,
  type RiskLevel,
  type RiskRuleSet,
  type RuleBook,
} from '@truyvet/rules';
import {
  addDoses,
  type CaseFact,
  type ClassificationFact,
  type DoseTally,
  type OrderFact,
  type PersonFact,
  type RejectionFact,
  type ResultFact,
  type SampleFact,
  type TestOrderFact,
} from './facts';

export type AreaLevel = 'city' | 'district' | 'ward';

export interface ReportArea {
  level: AreaLevel;
  code: string;
  name: string;
  /** 2019 census. */
  population: number;
  /** The district a ward belongs to (for wards). */
  districtCode?: string;
}

/** The facts of an area (or more: each figure holds them to the area itself). */
export interface AreaFacts {
  cases: readonly CaseFact[];
  orders: readonly OrderFact[];
  samples: readonly SampleFact[];
  results: readonly ResultFact[];
  /** The people the figures look up (of orders without a place, of test orders, merged away). */
  persons: ReadonlyMap<string, PersonFact>;
  merged: ReadonlySet<string>;
  /** The area's dose tallies and the dose changes since (at least; held to the area per ward). */
  doses: readonly DoseTally[];
  testOrders: readonly TestOrderFact[];
  rejections: ReadonlyMap<string, RejectionFact>;
  classifications: ReadonlyMap<string, ClassificationFact>;
  /** The root cases the area's F1 were traced from (they may live elsewhere). */
  rootCases: ReadonlyMap<string, CaseFact>;
}

export interface DailyReport {
  area: { level: AreaLevel; code: string; name: string };
  date: string;
  cases: {
    newToday: number;
    newInCommunity: number;
    newInQuarantine: number;
    recoveredToday: number;
    deathsToday: number;
    total: number;
    underTreatment: number;
    recovered: number;
    deaths: number;
  };
  isolation: {
    f1Centralized: number;
    /** Of the F1 in centralized quarantine: ordered there, still waiting for a bed. */
    f1CentralizedAwaitingBed: number;
    f1Home: number;
    f2SelfMonitoring: number;
    arrivalsCentralized: number;
    /** Members of positive (or inconclusive) pools whose own re-test has no result yet. */
    suspectsIsolated: number;
  };
  testing: {
    samplesCollected: number;
    peopleSampled: number;
    samplesTested: number;
    peopleTested: number;
    samplesPositive: number;
    /** Positive tubes over tubes tested that day (0 when none were). */
    positivity: number;
  };
  vaccination: { atLeastOneDose: number; fullyVaccinated: number; doses: number };
  /**
   * When the day's case figures (its new counts or its totals) last changed after the day had
   * ended: a case, a recovery or a death of that day or before entered late, or such a case
   * reverted later. UTC; empty if they never did.
   */
  revisedAt: string;
}

/** Where a fact is: a district and maybe a ward. */
interface Place {
  districtCode?: string | undefined;
  wardCode?: string | undefined;
}

export function inArea(area: ReportArea, place: Place): boolean {
  switch (area.level) {
    case 'city':
      return true;
    case 'district':
      return place.districtCode === area.code;
    case 'ward':
      return place.wardCode === area.code;
  }
}

/** The moment the figures of `date` are taken at: the end of that day, or now if it is today. */
export function asOfMoment(date: string, now: Date): string {
  const end = new Date(Date.parse(endOfVietnamDay(date)) + 999).toISOString();
  return now.toISOString() < end ? now.toISOString() : end;
}

const dayOf = (at: string): string => vietnamDay(at);

/** An order in force at the end of `date`: begun, and not ended on or before it. */
function activeOn(order: OrderFact, date: string): boolean {
  return order.startsOn <= date && (order.endedOn === undefined || order.endedOn > date);
}

/** An order's place: its own, else where the person lives. */
function orderPlace(order: OrderFact, persons: ReadonlyMap<string, PersonFact>): Place {
  if (order.districtCode) return order;
  return persons.get(order.personId) ?? {};
}

function caseFigures(area: ReportArea, facts: AreaFacts, date: string): DailyReport['cases'] {
  const cases = facts.cases.filter((c) => !c.reverted && inArea(area, c) && c.confirmedOn <= date);
  const today = cases.filter((c) => c.confirmedOn === date);
  const recovered = cases.filter((c) => c.recoveredOn !== undefined && c.recoveredOn <= date);
  const deaths = cases.filter((c) => c.diedOn !== undefined && c.diedOn <= date);
  return {
    newToday: today.length,
    newInCommunity: today.filter((c) => c.foundIn === 'community').length,
    newInQuarantine: today.filter((c) => c.foundIn === 'quarantine').length,
    recoveredToday: recovered.filter((c) => c.recoveredOn === date).length,
    deathsToday: deaths.filter((c) => c.diedOn === date).length,
    total: cases.length,
    underTreatment: cases.length - recovered.length - deaths.length,
    recovered: recovered.length,
    deaths: deaths.length,
  };
}

/** The persons in positive or inconclusive pools resulted by `asOf` with no own result by then. */
export function suspects(area: ReportArea, facts: AreaFacts, asOf: string): string[] {
  const own = new Map<string, ResultFact[]>();
  for (const r of facts.results) {
    const personId = r.personIds[0];
    if (!r.pooled && personId !== undefined && r.resultedAt <= asOf && r.outcome !== 'withdrawn') {
      own.set(personId, [...(own.get(personId) ?? []), r]);
    }
  }
  const found = new Set<string>();
  for (const pool of facts.results) {
    if (!pool.pooled || !inArea(area, pool) || pool.resultedAt > asOf) continue;
    if (pool.outcome !== 'positive' && pool.outcome !== 'inconclusive') continue;
    for (const personId of pool.personIds) {
      if (facts.merged.has(personId)) continue;
      const retested = (own.get(personId) ?? []).some(
        (r) => r.collectedAt >= pool.collectedAt && r.outcome !== 'rejected',
      );
      if (!retested) found.add(personId);
    }
  }
  return [...found].sort();
}

function isolationFigures(
  area: ReportArea,
  facts: AreaFacts,
  date: string,
  asOf: string,
): DailyReport['isolation'] {
  const active = facts.orders.filter(
    (o) => activeOn(o, date) && o.issuedAt <= asOf && inArea(area, orderPlace(o, facts.persons)),
  );
  const f1 = active.filter((o) => o.reason === 'contact' && o.level === 1);
  const f1Centralized = f1.filter((o) => o.kind === 'centralized_quarantine');
  return {
    f1Centralized: f1Centralized.length,
    f1CentralizedAwaitingBed: f1Centralized.filter((o) => awaitingBed(o, asOf)).length,
    f1Home: f1.filter((o) => o.kind === 'home_quarantine').length,
    f2SelfMonitoring: active.filter(
      (o) => o.reason === 'contact' && (o.level ?? 0) >= 2 && o.kind === 'self_monitoring',
    ).length,
    arrivalsCentralized: active.filter((o) => o.reason === 'arrival' && o.kind === 'centralized_quarantine')
      .length,
    suspectsIsolated: suspects(area, facts, asOf).length,
  };
}

function awaitingBed(order: OrderFact, asOf: string): boolean {
  return (
    order.waitlistedAt !== undefined &&
    order.waitlistedAt <= asOf &&
    (order.placedAt === undefined || order.placedAt > asOf)
  );
}

function testingFigures(area: ReportArea, facts: AreaFacts, date: string): DailyReport['testing'] {
  const collected = facts.samples.filter((s) => inArea(area, s) && dayOf(s.collectedAt) === date);
  const tested = facts.results.filter(
    (r) =>
      inArea(area, r) &&
      dayOf(r.resultedAt) === date &&
      r.outcome !== 'rejected' &&
      r.outcome !== 'withdrawn',
  );
  const positive = tested.filter((r) => r.outcome === 'positive').length;
  return {
    samplesCollected: collected.length,
    peopleSampled: collected.reduce((n, s) => n + s.people, 0),
    samplesTested: tested.length,
    peopleTested: tested.reduce((n, r) => n + r.personIds.length, 0),
    samplesPositive: positive,
    positivity: tested.length === 0 ? 0 : Math.round((positive / tested.length) * 10_000) / 10_000,
  };
}

/**
 * Per ward, how many registered people (merged-away registrations left out) had at least n+1
 * doses by `date`, at index n: from the dose tallies, less the merged-away people's own doses.
 */
function dosesReached(facts: AreaFacts, date: string): Map<string, number[]> {
  const reached = new Map<string, number[]>();
  const count = (wardCode: string, byDate: Record<string, number[]>, sign: 1 | -1): void => {
    let counts = reached.get(wardCode);
    if (!counts) reached.set(wardCode, (counts = []));
    for (const [day, nth] of Object.entries(byDate)) {
      if (day > date) continue;
      nth.forEach((n, i) => {
        while (counts.length <= i) counts.push(0);
        counts[i] = (counts[i] ?? 0) + sign * n;
      });
    }
  };
  for (const tally of facts.doses) count(tally.wardCode, tally.byDate, 1);
  for (const id of facts.merged) {
    const person = facts.persons.get(id);
    if (!person) continue;
    const own: Record<string, number[]> = {};
    addDoses(own, person.doseDates, 1);
    count(person.wardCode, own, -1);
  }
  return reached;
}

/** The area's vaccination figures by `date`. */
function vaccinationFigures(
  area: ReportArea,
  facts: AreaFacts,
  date: string,
  fullDoses: number,
): DailyReport['vaccination'] {
  const figures = { atLeastOneDose: 0, fullyVaccinated: 0, doses: 0 };
  const districtOf = new Map(facts.doses.map((t) => [t.wardCode, t.districtCode]));
  for (const [wardCode, reached] of dosesReached(facts, date)) {
    if (!inArea(area, { wardCode, districtCode: districtOf.get(wardCode) ?? '' })) continue;
    figures.atLeastOneDose += reached[0] ?? 0;
    figures.fullyVaccinated += reached[fullDoses - 1] ?? 0;
    figures.doses += reached.reduce((a, b) => a + b, 0);
  }
  return figures;
}

export function dailyReport(
  area: ReportArea,
  facts: AreaFacts,
  date: string,
  now: Date,
  fullDoses = 2,
): DailyReport {
  const asOf = asOfMoment(date, now);
  return {
    area: { level: area.level, code: area.code, name: area.name },
    date,
    cases: caseFigures(area, facts, date),
    isolation: isolationFigures(area, facts, date, asOf),
    testing: testingFigures(area, facts, date),
    vaccination: vaccinationFigures(area, facts, date, fullDoses),
    revisedAt: revisedAt(area, facts, date),
  };
}

/**
 * The latest entry, made after `date` had ended, of a case fact that counts in `date`'s figures: a
 * case confirmed, recovered or dead on that day or before (the day's new counts, or its totals),
 * or such a case reverted later.
 */
function revisedAt(area: ReportArea, facts: AreaFacts, date: string): string {
  let latest = '';
  const late = (on: string | undefined, at: string | undefined) => {
    if (on !== undefined && at !== undefined && on <= date && dayOf(at) > date && at > latest) latest = at;
  };
  for (const c of facts.cases) {
    if (!inArea(area, c)) continue;
    late(c.confirmedOn, c.confirmedEnteredAt);
    late(c.recoveredOn, c.recoveredEnteredAt);
    late(c.diedOn, c.diedEnteredAt);
    if (c.reverted) late(c.confirmedOn, c.revertedEnteredAt);
  }
  return latest;
}

export interface WardRisk {
  wardCode: string;
  wardName: string;
  districtCode: string;
  population: number;
  /** Community cases confirmed in the window ending on the report day. */
  communityCases: number;
  casesPer100k: number;
  /** Share of the census population with the rule set's minimum doses. */
  coverage: number;
  level: RiskLevel;
}

export interface RiskTable {
  date: string;
  ruleSetId: string;
  windowFrom: string;
  wards: WardRisk[];
  /** Wards at or above the rule set's focus level, highest first: where to test next. */
  focusTestingTargets: WardRisk[];
}

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

export function riskTable(
  wards: readonly ReportArea[],
  facts: AreaFacts,
  date: string,
  rules: RiskRuleSet,
): RiskTable {
  const windowFrom = addDays(date, 1 - rules.windowDays);
  const community = new Map<string, number>();
  for (const c of facts.cases) {
    if (c.reverted || c.foundIn !== 'community' || !c.wardCode) continue;
    if (c.confirmedOn < windowFrom || c.confirmedOn > date) continue;
    community.set(c.wardCode, (community.get(c.wardCode) ?? 0) + 1);
  }
  const covered = new Map<string, number>();
  for (const [wardCode, reached] of dosesReached(facts, date))
    covered.set(wardCode, reached[rules.coverage.minDoses - 1] ?? 0);
  const rows = wards.map((ward): WardRisk => {
    const cases = community.get(ward.code) ?? 0;
    const per100k = (cases * 100_000) / ward.population;
    const coverage = Math.min(1, (covered.get(ward.code) ?? 0) / ward.population);
    return {
      wardCode: ward.code,
      wardName: ward.name,
      districtCode: ward.districtCode ?? '',
      population: ward.population,
      communityCases: cases,
      casesPer100k: round(per100k, 1),
      coverage: round(coverage, 4),
      level: riskLevelOf(rules, cases, per100k, coverage),
    };
  });
  rows.sort(
    (a, b) => b.level - a.level || b.casesPer100k - a.casesPer100k || a.wardCode.localeCompare(b.wardCode),
  );
  return {
    date,
    ruleSetId: rules.id,
    windowFrom,
    wards: rows,
    focusTestingTargets: rows.filter((r) => r.level >= rules.focusTestingFromLevel),
  };
}

export interface DistrictTurnaround {
  districtCode: string;
  date: string;
  /** Tubes resulted that day: from the swab to the first result. */
  collectedToResulted: Durations;
  /** F1 isolated that day: from their root case's positive result to the isolation. */
  resultToF1Isolated: Durations;
  overdue: {
    /** Tubes without a result past the lab's limit (refused tubes left out). */
    samplesAwaitingResult: number;
    /** Test orders past their due time, neither sampled nor cancelled. */
    testOrders: number;
    /** Centralized quarantine orders waiting for a bed. */
    isolationAwaitingBed: number;
  };
}

/** When an F1 was isolated: the bed for centralized quarantine, the order itself for home. */
function isolatedAt(order: OrderFact): string | undefined {
  return order.kind === 'centralized_quarantine' ? order.placedAt : order.issuedAt;
}

export function districtTurnaround(
  district: ReportArea,
  facts: AreaFacts,
  date: string,
  now: Date,
  labRules: RuleBook,
): DistrictTurnaround {
  const asOf = asOfMoment(date, now);
  const results = new Map(facts.results.map((r) => [r._id, r]));
  const resulted = facts.results.filter((r) => inArea(district, r) && dayOf(r.resultedAt) === date);
  const f1Hours: number[] = [];
  for (const order of facts.orders) {
    if (order.reason !== 'contact' || order.level !== 1) continue;
    if (!inArea(district, orderPlace(order, facts.persons))) continue;
    const at = isolatedAt(order);
    if (at === undefined || dayOf(at) !== date) continue;
    const rootCaseId = facts.classifications.get(order.personId)?.firstF1?.rootCaseId;
    const root = rootCaseId === undefined ? undefined : facts.rootCases.get(rootCaseId);
    if (root) f1Hours.push(Math.max(0, hoursBetween(root.resultedAt, at)));
  }
  const samplesAwaitingResult = facts.samples.filter((s) => {
    if (!inArea(district, s) || s.collectedAt > asOf || facts.rejections.has(s._id)) return false;
    const result = results.get(s._id);
    if (result && result.resultedAt <= asOf) return false;
    const limit = labRules.inForceOn(s.collectedAt).lab.resultOverdueAfterHours;
    return hoursBetween(s.collectedAt, asOf) > limit;
  }).length;
  const testOrders = facts.testOrders.filter((t) => {
    const person = facts.persons.get(t.personId);
    if (!person || !inArea(district, person) || t.orderedAt > asOf) return false;
    return t.dueBy < asOf && (t.closedAt === undefined || t.closedAt > asOf);
  }).length;
  const isolationAwaitingBed = facts.orders.filter(
    (o) =>
      o.kind === 'centralized_quarantine' &&
      activeOn(o, date) &&
      inArea(district, orderPlace(o, facts.persons)) &&
      awaitingBed(o, asOf),
  ).length;
  return {
    districtCode: district.code,
    date,
    collectedToResulted: durations(resulted.map((r) => hoursBetween(r.collectedAt, r.resultedAt))),
    resultToF1Isolated: durations(f1Hours),
    overdue: { samplesAwaitingResult, testOrders, isolationAwaitingBed },
  };
}
