/** Today in Vietnam, as YYYY-MM-DD: the day the health staff's forms and lists go by. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
