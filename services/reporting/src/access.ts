/** Who may call each of reporting's methods, and what their area is checked against. */
import { accessOf, type AccessTable, type Role } from '@truyvet/grpc';

/**
 * Figures, for the areas' own teams, the city, and automation (the national upload). The one
 * export that names people, the case line list, answers their ids too: the read audit records them.
 */
const READERS: Role[] = ['city', 'admin', 'district_center', 'ward_team', 'service'];
const AREA = 'the area asked for (default: the caller’s own)';

export const REPORTING_ACCESS: AccessTable = accessOf('truyvet.reports.v1.Reports', {
  GetDailyReport: { roles: READERS, area: 'asked', note: AREA },
  ListDailyReports: { roles: READERS, area: 'asked', note: AREA },
  GetRiskLevels: { roles: READERS, area: 'asked', note: AREA },
  GetTurnaround: { roles: READERS, area: 'asked', note: AREA },
  ExportReport: { roles: READERS, area: 'asked', note: AREA },
});
