/** Durations the reports give: how many, and the median and 90th percentile, in hours. */
export interface Durations {
  count: number;
  p50Hours: number;
  p90Hours: number;
}

/** Nearest-rank percentile of sorted values (0 when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

/** Count, p50 and p90 of durations in hours, rounded to a hundredth (36 seconds): isolation takes minutes. */
export function durations(hours: readonly number[]): Durations {
  const sorted = [...hours].sort((a, b) => a - b);
  const round = (h: number): number => Math.round(h * 100) / 100;
  return {
    count: sorted.length,
    p50Hours: round(percentile(sorted, 50)),
    p90Hours: round(percentile(sorted, 90)),
  };
}

export const hoursBetween = (from: string, to: string): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;
