/**
 * The figures as files: CSV for spreadsheets (one row per area, or per ward, or per district), and
 * the same rows as JSON. Column names are the JSON paths, so the two say the same thing. Pure.
 */
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
