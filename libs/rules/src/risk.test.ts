import { describe, expect, it } from '@jest/globals';
import { defaultRiskRuleBook, defaultRiskRuleSets, riskLevelOf, RiskRuleBook } from './risk';

const rules = defaultRiskRuleBook().inForceOn('2021-11-23');

describe('risk levels', () => {
  it('reads the weekly rate per 100,000 against the bands, with coverage lowering the middle bands', () => {
    expect(riskLevelOf(rules, 0, 0, 0)).toBe(1);
    expect(riskLevelOf(rules, 1, 5, 0.2)).toBe(2);
    expect(riskLevelOf(rules, 1, 5, 0.8)).toBe(1);
    expect(riskLevelOf(rules, 5, 19.9, 0.2)).toBe(2);
    expect(riskLevelOf(rules, 5, 20, 0.2)).toBe(3);
    expect(riskLevelOf(rules, 5, 20, 0.7)).toBe(2);
    expect(riskLevelOf(rules, 30, 149.9, 0.69)).toBe(4);
    expect(riskLevelOf(rules, 30, 149.9, 0.7)).toBe(3);
    expect(riskLevelOf(rules, 90, 150, 0.95)).toBe(4);
  });

  it('refuses a rule set whose bands do not rise or leave the last one bounded', () => {
    const base = defaultRiskRuleSets[0];
    const bands = [
      { below: 50, levelHighCoverage: 1, levelLowCoverage: 2 },
      { below: 20, levelHighCoverage: 2, levelLowCoverage: 3 },
    ];
    expect(() => new RiskRuleBook([{ ...base, bands }])).toThrow(/bands: .*(increase|last)/);
  });

  it('has no rule set before the first decision', () => {
    expect(() => defaultRiskRuleBook().inForceOn('2021-01-01')).toThrow(/no risk level rule set in force/);
  });
});
