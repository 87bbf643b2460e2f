/**
 * What the command-line imports (household lists, instrument exports) share: a progress bar on
 * stderr and the per-row problem report people fix their files from.
 */

export interface RowProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  field: string;
  problem: string;
}

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
