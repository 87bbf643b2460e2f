/** Who may call each of case-graph's methods, and what their area is checked against. */
import { accessOf, type AccessTable, type Role } from '@truyvet/grpc';

/** The teams that trace: a ward's, a district's, the city's. */
const TRACERS: Role[] = ['ward_team', 'district_center', 'city', 'admin'];
/** Who runs facilities, deaths and recoveries, and imports logs: a district or the city. */
const SUPERVISORS: Role[] = ['district_center', 'city', 'admin'];
const CITY: Role[] = ['city', 'admin'];

const PERSON = "the person's ward or district";
const CASE = "the case's person's ward or district";
const ASKED = 'the area asked for (default: the caller’s own)';

export const CASE_GRAPH_ACCESS: AccessTable = {
  ...accessOf('truyvet.cases.v1.Cases', {
    GetCase: { roles: TRACERS, area: 'subject', note: CASE },
    ListCases: { roles: TRACERS, area: 'asked', note: ASKED },
    UpdateCase: { roles: TRACERS, area: 'subject', note: CASE },
    RecordRecovery: { roles: SUPERVISORS, area: 'subject', note: CASE },
    RecordDeath: { roles: SUPERVISORS, area: 'subject', note: CASE },
    GetPerson: { roles: TRACERS, area: 'subject', note: PERSON },
    GetChain: { roles: TRACERS, area: 'subject', note: `${PERSON}; links elsewhere withheld` },
    GetCluster: {
      roles: SUPERVISORS,
      area: 'withheld',
      note: 'a district holding one of its cases; members elsewhere withheld',
    },
    GetContacts: { roles: TRACERS, area: 'subject', note: `${PERSON}; contacts named elsewhere withheld` },
    GetVenueGraph: { roles: SUPERVISORS, area: 'withheld', note: 'visitors living elsewhere withheld' },
  }),
  ...accessOf('truyvet.cases.v1.Contacts', {
    RecordContacts: { roles: TRACERS, area: 'subject', note: `the source ${PERSON}` },
    ImportContacts: { roles: TRACERS, area: 'rows', note: `each row's source ${PERSON}` },
    ImportVenueCheckIns: {
      roles: SUPERVISORS,
      area: 'rows',
      note: "each row's person, in the registry, of the caller's area",
    },
    ImportProximityLogs: {
      roles: SUPERVISORS,
      area: 'rows',
      note: "each row's personA (both in the registry), of the caller's area",
    },
    RegisterArrival: { roles: TRACERS, area: 'subject', note: PERSON },
  }),
  ...accessOf('truyvet.cases.v1.Isolation', {
    RegisterFacility: {
      roles: SUPERVISORS,
      area: 'subject',
      note: "the facility's district (the city: open to all)",
    },
    SetFacilityCapacity: { roles: SUPERVISORS, area: 'subject', note: "the facility's district" },
    ListFacilities: {
      roles: TRACERS,
      area: 'none',
      note: 'beds by facility, no people: any district’s (the city places people across districts)',
    },
    ListInIsolation: { roles: TRACERS, area: 'asked', note: ASKED },
    ListWaiting: { roles: SUPERVISORS, area: 'own', note: 'the caller’s own' },
    ReleaseDue: { roles: CITY, area: 'city', note: 'the city' },
  }),
  ...accessOf('truyvet.cases.v1.Tracing', {
    ListTasks: { roles: TRACERS, area: 'asked', note: ASKED },
    ClaimTask: { roles: TRACERS, area: 'subject', note: "the task's ward" },
    CompleteTask: { roles: TRACERS, area: 'subject', note: "the task's ward (and the ward moved to)" },
    ReportTip: { roles: TRACERS, area: 'subject', note: "the tip's ward" },
  }),
  ...accessOf('truyvet.cases.v1.Rules', {
    AddRuleSet: { roles: CITY, area: 'city', note: 'the city' },
    ListRuleSets: { roles: TRACERS, area: 'none', note: 'none: rules are not personal data' },
  }),
};
