/**
 * Quarantine and treatment facilities with a number of beds. A bed is never given beyond capacity:
 * each admission is a new version of the facility, so two admissions racing for its last bed
 * cannot both be saved. When the nearest facility is full the next one is tried; when all are, the
 * order waits on a visible list. Pure.
 */
import { DomainError } from '@truyvet/errors';
import type { IsolationKind, TreatmentTier } from './types';

export const BED_KINDS = ['centralized_quarantine', 'tier1', 'tier2', 'tier3'] as const;
export type BedKind = (typeof BED_KINDS)[number];

export interface Occupant {
  orderId: string;
  personId: string;
  since: string;
}

export interface FacilityState {
  facilityId: string;
  name: string;
  districtCode: string;
  wardCode?: string;
  accepts: BedKind[];
  capacity: number;
  occupants: Occupant[];
  registeredBy: string;
  /**
   * A district's facility serves the people of its district; one the city registers may serve
   * every district's (its field hospitals, its own quarantine sites). Absent: its district only.
   */
  servesWholeCity?: boolean;
}

/** The kind of bed an order needs, if it needs one. */
export function bedKindOf(order: {
  kind: IsolationKind;
  tier?: TreatmentTier | undefined;
}): BedKind | undefined {
  if (order.kind === 'centralized_quarantine') return 'centralized_quarantine';
  if (order.kind === 'treatment' && order.tier && order.tier !== 'home') return order.tier;
  return undefined;
}

export function freeBeds(facility: FacilityState): number {
  return facility.capacity - facility.occupants.length;
}

/**
 * Where to place someone: a facility of the right kind with a free bed that serves them (their
 * district's own, or one serving the whole city), their own district's first, then the one with
 * most free beds (the city's facilities carry no coordinates yet). Someone of no known district
 * may go to any.
 */
export function chooseFacility(
  facilities: readonly FacilityState[],
  need: BedKind,
  districtCode: string | undefined,
): FacilityState | undefined {
  return facilities
    .filter((f) => f.accepts.includes(need) && freeBeds(f) > 0 && serves(f, districtCode))
    .sort(
      (a, b) =>
        Number(b.districtCode === districtCode) - Number(a.districtCode === districtCode) ||
        freeBeds(b) - freeBeds(a) ||
        a.name.localeCompare(b.name),
    )[0];
}

export function serves(facility: FacilityState, districtCode: string | undefined): boolean {
  return (
    districtCode === undefined || facility.servesWholeCity === true || facility.districtCode === districtCode
  );
}

export function holding(facilities: readonly FacilityState[], orderId: string): FacilityState | undefined {
  return facilities.find((f) => f.occupants.some((o) => o.orderId === orderId));
}

/**
 * An order held by more than one facility (two placements raced, each having read the beds before
 * the other's admission): the bed it keeps, the earliest admission (then the facility id), so that
 * whoever looks picks the same; and the facilities to give the others up.
 */
export function bedKept<F extends { state: FacilityState }>(
  facilities: readonly F[],
  orderId: string,
): { kept: F; extra: F[] } | undefined {
  const since = (f: F) => f.state.occupants.find((o) => o.orderId === orderId)?.since ?? '';
  const [kept, ...extra] = facilities
    .filter((f) => since(f) !== '')
    .sort((a, b) => since(a).localeCompare(since(b)) || a.state.facilityId.localeCompare(b.state.facilityId));
  return kept && extra.length > 0 ? { kept, extra } : undefined;
}

export function admit(facility: FacilityState, occupant: Occupant): FacilityState | 'unchanged' | 'full' {
  if (facility.occupants.some((o) => o.orderId === occupant.orderId)) return 'unchanged';
  if (freeBeds(facility) <= 0) return 'full';
  return { ...facility, occupants: [...facility.occupants, occupant] };
}

export function discharge(facility: FacilityState, orderId: string): FacilityState | 'unchanged' {
  if (!facility.occupants.some((o) => o.orderId === orderId)) return 'unchanged';
  return { ...facility, occupants: facility.occupants.filter((o) => o.orderId !== orderId) };
}

/** A new capacity: never below the beds in use. */
export function resize(facility: FacilityState, capacity: number): FacilityState | 'unchanged' {
  if (capacity === facility.capacity) return 'unchanged';
  if (capacity < facility.occupants.length)
    throw new DomainError(
      'CAPACITY_BELOW_OCCUPANCY',
      'conflict',
      `${facility.name} has ${facility.occupants.length} people in it: capacity cannot go below that`,
      {
        fields: [{ field: 'capacity', description: `is below the ${facility.occupants.length} beds in use` }],
      },
    );
  return { ...facility, capacity };
}
