import type { EntityManager } from 'typeorm';
import { exec, one, rows } from '../common/db';
import { conflict, invalidField } from '../common/errors';
import { GRANT_SQL, type GrantRow } from './grants.queries';

export interface ExpenditureValues {
  orderDate: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  paidOn: string | null;
}

/** Field rules of one expenditure against its grant (400 naming the field). */
export function validateExpenditure(grant: Pick<GrantRow, 'eligibleFrom' | 'eligibleUntil'>, v: ExpenditureValues): void {
  if ((v.invoiceNumber === null) !== (v.invoiceDate === null)) {
    throw invalidField(v.invoiceNumber === null ? 'invoiceNumber' : 'invoiceDate', 'invoicePair', 'invoiceNumber and invoiceDate go together');
  }
  if (v.invoiceDate !== null && (v.invoiceDate < grant.eligibleFrom || v.invoiceDate > grant.eligibleUntil)) {
    throw invalidField('invoiceDate', 'outsideEligiblePeriod', `invoiceDate must lie within the eligible period ${grant.eligibleFrom} to ${grant.eligibleUntil}`, {
      from: grant.eligibleFrom,
      until: grant.eligibleUntil,
    });
  }
  if (v.invoiceDate !== null && v.invoiceDate < v.orderDate) throw invalidField('invoiceDate', 'notBefore', 'invoiceDate may not be before orderDate', { date: v.orderDate });
  if (v.paidOn !== null && v.invoiceDate === null) throw invalidField('paidOn', 'paymentNeedsInvoice', 'paidOn needs an invoice (invoiceNumber and invoiceDate)');
  // The invoice is on or after the order (above), so a payment on or after the invoice is after the order too.
  if (v.paidOn !== null && v.invoiceDate !== null && v.paidOn < v.invoiceDate) throw invalidField('paidOn', 'notBefore', 'paidOn may not be before invoiceDate', { date: v.invoiceDate });
}

export interface BudgetOverride {
  reason: string;
  /** Which limits the spending goes beyond, with the figures at the time. */
  exceeded: { limit: 'school_allocation' | 'grant'; limitCents: number; committedCents: number; requestedCents: number }[];
}

/**
 * Spending beyond the school's allocation or the grant's approved amount is refused (409) unless the office
 * overrides it explicitly with a reason; the override is returned for the row and the audit log.
 * The caller holds the grant's row lock, so concurrent expenditures are checked one after another.
 */
export async function checkBudget(
  em: EntityManager,
  grant: Pick<GrantRow, 'id' | 'approvedCents'>,
  line: { schoolId: string; grossCents: number; excludeId: string | null },
  request: { overrideBudget?: boolean; overrideReason?: string },
): Promise<BudgetOverride | null> {
  const f = (await one<{ allocated: number; schoolCommitted: number; grantCommitted: number }>(em, GRANT_SQL.budgetCheck, [grant.id, line.schoolId, line.excludeId]))!;
  const exceeded: BudgetOverride['exceeded'] = [];
  if (f.schoolCommitted + line.grossCents > f.allocated) {
    exceeded.push({ limit: 'school_allocation', limitCents: f.allocated, committedCents: f.schoolCommitted, requestedCents: line.grossCents });
  }
  if (f.grantCommitted + line.grossCents > grant.approvedCents) {
    exceeded.push({ limit: 'grant', limitCents: grant.approvedCents, committedCents: f.grantCommitted, requestedCents: line.grossCents });
  }
  if (exceeded.length === 0) return null;
  if (!request.overrideBudget) {
    const what = exceeded.map((e) => (e.limit === 'grant' ? "the grant's approved amount" : "the school's allocation")).join(' and ');
    const limit = exceeded.length > 1 ? 'both' : exceeded[0].limit;
    throw conflict('EXPENDITURE_EXCEEDS_BUDGET', `This spending goes beyond ${what}; the office may override with overrideBudget and overrideReason`, { limit }, { exceeded });
  }
  if (!request.overrideReason?.trim()) throw invalidField('overrideReason', 'isNotEmpty', 'overrideReason is required with overrideBudget');
  return { reason: request.overrideReason.trim(), exceeded };
}

/**
 * Sets the devices an expenditure bought (replacing the previous list). Devices must exist in the grant's authority
 * (others answer 400, without telling whether they exist elsewhere); a device linked to another expenditure is a 409.
 * The primary key on device_id keeps "at most one expenditure" true under concurrency.
 */
export async function linkDevices(em: EntityManager, grant: Pick<GrantRow, 'authorityId'>, expenditureId: string, deviceIds: string[]): Promise<void> {
  if (deviceIds.length > 0) {
    const found = await rows<{ id: string; linkedTo: string | null }>(em, GRANT_SQL.devicesToLink, [deviceIds, grant.authorityId]);
    const known = new Set(found.map((d) => d.id));
    const unknown = deviceIds.filter((id) => !known.has(id));
    if (unknown.length) throw invalidField('deviceIds', 'unknownDevices', `Unknown device(s): ${unknown.slice(0, 10).join(', ')}`, { count: unknown.length });
    const elsewhere = found.filter((d) => d.linkedTo !== null && d.linkedTo !== expenditureId);
    if (elsewhere.length) {
      throw conflict('DEVICE_LINKED_ELSEWHERE', 'A device belongs to at most one expenditure; some are already linked to another', { count: elsewhere.length }, {
        devices: elsewhere.slice(0, 20).map((d) => ({ deviceId: d.id, expenditureId: d.linkedTo })),
      });
    }
  }
  await exec(em, GRANT_SQL.unlinkDevices, [expenditureId, deviceIds]);
  if (deviceIds.length > 0) await exec(em, GRANT_SQL.linkDevices, [deviceIds, expenditureId, grant.authorityId]);
}
