import type { AdminUnits } from '@truyvet/geo';
import type { Jurisdiction } from '@truyvet/grpc';

/** Whether a jurisdiction names a real unit of the province (the city, one of its districts or wards). */
export function areaExists(units: AdminUnits): (jurisdiction: Jurisdiction) => boolean {
  return ({ level, code }) => {
    if (level === 'city') return units.province.code === code;
    if (level === 'district') return units.district(code) !== undefined;
    return units.ward(code) !== undefined;
  };
}
