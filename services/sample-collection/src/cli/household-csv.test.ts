import { describe, expect, it } from '@jest/globals';
import { parseHouseholdCsv } from './household-csv';

describe('household list CSV', () => {
  it('reads rows by header name, in any column order, with vaccinations and comorbidities', () => {
    const csv = [
      'ward_code,district_code,full_name,birth_year,phone,vaccinations,comorbidities,hamlet',
      '31117,916,"Nguyễn Văn An, Jr",1980,0912345678,1:2021-08-20:AstraZeneca;2:2021-09-20:AstraZeneca,diabetes; hypertension,Khu vực 3',
      '',
    ].join('\n');
    const { requests, problems } = parseHouseholdCsv(csv);
    expect(problems).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.line).toBe(2);
    expect(requests[0]?.request.details).toMatchObject({
      fullName: 'Nguyễn Văn An, Jr',
      birthYear: 1980,
      address: { districtCode: '916', wardCode: '31117', hamlet: 'Khu vực 3' },
      vaccinations: [
        { dose: 1, date: '2021-08-20', vaccine: 'AstraZeneca' },
        { dose: 2, date: '2021-09-20', vaccine: 'AstraZeneca' },
      ],
      comorbidities: ['diabetes', 'hypertension'],
    });
  });

  it('names the required columns a header lacks', () => {
    expect(parseHouseholdCsv('full_name,phone\nA,0912345678').problems).toEqual([
      {
        line: 1,
        field: 'birth_year, district_code, ward_code',
        problem: 'required column missing from the header',
      },
    ]);
  });
});
