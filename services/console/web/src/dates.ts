const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today in Vietnam, as YYYY-MM-DD: the day the health staff's forms and lists go by. */
export function todayInVietnam(): string {
  return VIETNAM_DAY.format(new Date());
}

/** The day in Vietnam of a moment (an RFC 3339 time), as YYYY-MM-DD. */
export function dayInVietnam(at: string): string {
  return VIETNAM_DAY.format(new Date(at));
}
