import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseCsvLine } from '@truyvet/csv';

export type UnitLevel = 'province' | 'district' | 'ward';

export interface AdminUnit {
  level: UnitLevel;
  /** GSO code: province 2 digits, district 3, ward/commune 5. */
  code: string;
  name: string;
  parentCode: string | null;
  /** 2019 census. */
  population: number;
}

const rowSchema = z.object({
  level: z.enum(['province', 'district', 'ward']),
  code: z.string().regex(/^\d{2,5}$/),
  name: z.string().min(1),
  parent_code: z.string(),
  population: z.coerce.number().int().positive(),
});

/**
 * A province's administrative units (province > districts > wards/communes), from the reference
 * data the project ships. Used to validate addresses, to check jurisdictions, and for the
 * population behind per-100,000 rates.
 */
export class AdminUnits {
  private readonly byCode = new Map<string, AdminUnit>();
  private readonly children = new Map<string, AdminUnit[]>();
  readonly province: AdminUnit;

  constructor(units: readonly AdminUnit[]) {
    for (const unit of units) {
      if (this.byCode.has(unit.code)) throw new Error(`admin unit ${unit.code} is listed twice`);
      this.byCode.set(unit.code, unit);
    }
    const provinces = units.filter((u) => u.level === 'province');
    const [province] = provinces;
    if (!province || provinces.length !== 1) throw new Error('reference data must hold exactly one province');
    this.province = province;
    for (const unit of units) {
      if (unit.level === 'province') continue;
      const parent = unit.parentCode ? this.byCode.get(unit.parentCode) : undefined;
      const expected = unit.level === 'district' ? 'province' : 'district';
      if (parent?.level !== expected) {
        throw new Error(
          `${unit.level} ${unit.code} (${unit.name}) must belong to a ${expected}, not ${unit.parentCode ?? 'nothing'}`,
        );
      }
      this.children.set(parent.code, [...(this.children.get(parent.code) ?? []), unit]);
    }
  }

  get(code: string): AdminUnit | undefined {
    return this.byCode.get(code);
  }

  ward(code: string): AdminUnit | undefined {
    const unit = this.byCode.get(code);
    return unit?.level === 'ward' ? unit : undefined;
  }

  district(code: string): AdminUnit | undefined {
    const unit = this.byCode.get(code);
    return unit?.level === 'district' ? unit : undefined;
  }

  /** Whether a jurisdiction (city, district or ward by code) is one of these units. */
  hasArea(area: { level: 'city' | 'district' | 'ward'; code: string }): boolean {
    if (area.level === 'city') return area.code === this.province.code;
    return area.level === 'district'
      ? this.district(area.code) !== undefined
      : this.ward(area.code) !== undefined;
  }

  districts(): AdminUnit[] {
    return this.children.get(this.province.code) ?? [];
  }

  wardsOf(districtCode: string): AdminUnit[] {
    return this.children.get(districtCode) ?? [];
  }

  wards(): AdminUnit[] {
    return this.districts().flatMap((d) => this.wardsOf(d.code));
  }

  /** The district a ward belongs to. */
  districtOfWard(wardCode: string): AdminUnit | undefined {
    const ward = this.ward(wardCode);
    return ward?.parentCode ? this.district(ward.parentCode) : undefined;
  }

  /** Whether a unit (the province, a district or a ward) contains a ward: for jurisdiction checks. */
  contains(areaCode: string, wardCode: string): boolean {
    const ward = this.ward(wardCode);
    if (!ward) return false;
    if (areaCode === ward.code) return true;
    if (areaCode === ward.parentCode) return true;
    return areaCode === this.province.code;
  }
}

/** Reads a reference-data file (the format of `data/can-tho-admin-units-2021.csv`). */
export function loadAdminUnits(file: string): AdminUnits {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  const columns = parseCsvLine(header ?? '');
  const units = rows.map((line, index) => {
    const values = parseCsvLine(line);
    const record = Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${path.basename(file)} line ${index + 2}: ${problems}`);
    }
    const { level, code, name, parent_code: parentCode, population } = parsed.data;
    return { level, code, name, parentCode: parentCode === '' ? null : parentCode, population };
  });
  return new AdminUnits(units);
}

let canTho: AdminUnits | undefined;

/** Cần Thơ city, 2021 boundaries, 2019 census: the reference data shipped with the project. */
export function canThoAdminUnits(): AdminUnits {
  canTho ??= loadAdminUnits(path.resolve(__dirname, '../data/can-tho-admin-units-2021.csv'));
  return canTho;
}
