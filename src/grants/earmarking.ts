import { fundedShare, proRata } from './money';
import { addMonths } from '../common/dates';

/**
 * Earmarking (Zweckbindungsfrist): a funded device must serve its purpose for a number of years that
 * depends on the grant and the device type (e.g. 5 in general, 3 for laptops and tablets), counted from
 * commissioning (Inbetriebnahme); without a commissioning date, from the purchase date, else from the
 * invoice date, else from the order date of the expenditure that bought it.
 *
 * Amount at risk when a device leaves service inside its period: the funded share of the device's price
 * (same rounding rule as every line), pro rata of the whole months of the period not yet served,
 * rounded half up. The device's price is its purchase price, or, without one, an equal share of the
 * expenditure's gross amount among the devices it bought.
 */
export interface EarmarkingInput {
  earmarkingYears: number;
  earmarkingYearsByType: Record<string, number>;
  deviceType: string;
  commissionedOn: string | null;
  purchaseDate: string | null;
  invoiceDate: string | null;
  orderDate: string;
  devicePriceCents: number | null;
  expenditureGrossCents: number;
  devicesOnExpenditure: number;
  fundingRateBp: number;
}

export interface Earmark {
  years: number;
  start: string;
  /** The first day the device is free of the earmark. */
  end: string;
  priceCents: number;
}


/** Whole months from `from` to `to` (0 when `to` is before `from`). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

export function earmarkOf(i: EarmarkingInput): Earmark {
  const years = i.earmarkingYearsByType[i.deviceType] ?? i.earmarkingYears;
  const start = i.commissionedOn ?? i.purchaseDate ?? i.invoiceDate ?? i.orderDate;
  const priceCents = i.devicePriceCents ?? proRata(i.expenditureGrossCents, 1, Math.max(1, i.devicesOnExpenditure));
  return { years, start, end: addMonths(start, years * 12), priceCents };
}

/** The funded amount a funder may reclaim when the device leaves service on `leftOn` (0 once the period is over). */
export function amountAtRisk(earmark: Earmark, fundingRateBp: number, leftOn: string): number {
  if (leftOn >= earmark.end || earmark.years === 0) return 0;
  const totalMonths = earmark.years * 12;
  const served = Math.min(totalMonths, wholeMonthsBetween(earmark.start, leftOn));
  return proRata(fundedShare(earmark.priceCents, fundingRateBp), totalMonths - served, totalMonths);
}
