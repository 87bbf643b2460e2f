import { DomainError, invalid } from '@truyvet/errors';
import type { AdminUnits } from '@truyvet/geo';
import { RuleSetError, vietnamDay, type RiskRuleBook, type RiskRuleSet, type RuleBook } from '@truyvet/rules';
import type { Query } from '@truyvet/store';
import type { FactKind, FactKinds } from '../domain/facts';
import { dailyReportRows, lineListRows, riskRows, toCsv, turnaroundRows } from '../domain/export';
import {
  dailyReport,
  districtTurnaround,
  inArea,
  riskTable,
  type AreaFacts,
  type AreaLevel,
  type DailyReport,
  type DistrictTurnaround,
  type ReportArea,
  type RiskTable,
} from '../domain/report';
import type { FactCollections } from './ports';

export interface AreaRequest {
  level: AreaLevel;
  /** Empty for the city. */
  code?: string | undefined;
}

export type ExportKind = 'daily' | 'risk' | 'turnaround' | 'line_list';
export type ExportFormat = 'csv' | 'json';

export interface ExportedFile {
  contentType: string;
  fileName: string;
  content: string;
  /** The people the file names: the answer's `personIds`, which the read audit records. */
  personIds: string[];
}

const everything = <T>(): Query<T> => ({ filter: {}, matches: () => true });

/** The district whose facts hold an area's (a ward's: its district's); none for the city. */
const districtOf = (area: ReportArea): string | undefined =>
  area.level === 'ward' ? area.districtCode : area.level === 'district' ? area.code : undefined;

/** Facts placed in a district: those with its code, and orders with no place of their own. */
function inDistrict<T extends { districtCode?: string | undefined }>(
  code: string,
  orPlaceless: boolean,
): Query<T> {
  return orPlaceless
    ? {
        filter: { $or: [{ districtCode: code }, { districtCode: { $exists: false } }] },
        matches: (f) => f.districtCode === code || f.districtCode === undefined,
      }
    : { filter: { districtCode: code }, matches: (f) => f.districtCode === code };
}

/**
 * The report desk: resolves areas against the reference data, loads the facts of an area and
 * hands them to the pure report functions. Everything is computed when asked, from facts folded
 * from events, so the figures are always current and a rebuild from the topics gives the same.
 */
export class ReportDesk {
  constructor(
    private readonly facts: FactCollections,
    private readonly units: AdminUnits,
    private readonly riskRules: RiskRuleBook,
    private readonly labRules: RuleBook,
    private readonly now: () => Date,
  ) {}

  today(): string {
    return vietnamDay(this.now());
  }

  /** The area named, or NOT_FOUND. */
  area(request: AreaRequest): ReportArea {
    const { province } = this.units;
    if (request.level === 'city') {
      if (request.code && request.code !== province.code) throw unknownArea('city', request.code);
      return { level: 'city', code: province.code, name: province.name, population: province.population };
    }
    const code = request.code ?? '';
    const unit = request.level === 'district' ? this.units.district(code) : this.units.ward(code);
    if (!unit) throw unknownArea(request.level, code);
    return {
      level: request.level,
      code: unit.code,
      name: unit.name,
      population: unit.population,
      ...(unit.parentCode && request.level === 'ward' ? { districtCode: unit.parentCode } : {}),
    };
  }

  /** The area and the areas one level down (districts of the city, wards of a district). */
  areaWithParts(request: AreaRequest): ReportArea[] {
    const area = this.area(request);
    const parts =
      area.level === 'city'
        ? this.units.districts().map((d) => this.area({ level: 'district', code: d.code }))
        : area.level === 'district'
          ? this.units.wardsOf(area.code).map((w) => this.area({ level: 'ward', code: w.code }))
          : [];
    return [area, ...parts];
  }

  async dailyReport(request: AreaRequest, date: string): Promise<DailyReport> {
    const area = this.area(request);
    return dailyReport(area, await this.factsOf(area), date, this.now());
  }

  /** The area's report followed by one per district or ward in it, from one load of facts. */
  async dailyReports(request: AreaRequest, date: string): Promise<DailyReport[]> {
    const areas = this.areaWithParts(request);
    const facts = await this.factsOf(areas[0] as ReportArea);
    return areas.map((area) => dailyReport(area, facts, date, this.now()));
  }

  async riskTable(request: AreaRequest, date: string): Promise<RiskTable> {
    const area = this.area(request);
    const wards =
      area.level === 'ward'
        ? [area]
        : (area.level === 'city' ? this.units.wards() : this.units.wardsOf(area.code)).map((w) =>
            this.area({ level: 'ward', code: w.code }),
          );
    return riskTable(wards, await this.factsOf(area), date, this.riskRulesOn(date));
  }

  /** The risk-level rule set in force that day; a day before the first one is the caller's error. */
  private riskRulesOn(date: string): RiskRuleSet {
    try {
      return this.riskRules.inForceOn(date);
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      throw invalid('NO_RISK_RULES', error.message, [{ field: 'date', description: error.message }]);
    }
  }

  async turnaround(request: AreaRequest, date: string): Promise<DistrictTurnaround[]> {
    const area = this.area(request);
    if (area.level === 'ward')
      throw invalid('TURNAROUND_BY_DISTRICT', 'turnaround is reported by district or for the city', [
        { field: 'area.level', description: 'must be city or district' },
      ]);
    const districts =
      area.level === 'city'
        ? this.units.districts().map((d) => this.area({ level: 'district', code: d.code }))
        : [area];
    const facts = await this.factsOf(area);
    return districts.map((d) => districtTurnaround(d, facts, date, this.now(), this.labRules));
  }

  async export(
    kind: ExportKind,
    format: ExportFormat,
    request: AreaRequest,
    date: string,
  ): Promise<ExportedFile> {
    const area = this.area(request);
    const rows =
      kind === 'daily'
        ? dailyReportRows(await this.dailyReports(request, date))
        : kind === 'risk'
          ? riskRows((await this.riskTable(request, date)).wards, date)
          : kind === 'turnaround'
            ? turnaroundRows(await this.turnaround(request, date))
            : await this.lineList(area, date);
    const fileName = `truyvet-${kind}-${area.level}-${area.code}-${date}.${format}`;
    // The line list goes to spreadsheets as it is: a BOM tells them it is UTF-8 (Vietnamese names).
    const bom = kind === 'line_list' ? '\uFEFF' : '';
    const personIds = kind === 'line_list' ? rows.map((r) => String(r.person_id)) : [];
    return format === 'csv'
      ? { contentType: 'text/csv; charset=utf-8', fileName, content: `${bom}${toCsv(rows)}`, personIds }
      : {
          contentType: 'application/json',
          fileName,
          content: `${JSON.stringify(rows, null, 2)}\n`,
          personIds,
        };
  }

  /** The case line list of an area (docs/line-list.md): its cases with their vaccination doses. */
  private async lineList(area: ReportArea, date: string): Promise<Array<Record<string, string | number>>> {
    const district = districtOf(area);
    const cases = (
      await this.find('cases', district === undefined ? everything() : inDistrict(district, false))
    ).filter((c) => inArea(area, c));
    const persons = await this.facts.persons.getMany(cases.map((c) => c.personId));
    return lineListRows(
      cases,
      (id) => persons.get(id)?.doseDates ?? [],
      {
        district: (code) => this.units.district(code)?.name ?? '',
        ward: (code) => this.units.ward(code)?.name ?? '',
      },
      date,
    );
  }

  /** The facts an area's figures need (a district's for a ward: a few more are cheap to filter). */
  private async factsOf(area: ReportArea): Promise<AreaFacts> {
    const district = districtOf(area);
    const placed = <K extends 'cases' | 'samples' | 'results' | 'orders' | 'doseTallies' | 'doseChanges'>(
      kind: K,
    ) => this.find(kind, district === undefined ? everything() : inDistrict(district, kind === 'orders'));
    const [cases, orders, samples, results, tallies, doseChanges, merges, testOrders, rejections] =
      await Promise.all([
        placed('cases'),
        placed('orders'),
        placed('samples'),
        placed('results'),
        placed('doseTallies'),
        placed('doseChanges'),
        this.find('merges', everything()),
        this.find('testOrders', everything()),
        this.find('rejections', everything()),
      ]);
    const f1 = orders.filter((o) => o.reason === 'contact' && o.level === 1).map((o) => o.personId);
    // People by id, only those the figures look up: not the whole registry (ADR 10, update).
    const [classifications, persons] = await Promise.all([
      this.facts.classifications.getMany(f1),
      this.facts.persons.getMany([
        ...orders.filter((o) => o.districtCode === undefined).map((o) => o.personId),
        ...testOrders.map((t) => t.personId),
        ...merges.map((m) => m._id),
      ]),
    ]);
    const rootIds = [...classifications.values()].flatMap((c) => (c.firstF1 ? [c.firstF1.rootCaseId] : []));
    const known = new Map(cases.map((c) => [c._id, c]));
    const missing = rootIds.filter((id) => !known.has(id));
    for (const [id, c] of await this.facts.cases.getMany(missing)) known.set(id, c);
    return {
      cases,
      orders,
      samples,
      results,
      persons,
      merged: new Set(merges.map((m) => m._id)),
      doses: [...tallies, ...doseChanges],
      testOrders,
      rejections: new Map(rejections.map((r) => [r._id, r])),
      classifications,
      rootCases: known,
    };
  }

  private find<K extends FactKind>(kind: K, query: Query<FactKinds[K]>): Promise<FactKinds[K][]> {
    return this.facts[kind].find(query);
  }
}

function unknownArea(level: AreaLevel, code: string): DomainError {
  return new DomainError(
    'AREA_NOT_FOUND',
    'not_found',
    `no ${level} with code ${code || '(empty)'} in the reference data`,
  );
}
