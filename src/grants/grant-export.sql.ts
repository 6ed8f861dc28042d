import type { Actor } from '../auth/actor';
import { schoolScopeSql } from '../common/access';
import { LICENCE_NAMES_JOIN } from '../licences/licences.queries';
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
 * With a reporting date, what happened after it is not there yet: an invoice dated later shows as no invoice,
 * a later payment as unpaid.
 */
export interface ExpenditureLineRow {
  schoolNumber: string;
  schoolName: string;
  category: string;
  orderDate: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  /** Invoiced by the reporting date (or at all, without one). */
  invoiced: boolean;
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
  /** The licence contracts the line paid for, with their terms ("Lernplattform (01.08.2025–31.07.2026)"); null for none. */
  licences: string | null;
}

/** Invoiced / paid by the reporting date $2 (null: ever). */
const INVOICED = `(e.invoice_date IS NOT NULL AND ($2::date IS NULL OR e.invoice_date <= $2::date))`;
const PAID = `(e.paid_on IS NOT NULL AND ($2::date IS NULL OR e.paid_on <= $2::date))`;

/**
 * The expenditures of a grant, ordered by order date, with the funded and own share of each line
 * computed in SQL by the one rounding rule (`fundedShareSql`). With `asOf`, only what was committed
 * (ordered) by that date, its invoice only when dated by then, its payment only when made by then.
 * `ordered: false` leaves out the ORDER BY, for sums over the lines (PostgreSQL would otherwise sort them first).
 */
export function expenditureLinesQuery(actor: Actor, grantId: string, asOf?: string | null, { ordered = true } = {}): SqlQuery {
  const params: unknown[] = [grantId, asOf ?? null];
  const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
  const funded = fundedShareSql('e.gross_cents', 'g.funding_rate_bp');
  return {
    sql: `
      SELECT s.school_number AS "schoolNumber", s.name AS "schoolName", e.category::text AS category,
             e.order_date AS "orderDate",
             CASE WHEN ${INVOICED} THEN e.invoice_number END AS "invoiceNumber",
             CASE WHEN ${INVOICED} THEN e.invoice_date END AS "invoiceDate", ${INVOICED} AS invoiced,
             CASE WHEN ${PAID} THEN e.paid_on END AS "paidOn", ${PAID} AS paid,
             e.vendor, e.description, e.gross_cents AS "grossCents",
             ${funded} AS "fundedCents", e.gross_cents - ${funded} AS "ownCents",
             EXISTS (SELECT 1 FROM expenditure_devices x WHERE x.expenditure_id = e.id) AS "hasDevices", lic.names AS licences
        FROM expenditures e
        JOIN grants g ON g.id = e.grant_id AND g.authority_id = e.authority_id
        JOIN schools s ON s.id = e.school_id
        ${LICENCE_NAMES_JOIN}
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
  /** The status on the reporting date (from the device's history), or today's without one. */
  status: string;
  schoolName: string;
  location: string | null;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  commissionedOn: string | null;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  /** Bought before the grant's eligible period began, or after it ended. */
  boughtOutsidePeriod: 'before' | 'after' | null;
  /** Bought (purchase date) after the date of the invoice it is linked to. */
  boughtAfterInvoice: boolean;
}

/**
 * The devices bought with a grant (Inventarliste), by inventory number. School and location are the
 * device's current ones; the invoice is the expenditure that bought it. With `asOf`, only the devices of lines
 * ordered by then, with the status they had on that day: the last status change of the device's history up to
 * its end (Berlin time), else the status before its first later change, else today's.
 */
export function inventoryLinesQuery(actor: Actor, grantId: string, asOf?: string | null, { ordered = true } = {}): SqlQuery {
  const params: unknown[] = [grantId];
  const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
  let status = 'd.status::text';
  let cut = '';
  if (asOf) {
    const p = `$${params.push(asOf)}::date`;
    const day = `(ev.occurred_at AT TIME ZONE 'Europe/Berlin')::date`;
    status = `coalesce(
        (SELECT ev.to_status::text FROM device_events ev WHERE ev.device_id = d.id AND ev.to_status IS NOT NULL AND ${day} <= ${p}
          ORDER BY ev.occurred_at DESC, ev.id DESC LIMIT 1),
        (SELECT ev.from_status::text FROM device_events ev WHERE ev.device_id = d.id AND ev.from_status IS NOT NULL AND ${day} > ${p}
          ORDER BY ev.occurred_at, ev.id LIMIT 1),
        d.status::text)`;
    cut = ` AND e.order_date <= ${p}`;
  }
  const invoiceDate = asOf ? `CASE WHEN e.invoice_date <= $${params.length}::date THEN e.invoice_date END` : 'e.invoice_date';
  return {
    sql: `
      SELECT d.inventory_number AS "inventoryNumber", d.serial_number AS "serialNumber", d.type::text AS type,
             d.manufacturer, d.model, ${status} AS status, s.name AS "schoolName", d.location,
             d.purchase_date AS "purchaseDate", d.purchase_price_cents AS "purchasePriceCents",
             d.commissioned_on AS "commissionedOn",
             CASE WHEN ${invoiceDate} IS NOT NULL THEN e.invoice_number END AS "invoiceNumber", ${invoiceDate} AS "invoiceDate",
             CASE WHEN d.purchase_date < g.eligible_from THEN 'before' WHEN d.purchase_date > g.eligible_until THEN 'after' END AS "boughtOutsidePeriod",
             coalesce(d.purchase_date > ${invoiceDate}, false) AS "boughtAfterInvoice"
        FROM expenditures e
        JOIN grants g ON g.id = e.grant_id AND g.authority_id = e.authority_id
        JOIN expenditure_devices ed ON ed.expenditure_id = e.id
        JOIN devices d ON d.id = ed.device_id
        JOIN schools s ON s.id = d.school_id
       WHERE e.grant_id = $1${cut} AND ${scope}
       ${ordered ? 'ORDER BY d.inventory_number, d.id' : ''}`,
    params,
  };
}

/** Sums of the Belegliste per school and cost type, by basis (committed, invoiced, paid), with the longest texts. */
export interface LineGroupRow {
  schoolNumber: string;
  category: string;
  lines: number;
  committedCents: number;
  committedFundedCents: number;
  invoicedLines: number;
  invoicedCents: number;
  invoicedFundedCents: number;
  paidLines: number;
  paidCents: number;
  paidFundedCents: number;
  /** Longest texts of the Belegliste's text columns (for the widths). */
  maxInvoiceNumber: number | null;
  maxVendor: number | null;
  maxDescription: number | null;
  maxSchoolName: number | null;
}

/** Characters the Belegliste adds before a line's licences (" – Lizenzvertrag: "). */
const LICENCE_LABEL_LENGTH = 18;

/** The Belegliste's sums in one pass over its (unordered) lines. */
export function lineGroupsSql(lines: SqlQuery): SqlQuery {
  return {
    sql: `SELECT l."schoolNumber", l.category, count(*)::int AS lines,
                 coalesce(sum(l."grossCents"), 0)::bigint AS "committedCents", coalesce(sum(l."fundedCents"), 0)::bigint AS "committedFundedCents",
                 (count(*) FILTER (WHERE l.invoiced))::int AS "invoicedLines",
                 coalesce(sum(l."grossCents") FILTER (WHERE l.invoiced), 0)::bigint AS "invoicedCents",
                 coalesce(sum(l."fundedCents") FILTER (WHERE l.invoiced), 0)::bigint AS "invoicedFundedCents",
                 (count(*) FILTER (WHERE l.paid))::int AS "paidLines",
                 coalesce(sum(l."grossCents") FILTER (WHERE l.paid), 0)::bigint AS "paidCents",
                 coalesce(sum(l."fundedCents") FILTER (WHERE l.paid), 0)::bigint AS "paidFundedCents",
                 max(char_length(l."invoiceNumber"))::int AS "maxInvoiceNumber", max(char_length(l.vendor))::int AS "maxVendor",
                 max(char_length(l.description) + coalesce(char_length(l.licences) + ${LICENCE_LABEL_LENGTH}, 0))::int AS "maxDescription", max(char_length(l."schoolName"))::int AS "maxSchoolName"
            FROM (${lines.sql}) l GROUP BY l."schoolNumber", l.category`,
    params: lines.params,
  };
}
