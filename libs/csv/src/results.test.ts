import { describe, expect, it } from '@jest/globals';
import { parseResultsCsv } from './results';

describe('results CSV', () => {
  it('reads one row per tube with ct_<gene> columns, genes as the header names them', () => {
    const { requests, problems } = parseResultsCsv(
      [
        'barcode,kit_id,ct_E,ct_RdRp,ct_N,run_id,outcome',
        'CT1-A,allplex-2019-ncov,22.5,24,Undetermined,plate-1,',
        'CT1-B,allplex-2019-ncov,,,,plate-1,negative',
        'CT1-C,allplex-2019-ncov,abc,,,plate-1,',
      ].join('\n'),
    );
    expect(requests.map((r) => [r.line, r.request.barcode, r.request.ctValues, r.request.outcome])).toEqual([
      [2, 'CT1-A', { E: 22.5, RdRp: 24 }, ''],
      [3, 'CT1-B', {}, 'negative'],
      [4, 'CT1-C', {}, ''],
    ]);
    expect(problems).toEqual([{ line: 4, field: 'ct_e', problem: 'abc is not a Ct value' }]);
  });

  it("groups an instrument's long export (one row per well and target) by tube", () => {
    const { requests } = parseResultsCsv(
      [
        'Sample Name,Target,CT,kit_id,run_id',
        'CT1-A,ORF1ab,31.2,sansure-2019-ncov,qs5-0711',
        'CT1-A,N,29.8,sansure-2019-ncov,qs5-0711',
        'CT1-B,ORF1ab,Undetermined,sansure-2019-ncov,qs5-0711',
        'CT1-B,N,Undetermined,sansure-2019-ncov,qs5-0711',
      ].join('\r\n'),
    );
    expect(requests.map((r) => [r.line, r.request.barcode, r.request.ctValues, r.request.method])).toEqual([
      [2, 'CT1-A', { ORF1ab: 31.2, N: 29.8 }, 'rt_pcr'],
      [4, 'CT1-B', {}, 'rt_pcr'],
    ]);
  });

  it('says when the header has no barcode column', () => {
    expect(parseResultsCsv('tube,ct\nx,1').problems[0]?.field).toBe('barcode');
  });
});
