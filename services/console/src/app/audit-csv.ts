/**
 * A person's audit trail as a file an admin hands to whoever asked (a data protection officer, an
 * inquiry): CSV in UTF-8 with a byte order mark, so a spreadsheet shows Vietnamese as it is, one
 * row per read or change.
 */
export interface AuditRow {
  at: string;
  service: string;
  kind: string;
  outcome: string;
  method: string;
  caller: string;
  role: string;
  areaLevel: string;
  areaCode: string;
  client: string;
  reason: string;
  peopleInAnswer: number;
  correlationId: string;
}

const COLUMNS: ReadonlyArray<[keyof AuditRow, string]> = [
  ['at', 'at'],
  ['service', 'service'],
  ['kind', 'kind'],
  ['outcome', 'outcome'],
  ['method', 'method'],
  ['caller', 'caller'],
  ['role', 'role'],
  ['areaLevel', 'area_level'],
  ['areaCode', 'area_code'],
  ['client', 'client'],
  ['reason', 'reason'],
  ['peopleInAnswer', 'people_in_answer'],
  ['correlationId', 'correlation_id'],
];

/** One cell: quoted when it must be, and never read by a spreadsheet as a formula. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [COLUMNS.map(([, header]) => header).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([key]) => cell(row[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
