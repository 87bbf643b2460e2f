import { describe, expect, it } from '@jest/globals';
import { problemLines, problemsCsv, progressBar } from './index';

describe('command-line reports', () => {
  it('draws progress in place', () => {
    expect(progressBar(5, 10, 1)).toBe(`\r[${'#'.repeat(15)}${' '.repeat(15)}] 5/10 rows, 1 rejected`);
  });

  it('writes problems as CSV, quoting what needs it', () => {
    expect(problemsCsv([{ line: 3, field: 'phone', problem: 'not a phone, "12345"' }])).toBe(
      'line,field,problem\n3,phone,"not a phone, ""12345"""\n',
    );
  });

  it('lists the first problems and says how many more there are', () => {
    const many = Array.from({ length: 22 }, (_, i) => ({ line: i + 2, field: '', problem: 'bad' }));
    const lines = problemLines(many);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('  ... 2 more (use --report FILE)');
  });
});
