import { addMonths } from '../common/dates';
import { amountAtRisk, earmarkOf, wholeMonthsBetween } from './earmarking';
import { categoryShareWarnings, mobileCapWarnings, mobileDeviceCap } from './program-rules';

describe('DigitalPakt mobile-device cap', () => {
  it('passes when every school stays within EUR 25,000 even above 20 % of the investment', () => {
    const r = mobileDeviceCap([
      { schoolId: 's1', investmentCents: 5_000_000, mobileCents: 2_500_000 },
      { schoolId: 's2', investmentCents: 3_000_000, mobileCents: 2_000_000 },
    ]);
    expect(r.authorityCapCents).toBe(1_600_000);
    expect(r.variant).toBe('per_school');
    expect(r.excessCents).toBe(0);
    expect(mobileCapWarnings(r)).toEqual([]);
  });

  it('passes when the authority-wide 20 % covers a school above EUR 25,000', () => {
    const r = mobileDeviceCap([
      { schoolId: 's1', investmentCents: 50_000_000, mobileCents: 3_000_000 },
      { schoolId: 's2', investmentCents: 50_000_000, mobileCents: 0 },
    ]);
    expect(r.authorityCapCents).toBe(20_000_000);
    expect(r.variant).toBe('authority_share');
    expect(r.excessCents).toBe(0);
    expect(mobileCapWarnings(r)).toEqual([]);
  });

  it('warns per school with the excess over EUR 25,000 when that variant is more favourable', () => {
    const r = mobileDeviceCap([
      { schoolId: 's1', investmentCents: 4_000_000, mobileCents: 3_000_000 },
      { schoolId: 's2', investmentCents: 1_000_000, mobileCents: 900_000 },
    ]);
    // authority variant: 3,900,000 − 1,000,000 = 2,900,000 excess; per school: 500,000 excess
    expect(r.variant).toBe('per_school');
    expect(r.excessCents).toBe(500_000);
    const w = mobileCapWarnings(r);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'mobile_device_cap', schoolId: 's1', amountCents: 500_000 });
  });

  it('warns once for the authority when the 20 % variant leaves the smaller excess', () => {
    const r = mobileDeviceCap([
      { schoolId: 's1', investmentCents: 20_000_000, mobileCents: 4_100_000 },
      { schoolId: 's2', investmentCents: 20_000_000, mobileCents: 4_100_000 },
    ]);
    // authority: 8,200,000 − 8,000,000 = 200,000; per school: 2 × 1,600,000
    expect(r.variant).toBe('authority_share');
    expect(mobileCapWarnings(r)).toEqual([expect.objectContaining({ code: 'mobile_device_cap', amountCents: 200_000 })]);
  });
});

describe('configured category-share rules', () => {
  const spending = [
    { schoolId: 's1', category: 'software', committedCents: 4_000 },
    { schoolId: 's1', category: 'devices', committedCents: 6_000 },
    { schoolId: 's2', category: 'devices', committedCents: 10_000 },
  ];

  it('warns for the grant when a category takes more than its share, with the excess', () => {
    const w = categoryShareWarnings('digitalpakt_basis', [{ category: 'software', maxSharePercent: 15, scope: 'grant' }], spending);
    // 4,000 of 20,000 = 20 % > 15 %: excess 4,000 − 3,000
    expect(w).toEqual([expect.objectContaining({ code: 'category_share', amountCents: 1_000 })]);
    expect(w[0].schoolId).toBeUndefined();
  });

  it('warns per school and respects the program filter and the exact limit', () => {
    expect(categoryShareWarnings('digitalpakt_basis', [{ category: 'software', maxSharePercent: 30, scope: 'school' }], spending)).toEqual([
      expect.objectContaining({ schoolId: 's1', amountCents: 1_000 }),
    ]);
    expect(categoryShareWarnings('digitalpakt_basis', [{ category: 'software', maxSharePercent: 40, scope: 'school' }], spending)).toEqual([]);
    expect(categoryShareWarnings('city_budget', [{ program: 'digitalpakt_basis', category: 'software', maxSharePercent: 1, scope: 'grant' }], spending)).toEqual([]);
  });
});

describe('earmarking', () => {
  it('adds months and clamps to the month end', () => {
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2021-01-15', 60)).toBe('2026-01-15');
    expect(wholeMonthsBetween('2021-01-15', '2021-03-14')).toBe(1);
    expect(wholeMonthsBetween('2021-01-15', '2021-03-15')).toBe(2);
    expect(wholeMonthsBetween('2021-01-15', '2020-03-15')).toBe(0);
  });

  const base = {
    earmarkingYears: 5,
    earmarkingYearsByType: { laptop: 3 },
    deviceType: 'laptop',
    commissionedOn: '2022-09-01',
    purchaseDate: '2022-08-01',
    invoiceDate: '2022-08-10',
    orderDate: '2022-07-01',
    devicePriceCents: 60_000,
    expenditureGrossCents: 600_000,
    devicesOnExpenditure: 10,
    fundingRateBp: 9000,
  };

  it('counts from commissioning with the period of the device type', () => {
    const e = earmarkOf(base);
    expect(e).toEqual({ years: 3, start: '2022-09-01', end: '2025-09-01', priceCents: 60_000 });
    expect(earmarkOf({ ...base, deviceType: 'interactive_display' }).end).toBe('2027-09-01');
    expect(earmarkOf({ ...base, commissionedOn: null }).start).toBe('2022-08-01');
    expect(earmarkOf({ ...base, commissionedOn: null, purchaseDate: null }).start).toBe('2022-08-10');
  });

  it('puts the funded share of the price at risk, pro rata of the months not yet served', () => {
    const e = earmarkOf(base);
    // funded 54,000; 36 months, 12 served → 24/36 → 36,000
    expect(amountAtRisk(e, 9000, '2023-09-01')).toBe(36_000);
    expect(amountAtRisk(e, 9000, '2022-09-01')).toBe(54_000);
    expect(amountAtRisk(e, 9000, '2025-09-01')).toBe(0);
    // no price on the device: an equal share of the expenditure (600,000 / 10)
    expect(earmarkOf({ ...base, devicePriceCents: null }).priceCents).toBe(60_000);
  });
});
