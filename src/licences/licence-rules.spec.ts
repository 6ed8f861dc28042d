import { addMonthsKeepingMonthEnd as addMonths } from '../common/dates';
import { contractWarnings, type ContractFacts, currentTerm, DEFAULT_LICENCE_SETTINGS, lastDayToCancel, productWarnings, seatWarnings, splitCents } from './licence-rules';

describe('lastDayToCancel (end of term minus the notice period), hand-computed', () => {
  it.each([
    // term end, period, unit, last day to cancel
    ['2026-12-31', 3, 'months', '2026-09-30'], // month end → month end (30 days)
    ['2026-09-30', 1, 'months', '2026-08-31'], // month end → month end (31 days), not 30.08.
    ['2028-05-31', 3, 'months', '2028-02-29'], // leap year
    ['2027-05-31', 3, 'months', '2027-02-28'], // common year
    ['2026-07-31', 6, 'months', '2026-01-31'],
    ['2027-02-28', 1, 'months', '2027-01-31'], // February's end is a month end too
    ['2026-03-15', 1, 'months', '2026-02-15'], // mid-month: same day number
    ['2026-03-30', 1, 'months', '2026-02-28'], // the day does not exist in February: its last day
    ['2026-01-31', 2, 'months', '2025-11-30'], // across the year
    ['2026-07-31', 0, 'months', '2026-07-31'],
    ['2026-03-01', 1, 'days', '2026-02-28'],
    ['2028-03-01', 1, 'days', '2028-02-29'],
    ['2026-12-31', 6, 'weeks', '2026-11-19'],
  ] as const)('%s minus %i %s is %s', (termEnd, period, unit, expected) => {
    expect(lastDayToCancel(termEnd, period, unit)).toBe(expected);
  });

  it('adds months forward with the same month-end rule', () => {
    expect(addMonths('2027-02-28', 12)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
  });
});

describe('currentTerm', () => {
  const contract = { termStart: '2024-08-01', termEnd: '2025-07-31', autoRenewal: true, renewalMonths: 12, noticePeriod: 3, noticeUnit: 'months' as const };

  it('keeps the first term while it runs', () => {
    expect(currentTerm(contract, '2025-07-31')).toEqual({ termEnd: '2025-07-31', lastDayToCancel: '2025-04-30', renewals: 0 });
  });

  it('runs on by the renewal period after the end, and the deadline moves with it', () => {
    expect(currentTerm(contract, '2025-08-01')).toEqual({ termEnd: '2026-07-31', lastDayToCancel: '2026-04-30', renewals: 1 });
    expect(currentTerm(contract, '2027-01-10')).toEqual({ termEnd: '2027-07-31', lastDayToCancel: '2027-04-30', renewals: 2 });
  });

  it('lets a contract without renewal end, with nothing to cancel', () => {
    expect(currentTerm({ ...contract, autoRenewal: false }, '2026-01-01')).toEqual({ termEnd: '2025-07-31', lastDayToCancel: null, renewals: 0 });
  });
});

describe('warnings', () => {
  const s = DEFAULT_LICENCE_SETTINGS;
  const base: ContractFacts = {
    id: 'c1', productId: 'p1', termStart: '2026-01-01', termEnd: '2026-12-31', autoRenewal: true, renewalMonths: 12,
    noticePeriod: 3, noticeUnit: 'months', seatsBought: 100, seatsAssigned: 100, seatsInUse: 80,
  };
  const codes = (c: ContractFacts, today: string) => contractWarnings(c, 'Mathe-App', today, s).map((w) => w.code);

  it('warns of the cancellation deadline from 60 days before it up to the day itself', () => {
    expect(codes(base, '2026-07-31')).toEqual([]); // 61 days before 30.09.
    const [w] = contractWarnings(base, 'Mathe-App', '2026-08-01', s); // 60 days before
    expect(w).toMatchObject({ code: 'cancellation_due', contractId: 'c1', params: { lastDayToCancel: '2026-09-30', termEnd: '2026-12-31', daysLeft: 60 } });
    expect(codes(base, '2026-09-30')).toEqual(['cancellation_due']);
    expect(codes(base, '2026-10-01')).toEqual([]); // missed: it renews
  });

  it('warns of a term ending without renewal', () => {
    const c = { ...base, autoRenewal: false, noticePeriod: null, noticeUnit: null };
    expect(codes(c, '2026-10-31')).toEqual([]);
    expect(contractWarnings(c, 'Mathe-App', '2026-11-01', s)[0]).toMatchObject({ code: 'ending_without_renewal', params: { termEnd: '2026-12-31', daysLeft: 60 } });
    expect(codes(c, '2027-01-01')).toEqual([]); // ended
  });

  it('warns of more seats assigned than bought, and of low use after three months only', () => {
    expect(codes({ ...base, seatsAssigned: 101 }, '2026-06-01')).toEqual(['seats_over_bought']);
    const low = { ...base, seatsInUse: 29 };
    expect(codes(low, '2026-03-31')).toEqual([]); // 1 Jan + 3 months = 1 Apr
    expect(contractWarnings(low, 'Mathe-App', '2026-04-01', s)).toEqual([
      expect.objectContaining({ code: 'low_use', params: { product: 'Mathe-App', seatsInUse: 29, seatsBought: 100, usePercent: 29 } }),
    ]);
    expect(codes({ ...base, seatsInUse: 30 }, '2026-06-01')).toEqual([]);
    expect(codes({ ...base, seatsInUse: null }, '2026-06-01')).toEqual([]);
  });

  it('warns of a school using more seats than assigned', () => {
    expect(seatWarnings({ contractId: 'c1', productId: 'p1', schoolId: 's1', seatsAssigned: 10, seatsInUse: 11 }, 'X')[0]).toMatchObject({ code: 'use_over_assigned', schoolId: 's1', params: { seatsInUse: 11, seatsAssigned: 10 } });
    expect(seatWarnings({ contractId: 'c1', productId: 'p1', schoolId: 's1', seatsAssigned: 10, seatsInUse: 10 }, 'X')).toEqual([]);
  });

  it('warns of a product with students’ data but without AV-Vertrag or approval', () => {
    const p = { id: 'p1', name: 'Lernplattform', processesStudentData: true, dpaSignedOn: null, approved: false };
    expect(productWarnings(p).map((w) => w.code)).toEqual(['dpa_missing', 'not_approved']);
    expect(productWarnings({ ...p, dpaSignedOn: '2025-01-10', approved: true })).toEqual([]);
    expect(productWarnings({ ...p, processesStudentData: false })).toEqual([]);
  });
});

describe('splitCents', () => {
  it('splits so the parts add up, the leftover cents to the largest remainders', () => {
    expect(splitCents(100_00, [1, 1, 1])).toEqual([3334, 3333, 3333]);
    expect(splitCents(1000, [2, 1])).toEqual([667, 333]);
    expect(splitCents(500, [0, 0])).toEqual([0, 0]);
    const parts = splitCents(9_999_999_999_999, [9_000_000, 1_000_000, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_999_999_999_999);
  });
});
