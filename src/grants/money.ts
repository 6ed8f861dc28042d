/**
 * The one rounding rule of grants, used by the summary, the warnings and the proof-of-use export alike.
 *
 * Rule: the funded share of each expenditure (one invoice line) is its gross amount times the funding rate,
 * rounded half up to the cent: `funded = floor((gross × rateBp + 5000) / 10000)`; the own share is the rest,
 * `own = gross − funded`. Every subtotal and total is the SUM OF THE LINES, never `rate × total`, so
 * per-school, per-category and grand totals add up exactly and funded + own = gross holds for every line and
 * every sum. A line's share never changes when other invoices are added (reports already sent stay valid).
 * The drift against `rate × total` is at most half a cent per line, and it is what the funder reimburses,
 * invoice by invoice.
 *
 * Rates are basis points (9000 = 90 %, 6667 = 66.67 %): two decimals of a percent, integers throughout.
 * Amounts are integer cents; BigInt keeps the product exact beyond 2^53.
 */
export const RATE_SCALE = 10_000;

/** 90 → 9000, 66.67 → 6667, 87.5 → 8750. Callers validate at most two decimals; this rounds the float noise away. */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

/** 6667 → 66.67 */
export function bpToPercent(bp: number): number {
  return bp / 100;
}

/** Integer division rounding half up, for non-negative numerator and positive denominator. */
function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** The funded share of one line, in cents (see the rule above). */
export function fundedShare(grossCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(grossCents) || grossCents < 0) throw new RangeError(`gross must be a non-negative integer of cents, got ${grossCents}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > RATE_SCALE) throw new RangeError(`rate must be 0..10000 basis points, got ${rateBp}`);
  return Number(divHalfUp(BigInt(grossCents) * BigInt(rateBp), BigInt(RATE_SCALE)));
}

export interface Shares {
  grossCents: number;
  fundedCents: number;
  ownCents: number;
}

export function splitLine(grossCents: number, rateBp: number): Shares {
  const fundedCents = fundedShare(grossCents, rateBp);
  return { grossCents, fundedCents, ownCents: grossCents - fundedCents };
}

/** Sums lines; the result of summing any partition of the lines adds up to the same total. */
export function sumShares(lines: Iterable<Shares>): Shares {
  const total: Shares = { grossCents: 0, fundedCents: 0, ownCents: 0 };
  for (const l of lines) {
    total.grossCents += l.grossCents;
    total.fundedCents += l.fundedCents;
    total.ownCents += l.ownCents;
  }
  return total;
}

/** `amount × numerator / denominator`, rounded half up (pro-rata shares, caps in percent). */
export function proRata(amountCents: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  if (amountCents < 0 || numerator < 0) throw new RangeError('amount and numerator must be non-negative');
  return Number(divHalfUp(BigInt(amountCents) * BigInt(numerator), BigInt(denominator)));
}

/**
 * The same per-line rule in SQL, for queries and streamed exports: `gross` and `rateBp` are SQL expressions
 * (bigint and integer). Integer division of non-negative bigints truncates, which makes `+ 5000` half up.
 * Amounts are capped below 10^13 cents by check constraints, so the product fits a bigint.
 */
export function fundedShareSql(gross: string, rateBp: string): string {
  return `((${gross})::bigint * (${rateBp}) + ${RATE_SCALE / 2}) / ${RATE_SCALE}`;
}
