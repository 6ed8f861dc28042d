import { addDays, addMonthsKeepingMonthEnd, daysBetween } from '../common/dates';
/**
 * The rules of licence contracts that need no database: the last day to cancel, the term in force after automatic
 * renewals, the warnings, and the split of a yearly cost over schools. Dates are `YYYY-MM-DD` strings (calendar days).
 */

export const LICENCE_PRODUCT_KINDS = ['learning_app', 'learning_platform', 'office_suite', 'device_management', 'content', 'other'] as const;
export type LicenceProductKind = (typeof LICENCE_PRODUCT_KINDS)[number];
export const LICENCE_PLATFORMS = ['windows', 'macos', 'ipados', 'ios', 'android', 'chromeos', 'linux', 'web'] as const;
export type LicencePlatform = (typeof LICENCE_PLATFORMS)[number];
export const LICENCE_HOSTINGS = ['eu', 'outside_eu'] as const;
export type LicenceHosting = (typeof LICENCE_HOSTINGS)[number];
export const LICENCE_MODELS = ['per_student', 'per_teacher', 'per_device', 'per_school', 'volume', 'concurrent'] as const;
export type LicenceModel = (typeof LICENCE_MODELS)[number];
export const NOTICE_UNITS = ['days', 'weeks', 'months'] as const;
export type NoticeUnit = (typeof NOTICE_UNITS)[number];
export const USE_SOURCES = ['school', 'import'] as const;
export type UseSource = (typeof USE_SOURCES)[number];

/** Stable codes of the licence warnings; German texts by code in the i18n tables. */
export const LICENCE_WARNING_CODES = [
  'cancellation_due',
  'ending_without_renewal',
  'seats_over_bought',
  'use_over_assigned',
  'dpa_missing',
  'not_approved',
  'low_use',
] as const;
export type LicenceWarningCode = (typeof LICENCE_WARNING_CODES)[number];

/**
 * The last day a notice of cancellation must reach the vendor so that the contract ends with `termEnd`:
 * the end of the term minus the notice period ("3 Monate zum Ende der Laufzeit": term ending 31.12. → 30.09.).
 */
export function lastDayToCancel(termEnd: string, period: number, unit: NoticeUnit): string {
  if (unit === 'months') return addMonthsKeepingMonthEnd(termEnd, -period);
  return addDays(termEnd, -(unit === 'weeks' ? 7 * period : period));
}

export interface TermFacts {
  termStart: string;
  termEnd: string;
  autoRenewal: boolean;
  renewalMonths: number;
  noticePeriod: number | null;
  noticeUnit: NoticeUnit | null;
}

/**
 * The term in force on `today`: a contract that renews itself runs on in steps of `renewalMonths` after its first
 * term's end (the vendor was not told in time); one that does not ends with its term. The last day to cancel belongs
 * to the term in force (null without automatic renewal: nothing to cancel).
 */
export function currentTerm(c: TermFacts, today: string): { termEnd: string; lastDayToCancel: string | null; renewals: number } {
  let termEnd = c.termEnd;
  let renewals = 0;
  if (c.autoRenewal) {
    // A renewed term ends `renewalMonths` after the previous end (month ends stay month ends); bounded loop.
    while (termEnd < today && renewals < 1200) {
      renewals += 1;
      termEnd = addMonthsKeepingMonthEnd(c.termEnd, c.renewalMonths * renewals);
    }
  }
  const cancel = c.autoRenewal && c.noticePeriod !== null && c.noticeUnit !== null ? lastDayToCancel(termEnd, c.noticePeriod, c.noticeUnit) : null;
  return { termEnd, lastDayToCancel: cancel, renewals };
}

export interface LicenceWarning {
  code: LicenceWarningCode;
  /** An English sentence for logs and API readers; people read the German text of `code` with `params`. */
  message: string;
  productId: string;
  contractId: string | null;
  schoolId: string | null;
  params: Record<string, string | number>;
}

export interface LicenceSettings {
  /** A cancellation deadline (or the end of a term without renewal) this many days ahead or fewer is a warning. */
  deadlineWarningDays: number;
  /** Use below this share of the seats is low ... */
  lowUsePercent: number;
  /** ... once the term has run this many months. */
  lowUseAfterMonths: number;
}

export const DEFAULT_LICENCE_SETTINGS: LicenceSettings = { deadlineWarningDays: 60, lowUsePercent: 30, lowUseAfterMonths: 3 };

export interface ProductFacts {
  id: string;
  name: string;
  processesStudentData: boolean;
  dpaSignedOn: string | null;
  approved: boolean;
}

export interface ContractFacts extends TermFacts {
  id: string;
  productId: string;
  seatsBought: number;
  seatsAssigned: number;
  /** Seats in use summed over the schools that reported (null when none did). */
  seatsInUse: number | null;
}

export interface SeatFacts {
  contractId: string;
  productId: string;
  schoolId: string;
  seatsAssigned: number;
  seatsInUse: number | null;
}

/** The data-protection warnings of a product: it processes students' data but lacks a signed AV-Vertrag, or the approval. */
export function productWarnings(p: ProductFacts): LicenceWarning[] {
  if (!p.processesStudentData) return [];
  const warnings: LicenceWarning[] = [];
  const base = { productId: p.id, contractId: null, schoolId: null };
  if (!p.dpaSignedOn) warnings.push({ ...base, code: 'dpa_missing', message: `${p.name} processes students' data without a signed data-processing agreement`, params: { product: p.name } });
  if (!p.approved) warnings.push({ ...base, code: 'not_approved', message: `${p.name} processes students' data but is not approved for use`, params: { product: p.name } });
  return warnings;
}

/** The warnings of one contract on `today`: deadlines, seats, low use. Contracts that ended are past warning. */
export function contractWarnings(c: ContractFacts, productName: string, today: string, s: LicenceSettings): LicenceWarning[] {
  const term = currentTerm(c, today);
  if (term.termEnd < today) return [];
  const warnings: LicenceWarning[] = [];
  const base = { productId: c.productId, contractId: c.id, schoolId: null };
  if (term.lastDayToCancel !== null) {
    const daysLeft = daysBetween(today, term.lastDayToCancel);
    if (daysLeft >= 0 && daysLeft <= s.deadlineWarningDays) {
      warnings.push({ ...base, code: 'cancellation_due', message: `The last day to cancel ${productName} is ${term.lastDayToCancel}`, params: { product: productName, lastDayToCancel: term.lastDayToCancel, termEnd: term.termEnd, daysLeft } });
    }
  } else if (!c.autoRenewal) {
    const daysLeft = daysBetween(today, term.termEnd);
    if (daysLeft <= s.deadlineWarningDays) {
      warnings.push({ ...base, code: 'ending_without_renewal', message: `${productName} ends on ${term.termEnd} and does not renew`, params: { product: productName, termEnd: term.termEnd, daysLeft } });
    }
  }
  if (c.seatsAssigned > c.seatsBought) {
    warnings.push({ ...base, code: 'seats_over_bought', message: `More seats of ${productName} are assigned than bought`, params: { product: productName, seatsAssigned: c.seatsAssigned, seatsBought: c.seatsBought } });
  }
  if (c.seatsInUse !== null && c.seatsBought > 0 && c.termStart <= addMonthsKeepingMonthEnd(today, -s.lowUseAfterMonths)) {
    const usePercent = Math.floor((c.seatsInUse * 100) / c.seatsBought);
    if (c.seatsInUse * 100 < s.lowUsePercent * c.seatsBought) {
      warnings.push({ ...base, code: 'low_use', message: `Only ${usePercent} % of the seats of ${productName} are in use`, params: { product: productName, seatsInUse: c.seatsInUse, seatsBought: c.seatsBought, usePercent } });
    }
  }
  return warnings;
}

/** A school uses more seats than it was assigned. */
export function seatWarnings(seat: SeatFacts, productName: string): LicenceWarning[] {
  if (seat.seatsInUse === null || seat.seatsInUse <= seat.seatsAssigned) return [];
  return [
    {
      code: 'use_over_assigned',
      message: `A school uses more seats of ${productName} than assigned`,
      productId: seat.productId,
      contractId: seat.contractId,
      schoolId: seat.schoolId,
      params: { product: productName, seatsInUse: seat.seatsInUse, seatsAssigned: seat.seatsAssigned },
    },
  ];
}

/**
 * Splits `totalCents` over weights so the parts add up to the total exactly: each part rounded down, the cents left
 * over go to the largest remainders (ties: the earlier weight). All weights 0: nothing is split (all parts 0).
 */
export function splitCents(totalCents: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  // In BigInt: cents × seats can pass 2^53.
  const total = BigInt(totalCents);
  const big = BigInt(sum);
  const parts = weights.map((w) => (total * BigInt(w)) / big);
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % big }));
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] += 1n;
    left -= 1;
  }
  return parts.map(Number);
}
