/**
 * Results from a CSV file, as the lab types them or as an RT-PCR instrument exports them. Two
 * layouts, told apart by the header:
 * - one row per tube: barcode, method, outcome, kit_id, ct_<gene> columns (ct_E, ct_N, ...),
 *   run_id, instrument, resulted_at;
 * - one row per well and target, as instruments export: barcode (or sample_name), target, ct
 *   ("Undetermined" or empty: not detected), with kit_id and run_id; rows of one tube are grouped.
 * The lab's command-line import and the console's lab page (in the browser) read files with it,
 * so it lives here and not in the lab service: no I/O and nothing node-only.
 */
import { readCsv, type RowProblem } from './csv';

/** One tube's reading as the file gives it (the shape of the gRPC RecordResultRequest). */
export interface RecordResultRequest {
  barcode: string;
  method: string;
  outcome: string;
  ctValues: Record<string, number>;
  kitId: string;
  runId: string;
  instrument: string;
  resultedAt: string;
}

const NOT_DETECTED = new Set(['', 'undetermined', 'nd', 'n/a', 'no ct', '-']);

/** Reads the file into one request per tube, each with the line it starts on. */
export function parseResultsCsv(text: string): {
  requests: Array<{ line: number; request: RecordResultRequest }>;
  problems: RowProblem[];
} {
  const file = readCsv(text);
  // Column names are read in lower case, except the gene in ct_<gene> (kits name genes in mixed case).
  const header = file.columns;
  const barcodeColumn = header.includes('barcode') ? 'barcode' : 'sample_name';
  if (!header.includes(barcodeColumn)) {
    return {
      requests: [],
      problems: [{ line: 1, field: 'barcode', problem: 'the header has no barcode (or sample_name) column' }],
    };
  }
  const long = header.includes('target') && (header.includes('ct') || header.includes('cq'));
  const ctColumn = header.includes('ct') ? 'ct' : 'cq';
  const problems: RowProblem[] = [];
  const byBarcode = new Map<string, { line: number; request: RecordResultRequest }>();
  const requests: Array<{ line: number; request: RecordResultRequest }> = [];
  for (const { line, get, values } of file.rows) {
    const barcode = get(barcodeColumn);
    const common: RecordResultRequest = {
      barcode,
      method: get('method') || 'rt_pcr',
      outcome: get('outcome').toLowerCase(),
      kitId: get('kit_id'),
      runId: get('run_id'),
      instrument: get('instrument'),
      resultedAt: get('resulted_at'),
      ctValues: {},
    };
    const ct = (value: string, field: string): number | undefined => {
      if (NOT_DETECTED.has(value.toLowerCase())) return undefined;
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) {
        problems.push({ line, field, problem: `${value} is not a Ct value` });
        return undefined;
      }
      return n;
    };
    if (long) {
      const target = get('target');
      const value = ct(get(ctColumn), ctColumn);
      let entry = byBarcode.get(barcode);
      if (!entry) {
        entry = { line, request: common };
        byBarcode.set(barcode, entry);
        requests.push(entry);
      }
      if (value !== undefined && target)
        entry.request.ctValues = { ...entry.request.ctValues, [target]: value };
      continue;
    }
    const ctValues: Record<string, number> = {};
    header.forEach((column, index) => {
      if (!column.startsWith('ct_')) return;
      const value = ct(values[index]?.trim() ?? '', column);
      if (value !== undefined) ctValues[(file.writtenColumns[index] ?? column).slice(3)] = value;
    });
    requests.push({ line, request: { ...common, ctValues } });
  }
  return { requests, problems };
}
