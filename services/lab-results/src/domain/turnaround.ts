/**
 * Turnaround per district and collection day: how long tubes took from swab to the lab and from
 * the lab to a result (p50/p90), and which are overdue (no result within the rule set's limit after
 * collection). Days are Vietnamese calendar days (UTC+7). Pure.
 */
import { vietnamDay, type RuleBook } from '@truyvet/rules';
import type { LabSampleState } from './lab-sample';

export interface Durations {
  count: number;
  p50Hours: number;
  p90Hours: number;
}

export interface TurnaroundReport {
  districtCode: string;
  date: string;
  collected: number;
  received: number;
  resulted: number;
  rejected: number;
  collectedToReceived: Durations;
  receivedToResulted: Durations;
  collectedToResulted: Durations;
  overdue: number;
  overdueSampleIds: string[];
}

export { vietnamDay };

/** Nearest-rank percentile of sorted values (0 when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

function durations(hours: number[]): Durations {
  const sorted = [...hours].sort((a, b) => a - b);
  const round = (h: number): number => Math.round(h * 10) / 10;
  return {
    count: sorted.length,
    p50Hours: round(percentile(sorted, 50)),
    p90Hours: round(percentile(sorted, 90)),
  };
}

const hoursBetween = (from: string, to: string): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;

/** The first result of a tube (amendments do not move the turnaround). */
function firstResultAt(state: LabSampleState): string | undefined {
  return state.results[0]?.resultedAt;
}

export function turnaround(
  samples: readonly LabSampleState[],
  query: { districtCode: string; date: string },
  rules: RuleBook,
  now: Date,
): TurnaroundReport {
  const day = samples.filter(
    (s) =>
      s.sample.site.districtCode === query.districtCode && vietnamDay(s.sample.collectedAt) === query.date,
  );
  const toReceived: number[] = [];
  const toResulted: number[] = [];
  const whole: number[] = [];
  const overdue: string[] = [];
  let rejected = 0;
  for (const s of day) {
    const resultedAt = firstResultAt(s);
    if (s.receivedAt) toReceived.push(hoursBetween(s.sample.collectedAt, s.receivedAt));
    if (s.rejectedAtAccession) rejected++;
    if (resultedAt) {
      whole.push(hoursBetween(s.sample.collectedAt, resultedAt));
      if (s.receivedAt) toResulted.push(hoursBetween(s.receivedAt, resultedAt));
      continue;
    }
    const limit = rules.inForceOn(s.sample.collectedAt).lab.resultOverdueAfterHours;
    if (!s.rejectedAtAccession && hoursBetween(s.sample.collectedAt, now.toISOString()) > limit) {
      overdue.push(s.sample.sampleId);
    }
  }
  return {
    districtCode: query.districtCode,
    date: query.date,
    collected: day.length,
    received: toReceived.length,
    resulted: whole.length,
    rejected,
    collectedToReceived: durations(toReceived),
    receivedToResulted: durations(toResulted),
    collectedToResulted: durations(whole),
    overdue: overdue.length,
    overdueSampleIds: overdue.sort().slice(0, 100),
  };
}
