/**
 * The figures as files: CSV for spreadsheets (one row per area, or per ward, or per district), and
 * the same rows as JSON. Column names are the JSON paths, so the two say the same thing. Pure.
 */
import { vietnamDay } from '@truyvet/rules';
import type { CaseFact } from './facts';
import type { DailyReport, DistrictTurnaround, WardRisk } from './report';

type Row = Record<string, string | number>;

/** Nested figures as flat columns: `cases.newToday`, `isolation.f1Home` ... */
export function flatten(value: object, prefix = ''): Row {
  const row: Row = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      Object.assign(row, flatten(v as object, name));
    else if (typeof v === 'number' || typeof v === 'string') row[name] = v;
  }
  return row;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly Row[]): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(','))];
  return `${lines.join('\n')}\n`;
}

export const dailyReportRows = (reports: readonly DailyReport[]): Row[] => reports.map((r) => flatten(r));
export const riskRows = (wards: readonly WardRisk[], date: string): Row[] =>
  wards.map((w) => flatten({ date, ...w }));
export const turnaroundRows = (districts: readonly DistrictTurnaround[]): Row[] =>
  districts.map((d) => flatten(d));

/** Where a case is, by name: the reference data's district and ward names. */
export interface PlaceNames {
  district(code: string): string;
  ward(code: string): string;
}

/**
 * The case line list (docs/line-list.md): one row per case confirmed up to `date` (reverted ones
 * left out), oldest first, with its outcome as of that day. `dosesOf`: a person's vaccine dose
 * dates. Columns in snake case, as the national reporting's templates name them.
 */
export function lineListRows(
  cases: readonly CaseFact[],
  dosesOf: (personId: string) => readonly string[],
  names: PlaceNames,
  date: string,
): Row[] {
  return cases
    .filter((c) => !c.reverted && c.confirmedOn <= date)
    .sort((a, b) => a.confirmedOn.localeCompare(b.confirmedOn) || a._id.localeCompare(b._id))
    .map((c) => {
      const died = c.diedOn !== undefined && c.diedOn <= date;
      const recovered = !died && c.recoveredOn !== undefined && c.recoveredOn <= date;
      return {
        case_id: c._id,
        person_id: c.personId,
        district_code: c.districtCode,
        district_name: names.district(c.districtCode),
        ward_code: c.wardCode ?? '',
        ward_name: c.wardCode ? names.ward(c.wardCode) : '',
        sample_collected_on: vietnamDay(c.collectedAt),
        resulted_on: vietnamDay(c.resultedAt),
        confirmed_on: c.confirmedOn,
        found_in: c.foundIn,
        likely_source_person_id: c.likelySourcePersonId ?? '',
        cluster_id: c.clusterId ?? '',
        doses_at_confirmation: dosesOf(c.personId).filter((d) => d <= c.confirmedOn).length,
        outcome: died ? 'died' : recovered ? 'recovered' : 'under_treatment',
        outcome_on: died ? (c.diedOn ?? '') : recovered ? (c.recoveredOn ?? '') : '',
      };
    });
}
