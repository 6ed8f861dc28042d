import { seededRandom } from '../demo/demo-context';
import { bpToPercent, fundedShare, percentToBp, proRata, splitLine, sumShares } from './money';

describe('grant money rules', () => {
  it('converts percent to basis points without float noise', () => {
    expect(percentToBp(90)).toBe(9000);
    expect(percentToBp(66.67)).toBe(6667);
    expect(percentToBp(87.5)).toBe(8750);
    expect(percentToBp(0.01)).toBe(1);
    expect(percentToBp(100)).toBe(10000);
    expect(percentToBp(33.33)).toBe(3333);
    expect(bpToPercent(6667)).toBe(66.67);
  });

  it('rounds each line half up to the cent', () => {
    expect(fundedShare(100, 8750)).toBe(88); // 87.5 → 88
    expect(fundedShare(101, 8750)).toBe(88); // 88.375 → 88
    expect(fundedShare(3, 5000)).toBe(2); // 1.5 → 2
    expect(fundedShare(1, 6667)).toBe(1); // 0.6667 → 1
    expect(fundedShare(1, 3333)).toBe(0);
    expect(fundedShare(12345, 9000)).toBe(11111); // 11110.5 → 11111
    expect(fundedShare(0, 9000)).toBe(0);
    expect(fundedShare(999, 10000)).toBe(999);
  });

  it('is exact beyond 2^53 intermediate products', () => {
    // 9,999,999,999,999 cents × 6667 exceeds Number.MAX_SAFE_INTEGER; BigInt keeps it exact.
    expect(fundedShare(9_999_999_999_999, 6667)).toBe(6_666_999_999_999);
  });

  it('refuses amounts that are not integer cents and rates out of range', () => {
    expect(() => fundedShare(1.5, 9000)).toThrow(RangeError);
    expect(() => fundedShare(-1, 9000)).toThrow(RangeError);
    expect(() => fundedShare(100, 10001)).toThrow(RangeError);
  });

  it('loses no cent across hundreds of lines with odd rates: funded + own = gross per line and in every partition', () => {
    const random = seededRandom(42);
    for (const rate of [8750, 6667, 3333, 9000, 1, 9999, 5001]) {
      const lines = Array.from({ length: 731 }, (_, i) => ({ school: i % 7, category: i % 5, ...splitLine(1 + Math.floor(random() * 5_000_000), rate) }));
      for (const l of lines) expect(l.fundedCents + l.ownCents).toBe(l.grossCents);
      const total = sumShares(lines);
      expect(total.fundedCents + total.ownCents).toBe(total.grossCents);
      const bySchool = [0, 1, 2, 3, 4, 5, 6].map((s) => sumShares(lines.filter((l) => l.school === s)));
      const byCategory = [0, 1, 2, 3, 4].map((c) => sumShares(lines.filter((l) => l.category === c)));
      expect(sumShares(bySchool)).toEqual(total);
      expect(sumShares(byCategory)).toEqual(total);
      // The drift against rate × total is at most half a cent per line.
      const naive = Number((BigInt(total.grossCents) * BigInt(rate)) / 10000n);
      expect(Math.abs(total.fundedCents - naive)).toBeLessThanOrEqual(lines.length / 2 + 1);
    }
  });

  it('computes pro-rata shares half up', () => {
    expect(proRata(1000, 1, 3)).toBe(333);
    expect(proRata(1000, 2, 3)).toBe(667);
    expect(proRata(5, 1, 2)).toBe(3);
    expect(() => proRata(5, 1, 0)).toThrow(RangeError);
  });
});
