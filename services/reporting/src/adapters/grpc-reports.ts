import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import { requireArea, requireRole, unary, type CallContext } from '@truyvet/grpc';
import type { DailyReport as DailyReportMessage } from '@truyvet/grpc/reports';
import type { AreaRequest, ReportDesk } from '../app/reports';
import type { DailyReport } from '../domain/report';

// proto3 sends '' for a field not set.
const blankAsAbsent = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === '' ? undefined : s.trim();

const area = z
  .object({
    level: z.string().optional(),
    code: z.string().optional(),
  })
  .nullish()
  .transform((a) => {
    const code = blankAsAbsent(a?.code);
    return { level: blankAsAbsent(a?.level) ?? 'city', ...(code === undefined ? {} : { code }) };
  })
  .pipe(
    z.object({
      level: z.enum(['city', 'district', 'ward'], { message: 'must be city, district or ward' }),
      code: z
        .string()
        .regex(/^\d{2,5}$/, 'a GSO code: 2 digits for the city, 3 for a district, 5 for a ward')
        .optional(),
    }),
  )
  .superRefine((a, ctx) => {
    if (a.level !== 'city' && a.code === undefined)
      ctx.addIssue({ code: 'custom', path: ['code'], message: `is required for a ${a.level}` });
  });

const date = z.string().optional().transform(blankAsAbsent).pipe(z.iso.date('a date, YYYY-MM-DD').optional());

const reportRequest = z.object({ area, date });

const exportRequest = z.object({
  report: z
    .string()
    .trim()
    .pipe(
      z.enum(['daily', 'risk', 'turnaround', 'line_list'], {
        message: 'daily, risk, turnaround or line_list',
      }),
    ),
  format: z
    .string()
    .optional()
    .transform((f) => blankAsAbsent(f) ?? 'csv')
    .pipe(z.enum(['csv', 'json'], { message: 'csv or json' })),
  area,
  date,
});

/** Who may read which figures: the city and admins all; a district its own; a ward team its ward. */
function mayRead(ctx: CallContext, desk: ReportDesk, request: AreaRequest): void {
  requireRole(ctx, 'city', 'admin', 'district_center', 'ward_team', 'service');
  const place = desk.area(request);
  if (place.level === 'city') requireArea(ctx, {});
  else if (place.level === 'district') requireArea(ctx, { districtCode: place.code });
  else
    requireArea(ctx, {
      wardCode: place.code,
      ...(place.districtCode ? { districtCode: place.districtCode } : {}),
    });
}

const toMessage = (report: DailyReport): DailyReportMessage => report;

export function reportHandlers(desk: ReportDesk) {
  const dayOf = (d: string | undefined): string => {
    const today = desk.today();
    // A day that has not begun has no figures; answered as today's, it would look like a forecast.
    if (d !== undefined && d > today)
      throw new DomainError('DATE_IN_FUTURE', 'invalid', `date: ${d} is after today (${today})`, {
        fields: [
          { field: 'date', description: `is after today (${today}): a report is of a day that has begun` },
        ],
      });
    return d ?? today;
  };
  return {
    reports: {
      GetDailyReport: unary(reportRequest, async (request, ctx) => {
        mayRead(ctx, desk, request.area);
        return toMessage(await desk.dailyReport(request.area, dayOf(request.date)));
      }),
      ListDailyReports: unary(reportRequest, async (request, ctx) => {
        mayRead(ctx, desk, request.area);
        return { reports: (await desk.dailyReports(request.area, dayOf(request.date))).map(toMessage) };
      }),
      GetRiskLevels: unary(reportRequest, async (request, ctx) => {
        mayRead(ctx, desk, request.area);
        return desk.riskTable(request.area, dayOf(request.date));
      }),
      GetTurnaround: unary(reportRequest, async (request, ctx) => {
        mayRead(ctx, desk, request.area);
        return { districts: await desk.turnaround(request.area, dayOf(request.date)) };
      }),
      ExportReport: unary(exportRequest, async (request, ctx) => {
        mayRead(ctx, desk, request.area);
        return desk.export(request.report, request.format, request.area, dayOf(request.date));
      }),
    },
  };
}
