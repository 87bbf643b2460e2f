/**
 * Venue check-ins (QR codes at markets, shops, offices) and app exposure logs (Bluezone-style:
 * two phones near each other for a while) do not make anyone an F1 on their own: people whose
 * visit or encounter overlaps an F0 within the F0's infectious window become candidates for a
 * tracer to confirm. Pure.
 */
import { vietnamDay } from '@truyvet/rules';
import type { CandidateExposure } from './tasks';

export interface VenueVisit {
  venueId: string;
  venueName?: string;
  personId: string;
  from: string;
  to: string;
}

export interface ProximityLog {
  personA: string;
  personB: string;
  from: string;
  to: string;
}

/** The days in which an F0's contacts count. */
export interface CaseWindow {
  personId: string;
  since: string;
  until: string;
}

function overlap(
  a: { from: string; to: string },
  b: { from: string; to: string },
): { from: string; to: string } | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return Date.parse(from) < Date.parse(to) ? { from, to } : undefined;
}

function inWindow(window: CaseWindow, at: string): boolean {
  const day = vietnamDay(at);
  return day >= window.since && day <= window.until;
}

const hhmm = (at: string): string => new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(11, 16);

/** Visitors of a venue who were there at the same time as an F0, within the F0's window. */
export function venueCandidates(
  visits: readonly VenueVisit[],
  windows: ReadonlyMap<string, CaseWindow>,
): CandidateExposure[] {
  const found = new Map<string, CandidateExposure>();
  for (const f0Visit of visits) {
    const window = windows.get(f0Visit.personId);
    if (!window) continue;
    for (const visit of visits) {
      if (visit.personId === f0Visit.personId || visit.venueId !== f0Visit.venueId) continue;
      const together = overlap(f0Visit, visit);
      if (!together || !inWindow(window, together.from)) continue;
      const candidate: CandidateExposure = {
        sourcePersonId: f0Visit.personId,
        contactPersonId: visit.personId,
        contactType: 'venue',
        lastExposureOn: vietnamDay(together.to),
        evidence: 'venue_check_in',
        detail: `${visit.venueName ?? visit.venueId}, ${vietnamDay(together.from)} ${hhmm(together.from)}-${hhmm(together.to)}`,
      };
      const key = `${candidate.sourcePersonId}>${candidate.contactPersonId}`;
      const held = found.get(key);
      if (!held || held.lastExposureOn < candidate.lastExposureOn) found.set(key, candidate);
    }
  }
  return [...found.values()];
}

/** People an app saw near an F0 within the F0's window. */
export function proximityCandidates(
  logs: readonly ProximityLog[],
  windows: ReadonlyMap<string, CaseWindow>,
): CandidateExposure[] {
  const found = new Map<string, CandidateExposure>();
  for (const log of logs) {
    for (const [source, contact] of [
      [log.personA, log.personB],
      [log.personB, log.personA],
    ] as const) {
      const window = windows.get(source);
      if (!window || !inWindow(window, log.from)) continue;
      const candidate: CandidateExposure = {
        sourcePersonId: source,
        contactPersonId: contact,
        contactType: 'other',
        lastExposureOn: vietnamDay(log.to),
        evidence: 'proximity_log',
        detail: `near each other ${vietnamDay(log.from)} ${hhmm(log.from)}-${hhmm(log.to)}`,
      };
      const key = `${source}>${contact}`;
      const held = found.get(key);
      if (!held || held.lastExposureOn < candidate.lastExposureOn) found.set(key, candidate);
    }
  }
  return [...found.values()];
}
