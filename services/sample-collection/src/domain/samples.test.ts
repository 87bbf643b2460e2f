import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@truyvet/errors';
import { defaultRuleBook } from '@truyvet/rules';
import { decideCollection, sampleIdFor, type CollectSample } from './samples';

const rules = defaultRuleBook().inForceOn('2021-11-07');
const now = new Date('2021-11-07T10:00:00+07:00');
const people = Array.from({ length: 25 }, (_, i) => `p-${i}`);
const known = new Set(people);

function command(overrides: Partial<CollectSample> = {}): CollectSample {
  return {
    barcode: 'ct916-000123',
    personIds: people.slice(0, 5),
    pooled: true,
    collectedAt: '2021-11-07T08:30:00+07:00',
    site: { districtCode: '916', wardCode: '31117', name: 'Chợ Cái Khế' },
    reason: 'f0_contact',
    specimenType: 'oropharyngeal',
    collectedBy: 'ttyt-ninh-kieu',
    ...overrides,
  };
}

function violations(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.fields.map((f) => `${f.field}: ${f.description}`);
  }
  return [];
}

describe('collecting a sample', () => {
  it('takes a pooled tube of 5 and keys it by its barcode in capitals', () => {
    const state = decideCollection(command(), rules, known, now);
    expect(state.sample).toMatchObject({
      sampleId: 'S-CT916-000123'.replace('S-', 's-'),
      barcode: 'CT916-000123',
      pooled: true,
    });
    expect(state.status).toBe('collected');
    expect(sampleIdFor('ab-12')).toBe('s-AB-12');
  });

  it('limits pools by the rule set in force: 10, or 20 in mass testing', () => {
    expect(
      violations(() => decideCollection(command({ personIds: people.slice(0, 11) }), rules, known, now)),
    ).toEqual([
      'personIds: a pool holds at most 10 swabs under rule set can-tho-2021-provisional (11 given)',
    ]);
    expect(() =>
      decideCollection(
        command({ personIds: people.slice(0, 20), reason: 'mass_testing' }),
        rules,
        known,
        now,
      ),
    ).not.toThrow();
    expect(
      violations(() =>
        decideCollection(
          command({ personIds: people.slice(0, 21), reason: 'mass_testing' }),
          rules,
          known,
          now,
        ),
      ),
    ).toHaveLength(1);
  });

  it('names every problem at once', () => {
    expect(
      violations(() =>
        decideCollection(
          command({
            barcode: 'x',
            personIds: ['p-1', 'p-1', 'nobody'],
            collectedAt: '2021-11-08T10:00:00+07:00',
          }),
          rules,
          known,
          now,
        ),
      ),
    ).toEqual([
      'barcode: letters, digits and dashes, 4 to 64 characters',
      'personIds.1: p-1 is listed twice',
      'personIds.2: no person nobody in the registry',
      'collectedAt: is in the future',
    ]);
  });

  it('an individual sample is one person; a pool at least two', () => {
    expect(
      violations(() =>
        decideCollection(command({ pooled: false, personIds: ['p-1', 'p-2'] }), rules, known, now),
      ),
    ).toEqual(['personIds: an individual sample lists exactly one person']);
    expect(violations(() => decideCollection(command({ personIds: ['p-1'] }), rules, known, now))).toEqual([
      'personIds: a pooled sample lists 2 or more people',
    ]);
  });
});
