import { describe, expect, it } from '@jest/globals';
import { RuleBook, defaultRuleBook } from './index';

const base = {
  decision: 'test',
  sampling: { maxPoolSize: 10, maxPoolSizeMassTesting: 20 },
  shipments: { overdueAfterHours: 24 },
  lab: {
    sampleMaxAgeHours: 72,
    resultOverdueAfterHours: 24,
    retestDueHours: 24,
    kits: [
      { id: 'k', name: 'kit', targets: ['N'], detectedBelow: 37, borderlineBelow: 40, minDetectedTargets: 1 },
    ],
  },
};

describe('rule book', () => {
  const book = new RuleBook([
    {
      ...base,
      id: 'delta',
      effectiveFrom: '2021-07-15',
      sampling: { maxPoolSize: 5, maxPoolSizeMassTesting: 10 },
    },
    { ...base, id: 'start', effectiveFrom: '2021-01-01' },
  ]);

  it('picks the rule set in force on the date of the fact', () => {
    expect(book.inForceOn('2021-05-01').id).toBe('start');
    expect(book.inForceOn('2021-07-15').id).toBe('delta');
    expect(book.inForceOn(new Date('2021-11-07T08:00:00+07:00')).sampling.maxPoolSize).toBe(5);
  });

  it('says so when no rule set was in force yet', () => {
    expect(() => book.inForceOn('2020-12-31')).toThrow(/no sampling and lab rule set in force on 2020-12-31/);
    // A day before every rule is the caller's to fix (INVALID_ARGUMENT at an edge), not a fault.
    expect(() => book.inForceOn('2020-12-31')).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'NO_RULE_SET_IN_FORCE' }),
    );
  });

  it('refuses a rule set that does not fit the schema', () => {
    expect(
      () =>
        new RuleBook([
          {
            ...base,
            id: 'bad',
            effectiveFrom: '2021-01-01',
            sampling: { maxPoolSize: 1, maxPoolSizeMassTesting: 20 },
          },
        ]),
    ).toThrow();
  });

  it('ships provisional defaults that say they are provisional', () => {
    expect(defaultRuleBook().inForceOn('2021-11-07').decision).toMatch(/^provisional/);
  });
});
