/**
 * Rules are data: pool sizes, shipment deadlines, quarantine periods and test schedules changed many
 * times in 2021. Each rule set is effective from a date, names the decision that set it, and is
 * chosen by the date of the fact it judges (collection, exposure, result), never hard-coded.
 */
import { z } from 'zod';
import { DatedBook } from './dated';

export { DatedBook, RuleSetError } from './dated';

export const ruleSetSchema = z.object({
  id: z.string().min(1),
  effectiveFrom: z.iso.date(),
  /** The decision (document, date, authority) behind these values, or why they are provisional. */
  decision: z.string().min(1),
  sampling: z.object({
    /** Most swabs in one pooled tube. */
    maxPoolSize: z.number().int().min(2).max(30),
    /** Most swabs in one tube in mass testing at low prevalence. */
    maxPoolSizeMassTesting: z.number().int().min(2).max(30),
  }),
  shipments: z.object({
    /** A dispatched shipment not received by the lab after this long is overdue. */
    overdueAfterHours: z.number().positive(),
  }),
  lab: z.object({
    /** A sample older than this at accessioning is rejected (too old to test). */
    sampleMaxAgeHours: z.number().positive(),
    /** A received sample without a result this long after collection is overdue. */
    resultOverdueAfterHours: z.number().positive(),
    /** Re-test orders (pool members, inconclusive results) are due this long after the result. */
    retestDueHours: z.number().positive(),
    /** How each RT-PCR kit's Ct values read: the kit is named with the result. */
    kits: z
      .array(
        z
          .object({
            id: z.string().min(1),
            name: z.string().min(1),
            /** Target genes the kit reports, e.g. E, RdRp, N. */
            targets: z.array(z.string().min(1)).min(1),
            /** A target with Ct below this is detected. */
            detectedBelow: z.number().positive().max(50),
            /** A target with Ct from detectedBelow up to (not including) this is borderline. */
            borderlineBelow: z.number().positive().max(50),
            /** Detected targets needed for a positive; fewer (but some) is inconclusive. */
            minDetectedTargets: z.number().int().min(1),
          })
          .refine((k) => k.borderlineBelow >= k.detectedBelow, {
            message: 'borderlineBelow is at least detectedBelow',
            path: ['borderlineBelow'],
          })
          .refine((k) => k.minDetectedTargets <= k.targets.length, {
            message: 'minDetectedTargets is at most the number of targets',
            path: ['minDetectedTargets'],
          }),
      )
      .min(1),
  }),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;

export class RuleBook extends DatedBook<RuleSet> {
  constructor(sets: readonly unknown[]) {
    super('sampling and lab', ruleSetSchema, sets);
  }
}

/**
 * Provisional values for Cần Thơ until the health department's decisions are entered: pools of up
 * to 10 swabs, up to 20 in mass testing at low prevalence (the practice DOMAIN.md describes), a
 * shipment overdue 24 hours after dispatch, samples usable up to 72 hours after collection, results
 * due within 24 hours, and Ct < 37 on a target gene read as detected, 37-40 as borderline (the
 * common cut-offs of the kits used in Vietnam in 2021; each kit's own insert decides in production).
 */
export const defaultRuleSets: RuleSet[] = [
  {
    id: 'can-tho-2021-provisional',
    effectiveFrom: '2021-01-01',
    decision:
      'provisional: 2021 practice (pools of 5-10, up to 20 in low-prevalence mass testing); replace with the decision in force',
    sampling: { maxPoolSize: 10, maxPoolSizeMassTesting: 20 },
    shipments: { overdueAfterHours: 24 },
    lab: {
      sampleMaxAgeHours: 72,
      resultOverdueAfterHours: 24,
      retestDueHours: 24,
      kits: [
        {
          id: 'sansure-2019-ncov',
          name: 'Sansure Novel Coronavirus (2019-nCoV) Nucleic Acid Diagnostic Kit',
          targets: ['ORF1ab', 'N'],
          detectedBelow: 37,
          borderlineBelow: 40,
          minDetectedTargets: 1,
        },
        {
          id: 'allplex-2019-ncov',
          name: 'Seegene Allplex 2019-nCoV Assay',
          targets: ['E', 'RdRp', 'N'],
          detectedBelow: 37,
          borderlineBelow: 40,
          minDetectedTargets: 1,
        },
      ],
    },
  },
];

export type KitRules = RuleSet['lab']['kits'][number];

export const defaultRuleBook = (): RuleBook => new RuleBook(defaultRuleSets);

export * from './tracing';
export * from './days';
export * from './risk';
export * from './stats';
