/** The schools' and the office's calendar runs on German time: "today" is the date in Berlin, not in UTC (YYYY-MM-DD). */
export function todayInBerlin(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
