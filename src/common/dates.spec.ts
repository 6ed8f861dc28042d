import { todayInBerlin } from './dates';

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
