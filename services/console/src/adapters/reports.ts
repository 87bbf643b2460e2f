/**
 * reporting's gRPC API on a signed-in user's behalf (a token per user, as in ./cases): the daily
 * report of an area with its parts, the days before it (for the charts), the wards' risk levels
 * and the districts' turnaround. reporting decides who may read which area.
 */
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { createClient, loadGrpcObject, unaryCall, type Caller, type SigningKey } from '@truyvet/grpc';
import type {
  DailyReport__Output,
  DistrictTurnaround__Output,
  ReportsProto,
  RiskLevels__Output,
} from '@truyvet/grpc/reports';
import { asUser } from './cases';

const reports = loadGrpcObject<ReportsProto>('truyvet/reports/v1/reports.proto').truyvet.reports.v1;

/** Days the charts show, the chosen one last. */
export const CHART_DAYS = 14;

export interface ReportArea {
  level: 'city' | 'district' | 'ward';
  code?: string;
}

/** One day of the charts. */
export interface DayFigures {
  date: string;
  newInCommunity: number;
  newInQuarantine: number;
  /** F1 in centralized or home quarantine at the end of the day. */
  f1InQuarantine: number;
  samplesTested: number;
  samplesPositive: number;
}

export interface ReportView {
  report: DailyReport__Output;
  /** The area's parts (a city's districts, a district's wards), each its own report. */
  parts: DailyReport__Output[];
  days: DayFigures[];
  risk: RiskLevels__Output;
  turnaround: DistrictTurnaround__Output[];
}

/** The day `n` days before a YYYY-MM-DD date. */
export function daysBefore(date: string, n: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - n);
  return day.toISOString().slice(0, 10);
}

/** A file reporting made (the case line list). */
export interface ReportFile {
  name: string;
  contentType: string;
  content: string;
}

export interface ReportApi {
  report(caller: Caller, area: ReportArea, date?: string): Promise<ReportView>;
  /** The area's case line list as CSV (docs/line-list.md); reporting audits the people it names. */
  lineList(caller: Caller, area: ReportArea, date?: string): Promise<ReportFile>;
  close(): void;
}

export class GrpcReportApi implements ReportApi {
  private readonly reports;

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
    /** How the service is reached: TLS in a real deployment (GRPC_TLS), plaintext on one machine. */
    link: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.reports = createClient(reports.Reports, address, { credentials: link });
  }

  async lineList(caller: Caller, area: ReportArea, date?: string): Promise<ReportFile> {
    const file = await unaryCall(
      this.reports,
      'ExportReport',
      { report: 'line_list', format: 'csv', area, date: date ?? '' },
      await asUser(this.signingKey, caller),
    );
    return { name: file.fileName, contentType: file.contentType, content: file.content };
  }

  async report(caller: Caller, area: ReportArea, date?: string): Promise<ReportView> {
    const as = await asUser(this.signingKey, caller);
    const ask = (day: string) => ({ area, date: day });
    // Without a date, reporting's today (in Vietnam's time) decides which days the charts show.
    const report = await unaryCall(this.reports, 'GetDailyReport', ask(date ?? ''), as);
    const day = report.date;
    const [parts, risk, turnaround, ...before] = await Promise.all([
      unaryCall(this.reports, 'ListDailyReports', ask(day), as),
      unaryCall(this.reports, 'GetRiskLevels', ask(day), as),
      unaryCall(this.reports, 'GetTurnaround', ask(day), as),
      ...Array.from({ length: CHART_DAYS - 1 }, (_, i) =>
        unaryCall(this.reports, 'GetDailyReport', ask(daysBefore(day, CHART_DAYS - 1 - i)), as),
      ),
    ]);
    const figures = (r: DailyReport__Output): DayFigures => ({
      date: r.date,
      newInCommunity: r.cases?.newInCommunity ?? 0,
      newInQuarantine: r.cases?.newInQuarantine ?? 0,
      f1InQuarantine: (r.isolation?.f1Centralized ?? 0) + (r.isolation?.f1Home ?? 0),
      samplesTested: r.testing?.samplesTested ?? 0,
      samplesPositive: r.testing?.samplesPositive ?? 0,
    });
    const isArea = (r: DailyReport__Output) =>
      r.area?.level === report.area?.level && r.area?.code === report.area?.code;
    return {
      report,
      parts: parts.reports.filter((r) => !isArea(r)),
      days: [...before, report].map(figures),
      risk,
      turnaround: turnaround.districts,
    };
  }

  close(): void {
    this.reports.close();
  }
}
