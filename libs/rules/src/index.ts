/**
 * Rules are data: pool sizes, shipment deadlines, quarantine periods and test schedules changed many
 * times in 2021. Each rule set is effective from a date, names the decision that set it, and is
 * chosen by the date of the fact it judges (collection, exposure, result), never hard-coded.
 */
import { z } from 'zod';

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
});

export type RuleSet = z.infer<typeof ruleSetSchema>;

export class RuleBook {
  private readonly sets: RuleSet[];

  constructor(sets: readonly unknown[]) {
    this.sets = sets
      .map((s) => ruleSetSchema.parse(s))
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    if (this.sets.length === 0) throw new Error('a rule book needs at least one rule set');
  }

  /** The rule set in force on `date` (the latest effective on or before it). */
  inForceOn(date: Date | string): RuleSet {
    const day = (typeof date === 'string' ? date : date.toISOString()).slice(0, 10);
    const inForce = this.sets.filter((s) => s.effectiveFrom <= day).at(-1);
    if (!inForce)
      throw new Error(
        `no rule set in force on ${day} (the first is effective from ${this.sets[0]?.effectiveFrom ?? '?'})`,
      );
    return inForce;
  }
}

/**
 * Provisional values for Cần Thơ until the health department's decisions are entered: pools of up
 * to 10 swabs, up to 20 in mass testing at low prevalence (the practice DOMAIN.md describes), and a
 * shipment overdue 24 hours after dispatch.
 */
export const defaultRuleSets: RuleSet[] = [
  {
    id: 'can-tho-2021-provisional',
    effectiveFrom: '2021-01-01',
    decision:
      'provisional: 2021 practice (pools of 5-10, up to 20 in low-prevalence mass testing); replace with the decision in force',
    sampling: { maxPoolSize: 10, maxPoolSizeMassTesting: 20 },
    shipments: { overdueAfterHours: 24 },
  },
];

export const defaultRuleBook = (): RuleBook => new RuleBook(defaultRuleSets);
