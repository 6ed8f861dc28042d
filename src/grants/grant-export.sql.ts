import type { Actor } from '../auth/actor';
import { schoolScopeSql } from '../common/access';
import { fundedShareSql } from './money';

/**
 * Raw SQL for the proof-of-use lists (Belegliste, Inventarliste), for streaming (pg-query-stream) or plain queries.
 * Both are scoped like every other grants query: a coordinator gets the lines of their schools only.
 * The caller checks that the grant exists and is visible first (GrantsService.get), so an unknown grant is a 404
 * rather than an empty list.
 */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/**
 * One invoice line as the Belegliste shows it. Amounts are cents; funded/own share follow `money.ts`.
 * Only what the sheet's columns and line checks read: every column is parsed for every one of up to 50,000+ rows.
 */
export interface ExpenditureLineRow {
  schoolNumber: string;
  schoolName: string;
  category: string;
  orderDate: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  paidOn: string | null;
  /** Paid by the reporting date (or at all, without one). */
  paid: boolean;
  vendor: string;
  description: string;
  grossCents: number;
  fundedCents: number;
  ownCents: number;
  /** At least one device is linked to the line (the Inventarliste lists what it bought). */
  hasDevices: boolean;
}

/**
 * The expenditures of a grant, ordered by order date, with the funded and own share of each line
 * computed in SQL by the one rounding rule (`fundedShareSql`). With `asOf`, only what was committed
 * (ordered) by that date, and `paid` tells whether it was paid by then. `ordered: false` leaves out the
 * ORDER BY, for sums over the lines (PostgreSQL would otherwise sort them first).
 */
export function expenditureLinesQuery(actor: Actor, grantId: string, asOf?: string | null, { ordered = true } = {}): SqlQuery {
  const params: unknown[] = [grantId, asOf ?? null];
  const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
  const funded = fundedShareSql('e.gross_cents', 'g.funding_rate_bp');
  return {
    sql: `
      SELECT s.school_number AS "schoolNumber", s.name AS "schoolName", e.category::text AS category,
             e.order_date AS "orderDate", e.invoice_number AS "invoiceNumber", e.invoice_date AS "invoiceDate", e.paid_on AS "paidOn",
             (e.paid_on IS NOT NULL AND ($2::date IS NULL OR e.paid_on <= $2::date)) AS paid,
             e.vendor, e.description, e.gross_cents AS "grossCents",
             ${funded} AS "fundedCents", e.gross_cents - ${funded} AS "ownCents",
             EXISTS (SELECT 1 FROM expenditure_devices x WHERE x.expenditure_id = e.id) AS "hasDevices"
        FROM expenditures e
        JOIN grants g ON g.id = e.grant_id AND g.authority_id = e.authority_id
        JOIN schools s ON s.id = e.school_id
       WHERE e.grant_id = $1 AND ($2::date IS NULL OR e.order_date <= $2::date) AND ${scope}
       ${ordered ? 'ORDER BY e.order_date, e.id' : ''}`,
    params,
  };
}

/** One Inventarliste row (only what the sheet's columns read). */
export interface InventoryLineRow {
  inventoryNumber: string;
  serialNumber: string | null;
  type: string;
  manufacturer: string;
  model: string;
  status: string;
  schoolName: string;
  location: string | null;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  commissionedOn: string | null;
  invoiceNumber: string | null;
}

/**
 * The devices bought with a grant (Inventarliste), by inventory number. School and location are the
 * device's current ones; the invoice is the expenditure that bought it.
 */
export function inventoryLinesQuery(actor: Actor, grantId: string): SqlQuery {
  const params: unknown[] = [grantId];
  const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
  return {
    sql: `
      SELECT d.inventory_number AS "inventoryNumber", d.serial_number AS "serialNumber", d.type::text AS type,
             d.manufacturer, d.model, d.status::text AS status, s.name AS "schoolName", d.location,
             d.purchase_date AS "purchaseDate", d.purchase_price_cents AS "purchasePriceCents",
             d.commissioned_on AS "commissionedOn", e.invoice_number AS "invoiceNumber"
        FROM expenditures e
        JOIN expenditure_devices ed ON ed.expenditure_id = e.id
        JOIN devices d ON d.id = ed.device_id
        JOIN schools s ON s.id = d.school_id
       WHERE e.grant_id = $1 AND ${scope}
       ORDER BY d.inventory_number, d.id`,
    params,
  };
}
