/**
 * Calendar days as the rules count them: Vietnamese days (UTC+7), written YYYY-MM-DD. Quarantine
 * periods, test days and infectious windows are whole days, not hours.
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Vietnamese calendar day of an instant, YYYY-MM-DD. */
export function vietnamDay(at: string | Date): string {
  return new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last instant of a Vietnamese day, as an RFC 3339 time with its offset. */
export function endOfVietnamDay(day: string): string {
  return `${day}T23:59:59+07:00`;
}

/** The later of two days. */
export function laterDay(a: string, b: string): string {
  return a >= b ? a : b;
}
