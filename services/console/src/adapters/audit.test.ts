import { describe, expect, it } from '@jest/globals';
import { mergedTrail, type AuditEntry } from './audit';

const entry = (service: string, at: string): AuditEntry => ({
  service,
  at,
  method: '/truyvet.cases.v1.Cases/GetCase',
  caller: 'tyt',
  role: 'ward_team',
  areaLevel: 'ward',
  areaCode: '31117',
  correlationId: `${service}-${at}`,
  peopleInAnswer: 1,
  kind: 'read',
  client: 'console',
  reason: '',
  outcome: 'OK',
});

describe("a person's trail from the four services", () => {
  it('is one list, newest first, complete when no service gave its most', () => {
    const trail = mergedTrail(
      [[entry('a', '2021-09-03'), entry('a', '2021-09-01')], [entry('b', '2021-09-02')]],
      3,
    );
    expect(trail.entries.map((e) => e.at)).toEqual(['2021-09-03', '2021-09-02', '2021-09-01']);
    expect(trail.cutAt).toBeUndefined();
  });

  it('is cut where a service that gave its most stops, and says so', () => {
    // Service a gave its 2 newest (there may be older ones); b's older entry would look alone.
    const trail = mergedTrail(
      [
        [entry('a', '2021-09-05'), entry('a', '2021-09-04')],
        [entry('b', '2021-09-03'), entry('b', '2021-09-04')],
      ],
      2,
    );
    expect(trail.cutAt).toBe('2021-09-04');
    expect(trail.entries.map((e) => `${e.service} ${e.at}`)).toEqual([
      'a 2021-09-05',
      'a 2021-09-04',
      'b 2021-09-04',
    ]);
  });
});
