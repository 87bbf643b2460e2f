/**
 * What the use cases need from storage, named in the tracers' terms. Each has a MongoDB and an
 * in-memory implementation (adapters/), run through one contract suite.
 */
import type { AggregateStore, Versioned } from '@truyvet/store';
import type { VenueVisit, ProximityLog } from '../domain/exposure-logs';
import type { FacilityState, BedKind } from '../domain/facility';
import type { TracingTask, TaskKind } from '../domain/tasks';
import type { PersonDetails, TracingRecord } from '../domain/types';
import type { PersonResult } from '../domain/record';

export interface Area {
  districtCode?: string | undefined;
  wardCode?: string | undefined;
}

export interface RecordQueries {
  /** Records with a case in the area (newest first), optionally with one status. */
  casesIn(area: Area, status?: string): Promise<TracingRecord[]>;
  /** Records with an active isolation order in the area. */
  isolatedIn(area: Area): Promise<TracingRecord[]>;
  /** Records whose quarantine or self-monitoring period ended on or before `day`. */
  dueForRelease(day: string): Promise<TracingRecord[]>;
  /** Records whose case came (directly) from one of these persons. */
  infectedBy(personIds: readonly string[]): Promise<TracingRecord[]>;
  /** Everyone classified in, or a case of, the cluster. */
  inCluster(clusterId: string): Promise<TracingRecord[]>;
}

/** What the registry told us of each person (PersonRegistered, PersonUpdated, PersonsMerged). */
export interface DirectoryEntry {
  _id: string;
  details: PersonDetails;
  mergedInto?: string;
}

export interface PersonDirectory {
  put(entry: DirectoryEntry): Promise<void>;
  /** Inserts if new; true when it was new (a redelivered registration is not). */
  add(entry: DirectoryEntry): Promise<boolean>;
  get(personId: string): Promise<DirectoryEntry | null>;
  getMany(personIds: readonly string[]): Promise<Map<string, DirectoryEntry>>;
  householdMembers(householdId: string): Promise<DirectoryEntry[]>;
}

/**
 * The person results this service logged until amendments carried the tube's facts themselves:
 * read only, for an amendment published before then (replayed from the bus, say). Nothing is added.
 */
export interface ResultLog {
  get(resultId: string): Promise<(PersonResult & { personId: string }) | null>;
}

export interface ExposureLogs {
  addVisits(visits: readonly VenueVisit[]): Promise<void>;
  visitsAt(venueIds: readonly string[]): Promise<VenueVisit[]>;
  visitsOf(personId: string): Promise<VenueVisit[]>;
  addProximity(logs: readonly ProximityLog[]): Promise<void>;
  proximityOf(personId: string): Promise<ProximityLog[]>;
}

export interface TaskQueries {
  inArea(
    area: Area,
    options: { statuses: readonly TracingTask['status'][]; kind?: TaskKind },
  ): Promise<TracingTask[]>;
}

/** An order waiting for a bed. */
export interface WaitingEntry {
  orderId: string;
  personId: string;
  need: BedKind;
  districtCode?: string;
  since: string;
  status: 'waiting' | 'placed' | 'closed';
}

export interface WaitingQueries {
  waiting(): Promise<Array<Versioned<WaitingEntry>>>;
}

export interface FacilityQueries {
  all(): Promise<Array<Versioned<FacilityState>>>;
}

export interface StoredRuleSet {
  set: unknown;
  addedBy: string;
  addedAt: string;
  /** Why a set effective before the day it was added was added all the same. */
  pastReason?: string;
}

export interface RuleSetQueries {
  all(): Promise<StoredRuleSet[]>;
}

export type RecordStore = AggregateStore<TracingRecord>;
export type FacilityStore = AggregateStore<FacilityState>;
export type TaskStore = AggregateStore<TracingTask>;
export type WaitingStore = AggregateStore<WaitingEntry>;
export type RuleSetStore = AggregateStore<StoredRuleSet>;

/** The F0s a household has had, by household id (a lookup index; the records are the truth). */
export type HouseholdStore = AggregateStore<{ f0PersonIds: string[] }>;
