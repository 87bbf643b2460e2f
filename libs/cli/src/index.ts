import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RowProblem } from '@truyvet/csv';

/**
 * What the command-line imports (household lists, instrument exports) share: a progress bar on
 * stderr and the per-row problem report people fix their files from.
 */

export type { RowProblem };

/** A one-line progress bar, redrawn in place (`\r`). */
export function progressBar(done: number, total: number, rejected: number, unit = 'rows'): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${unit}, ${rejected} rejected`;
}

/** The per-row report as CSV: line,field,problem. */
export function problemsCsv(problems: readonly RowProblem[]): string {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    ['line,field,problem', ...problems.map((p) => `${p.line},${quote(p.field)},${quote(p.problem)}`)].join(
      '\n',
    ) + '\n'
  );
}

/** The first problems as lines for a terminal, and how many more the report file holds. */
export function problemLines(problems: readonly RowProblem[], max = 20): string[] {
  const lines = problems
    .slice(0, max)
    .map((p) => `  line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.problem}`);
  if (problems.length > max) lines.push(`  ... ${problems.length - max} more (use --report FILE)`);
  return lines;
}

/** What one CSV import command does with its file; the rest of the command is `runCsvImport`'s. */
export interface CsvImport<C extends { close(): void }, R extends { problems: RowProblem[] }> {
  /** The script's name, for its usage line. */
  name: string;
  defaultAddress: string;
  /** What the progress bar counts: rows, tubes, ... */
  unit?: string;
  connect: (address: string, token: string) => C;
  importText: (
    client: C,
    text: string,
    onProgress: (done: number, total: number, rejected: number) => void,
  ) => Promise<R>;
  /** One line of totals. */
  summary: (report: R) => string;
  /** Whether the import left something to fix (exit code 1). */
  failed: (report: R) => boolean;
}

/**
 * The command line every import shares: `FILE.csv [--address host:port] [--token T | TRUYVET_TOKEN=T]
 * [--report problems.csv]`, a progress bar on stderr, the totals, the first problems (or all of
 * them in the report file), exit code 0 when nothing is left to fix, 1 otherwise, 2 for bad usage.
 */
export function runCsvImport<C extends { close(): void }, R extends { problems: RowProblem[] }>(
  spec: CsvImport<C, R>,
): void {
  const main = async (): Promise<void> => {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        address: { type: 'string', default: spec.defaultAddress },
        token: { type: 'string' },
        report: { type: 'string' },
      },
    });
    const file = positionals[0];
    const token = values.token ?? process.env.TRUYVET_TOKEN;
    if (!file || !token) {
      process.stderr.write(
        `usage: ${spec.name} FILE.csv [--address host:port] [--token T | TRUYVET_TOKEN=T] [--report problems.csv]\n`,
      );
      process.exit(2);
    }
    const client = spec.connect(values.address, token);
    const report = await spec.importText(client, readFileSync(file, 'utf8'), (done, total, rejected) =>
      process.stderr.write(progressBar(done, total, rejected, spec.unit)),
    );
    client.close();
    process.stderr.write('\n');
    console.log(spec.summary(report));
    if (values.report) {
      writeFileSync(values.report, problemsCsv(report.problems));
      console.log(`per-row report: ${values.report}`);
    } else {
      for (const line of problemLines(report.problems)) console.log(line);
    }
    process.exitCode = spec.failed(report) ? 1 : 0;
  };
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
