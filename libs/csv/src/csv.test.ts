import { describe, expect, it } from '@jest/globals';
import { parseCsvLine, readCsv } from './csv';

describe('CSV', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsvLine('a,"b, c",d')).toEqual(['a', 'b, c', 'd']);
    expect(parseCsvLine('"say ""hi""",x')).toEqual(['say "hi"', 'x']);
  });

  it('reads rows by column name, keeping each row its line in the file', () => {
    const file = readCsv('Full Name, Ward_Code ,ct_RdRp\r\n\r\n" Lê Văn A ",31117,24\nB\n');
    expect(file.columns).toEqual(['full_name', 'ward_code', 'ct_rdrp']);
    expect(file.writtenColumns).toEqual(['Full_Name', 'Ward_Code', 'ct_RdRp']);
    expect(file.rows.map((r) => [r.line, r.get('full_name'), r.get('ward_code'), r.get('absent')])).toEqual([
      [3, 'Lê Văn A', '31117', ''],
      [4, 'B', '', ''],
    ]);
  });

  it('names the required columns a header lacks, on line 1', () => {
    const file = readCsv('full_name,phone\n');
    expect(file.missing(['full_name', 'birth_year', 'ward_code'])).toEqual([
      { line: 1, field: 'birth_year, ward_code', problem: 'required column missing from the header' },
    ]);
    expect(file.missing(['phone'])).toEqual([]);
  });
});
