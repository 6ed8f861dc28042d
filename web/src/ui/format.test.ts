import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatEuro, nextMonthDay, parseEuroToCents, parseGermanDate } from './format';

describe('German formats', () => {
  it('shows cents as euros the German way', () => {
    expect(formatEuro(123456)).toBe('1.234,56\u00a0€');
    expect(formatEuro(5)).toBe('0,05\u00a0€');
    expect(formatEuro(null)).toBe('–');
  });

  it('reads typed euros into cents', () => {
    expect(parseEuroToCents('1.234,56')).toBe(123456);
    expect(parseEuroToCents('1234,5')).toBe(123450);
    expect(parseEuroToCents('12 €')).toBe(1200);
    expect(parseEuroToCents('0,99')).toBe(99);
    expect(parseEuroToCents('12.5')).toBeNull();
    expect(parseEuroToCents('abc')).toBeNull();
  });

  it('shows dates as dd.mm.yyyy and timestamps in Berlin time', () => {
    expect(formatDate('2026-07-31')).toBe('31.07.2026');
    expect(formatDateTime('2026-12-31T23:30:00Z')).toBe('01.01.2027, 00:30');
  });

  it('reads typed dates, only days of the calendar', () => {
    expect(parseGermanDate('31.12.2026')).toBe('2026-12-31');
    expect(parseGermanDate(' 1.2.2027 ')).toBe('2027-02-01');
    expect(parseGermanDate('2026-07-31')).toBe('2026-07-31');
    expect(parseGermanDate('29.02.2028')).toBe('2028-02-29');
    const wrong = ['31.02.2026', '29.02.2026', '32.13.2026', '0.1.2026', '31.04.2026', '2026-02-30', '12/31/2026', '31.12.26', ''];
    expect(Object.fromEntries(wrong.map((w) => [w, parseGermanDate(w)]))).toEqual(Object.fromEntries(wrong.map((w) => [w, null])));
  });

  it('finds the next end of the school year', () => {
    expect(nextMonthDay('07-31', '2026-12-01')).toBe('2027-07-31');
    expect(nextMonthDay('07-31', '2026-03-01')).toBe('2026-07-31');
  });

  it('counts with the German thousands point', () => {
    expect(formatCount(3506)).toBe('3.506');
    expect(formatCount(1627)).toBe('1.627');
    expect(formatCount(12)).toBe('12');
    expect(formatCount(0)).toBe('0');
  });
});
