import { z } from 'zod';
import { DatedBook } from './dated';

/**
 * How a ward's risk level (1 low/green, 2 medium/yellow, 3 high/orange, 4 very high/red) follows
 * from its new community cases per 100,000 people over the last 7 days and its vaccination
 * coverage. Bands are read in order: the first whose `below` exceeds the rate applies (the last
 * has no bound). Coverage is the share of the ward's census population with at least `minDoses`
 * doses known to the registry: people the registry does not know count as unvaccinated.
 */
export const riskRuleSetSchema = z
  .object({
    id: z.string().min(1),
    effectiveFrom: z.iso.date(),
    decision: z.string().min(1),
    windowDays: z.number().int().min(1).max(28),
    coverage: z.object({
      minDoses: z.number().int().min(1).max(5),
      highAtLeast: z.number().min(0).max(1),
    }),
    bands: z
      .array(
        z.object({
          /** Exclusive upper bound of weekly community cases per 100,000; absent on the last band. */
          below: z.number().positive().optional(),
          /** Exactly zero cases in the window (a band of its own in some guidance). */
          zero: z.boolean().optional(),
          levelHighCoverage: z.number().int().min(1).max(4),
          levelLowCoverage: z.number().int().min(1).max(4),
        }),
      )
      .min(1),
    /** Wards at or above this level are the focus-testing targets. */
    focusTestingFromLevel: z.number().int().min(1).max(4),
  })
  .superRefine((set, ctx) => {
    const bounded = set.bands.filter((b) => !b.zero);
    bounded.forEach((band, i) => {
      const last = i === bounded.length - 1;
      if (last !== (band.below === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['bands'],
          message: 'every band but the last needs `below`; the last has none',
        });
      const previous = bounded[i - 1]?.below;
      if (previous !== undefined && band.below !== undefined && band.below <= previous)
        ctx.addIssue({ code: 'custom', path: ['bands'], message: 'band bounds must increase' });
    });
  });

export type RiskRuleSet = z.infer<typeof riskRuleSetSchema>;

export class RiskRuleBook extends DatedBook<RiskRuleSet> {
  constructor(sets: readonly unknown[]) {
    super('risk level', riskRuleSetSchema, sets);
  }
}

export type RiskLevel = 1 | 2 | 3 | 4;

/** The level a ward is at, under `rules`, from its weekly community cases and its coverage. Pure. */
export function riskLevelOf(
  rules: RiskRuleSet,
  weeklyCases: number,
  casesPer100k: number,
  coverage: number,
): RiskLevel {
  const high = coverage >= rules.coverage.highAtLeast;
  const band =
    (weeklyCases === 0 ? rules.bands.find((b) => b.zero) : undefined) ??
    rules.bands.filter((b) => !b.zero).find((b) => b.below === undefined || casesPer100k < b.below);
  // The schema guarantees an unbounded last band, so `band` is found.
  const level = band ? (high ? band.levelHighCoverage : band.levelLowCoverage) : 4;
  return level as RiskLevel;
}

/**
 * The bands of DOMAIN.md (< 20, 20-50, 50-150, >= 150 weekly community cases per 100,000), read
 * against vaccination coverage as the interim guidance of October 2021 did: good coverage lowers
 * the level by one in the middle bands. Coverage here is at least one dose for 70% of the census
 * population (the guidance counted age groups; the registry's figures stand in for them). The
 * effective day and values are provisional until the province enters the decision in force.
 */
export const defaultRiskRuleSets: RiskRuleSet[] = [
  {
    id: 'vn-2021-10-interim',
    effectiveFrom: '2021-10-11',
    decision:
      'provisional: Nghị quyết 128/NQ-CP (11/10/2021) and the Ministry of Health interim guidance on assessing ' +
      'epidemic levels; bands < 20, 20-50, 50-150, >= 150 per 100,000 per week, coverage at least 1 dose for 70%',
    windowDays: 7,
    coverage: { minDoses: 1, highAtLeast: 0.7 },
    bands: [
      { zero: true, levelHighCoverage: 1, levelLowCoverage: 1 },
      { below: 20, levelHighCoverage: 1, levelLowCoverage: 2 },
      { below: 50, levelHighCoverage: 2, levelLowCoverage: 3 },
      { below: 150, levelHighCoverage: 3, levelLowCoverage: 4 },
      { levelHighCoverage: 4, levelLowCoverage: 4 },
    ],
    focusTestingFromLevel: 3,
  },
];

export const defaultRiskRuleBook = (): RiskRuleBook => new RiskRuleBook(defaultRiskRuleSets);
