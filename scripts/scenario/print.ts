/** What the quick start prints: the steering committee's tables, as a user would read them. */
import type { DailyReport, DistrictTurnaround, RiskTable } from '@truyvet/reporting';

const nf = new Intl.NumberFormat('en-US');
const n = (value: number): string => nf.format(value);
/** Hours as a person reads them: minutes under an hour. */
const span = (hours: number): string =>
  hours < 1 ? `${Math.round(hours * 60)} min` : `${hours.toFixed(1)} h`;
const LEVEL = ['', '1 low (green)', '2 medium (yellow)', '3 high (orange)', '4 very high (red)'];

export function dailyReportLines(reports: readonly DailyReport[]): string[] {
  const head = reports[0];
  if (!head) return [];
  const c = head.cases;
  const i = head.isolation;
  const t = head.testing;
  const v = head.vaccination;
  const lines = [
    `Daily report — ${head.area.name} (${head.area.code}), ${head.date}`,
    `  New infections today: ${n(c.newToday)} (${n(c.newInCommunity)} in the community, ${n(c.newInQuarantine)} already in quarantine); recovered today: ${n(c.recoveredToday)}`,
    `  F0 in total: ${n(c.total)}; under treatment: ${n(c.underTreatment)}; recovered: ${n(c.recovered)}; deaths: ${n(c.deaths)}`,
    `  F1 in centralized quarantine: ${n(i.f1Centralized)} (${n(i.f1CentralizedAwaitingBed)} waiting for a bed); F1 at home: ${n(i.f1Home)}; F2 self-monitoring: ${n(i.f2SelfMonitoring)}`,
    `  Suspects isolated (positive pools awaiting re-test): ${n(i.suspectsIsolated)}`,
    `  Samples taken: ${n(t.samplesCollected)} tubes from ${n(t.peopleSampled)} people; tested: ${n(t.samplesTested)} tubes (${n(t.peopleTested)} people), ${n(t.samplesPositive)} positive (positivity ${(t.positivity * 100).toFixed(2)}%)`,
    `  Vaccinated (as the registry knows): ${n(v.atLeastOneDose)} with at least one dose, ${n(v.fullyVaccinated)} fully; ${n(v.doses)} doses`,
  ];
  if (reports.length > 1) {
    lines.push(
      '',
      '  | Area | New F0 | in community | F0 total | F1 centralized | F1 home | Tubes taken | Tested | Positive |',
      '  |---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of reports.slice(1)) {
      if (
        r.testing.samplesCollected === 0 &&
        r.cases.total === 0 &&
        r.isolation.f1Centralized + r.isolation.f1Home === 0
      )
        continue;
      lines.push(
        `  | ${r.area.name} | ${n(r.cases.newToday)} | ${n(r.cases.newInCommunity)} | ${n(r.cases.total)} | ${n(r.isolation.f1Centralized)} | ${n(r.isolation.f1Home)} | ${n(r.testing.samplesCollected)} | ${n(r.testing.samplesTested)} | ${n(r.testing.samplesPositive)} |`,
      );
    }
  }
  return lines;
}

export function riskLines(table: RiskTable, show = 10): string[] {
  const lines = [
    `Risk levels by ward, ${table.date} (community cases ${table.windowFrom}..${table.date} per 100,000; rule set ${table.ruleSetId})`,
    '  | Ward | Population | Community cases (7 d) | per 100,000 | Coverage (≥1 dose) | Level |',
    '  |---|---:|---:|---:|---:|---|',
  ];
  for (const w of table.wards.slice(0, show)) {
    lines.push(
      `  | ${w.wardName} (${w.wardCode}) | ${n(w.population)} | ${n(w.communityCases)} | ${w.casesPer100k.toFixed(1)} | ${(w.coverage * 100).toFixed(1)}% | ${LEVEL[w.level] ?? w.level} |`,
    );
  }
  if (table.wards.length > show) lines.push(`  ... and ${table.wards.length - show} more wards`);
  lines.push(
    `  Focus testing targets (level 3-4): ${table.focusTestingTargets.map((w) => `${w.wardName} (${w.wardCode})`).join(', ') || 'none'}`,
  );
  return lines;
}

export function turnaroundLines(rows: readonly DistrictTurnaround[]): string[] {
  return rows.flatMap((r) => [
    `Turnaround, district ${r.districtCode}, ${r.date}`,
    `  sample collected -> result: ${r.collectedToResulted.count} tubes, p50 ${span(r.collectedToResulted.p50Hours)}, p90 ${span(r.collectedToResulted.p90Hours)}`,
    `  result -> F1 isolated: ${r.resultToF1Isolated.count} F1, p50 ${span(r.resultToF1Isolated.p50Hours)}, p90 ${span(r.resultToF1Isolated.p90Hours)}`,
    `  overdue: ${r.overdue.samplesAwaitingResult} tubes without a result, ${r.overdue.testOrders} test orders, ${r.overdue.isolationAwaitingBed} waiting for a bed`,
  ]);
}

export interface ChainView {
  personId: string;
  ancestors: Array<{ personId: string; caseId: string; generation: number; foundIn: string }>;
  contacts: Array<{ personId: string; contactType: string; level: number }>;
}

export function chainLines(chain: ChainView, names: ReadonlyMap<string, string>): string[] {
  const who = (id: string) => (names.has(id) ? `${names.get(id) ?? ''} (${id})` : id);
  const lines = [`One traced chain, back to the first case:`];
  for (const a of chain.ancestors)
    lines.push(
      `  generation ${a.generation}: ${who(a.personId)} — case ${a.caseId}, found in the ${a.foundIn}`,
    );
  lines.push(`  -> ${who(chain.personId)} (F0, found in quarantine by a follow-up test); their contacts:`);
  for (const c of chain.contacts) lines.push(`     - ${who(c.personId)} (${c.contactType}) now F${c.level}`);
  return lines;
}
