/**
 * Results from a CSV file (read by @truyvet/csv's parseResultsCsv) recorded through the bulk gRPC call with
 * a per-row report.
 */
import type { RowProblem } from '@truyvet/csv';
import { writeClientStream } from '@truyvet/grpc';
import type { ResultsClient } from '@truyvet/grpc/lab';
import { parseResultsCsv } from '@truyvet/csv';

export { parseResultsCsv };

export interface ResultsImportReport {
  rows: number;
  recorded: number;
  unchanged: number;
  rejected: number;
  positive: number;
  problems: RowProblem[];
}

/**
 * Records the tubes in chunks (one client stream each, so progress shows; re-running the import is
 * safe: a reading already recorded comes back unchanged).
 */
export async function importResultsCsv(
  client: ResultsClient,
  text: string,
  options: { chunkSize?: number; onProgress?: (done: number, total: number, rejected: number) => void } = {},
): Promise<ResultsImportReport> {
  const { requests, problems } = parseResultsCsv(text);
  const badLines = new Set(problems.map((p) => p.line));
  const usable = requests.filter((r) => !badLines.has(r.line));
  const report: ResultsImportReport = {
    rows: requests.length,
    recorded: 0,
    unchanged: 0,
    rejected: requests.length - usable.length,
    positive: 0,
    problems: [...problems],
  };
  const chunkSize = options.chunkSize ?? 500;
  for (let start = 0; start < usable.length; start += chunkSize) {
    const chunk = usable.slice(start, start + chunkSize);
    const response = await writeClientStream(
      client,
      'RecordResults',
      chunk.map((c) => c.request),
    );
    for (const result of response.results) {
      const line = chunk[result.index]?.line ?? 0;
      if (result.rejected) {
        report.rejected++;
        for (const v of result.rejected.fieldViolations)
          report.problems.push({ line, field: v.field, problem: v.description });
      } else if (result.recorded?.unchanged) report.unchanged++;
      else if (result.recorded) {
        report.recorded++;
        if (result.recorded.outcome === 'positive') report.positive++;
      }
    }
    options.onProgress?.(Math.min(start + chunkSize, usable.length), usable.length, report.rejected);
  }
  report.problems.sort((a, b) => a.line - b.line);
  return report;
}
