/**
 * Tracing and isolation rules: how deep contacts are traced, how long each level isolates and
 * where, when contacts are tested, which areas count as epidemic areas for arrivals, how an F0's
 * treatment tier is chosen and when they may be released. They changed many times in 2021, so
 * they are effective-dated data, chosen by the day of the fact they judge: the last exposure for a
 * contact, the arrival day for an arrival, the result day for a case.
 */
import { isolationKind, severity, treatmentTier } from '@truyvet/vocabulary';
import { z } from 'zod';
import { DatedBook } from './dated';

const testDays = z
  .array(z.number().int().min(0).max(60))
  .min(1)
  .refine((days) => days.every((d, i) => i === 0 || d > (days[i - 1] ?? -1)), {
    message: 'test days are listed in increasing order, each once',
  });

const quarantinePlan = z
  .object({
    kind: isolationKind.extract(['centralized_quarantine', 'home_quarantine']),
    /** Counted from the last exposure (day 0). */
    days: z.number().int().min(1).max(60),
    /** Days after the last exposure on which a test is due (day 1 is the day after). */
    testDays,
    /** After a centralized quarantine, this many days of monitoring at home. */
    homeMonitoringDays: z.number().int().min(0).max(30),
  })
  .refine((p) => (p.testDays.at(-1) ?? 0) <= p.days, {
    message: 'the last test is due on or before the last day of quarantine',
    path: ['testDays'],
  });

export type QuarantinePlan = z.infer<typeof quarantinePlan>;

const tierRule = z.object({
  tier: treatmentTier,
  /** Every condition given must hold (first matching rule wins). */
  when: z
    .object({
      severityAtLeast: severity.optional(),
      ageAtLeast: z.number().int().min(0).max(120).optional(),
      hasComorbidity: z.boolean().optional(),
      unvaccinated: z.boolean().optional(),
    })
    .refine((w) => Object.keys(w).length > 0, { message: 'a tier rule needs at least one condition' }),
});

export const tracingRuleSetSchema = z.object({
  id: z.string().min(1),
  effectiveFrom: z.iso.date(),
  /** The decision (document, date, authority) behind these values, or why they are provisional. */
  decision: z.string().min(1),
  contacts: z.object({
    /** How many F-levels are traced: 2 means F1 and F2 (2020 practice went to F3, F4). */
    maxDepth: z.number().int().min(1).max(5),
    /** The infectious window opens this many days before symptom onset (or the positive sample). */
    infectiousDaysBefore: z.number().int().min(0).max(14),
    /** Household members of an F0 are F1 without a tracer having to list them. */
    householdIsClose: z.boolean(),
  }),
  /** F1 (close contacts of an F0). */
  quarantine: quarantinePlan,
  /** F1 who are fully vaccinated, when this rule set treats them differently. */
  quarantineFullyVaccinated: quarantinePlan.optional(),
  vaccination: z.object({
    /** Doses that make a person fully vaccinated, the last at least `daysAfterLastDose` before the exposure. */
    fullDoses: z.number().int().min(1).max(5),
    daysAfterLastDose: z.number().int().min(0).max(60),
  }),
  /** F2 and further: self-monitoring (or home quarantine) counted from their last exposure. */
  furtherContacts: z.object({
    kind: isolationKind.extract(['self_monitoring', 'home_quarantine']),
    days: z.number().int().min(1).max(60),
  }),
  arrivals: z.object({
    plan: quarantinePlan,
    /** Areas (GSO province or district codes) declared epidemic areas, each for a period. */
    epidemicAreas: z.array(
      z.object({
        code: z.string().regex(/^\d{2,3}$/, 'a GSO province (2 digits) or district (3 digits) code'),
        name: z.string().min(1),
        from: z.iso.date(),
        until: z.iso.date().optional(),
      }),
    ),
  }),
  treatment: z.object({
    /** Tried in order; the first whose conditions all hold gives the tier. */
    tiers: z.array(tierRule),
    defaultTier: treatmentTier,
    recovery: z.object({
      /** Fewest days of treatment before release. */
      minDays: z.number().int().min(1).max(60),
      /** Release needs a negative test after this many days, or a last Ct value at least this. */
      ctAtLeast: z.number().min(0).max(45),
    }),
  }),
  /** A positive result this long after a recovery is a new episode (a reinfection); before, the same case. */
  reinfectionAfterDays: z.number().int().min(1).max(3650),
  tasks: z.object({
    interviewDueHours: z.number().positive(),
    callDueHours: z.number().positive(),
    tipDueHours: z.number().positive(),
  }),
  /**
   * A quarantine past its last day whose last test never came (not taken, or its result lost):
   * after `graceDays` more days it is settled, not left open. `flag`: a task for the ward team of the
   * person (test them, or say why not); `release`: released all the same, the release saying so.
   * Sets stored before this rule existed get the default.
   */
  missingLastTest: z
    .object({
      graceDays: z.number().int().min(0).max(14),
      settle: z.enum(['flag', 'release']),
    })
    .default({ graceDays: 2, settle: 'flag' }),
});

export type TracingRuleSet = z.infer<typeof tracingRuleSetSchema>;

export class TracingRuleBook extends DatedBook<TracingRuleSet> {
  constructor(sets: readonly unknown[]) {
    super('tracing', tracingRuleSetSchema, sets);
  }

  /** A new book with one more rule set (validated; refused if it overlaps one already in force). */
  with(set: unknown): TracingRuleBook {
    return new TracingRuleBook([...this.sets, set]);
  }
}

const f1Tests = [1, 7, 14];

// The three-tier model: severe and critical to tier 3, moderate or at risk to tier 2.
const tiers: TracingRuleSet['treatment']['tiers'] = [
  { tier: 'tier3', when: { severityAtLeast: 'severe' } },
  { tier: 'tier2', when: { severityAtLeast: 'moderate' } },
  { tier: 'tier2', when: { ageAtLeast: 65 } },
  { tier: 'tier2', when: { hasComorbidity: true } },
  { tier: 'tier1', when: { ageAtLeast: 50, unvaccinated: true } },
];

const southernEpidemicAreas: TracingRuleSet['arrivals']['epidemicAreas'] = [
  { code: '79', name: 'TP. Hồ Chí Minh', from: '2021-06-01' },
  { code: '74', name: 'Bình Dương', from: '2021-06-15' },
  { code: '75', name: 'Đồng Nai', from: '2021-07-01' },
  { code: '80', name: 'Long An', from: '2021-07-01' },
];

const common = {
  contacts: { maxDepth: 2, infectiousDaysBefore: 2, householdIsClose: true },
  vaccination: { fullDoses: 2, daysAfterLastDose: 14 },
  furtherContacts: { kind: 'self_monitoring' as const, days: 14 },
  arrivals: {
    plan: {
      kind: 'centralized_quarantine' as const,
      days: 14,
      testDays: f1Tests,
      homeMonitoringDays: 0,
    },
    epidemicAreas: southernEpidemicAreas,
  },
  treatment: { tiers, defaultTier: 'tier1' as const, recovery: { minDays: 10, ctAtLeast: 30 } },
  reinfectionAfterDays: 90,
  tasks: { interviewDueHours: 2, callDueHours: 4, tipDueHours: 24 },
  // No source document here says what followed a missed last test: the ward team decides (a task).
  missingLastTest: { graceDays: 2, settle: 'flag' as const },
};

/**
 * The periods DOMAIN.md describes, as data. The values follow the practice of each period; the
 * effective days and references marked provisional must be replaced with the decision in force in
 * the province (entered with AddRuleSet, or here) before production use.
 */
export const defaultTracingRuleSets: TracingRuleSet[] = [
  {
    ...common,
    id: 'vn-2020-qd878',
    effectiveFrom: '2020-03-12',
    decision:
      'Quyết định 878/QĐ-BYT (12/3/2020), guidance on centralized quarantine: F1 14 days centralized, then 14 days ' +
      'monitoring at home; test days provisional (1, 7, 14)',
    quarantine: { kind: 'centralized_quarantine', days: 14, testDays: f1Tests, homeMonitoringDays: 14 },
  },
  {
    ...common,
    id: 'vn-2021-delta-21d',
    effectiveFrom: '2021-05-15',
    decision:
      'provisional: Delta wave (May 2021), F1 21 days centralized; enter the dispatch and its day in force in the province',
    quarantine: {
      kind: 'centralized_quarantine',
      days: 21,
      testDays: [1, 7, 14, 21],
      homeMonitoringDays: 0,
    },
  },
  {
    ...common,
    id: 'vn-2021-14d',
    effectiveFrom: '2021-08-01',
    decision:
      'provisional: F1 back to 14 days centralized (tests on days 1, 7 and 14); enter the decision and its day in force',
    quarantine: { kind: 'centralized_quarantine', days: 14, testDays: f1Tests, homeMonitoringDays: 0 },
  },
  {
    ...common,
    id: 'vn-2021-vaccinated-7d',
    effectiveFrom: '2021-10-15',
    decision:
      'provisional: late 2021, F1 fully vaccinated 7 days (tests on days 1 and 7), others 14 days; F0 without risk ' +
      'factors cared for at home; enter the decision and its day in force',
    quarantine: { kind: 'centralized_quarantine', days: 14, testDays: f1Tests, homeMonitoringDays: 0 },
    quarantineFullyVaccinated: {
      kind: 'centralized_quarantine',
      days: 7,
      testDays: [1, 7],
      homeMonitoringDays: 0,
    },
    treatment: { ...common.treatment, defaultTier: 'home' },
  },
];

export const defaultTracingRuleBook = (): TracingRuleBook => new TracingRuleBook(defaultTracingRuleSets);
