import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AdminUnits, canThoAdminUnits, loadAdminUnits } from './index';

describe('Cần Thơ reference data', () => {
  const units = canThoAdminUnits();

  it('knows its own areas, and no other city, district or ward', () => {
    expect(units.hasArea({ level: 'city', code: '92' })).toBe(true);
    expect(units.hasArea({ level: 'city', code: '01' })).toBe(false);
    expect(units.hasArea({ level: 'district', code: '916' })).toBe(true);
    expect(units.hasArea({ level: 'district', code: '001' })).toBe(false);
    expect(units.hasArea({ level: 'ward', code: '31117' })).toBe(true);
    expect(units.hasArea({ level: 'ward', code: '00001' })).toBe(false);
    // A district's code is not a ward's, nor the other way round.
    expect(units.hasArea({ level: 'ward', code: '916' })).toBe(false);
  });

  it('has the city, its 9 districts and 83 wards and communes', () => {
    expect(units.province).toMatchObject({ code: '92', name: 'Thành phố Cần Thơ', population: 1_235_171 });
    expect(units.districts()).toHaveLength(9);
    expect(units.wards()).toHaveLength(83);
    expect(units.district('916')?.name).toBe('Quận Ninh Kiều');
    expect(units.ward('31117')?.name).toBe('Phường Cái Khế');
  });

  it('adds up: wards to their district, districts to the city', () => {
    for (const district of units.districts()) {
      const wards = units.wardsOf(district.code).reduce((n, w) => n + w.population, 0);
      expect(wards).toBe(district.population);
    }
    expect(units.districts().reduce((n, d) => n + d.population, 0)).toBe(units.province.population);
  });

  it('answers which district a ward is in, and whether an area contains it', () => {
    expect(units.districtOfWard('31117')?.code).toBe('916');
    expect(units.contains('916', '31117')).toBe(true);
    expect(units.contains('92', '31117')).toBe(true);
    expect(units.contains('31117', '31117')).toBe(true);
    expect(units.contains('917', '31117')).toBe(false);
    expect(units.contains('916', '99999')).toBe(false);
    expect(units.ward('916')).toBeUndefined(); // a district is not a ward
  });
});

describe('loading reference data', () => {
  const write = (content: string): string => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'geo-')), 'units.csv');
    writeFileSync(file, content);
    return file;
  };
  const header = 'level,code,name,parent_code,population,population_source';

  it('names the line and field of a bad row', () => {
    const file = write(`${header}\nprovince,92,City,,100,"census, 2019"\ndistrict,916,D,92,not-a-number,x\n`);
    expect(() => loadAdminUnits(file)).toThrow(/line 3: population/);
  });

  it('refuses a ward whose parent is not a district', () => {
    expect(
      () =>
        new AdminUnits([
          { level: 'province', code: '92', name: 'City', parentCode: null, population: 10 },
          { level: 'ward', code: '31117', name: 'W', parentCode: '92', population: 10 },
        ]),
    ).toThrow(/must belong to a district/);
  });
});
