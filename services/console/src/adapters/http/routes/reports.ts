/** The daily report of an area, with its parts, charts, risk levels and turnaround; its case line list. */
import { callerOf, parseInput } from '../../../app/users';
import { reportQuerySchema } from '../../../app/forms';
import type { Caller } from '@truyvet/grpc';
import type { ReportArea } from '../../reports';
import type { Call, Route, Services } from './route';

/**
 * Who asks, for which area and day: by default the user's own area; reporting refuses any other it
 * does not let them read.
 */
async function reportAsked(call: Call): Promise<{ caller: Caller; area: ReportArea; date?: string }> {
  const session = await call.signedIn(false);
  const asked = parseInput(reportQuerySchema, Object.fromEntries(call.query), 'report');
  const own = session.jurisdiction;
  const level = asked.level ?? own.level;
  const code = asked.code ?? (asked.level === undefined || asked.level === own.level ? own.code : undefined);
  const area: ReportArea = level === 'city' ? { level } : { level, ...(code ? { code } : {}) };
  return { caller: callerOf(session), area, ...(asked.date ? { date: asked.date } : {}) };
}

export function reportRoutes({ reports }: Services): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/report',
      handle: async (call) => {
        const { caller, area, date } = await reportAsked(call);
        return { status: 200, body: await reports.report(caller, area, date) };
      },
    },
    {
      method: 'GET',
      path: '/api/report/line-list',
      handle: async (call) => {
        const { caller, area, date } = await reportAsked(call);
        return { status: 200, file: await reports.lineList(caller, area, date) };
      },
    },
  ];
}
