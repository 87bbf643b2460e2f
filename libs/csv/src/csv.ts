/** Splits one CSV line (RFC 4180: quoted fields may hold commas and doubled quotes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** A row of a file that cannot be used, and why: what people fix their files from. */
export interface RowProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  field: string;
  problem: string;
}

/** One data row: its line in the file and its values by column name. */
export interface CsvRow {
  line: number;
  /** The row's value in a column (trimmed), '' when the row or the header lacks it. */
  get(column: string): string;
  /** The values in header order, as read. */
  values: string[];
}

/** A file read with its header: column names trimmed, inner spaces as `_`, in lower case. */
export interface CsvTable {
  columns: string[];
  /** The columns as the header writes them (trimmed, inner spaces as `_`), case kept. */
  writtenColumns: string[];
  rows: CsvRow[];
  /** The columns of `required` the header lacks, as one problem on line 1 (or none). */
  missing(required: readonly string[]): RowProblem[];
}

/** Reads a file whose first line names its columns; blank lines are skipped, line numbers kept. */
export function readCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/);
  const writtenColumns = parseCsvLine(lines[0] ?? '').map((h) => h.trim().replace(/\s+/g, '_'));
  const columns = writtenColumns.map((h) => h.toLowerCase());
  const index = new Map<string, number>();
  columns.forEach((column, i) => {
    if (!index.has(column)) index.set(column, i);
  });
  const rows: CsvRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const values = parseCsvLine(raw);
    rows.push({
      line: i + 2,
      values,
      get: (column) => {
        const at = index.get(column);
        return at === undefined ? '' : (values[at]?.trim() ?? '');
      },
    });
  });
  return {
    columns,
    writtenColumns,
    rows,
    missing: (required) => {
      const absent = required.filter((column) => !index.has(column));
      return absent.length === 0
        ? []
        : [{ line: 1, field: absent.join(', '), problem: 'required column missing from the header' }];
    },
  };
}
