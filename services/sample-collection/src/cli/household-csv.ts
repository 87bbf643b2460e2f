/**
 * Household lists as district staff keep them (one person a row), turned into registry requests,
 * and imported through the registry's bulk gRPC call with a per-row report.
 */
import { readCsv, type RowProblem } from '@truyvet/csv';
import { writeClientStream } from '@truyvet/grpc';
import type { PersonRegistryClient, RegisterPersonRequest } from '@truyvet/grpc/samples';

/** The columns a household list has; the header row names them, in any order. */
export const CSV_COLUMNS = [
  'full_name',
  'birth_year',
  'birth_date',
  'sex',
  'national_id',
  'phone',
  'district_code',
  'ward_code',
  'hamlet',
  'street',
  'household_id',
  'occupation',
  'vaccinations', // dose:date:vaccine, separated by ';' e.g. 1:2021-08-20:AstraZeneca;2:2021-09-20:AstraZeneca
  'comorbidities', // separated by ';'
] as const;

export interface ImportReport {
  rows: number;
  registered: number;
  existing: number;
  candidates: number;
  rejected: number;
  problems: RowProblem[];
}

/** Reads the file's rows into requests; a row that cannot even be read is a problem, not a request. */
export function parseHouseholdCsv(text: string): {
  requests: Array<{ line: number; request: RegisterPersonRequest }>;
  problems: RowProblem[];
} {
  const file = readCsv(text);
  const missing = file.missing(['full_name', 'birth_year', 'district_code', 'ward_code']);
  if (missing.length > 0) return { requests: [], problems: missing };
  const requests: Array<{ line: number; request: RegisterPersonRequest }> = [];
  for (const { line, get } of file.rows) {
    const vaccinations = get('vaccinations')
      .split(';')
      .filter(Boolean)
      .map((v) => {
        const [dose = '', date = '', vaccine = ''] = v.split(':');
        return { dose: Number(dose), date, vaccine };
      });
    requests.push({
      line,
      request: {
        details: {
          fullName: get('full_name'),
          birthYear: Number(get('birth_year')) || 0,
          birthDate: get('birth_date'),
          sex: get('sex'),
          nationalId: get('national_id'),
          phone: get('phone'),
          address: {
            districtCode: get('district_code'),
            wardCode: get('ward_code'),
            hamlet: get('hamlet'),
            street: get('street'),
          },
          householdId: get('household_id'),
          occupation: get('occupation'),
          vaccinations,
          comorbidities: get('comorbidities')
            .split(';')
            .map((c) => c.trim())
            .filter(Boolean),
        },
      },
    });
  }
  return { requests, problems: [] };
}

/**
 * Imports the rows in chunks of `chunkSize` (one client stream each, so progress shows and a broken
 * connection loses at most one chunk's answers: re-running the import is safe, registered people
 * come back as existing).
 */
export async function importHouseholdCsv(
  client: PersonRegistryClient,
  text: string,
  options: { chunkSize?: number; onProgress?: (done: number, total: number, rejected: number) => void } = {},
): Promise<ImportReport> {
  const { requests, problems } = parseHouseholdCsv(text);
  const report: ImportReport = {
    rows: requests.length,
    registered: 0,
    existing: 0,
    candidates: 0,
    rejected: 0,
    problems: [...problems],
  };
  report.rejected += problems.filter((p) => p.line > 1).length;
  const chunkSize = options.chunkSize ?? 500;
  for (let start = 0; start < requests.length; start += chunkSize) {
    const chunk = requests.slice(start, start + chunkSize);
    const response = await writeClientStream(
      client,
      'ImportPersons',
      chunk.map((c) => c.request),
    );
    for (const result of response.results) {
      const line = chunk[result.index]?.line ?? 0;
      if (result.rejected) {
        report.rejected++;
        for (const v of result.rejected.fieldViolations)
          report.problems.push({ line, field: v.field, problem: v.description });
      } else if (result.outcome?.candidates) {
        report.candidates++;
        const ids = result.outcome.candidates.candidates
          .map((c) => `${c.personId} (${c.reasons.join(', ')})`)
          .join('; ');
        report.problems.push({
          line,
          field: '',
          problem: `probably already registered, not imported: ${ids}`,
        });
      } else if (result.outcome?.existing) report.existing++;
      else if (result.outcome?.registered) report.registered++;
    }
    options.onProgress?.(Math.min(start + chunkSize, requests.length), requests.length, report.rejected);
  }
  return report;
}
