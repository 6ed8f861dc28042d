// en-CA formats as YYYY-MM-DD. Made once: building an Intl.DateTimeFormat costs more than a whole scan's SQL (profiled).
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The schools' and the office's calendar runs on German time: "today" is the date in Berlin, not in UTC (YYYY-MM-DD). */
export function todayInBerlin(now: Date = new Date()): string {
  return BERLIN_DAY.format(now);
}
