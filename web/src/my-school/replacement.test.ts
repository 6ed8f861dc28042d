import { describe, expect, it } from 'vitest';
import { minusYears, pastReplacementAge, yearsBetween, type DeviceItem } from './replacement';

const device = (inventoryNumber: string, over: Partial<DeviceItem>) => ({ inventoryNumber, type: 'laptop', status: 'available', commissionedOn: null, purchaseDate: null, ...over }) as DeviceItem;

describe('pastReplacementAge (the coverage API rule)', () => {
  const ages = { laptop: 5, projector: 8 };
  it('takes the commissioning date, else the purchase date; on the day the age is reached it counts', () => {
    const list = [
      device('A', { commissionedOn: '2021-12-06' }), // exactly 5 years
      device('B', { commissionedOn: '2021-12-07', purchaseDate: '2015-01-01' }), // commissioning wins: not yet
      device('C', { purchaseDate: '2019-03-01' }),
      device('D', {}), // age unknown: not listed
      device('E', { type: 'projector', commissionedOn: '2019-01-01' }), // 7 of 8 years
    ];
    expect(pastReplacementAge(list, ages, '2026-12-06').map((d) => d.inventoryNumber)).toEqual(['C', 'A']);
  });

  it('leaves out lost and retired devices', () => {
    const list = [device('L', { status: 'lost', purchaseDate: '2010-01-01' }), device('R', { status: 'retired', purchaseDate: '2010-01-01' }), device('K', { status: 'loaned', purchaseDate: '2010-01-01' })];
    expect(pastReplacementAge(list, ages, '2026-12-06').map((d) => d.inventoryNumber)).toEqual(['K']);
  });

  it('29 February falls back to the 28th in a common year', () => {
    expect(minusYears('2028-02-29', 5)).toBe('2023-02-28');
    expect(minusYears('2028-02-29', 4)).toBe('2024-02-29');
  });

  it('counts whole years', () => {
    expect(yearsBetween('2017-01-14', '2026-12-06')).toBe(9);
    expect(yearsBetween('2016-12-06', '2026-12-06')).toBe(10);
  });
});
