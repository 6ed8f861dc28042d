import type { DeviceStatus } from '../devices/device.entity';

export const BORROWER_KINDS = ['student', 'teacher'] as const;
export type BorrowerKind = (typeof BORROWER_KINDS)[number];

export const RETURN_CONDITIONS = ['ok', 'damaged', 'defective', 'lost'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const LOAN_STATES = ['active', 'overdue', 'returned'] as const;
export type LoanState = (typeof LOAN_STATES)[number];

/** Where a returned device goes: back on the shelf, to repair, or into the books as lost. */
export const STATUS_AFTER_RETURN: Readonly<Record<ReturnCondition, DeviceStatus>> = {
  ok: 'available',
  damaged: 'in_repair',
  defective: 'in_repair',
  lost: 'lost',
};

/** True for MM-DD that exists in every year (so 02-29 is refused: a due date must exist every year). */
export function isMonthDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`2025-${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(5, 10) === value;
}

/**
 * The default due date of a loan started on `startedOn`: the next end of the school year (`monthDay`, e.g. 07-31)
 * strictly after the start, so a loan started on 31 July runs for the following school year.
 */
export function defaultDueDate(startedOn: string, monthDay: string): string {
  const year = Number(startedOn.slice(0, 4));
  const candidate = `${year}-${monthDay}`;
  return candidate > startedOn ? candidate : `${year + 1}-${monthDay}`;
}

/** The state a loan is in on `today`: returned, overdue (due date passed), or active. */
export function loanState(loan: { returnedOn: string | null; dueOn: string }, today: string): LoanState {
  if (loan.returnedOn) return 'returned';
  return loan.dueOn < today ? 'overdue' : 'active';
}
