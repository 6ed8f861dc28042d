import { addDays, addMonths, addMonthsKeepingMonthEnd, todayInBerlin } from './dates';

describe('todayInBerlin', () => {
  it('turns to the next day at midnight in Berlin, in winter (UTC+1) and summer (UTC+2), in any order of calls', () => {
    const cases: [string, string][] = [
      ['2026-01-15T22:59:59.999Z', '2026-01-15'],
      ['2026-01-15T23:00:00.000Z', '2026-01-16'],
      ['2026-01-15T22:30:00.000Z', '2026-01-15'],
      ['2026-07-01T21:59:59.999Z', '2026-07-01'],
      ['2026-07-01T22:00:00.000Z', '2026-07-02'],
      ['2026-07-01T21:00:00.000Z', '2026-07-01'],
      ['2026-07-01T22:00:00.000Z', '2026-07-02'],
      // The night the clocks go forward (29 March 2026, 02:00 CET → 03:00 CEST) and back (25 October 2026).
      ['2026-03-28T22:59:59.000Z', '2026-03-28'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29'],
      ['2026-03-29T21:59:59.000Z', '2026-03-29'],
      ['2026-03-29T22:00:00.000Z', '2026-03-30'],
      ['2026-10-24T21:59:59.000Z', '2026-10-24'],
      ['2026-10-24T22:00:00.000Z', '2026-10-25'],
      ['2026-10-25T22:59:59.000Z', '2026-10-25'],
      ['2026-10-25T23:00:00.000Z', '2026-10-26'],
      // Before 1893 Berlin kept its local mean time (UTC+0:53:28): its day did not turn on a full UTC hour.
      ['1893-03-31T23:00:00.000Z', '1893-03-31'],
      ['1893-03-31T23:10:00.000Z', '1893-04-01'],
    ];
    for (const [instant, day] of [...cases, ...cases.slice().reverse()]) expect([instant, todayInBerlin(new Date(instant))]).toEqual([instant, day]);
  });
});

describe('addMonths, addMonthsKeepingMonthEnd', () => {
  // The rule by the calendar of JS dates (what the arithmetic replaced), for every day of 2019 to 2030.
  const byDate = (date: string, months: number, monthEndStays: boolean) => {
    const [y, m, d] = date.split('-').map(Number);
    const dim = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    const index = y * 12 + (m - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const day = monthEndStays && d === dim(y, m) ? dim(year, month) : Math.min(d, dim(year, month));
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };

  it('agree with the calendar for every day from 2019 to 2030, months back and forth', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (let date = '2019-01-01'; date < '2031-01-01'; date = addDays(date, 1)) {
      for (const months of [-25, -12, -3, -1, 1, 2, 6, 12, 13, 48]) {
        if (addMonths(date, months) !== byDate(date, months, false)) wrong.push(`addMonths(${date}, ${months})`);
        if (addMonthsKeepingMonthEnd(date, months) !== byDate(date, months, true)) wrong.push(`addMonthsKeepingMonthEnd(${date}, ${months})`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(43_830);
  });

  it('keep month ends and leap days by hand-computed cases', () => {
    expect(addMonthsKeepingMonthEnd('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonthsKeepingMonthEnd('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonthsKeepingMonthEnd('2025-09-30', -1)).toBe('2025-08-31');
    expect(addMonths('2025-09-30', -1)).toBe('2025-08-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsKeepingMonthEnd('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonthsKeepingMonthEnd('2000-01-31', 1)).toBe('2000-02-29');
  });
});
