/**
 * Turnaround per district and collection day: how long tubes took from swab to the lab and from
 * the lab to a result (p50/p90), and which are overdue (no result within the rule set's limit after
 * collection). Days are Vietnamese calendar days (UTC+7). Pure.
 */
import {
  durations,
  hoursBetween,
  percentile,
  vietnamDay,
  type Durations,
  type RuleBook,
} from '@truyvet/rules';
import type { LabSampleState } from './lab-sample';

export { vietnamDay, percentile, type Durations };

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
