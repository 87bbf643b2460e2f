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
    GetCase: { roles: TRACERS, area: CASE },
    ListCases: { roles: TRACERS, area: ASKED },
    UpdateCase: { roles: TRACERS, area: CASE },
    RecordRecovery: { roles: SUPERVISORS, area: CASE },
    RecordDeath: { roles: SUPERVISORS, area: CASE },
    GetPerson: { roles: TRACERS, area: PERSON },
    GetChain: { roles: TRACERS, area: `${PERSON}; links elsewhere withheld` },
    GetCluster: {
      roles: SUPERVISORS,
      area: 'a district holding one of its cases; members elsewhere withheld',
    },
    GetContacts: { roles: TRACERS, area: `${PERSON}; contacts named elsewhere withheld` },
    GetVenueGraph: { roles: SUPERVISORS, area: 'visitors living elsewhere withheld' },
  }),
  ...accessOf('truyvet.cases.v1.Contacts', {
    RecordContacts: { roles: TRACERS, area: `the source ${PERSON}` },
    ImportContacts: { roles: TRACERS, area: `each row's source ${PERSON}` },
    ImportVenueCheckIns: { roles: SUPERVISORS, area: "each row's person (or a person not traced yet)" },
    ImportProximityLogs: { roles: SUPERVISORS, area: "each row's personA (or a person not traced yet)" },
    RegisterArrival: { roles: TRACERS, area: PERSON },
  }),
  ...accessOf('truyvet.cases.v1.Isolation', {
    RegisterFacility: { roles: SUPERVISORS, area: "the facility's district (the city: open to all)" },
    SetFacilityCapacity: { roles: SUPERVISORS, area: "the facility's district" },
    ListFacilities: { roles: TRACERS, area: ASKED },
    ListInIsolation: { roles: TRACERS, area: ASKED },
    ListWaiting: { roles: SUPERVISORS, area: 'the caller’s own' },
    ReleaseDue: { roles: CITY, area: 'the city' },
  }),
  ...accessOf('truyvet.cases.v1.Tracing', {
    ListTasks: { roles: TRACERS, area: ASKED },
    ClaimTask: { roles: TRACERS, area: "the task's ward" },
    CompleteTask: { roles: TRACERS, area: "the task's ward (and the ward moved to)" },
    ReportTip: { roles: TRACERS, area: "the tip's ward" },
  }),
  ...accessOf('truyvet.cases.v1.Rules', {
    AddRuleSet: { roles: CITY, area: 'the city' },
    ListRuleSets: { roles: TRACERS, area: 'none: rules are not personal data' },
  }),
};
