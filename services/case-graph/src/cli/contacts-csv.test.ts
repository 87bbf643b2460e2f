import { describe, expect, it } from '@jest/globals';
import { parseContactsCsv } from './contacts-csv';

describe('contact list CSV', () => {
  it('reads contacts by registry id or by details, in any column order', () => {
    const { rows, problems } = parseContactsCsv(
      [
        'contact_type,source_person_id,last_exposure_on,contact_person_id,full_name,birth_year,district_code,ward_code',
        'household,p-a,2021-11-07,p-b,,,,',
        'workplace,p-a,2021-11-06,,"Trần Thị Kim, con",1970,918,31168',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(rows[0]?.row).toEqual({
      sourcePersonId: 'p-a',
      contact: { personId: 'p-b', contactType: 'household', lastExposureOn: '2021-11-07' },
    });
    expect(rows[1]?.row.contact?.details).toMatchObject({
      fullName: 'Trần Thị Kim, con',
      birthYear: 1970,
      address: { districtCode: '918', wardCode: '31168' },
    });
  });

  it('says which required column the header lacks', () => {
    expect(parseContactsCsv('source_person_id,contact_type\np-a,household').problems).toEqual([
      { line: 1, field: 'last_exposure_on', problem: 'required column missing from the header' },
    ]);
  });
});
