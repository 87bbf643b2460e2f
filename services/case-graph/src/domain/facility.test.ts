import { describe, expect, it } from '@jest/globals';
import { admit, bedKindOf, chooseFacility, discharge, resize, type FacilityState } from './facility';

function facility(id: string, districtCode: string, capacity: number, occupied = 0): FacilityState {
  return {
    facilityId: id,
    name: `KCL ${id}`,
    districtCode,
    accepts: ['centralized_quarantine'],
    capacity,
    occupants: Array.from({ length: occupied }, (_, i) => ({
      orderId: `${id}-o${i}`,
      personId: `p${i}`,
      since: '',
    })),
    registeredBy: 'ttyt',
  };
}

describe('facilities', () => {
  it('give a bed only to orders that need one', () => {
    expect(bedKindOf({ kind: 'centralized_quarantine' })).toBe('centralized_quarantine');
    expect(bedKindOf({ kind: 'treatment', tier: 'tier2' })).toBe('tier2');
    expect(bedKindOf({ kind: 'treatment', tier: 'home' })).toBeUndefined();
    expect(bedKindOf({ kind: 'home_quarantine' })).toBeUndefined();
  });

  it("are chosen in the person's own district first, then the city's by free beds; a full one never", () => {
    const own = facility('own', '918', 2, 1);
    const city = { ...facility('city', '916', 100, 10), servesWholeCity: true };
    const neighbour = facility('neighbour', '916', 100, 10);
    const full = facility('full', '918', 1, 1);
    expect(chooseFacility([city, own, full], 'centralized_quarantine', '918')?.facilityId).toBe('own');
    expect(chooseFacility([neighbour, city, full], 'centralized_quarantine', '918')?.facilityId).toBe('city');
    expect(chooseFacility([full], 'centralized_quarantine', '918')).toBeUndefined();
    expect(chooseFacility([city], 'tier3', '918')).toBeUndefined();
  });

  it("never give a district's beds to another district's people", () => {
    const neighbour = facility('neighbour', '916', 100, 10);
    expect(chooseFacility([neighbour], 'centralized_quarantine', '918')).toBeUndefined();
    expect(chooseFacility([neighbour], 'centralized_quarantine', '916')?.facilityId).toBe('neighbour');
    // Nobody knows where they live: any facility with a free bed rather than none.
    expect(chooseFacility([neighbour], 'centralized_quarantine', undefined)?.facilityId).toBe('neighbour');
  });

  it('never admit beyond capacity, and admit an order once', () => {
    const f = facility('a', '918', 1);
    const one = admit(f, { orderId: 'o1', personId: 'p1', since: '' });
    if (typeof one === 'string') throw new Error('expected an admission');
    expect(admit(one, { orderId: 'o1', personId: 'p1', since: '' })).toBe('unchanged');
    expect(admit(one, { orderId: 'o2', personId: 'p2', since: '' })).toBe('full');
    const freed = discharge(one, 'o1');
    if (freed === 'unchanged') throw new Error('expected a discharge');
    expect(freed.occupants).toEqual([]);
    expect(discharge(freed, 'o1')).toBe('unchanged');
  });

  it('never shrink below the beds in use', () => {
    expect(() => resize(facility('a', '918', 5, 3), 2)).toThrow(/cannot go below/);
    expect(resize(facility('a', '918', 5, 3), 3)).toMatchObject({ capacity: 3 });
  });
});
