/** The daily report of an area, with its parts, charts, risk levels and turnaround. */
import { callerOf, parseInput } from '../../../app/users';
import { reportQuerySchema, type ReportQuery } from '../../../app/forms';
import type { ReportArea } from '../../reports';
import type { Route, Services } from './route';

/** The area asked for: by default the user's own; reporting refuses any other it does not let them read. */
function areaAsked(own: { level: ReportArea['level']; code: string }, asked: ReportQuery): ReportArea {
  const level = asked.level ?? own.level;
  const code = asked.code ?? (asked.level === undefined || asked.level === own.level ? own.code : undefined);
  return level === 'city' ? { level } : { level, ...(code ? { code } : {}) };
}

export function reportRoutes({ reports }: Services): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/report',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const asked = parseInput(reportQuerySchema, Object.fromEntries(call.query), 'report');
        const area = areaAsked(session.jurisdiction, asked);
        return { status: 200, body: await reports.report(callerOf(session), area, asked.date) };
      },
    },
    {
      method: 'GET',
      path: '/api/report/line-list',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const asked = parseInput(reportQuerySchema, Object.fromEntries(call.query), 'report');
        const area = areaAsked(session.jurisdiction, asked);
        const file = await reports.lineList(callerOf(session), area, asked.date);
        return { status: 200, file };
      },
    },
  ];
}
