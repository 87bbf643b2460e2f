/**
 * The use cases' queries, each written once in both forms (MongoDB filter and predicate), over
 * the generic `States` and `Documents` of ./documents. MongoDB uses the indexes declared below;
 * FerretDB on SQLite scans (ADR 3), which bounds these to tracing-sized collections.
 */
import type { IndexDeclaration, KeyIndex } from '@truyvet/store';
import type {
  Area,
  DirectoryEntry,
  ExposureLogs,
  FacilityQueries,
  PersonDirectory,
  RecordQueries,
  ResultLog,
  RuleSetQueries,
  StoredRuleSet,
  TaskQueries,
  WaitingEntry,
  WaitingQueries,
} from '../app/ports';
import type { ProximityLog, VenueVisit } from '../domain/exposure-logs';
import type { FacilityState } from '../domain/facility';
import type { PersonResult } from '../domain/record';
import type { TracingTask } from '../domain/tasks';
import type { TracingRecord } from '../domain/types';
import type { Documents, Query, States } from './documents';

export const RECORDS = 'records';
export const FACILITIES = 'facilities';
export const TASKS = 'tasks';
export const WAITING = 'waiting';
export const RULE_SETS = 'rule_sets';
export const HOUSEHOLDS = 'households';
export const DIRECTORY = 'directory';
/** The directory's persons by household id (a KeyIndex). */
export const HOUSEHOLD_MEMBERS = 'household_members';
export const RESULT_LOG = 'result_log';
export const VISITS = 'venue_visits';
export const PROXIMITY = 'proximity_logs';

export const caseGraphIndexes: IndexDeclaration[] = [
  {
    collection: RECORDS,
    indexes: [
      { key: { 'state.area.districtCode': 1, 'state.area.wardCode': 1 }, name: 'area' },
      { key: { 'state.person.householdId': 1 }, name: 'household' },
      { key: { 'state.cases.likelySourcePersonId': 1 }, name: 'case_source' },
      { key: { 'state.classification.clusterId': 1 }, name: 'cluster' },
      { key: { 'state.orders.status': 1, 'state.orders.endsOn': 1 }, name: 'orders' },
    ],
  },
  {
    collection: TASKS,
    indexes: [{ key: { 'state.districtCode': 1, 'state.wardCode': 1, 'state.status': 1 }, name: 'area' }],
  },
  {
    collection: VISITS,
    indexes: [
      { key: { venueId: 1 }, name: 'venue' },
      { key: { personId: 1 }, name: 'person' },
    ],
  },
  {
    collection: PROXIMITY,
    indexes: [
      { key: { personA: 1 }, name: 'a' },
      { key: { personB: 1 }, name: 'b' },
    ],
  },
];

function areaQuery(
  prefix: string,
  area: Area,
): { filter: Record<string, unknown>; matches: (a: Area) => boolean } {
  const filter: Record<string, unknown> = {};
  if (area.districtCode) filter[`${prefix}.districtCode`] = area.districtCode;
  if (area.wardCode) filter[`${prefix}.wardCode`] = area.wardCode;
  return {
    filter,
    matches: (a) =>
      (!area.districtCode || a.districtCode === area.districtCode) &&
      (!area.wardCode || a.wardCode === area.wardCode),
  };
}

async function statesOf<S>(states: States<S>, query: Query<S>, limit?: number): Promise<S[]> {
  return (await states.find(query, limit)).map((v) => v.state);
}

export function recordQueries(states: States<TracingRecord>): RecordQueries {
  return {
    casesIn: async (area, status) => {
      const where = areaQuery('state.area', area);
      const records = await statesOf(states, {
        filter: {
          ...where.filter,
          ...(status ? { 'state.cases.status': status } : { 'state.cases.caseId': { $exists: true } }),
        },
        matches: (r) =>
          where.matches(r.area) &&
          r.cases.length > 0 &&
          (!status || r.cases.some((c) => c.status === status)),
      });
      const latest = (r: TracingRecord): string => r.cases.at(-1)?.confirmedAt ?? '';
      return records.sort((a, b) => latest(b).localeCompare(latest(a)));
    },
    isolatedIn: (area) => {
      const where = areaQuery('state.area', area);
      return statesOf(states, {
        filter: { ...where.filter, 'state.orders.status': 'active' },
        matches: (r) => where.matches(r.area) && r.orders.some((o) => o.status === 'active'),
      });
    },
    dueForRelease: (day) =>
      statesOf(states, {
        filter: { 'state.orders.status': 'active', 'state.orders.endsOn': { $lte: day } },
        matches: (r) =>
          r.orders.some((o) => o.status === 'active' && o.endsOn !== undefined && o.endsOn <= day),
      }),
    infectedBy: (personIds) =>
      statesOf(states, {
        filter: { 'state.cases.likelySourcePersonId': { $in: [...personIds] } },
        matches: (r) =>
          r.cases.some(
            (c) => c.likelySourcePersonId !== undefined && personIds.includes(c.likelySourcePersonId),
          ),
      }),
    inCluster: (clusterId) =>
      statesOf(states, {
        filter: {
          $or: [{ 'state.classification.clusterId': clusterId }, { 'state.cases.clusterId': clusterId }],
        },
        matches: (r) =>
          r.classification.clusterId === clusterId || r.cases.some((c) => c.clusterId === clusterId),
      }),
  };
}

export function taskQueries(states: States<TracingTask>): TaskQueries {
  return {
    inArea: (area, { statuses, kind }) => {
      const where = areaQuery('state', area);
      return statesOf(
        states,
        {
          filter: {
            ...where.filter,
            'state.status': { $in: [...statuses] },
            ...(kind ? { 'state.kind': kind } : {}),
          },
          matches: (t) => where.matches(t) && statuses.includes(t.status) && (!kind || t.kind === kind),
        },
        5_000,
      );
    },
  };
}

export function waitingQueries(states: States<WaitingEntry>): WaitingQueries {
  return {
    waiting: async () =>
      (
        await states.find({ filter: { 'state.status': 'waiting' }, matches: (w) => w.status === 'waiting' })
      ).sort((a, b) => a.state.since.localeCompare(b.state.since)),
  };
}

export function facilityQueries(states: States<FacilityState>): FacilityQueries {
  return { all: () => states.find({ filter: {}, matches: () => true }) };
}

export function ruleSetQueries(states: States<StoredRuleSet>): RuleSetQueries {
  return { all: () => statesOf(states, { filter: {}, matches: () => true }) };
}

/**
 * The registry's persons as case-graph knows them. A household's members are found through an index
 * by household id (a KeyIndex: ADR 13), filed before each entry is written, so a new case's
 * household costs reads by `_id`, not a search of the directory.
 */
export function personDirectory(docs: Documents<DirectoryEntry>, households: KeyIndex): PersonDirectory {
  const file = (entry: DirectoryEntry) =>
    households.add(entry.details.householdId ? [{ key: entry.details.householdId, id: entry._id }] : []);
  return {
    put: async (entry) => {
      await file(entry);
      await docs.put(entry);
    },
    add: async (entry) => {
      await file(entry);
      return (await docs.insert([entry]))[0] ?? false;
    },
    get: (id) => docs.get(id),
    getMany: (ids) => docs.getMany(ids),
    householdMembers: async (householdId) => {
      const entries = await docs.getMany(await households.idsOf(householdId));
      // The index is a superset: the entry itself says where the person lives now.
      return [...entries.values()].filter(
        (e) => e.details.householdId === householdId && e.mergedInto === undefined,
      );
    },
  };
}

/** Files what the directory held before the household index existed (once, at start). */
export function buildHouseholdIndex(docs: Documents<DirectoryEntry>, households: KeyIndex): Promise<void> {
  return households.buildOnce(async () =>
    (await docs.find({ filter: {}, matches: () => true })).flatMap((e) =>
      e.details.householdId ? [{ key: e.details.householdId, id: e._id }] : [],
    ),
  );
}

type LoggedResult = PersonResult & { _id: string; personId: string };

export function resultLog(docs: Documents<LoggedResult>): ResultLog {
  return { get: (resultId) => docs.get(resultId) };
}

type VisitDoc = VenueVisit & { _id: string };
type ProximityDoc = ProximityLog & { _id: string };

const strip = <T extends { _id: string }>({ _id: _, ...rest }: T): Omit<T, '_id'> => rest;

export function exposureLogs(visits: Documents<VisitDoc>, proximity: Documents<ProximityDoc>): ExposureLogs {
  return {
    addVisits: async (list) => {
      await visits.insert(list.map((v) => ({ ...v, _id: `${v.venueId}|${v.personId}|${v.from}` })));
    },
    visitsAt: async (venueIds) =>
      (
        await visits.find({
          filter: { venueId: { $in: [...venueIds] } },
          matches: (v) => venueIds.includes(v.venueId),
        })
      ).map(strip),
    visitsOf: async (personId) =>
      (await visits.find({ filter: { personId }, matches: (v) => v.personId === personId })).map(strip),
    addProximity: async (list) => {
      await proximity.insert(list.map((p) => ({ ...p, _id: `${p.personA}|${p.personB}|${p.from}` })));
    },
    proximityOf: async (personId) =>
      (
        await proximity.find({
          filter: { $or: [{ personA: personId }, { personB: personId }] },
          matches: (p) => p.personA === personId || p.personB === personId,
        })
      ).map(strip),
  };
}
