/** The daily report of an area, with its parts, charts, risk levels and turnaround. */
import { callerOf, parseInput } from '../../../app/users';
import { reportQuerySchema } from '../../../app/forms';
import type { ReportArea } from '../../reports';
import type { Route, Services } from './route';

export function reportRoutes({ reports }: Services): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/report',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const asked = parseInput(reportQuerySchema, Object.fromEntries(call.query), 'report');
        // By default the user's own area; reporting refuses any other it does not let them read.
        const own = session.jurisdiction;
        const level = asked.level ?? own.level;
        const code =
          asked.code ?? (asked.level === undefined || asked.level === own.level ? own.code : undefined);
        const area: ReportArea = level === 'city' ? { level } : { level, ...(code ? { code } : {}) };
        return { status: 200, body: await reports.report(callerOf(session), area, asked.date) };
      },
    },
  ];
}
