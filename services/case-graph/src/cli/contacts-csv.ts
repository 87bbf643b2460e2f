/**
 * Contact lists as tracing teams keep them (one contact a row, under the F0 or F1 they were named
 * by), imported through case-graph's bulk gRPC call with a per-row report. A contact is named by
 * registry id (`contact_person_id`) or by details (the registry finds or registers them).
 */
import { readCsv, type RowProblem } from '@truyvet/csv';
import { writeClientStream } from '@truyvet/grpc';
import type { ContactRow, ContactsClient } from '@truyvet/grpc/cases';

/** The header row names the columns, in any order. */
export const CONTACT_CSV_COLUMNS = [
  'source_person_id',
  'contact_type', // household, same_room, workplace, vehicle, venue, care, other
  'last_exposure_on', // YYYY-MM-DD
  'contact_person_id',
  'full_name',
  'birth_year',
  'national_id',
  'phone',
  'district_code',
  'ward_code',
  'household_id',
] as const;

export interface ContactImportReport {
  rows: number;
  recorded: number;
  unchanged: number;
  awaitingIdentification: number;
  rejected: number;
  problems: RowProblem[];
}

export function parseContactsCsv(text: string): {
  rows: Array<{ line: number; row: ContactRow }>;
  problems: RowProblem[];
} {
  const file = readCsv(text);
  const missing = file.missing(['source_person_id', 'contact_type', 'last_exposure_on']);
  if (missing.length > 0) return { rows: [], problems: missing };
  const rows: Array<{ line: number; row: ContactRow }> = [];
  for (const { line, get } of file.rows) {
    const byDetails = get('full_name') !== '';
    rows.push({
      line,
      row: {
        sourcePersonId: get('source_person_id'),
        contact: {
          personId: get('contact_person_id'),
          ...(byDetails
            ? {
                details: {
                  fullName: get('full_name'),
                  birthYear: Number(get('birth_year')) || 0,
                  nationalId: get('national_id'),
                  phone: get('phone'),
                  address: { districtCode: get('district_code'), wardCode: get('ward_code') },
                  householdId: get('household_id'),
                },
              }
            : {}),
          contactType: get('contact_type'),
          lastExposureOn: get('last_exposure_on'),
        },
      },
    });
  }
  return { rows, problems: [] };
}

/** Imports in chunks (one stream each): progress shows, and re-running an import is safe. */
export async function importContactsCsv(
  client: ContactsClient,
  text: string,
  options: { chunkSize?: number; onProgress?: (done: number, total: number, rejected: number) => void } = {},
): Promise<ContactImportReport> {
  const { rows, problems } = parseContactsCsv(text);
  const report: ContactImportReport = {
    rows: rows.length,
    recorded: 0,
    unchanged: 0,
    awaitingIdentification: 0,
    rejected: 0,
    problems: [...problems],
  };
  const chunkSize = options.chunkSize ?? 500;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const response = await writeClientStream(
      client,
      'ImportContacts',
      chunk.map((c) => c.row),
    );
    for (const result of response.results) {
      const line = chunk[result.index]?.line ?? 0;
      if (result.status === 'rejected') {
        report.rejected++;
        for (const v of result.rejected?.fieldViolations ?? [])
          report.problems.push({ line, field: v.field, problem: v.description });
      } else if (result.status === 'recorded') report.recorded++;
      else if (result.status === 'unchanged') report.unchanged++;
      else report.awaitingIdentification++;
    }
    options.onProgress?.(Math.min(start + chunkSize, rows.length), rows.length, report.rejected);
  }
  return report;
}
