/** Who may call each of sample-collection's methods, and what their area is checked against. */
import { accessOf, type AccessTable, type Role } from '@truyvet/grpc';

const TEAMS: Role[] = ['district_center', 'ward_team', 'city', 'admin'];
const DISTRICTS: Role[] = ['district_center', 'city', 'admin'];
const PERSON = "the person's ward or district";

export const SAMPLE_COLLECTION_ACCESS: AccessTable = {
  ...accessOf('truyvet.samples.v1.PersonRegistry', {
    RegisterPerson: {
      roles: TEAMS,
      area: 'subject',
      note: "the address's ward; one found elsewhere is not named",
    },
    ImportPersons: { roles: TEAMS, area: 'rows', note: "each row's address" },
    GetPerson: { roles: [...TEAMS, 'lab'], area: 'subject', note: PERSON },
    CorrectPerson: { roles: TEAMS, area: 'subject', note: `${PERSON}, and the area moved to` },
    MergePersons: { roles: DISTRICTS, area: 'subject', note: "both persons' areas" },
    FindPersons: { roles: TEAMS, area: 'own', note: 'only the caller’s own people are answered' },
  }),
  ...accessOf('truyvet.samples.v1.SampleCollection', {
    CollectSample: { roles: TEAMS, area: 'subject', note: "the site's area and every swabbed person's" },
    CollectSamples: { roles: TEAMS, area: 'rows', note: "each tube's site and persons" },
    GetSample: { roles: [...TEAMS, 'lab'], area: 'subject', note: "the tube's site" },
  }),
  ...accessOf('truyvet.samples.v1.Shipments', {
    DispatchShipment: { roles: DISTRICTS, area: 'subject', note: 'the district dispatching' },
    GetShipment: { roles: [...DISTRICTS, 'lab'], area: 'subject', note: "the shipment's district" },
    ListShipments: { roles: [...DISTRICTS, 'lab'], area: 'asked', note: 'the district asked for' },
  }),
  ...accessOf('truyvet.samples.v1.Worklists', {
    ListWorklist: { roles: TEAMS, area: 'asked', note: 'the district or ward asked for' },
  }),
};
