/** Who may call each of lab-results' methods, and what their area is checked against. */
import { accessOf, type AccessTable, type Role } from '@truyvet/grpc';

const LAB: Role[] = ['lab', 'admin'];
const READERS: Role[] = ['lab', 'district_center', 'city', 'admin'];

export const LAB_ACCESS: AccessTable = {
  ...accessOf('truyvet.lab.v1.Accessioning', {
    AccessionShipment: { roles: LAB, area: 'the city (a lab token names no lab yet)' },
    GetAccession: { roles: READERS, area: "the shipment's district" },
  }),
  ...accessOf('truyvet.lab.v1.Results', {
    RecordResult: { roles: LAB, area: 'the city (a lab token names no lab yet)' },
    RecordResults: { roles: LAB, area: 'the city (a lab token names no lab yet)' },
    AmendResult: { roles: LAB, area: 'the city (a lab token names no lab yet)' },
    GetTurnaround: { roles: READERS, area: 'the district asked for' },
    GetSampleResults: { roles: [...READERS, 'ward_team'], area: "the tube's collection site" },
  }),
};
