/** Who may call each of lab-results' methods, and what their area is checked against. */
import { accessOf, type AccessTable, type Role } from '@truyvet/grpc';

const LAB: Role[] = ['lab', 'admin'];
const READERS: Role[] = ['lab', 'district_center', 'city', 'admin'];

export const LAB_ACCESS: AccessTable = {
  ...accessOf('truyvet.lab.v1.Accessioning', {
    AccessionShipment: {
      roles: LAB,
      area: 'lab',
      note: 'the lab the box or tube was sent to (the city’s lab for a token naming none)',
    },
    GetAccession: { roles: READERS, area: 'subject', note: "the shipment's district" },
  }),
  ...accessOf('truyvet.lab.v1.Results', {
    RecordResult: {
      roles: LAB,
      area: 'lab',
      note: 'the lab the box or tube was sent to (the city’s lab for a token naming none)',
    },
    RecordResults: {
      roles: LAB,
      area: 'lab',
      note: 'the lab the box or tube was sent to (the city’s lab for a token naming none)',
    },
    AmendResult: {
      roles: LAB,
      area: 'lab',
      note: 'the lab the box or tube was sent to (the city’s lab for a token naming none)',
    },
    GetTurnaround: { roles: READERS, area: 'asked', note: 'the district asked for' },
    GetSampleResults: {
      roles: [...READERS, 'ward_team'],
      area: 'subject',
      note: "the tube's collection site",
    },
  }),
};
