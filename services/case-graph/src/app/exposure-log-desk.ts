/**
 * Venue check-ins and app exposure logs: stored as they come, matched against the infectious
 * windows of the F0s among the people in them, now and whenever a new F0 is confirmed later. A
 * match is a candidate task for a tracer, never an F1 on its own.
 */
import type { CaseConfirmedV1, EventOf } from '@truyvet/events';
import { vietnamDay } from '@truyvet/rules';
import { standingCase } from '../domain/classification';
import {
  proximityCandidates,
  venueCandidates,
  type CaseWindow,
  type ProximityLog,
  type VenueVisit,
} from '../domain/exposure-logs';
import type { CandidateExposure } from '../domain/tasks';
import type { TracingRecord } from '../domain/types';
import type { ExposureLogs, RecordStore } from './ports';
import type { TaskQueue } from './task-queue';

export interface VenueGraphView {
  visits: Array<VenueVisit & { level: number | null; area?: TracingRecord['area'] | undefined }>;
  /** Where each person of the graph lives (those with a tracing record). */
  areas: Map<string, TracingRecord['area']>;
  candidates: CandidateExposure[];
}

export class ExposureLogDesk {
  constructor(
    private readonly logs: ExposureLogs,
    private readonly records: RecordStore,
    private readonly tasks: TaskQueue,
  ) {}

  private async windowsOf(personIds: readonly string[]): Promise<Map<string, CaseWindow>> {
    const records = await this.records.loadMany([...new Set(personIds)]);
    return windowsOfRecords([...records.values()].map((r) => r.state));
  }

  async importVisits(visits: readonly VenueVisit[]): Promise<number> {
    if (visits.length === 0) return 0;
    await this.logs.addVisits(visits);
    const atVenues = await this.logs.visitsAt([...new Set(visits.map((v) => v.venueId))]);
    const windows = await this.windowsOf(atVenues.map((v) => v.personId));
    return this.tasks.candidatesFound(venueCandidates(atVenues, windows));
  }

  async importProximity(logs: readonly ProximityLog[]): Promise<number> {
    if (logs.length === 0) return 0;
    await this.logs.addProximity(logs);
    const windows = await this.windowsOf(logs.flatMap((l) => [l.personA, l.personB]));
    return this.tasks.candidatesFound(proximityCandidates(logs, windows));
  }

  /** A new F0: the venues they checked into and the people their phone met, within their window. */
  async caseConfirmed(event: EventOf<typeof CaseConfirmedV1>): Promise<number> {
    const { personId, infectiousFrom, infectiousUntil } = event.data;
    const windows = new Map([[personId, { personId, since: infectiousFrom, until: infectiousUntil }]]);
    const visits = await this.logs.visitsOf(personId);
    const atVenues =
      visits.length > 0 ? await this.logs.visitsAt([...new Set(visits.map((v) => v.venueId))]) : [];
    const proximity = await this.logs.proximityOf(personId);
    return this.tasks.candidatesFound([
      ...venueCandidates(atVenues, windows),
      ...proximityCandidates(proximity, windows),
    ]);
  }

  /** Who visited a venue in a period, their levels, and who overlapped an F0 there. */
  async venueGraph(venueId: string, fromDay: string, toDay: string): Promise<VenueGraphView> {
    const visits = (await this.logs.visitsAt([venueId])).filter((v) => {
      const day = vietnamDay(v.from);
      return day >= fromDay && day <= toDay;
    });
    const records = await this.records.loadMany([...new Set(visits.map((v) => v.personId))]);
    const windows = windowsOfRecords([...records.values()].map((r) => r.state));
    return {
      visits: visits
        .map((v) => ({
          ...v,
          level: records.get(v.personId)?.state.classification.level ?? null,
          area: records.get(v.personId)?.state.area,
        }))
        .sort((a, b) => a.from.localeCompare(b.from)),
      candidates: venueCandidates(visits, windows),
      areas: new Map([...records].map(([id, r]) => [id, r.state.area])),
    };
  }
}

function windowsOfRecords(records: readonly TracingRecord[]): Map<string, CaseWindow> {
  const windows = new Map<string, CaseWindow>();
  for (const record of records) {
    const standing = standingCase(record);
    if (standing)
      windows.set(record.personId, {
        personId: record.personId,
        since: standing.infectiousFrom,
        until: standing.infectiousUntil,
      });
  }
  return windows;
}
