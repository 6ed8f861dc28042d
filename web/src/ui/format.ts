// German formats: 1.234,56 € and 31.12.2026. Amounts travel as integer cents; dates without time as 'YYYY-MM-DD'.
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const dateTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const count = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** 3506 → "3.506": one formatter for every table cell (toLocaleString makes a new one per call). */
export function formatCount(n: number): string {
  return count.format(n);
}

/** 123456 → "1.234,56 €" (with the no-break space German typesetting puts before the sign). */
export function formatEuro(cents: number | null | undefined): string {
  return cents == null ? '–' : euro.format(cents / 100);
}

/**
 * What a person types as euros → integer cents: "1.234,56", "1234,5", "1234", "12,50 €". Null when it is no amount.
 * The comma is the decimal separator; dots are thousands separators (German input).
 */
export function parseEuroToCents(input: string): number | null {
  const text = input.replace(/€/g, '').replace(/\s/g, '');
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ''] = text.replace(/\./g, '').split(',');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0')));
}

/**
 * What a person types as a date → 'YYYY-MM-DD': "31.12.2026", "1.2.2027" (an ISO date passes as it is). Null when it
 * is no day of the calendar ("31.02.2026", "32.13.2026").
 */
export function parseGermanDate(input: string): string | null {
  const text = input.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = german ? [german[3], german[2], german[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (year === undefined || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one (UTC: no time zone shifts a date).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-07-31" → "31.07.2026" (string work: a date without time has no time zone to shift it). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An ISO timestamp → "31.07.2026, 14:05" in Berlin time. */
export function formatDateTime(timestamp: string | null | undefined): string {
  return timestamp ? dateTime.format(new Date(timestamp)) : '–';
}

/** Today in Berlin as 'YYYY-MM-DD' (the server's "today" too). */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The next occurrence of a month-day ('07-31') on or after today: the end of the school year. */
export function nextMonthDay(monthDay: string, today = todayInBerlin()): string {
  const thisYear = `${today.slice(0, 4)}-${monthDay}`;
  return thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}`;
}
