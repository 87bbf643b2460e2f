import { describe, expect, it } from '@jest/globals';
import { defaultTracingRuleBook, defaultTracingRuleSets, TracingRuleBook } from './index';

describe('tracing rule book', () => {
  const book = defaultTracingRuleBook();

  it('ships the 2020-2021 periods as data, each with the decision that set it', () => {
    expect(book.all().map((s) => [s.effectiveFrom, s.quarantine.days])).toEqual([
      ['2020-03-12', 14],
      ['2021-05-15', 21],
      ['2021-08-01', 14],
      ['2021-10-15', 14],
    ]);
    expect(book.inForceOn('2021-11-07').quarantineFullyVaccinated?.days).toBe(7);
    expect(book.inForceOn('2020-06-01').quarantine.homeMonitoringDays).toBe(14);
    for (const set of book.all()) expect(set.decision.length).toBeGreaterThan(20);
  });

  it('takes a rule set for a new date without code changes', () => {
    const later = book.with({
      ...defaultTracingRuleSets[3],
      id: 'vn-2022-home',
      effectiveFrom: '2022-03-01',
    });
    expect(later.inForceOn('2022-03-15').id).toBe('vn-2022-home');
    expect(later.inForceOn('2022-02-28').id).toBe('vn-2021-vaccinated-7d');
  });

  it('refuses a rule set that overlaps another or fails its schema, saying why', () => {
    expect(() =>
      book.with({ ...defaultTracingRuleSets[3], id: 'clash', effectiveFrom: '2021-08-01' }),
    ).toThrow(/vn-2021-14d and clash are both effective from 2021-08-01: they overlap/);
    expect(() =>
      book.with({ ...defaultTracingRuleSets[3], id: 'vn-2021-14d', effectiveFrom: '2023-01-01' }),
    ).toThrow(/id vn-2021-14d is used twice/);
    expect(
      () =>
        new TracingRuleBook([
          {
            ...defaultTracingRuleSets[0],
            quarantine: { kind: 'centralized_quarantine', days: 7, testDays: [1, 14], homeMonitoringDays: 0 },
          },
        ]),
    ).toThrow(/quarantine.testDays: the last test is due on or before the last day of quarantine/);
  });
});
