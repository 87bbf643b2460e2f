import { describe, expect, it } from '@jest/globals';
import { readCsv } from '@truyvet/csv';
import { auditCsv, type AuditRow } from './audit-csv';

const ROW: AuditRow = {
  at: '2021-09-01T08:00:00.000Z',
  service: 'case-graph',
  kind: 'change',
  outcome: 'OK',
  method: '/truyvet.cases.v1.Cases/UpdateCase',
  caller: 'tyt-an-binh',
  role: 'ward_team',
  areaLevel: 'ward',
  areaCode: '31117',
  client: 'console',
  reason: 'khởi phát sớm hơn, theo lời "bệnh nhân", đã xác minh',
  peopleInAnswer: 1,
  correlationId: 'c-1',
};

describe('a person’s audit trail as CSV', () => {
  it('opens in a spreadsheet with its Vietnamese intact, one row per entry, reasons quoted as written', () => {
    const text = auditCsv([ROW, { ...ROW, kind: 'read', reason: '', client: '' }]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const table = readCsv(text.slice(1));
    expect(table.columns).toEqual([
      'at',
      'service',
      'kind',
      'outcome',
      'method',
      'caller',
      'role',
      'area_level',
      'area_code',
      'client',
      'reason',
      'people_in_answer',
      'correlation_id',
    ]);
    expect(table.rows.map((r) => [r.get('kind'), r.get('reason')])).toEqual([
      ['change', ROW.reason],
      ['read', ''],
    ]);
  });

  it('never gives a spreadsheet a formula to run', () => {
    const text = auditCsv([{ ...ROW, reason: '=HYPERLINK("http://x")', caller: '+1', method: '@SUM(A1)' }]);
    const row = readCsv(text.slice(1)).rows[0];
    expect([row?.get('reason'), row?.get('caller'), row?.get('method')]).toEqual([
      '\'=HYPERLINK("http://x")',
      "'+1",
      "'@SUM(A1)",
    ]);
  });
});
