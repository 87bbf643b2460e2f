/**
 * The quick start: the four services in one process (embedded by default), a district's
 * mass-testing round driven through their gRPC APIs, then the report, the risk levels, the
 * turnaround and one traced chain, as the steering committee would read them.
 */
import { unaryCall } from '@truyvet/grpc';
import { vietnamDay } from '@truyvet/rules';
import type { DailyReport, DistrictTurnaround, RiskTable } from '@truyvet/reporting';
import { startAllServices, type AllServices, type AllServicesOptions } from './scenario/all-services';
import { clientsFor } from './scenario/clients';
import { roles, runMassTestingRound, until, type RoundSummary } from './scenario/mass-testing';
import { chainLines, dailyReportLines, riskLines, turnaroundLines } from './scenario/print';

export interface QuickStartOptions extends AllServicesOptions {
  households: number;
  positiveHouseholds: number;
  districtCode: string;
  wardCodes: readonly string[];
  tag: string;
  print: (line: string) => void;
}

export interface QuickStartResult {
  services: AllServices;
  summary: RoundSummary;
  report: DailyReport;
  cityReport: DailyReport;
  risk: RiskTable;
  turnaround: DistrictTurnaround[];
  elapsedMs: number;
}

export async function runQuickStart(options: QuickStartOptions): Promise<QuickStartResult> {
  const started = Date.now();
  const say = options.print;
  const services = await startAllServices(options);
  const who = roles(options.districtCode);
  const district = await clientsFor(who.district, services.ports);
  const lab = await clientsFor(who.lab, services.ports);
  const city = await clientsFor(who.city, services.ports);
  try {
    say(
      `Services up: sample-collection :${services.ports.samples}, lab-results :${services.ports.lab}, ` +
        `case-graph :${services.ports.cases}, reporting :${services.ports.reports}`,
    );
    say(`\nA mass-testing round in district ${options.districtCode}, ${options.households} households:`);
    const summary = await runMassTestingRound(
      { district, lab },
      {
        tag: options.tag,
        districtCode: options.districtCode,
        wardCodes: options.wardCodes,
        households: options.households,
        positiveHouseholds: options.positiveHouseholds,
        quarantineBeds: Math.max(4, Math.floor(options.positiveHouseholds * 3)),
        onProgress: say,
      },
    );
    // The report folds the last events a moment after case-graph has published them.
    const area = { level: 'district', code: options.districtCode };
    const expectedCases = summary.cases.community.length + summary.cases.quarantine.length;
    await until(
      'the report to count every case and F1',
      async () => {
        const r = await unaryCall(city.reports, 'GetDailyReport', { area });
        const f1 = (r.isolation?.f1Centralized ?? 0) + (r.isolation?.f1Home ?? 0);
        return (r.cases?.total ?? 0) >= expectedCases && f1 >= summary.f1.length ? r : undefined;
      },
      60_000,
    );
    const districtReports = await services.reports.dailyReports(
      { level: 'district', code: options.districtCode },
      vietnamDay(new Date()),
    );
    const report = districtReports[0] as DailyReport;
    const cityReport = await services.reports.dailyReport({ level: 'city' }, vietnamDay(new Date()));
    const risk = await services.reports.riskTable(
      { level: 'district', code: options.districtCode },
      vietnamDay(new Date()),
    );
    const turnaround = await services.reports.turnaround(
      { level: 'district', code: options.districtCode },
      vietnamDay(new Date()),
    );
    const chain = await unaryCall(district.cases, 'GetChain', { personId: summary.cascadePersonId });

    say('');
    for (const line of dailyReportLines(districtReports)) say(line);
    say('');
    for (const line of dailyReportLines([cityReport])) say(line);
    say('');
    for (const line of riskLines(risk)) say(line);
    say('');
    for (const line of turnaroundLines(turnaround)) say(line);
    say('');
    for (const line of chainLines(
      {
        personId: chain.personId,
        ancestors: chain.ancestors.map((a) => ({
          personId: a.personId,
          caseId: a.caseId,
          generation: a.generation,
          foundIn: a.foundIn,
        })),
        contacts: chain.contacts.map((c) => ({
          personId: c.personId,
          contactType: c.contactType,
          level: c.level,
        })),
      },
      summary.names,
    ))
      say(line);
    return { services, summary, report, cityReport, risk, turnaround, elapsedMs: Date.now() - started };
  } catch (error) {
    await services.stop();
    throw error;
  } finally {
    district.close();
    lab.close();
    city.close();
  }
}
