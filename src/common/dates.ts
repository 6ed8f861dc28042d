// en-CA formats as YYYY-MM-DD. Made once: building an Intl.DateTimeFormat costs more than a whole scan's SQL (profiled).
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR_MS = 3_600_000;
// Since 1980 (and long before) Berlin's offset is CET or CEST; older dates are formatted every time.
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1980, 0, 1);
let lastDay = { from: 0, until: 0, day: '' };

/** The schools' and the office's calendar runs on German time: "today" is the date in Berlin, not in UTC (YYYY-MM-DD). */
export function todayInBerlin(now: Date = new Date()): string {
  // Berlin is a whole number of hours off UTC, so its day changes on a full UTC hour: within one such hour the
  // answer stays. Formatting per call showed in the scan's profile (bench/RESULTS.md #16); the last hour's answer is kept.
  const ms = now.getTime();
  if (ms >= lastDay.from && ms < lastDay.until) return lastDay.day;
  const from = Math.floor(ms / HOUR_MS) * HOUR_MS;
  const day = BERLIN_DAY.format(now);
  if (ms >= WHOLE_HOUR_OFFSETS_SINCE) lastDay = { from, until: from + HOUR_MS, day };
  return day;
}

/*
 * Calendar arithmetic on 'YYYY-MM-DD' strings (the form every `date` column has in JS), in UTC so that no time zone
 * or daylight saving shifts a day. The one set of these helpers: loans, grants, licences and the demo use them.
 */
const MS_PER_DAY = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Arithmetic, not a Date per call: the licence warnings ask this a few times for each of hundreds of contracts.
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]); // month 1..12
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date `days` days after (negative: before) `date`. */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

function shiftMonths(date: string, months: number, monthEndStays: boolean): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const day = monthEndStays && d === daysInMonth(y, m) ? last : Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The date `months` months after (negative: before) `date`, clamped to the end of a shorter month (29.02. + 1 year = 28.02.). */
export function addMonths(date: string, months: number): string {
  return shiftMonths(date, months, false);
}

/**
 * Like `addMonths`, but a month's last day maps to the target month's last day (31.05. − 3 months = 28.02. or 29.02.;
 * 30.09. − 1 month = 31.08.): contract terms that run to a month's end.
 */
export function addMonthsKeepingMonthEnd(date: string, months: number): string {
  return shiftMonths(date, months, true);
}
