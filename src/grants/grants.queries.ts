import type { Actor } from '../common/actor';
import { schoolScopeSql, tenantOf } from '../common/access';
import type { SqlQuery } from '../common/db';
import { LICENCE_NAMES_JOIN } from '../licences/licences.queries';
import type { GrantProgram, GrantStatus } from './grants.dto';
import { fundedShareSql } from './money';

/*
 * The proof-of-use lists (Belegliste, Inventarliste) as SqlQuery, for streaming (pg-query-stream) or plain queries,
 * handed out by GrantsService's report methods. Both are scoped like every other grants query: a coordinator gets
 * the lines of their schools only. The caller checks that the grant exists and is visible first (GrantsService.get),
 * so an unknown grant is a 404 rather than an empty list.
 */

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

/** A grant row as the services use it (rate in basis points). */
export interface GrantRow {
  id: string;
  authorityId: string;
  program: GrantProgram;
  title: string;
  referenceNumber: string | null;
  decisionDate: string | null;
  approvedCents: number;
  fundingRateBp: number;
  eligibleFrom: string;
  eligibleUntil: string;
  proofDueOn: string | null;
  status: GrantStatus;
  earmarkingYears: number;
  earmarkingYearsByType: Record<string, number>;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const GRANT_COLUMNS = `g.id, g.authority_id AS "authorityId", g.program::text AS program, g.title, g.reference_number AS "referenceNumber",
  g.decision_date AS "decisionDate", g.approved_cents AS "approvedCents", g.funding_rate_bp AS "fundingRateBp",
  g.eligible_from AS "eligibleFrom", g.eligible_until AS "eligibleUntil", g.proof_due_on AS "proofDueOn", g.status::text AS status,
  g.earmarking_years AS "earmarkingYears", g.earmarking_years_by_type AS "earmarkingYearsByType", g.notes, g.version,
  g.created_at AS "createdAt", g.updated_at AS "updatedAt"`;

/**
 * Which grants a caller sees (alias `g`): office and viewer every grant of their authority; a coordinator
 * only grants with an allocation or an expenditure at one of their schools. Appends its parameters.
 */
export function grantVisibilitySql(actor: Actor, params: unknown[]): string {
  params.push(tenantOf(actor));
  const authority = `g.authority_id = $${params.length}`;
  if (actor.role !== 'coordinator') return authority;
  params.push(actor.schoolIds);
  const schools = `$${params.length}::uuid[]`;
  return `(${authority} AND (EXISTS (SELECT 1 FROM grant_allocations a WHERE a.grant_id = g.id AND a.school_id = ANY(${schools}))
             OR EXISTS (SELECT 1 FROM expenditures e WHERE e.grant_id = g.id AND e.school_id = ANY(${schools}))))`;
}


const funded = fundedShareSql('e.gross_cents', 'g.funding_rate_bp');

/** The columns of an ExpenditureDto, over aliases `e` (expenditure) and `g` (its grant). */
export const EXPENDITURE_COLUMNS = `e.id, e.grant_id AS "grantId", e.school_id AS "schoolId", e.category::text AS category, e.order_date AS "orderDate",
  e.invoice_number AS "invoiceNumber", e.invoice_date AS "invoiceDate", e.paid_on AS "paidOn", e.vendor, e.description,
  e.gross_cents AS "grossCents", ${funded} AS "fundedCents", e.gross_cents - ${funded} AS "ownCents",
  ARRAY(SELECT x.device_id FROM expenditure_devices x WHERE x.expenditure_id = e.id ORDER BY x.device_id) AS "deviceIds",
  e.budget_override AS "budgetOverride", e.override_reason AS "overrideReason", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/** An expenditure counts as committed once ordered (by the reporting date $2, if any). */
const COMMITTED_BY = `($2::date IS NULL OR e.order_date <= $2::date)`;
const PAID_BY = `(e.paid_on IS NOT NULL AND ($2::date IS NULL OR e.paid_on <= $2::date))`;

/** A device bought with a grant, with its expenditure and grant: what its earmarking period is computed from. */
export interface FundedDeviceRow {
  deviceId: string;
  inventoryNumber: string;
  type: string;
  status: string;
  commissionedOn: string | null;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  retiredOn: string | null;
  lostOn: string | null;
  expenditureId: string;
  schoolId: string;
  grossCents: number;
  invoiceDate: string | null;
  orderDate: string;
  devicesOnExpenditure: number;
  grantId: string;
  grantTitle: string;
  fundingRateBp: number;
  earmarkingYears: number;
  earmarkingYearsByType: Record<string, number>;
}

// The joins repeat the authority (the composite foreign keys make it equal anyway): knowing `d.authority_id`, the planner
// finds a grant's retired and lost devices through ix_devices_authority_status instead of scanning every device.
const FUNDED_DEVICE_SELECT = `
  SELECT d.id AS "deviceId", d.inventory_number AS "inventoryNumber", d.type::text AS type, d.status::text AS status,
         d.commissioned_on AS "commissionedOn", d.purchase_date AS "purchaseDate", d.purchase_price_cents AS "purchasePriceCents",
         d.retired_on AS "retiredOn",
         (SELECT max(ev.occurred_at)::date FROM device_events ev WHERE ev.device_id = d.id AND ev.to_status = 'lost') AS "lostOn",
         e.id AS "expenditureId", e.school_id AS "schoolId", e.gross_cents AS "grossCents", e.invoice_date AS "invoiceDate", e.order_date AS "orderDate",
         (SELECT count(*)::int FROM expenditure_devices y WHERE y.expenditure_id = e.id) AS "devicesOnExpenditure",
         g.id AS "grantId", g.title AS "grantTitle", g.funding_rate_bp AS "fundingRateBp", g.earmarking_years AS "earmarkingYears",
         g.earmarking_years_by_type AS "earmarkingYearsByType"
    FROM expenditure_devices x
    JOIN expenditures e ON e.id = x.expenditure_id AND e.authority_id = x.authority_id
    JOIN grants g ON g.id = e.grant_id
    JOIN devices d ON d.id = x.device_id AND d.authority_id = x.authority_id`;

export const GRANT_SQL = {
  /** $1 id, then the visibility's parameters. */
  byId: (visible: string, lock: boolean) => `SELECT ${GRANT_COLUMNS} FROM grants g WHERE g.id = $1 AND ${visible}${lock ? ' FOR UPDATE OF g' : ''}`,
  /** The filters' parameters, the limit last. */
  list: (where: string, limitParam: number) => `SELECT ${GRANT_COLUMNS} FROM grants g WHERE ${where} ORDER BY g.title, g.id LIMIT $${limitParam}`,
  /** $1 grant ids, then both scopes' parameters. */
  figuresOf: (allocScope: string, expScope: string) => `SELECT g.id AS "grantId",
              coalesce((SELECT sum(a.amount_cents) FROM grant_allocations a WHERE a.grant_id = g.id AND ${allocScope}), 0)::bigint AS "allocatedCents",
              coalesce(x.committed, 0)::bigint AS "committedCents", coalesce(x.paid, 0)::bigint AS "paidCents"
         FROM grants g
         LEFT JOIN (SELECT e.grant_id, sum(e.gross_cents) AS committed, sum(e.gross_cents) FILTER (WHERE e.paid_on IS NOT NULL) AS paid
                      FROM expenditures e WHERE e.grant_id = ANY($1::uuid[]) AND ${expScope} GROUP BY e.grant_id) x ON x.grant_id = g.id
        WHERE g.id = ANY($1::uuid[])`,
  insert: `INSERT INTO grants (authority_id, program, title, reference_number, decision_date, approved_cents, funding_rate_bp,
                             eligible_from, eligible_until, proof_due_on, status, earmarking_years, earmarking_years_by_type, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
  update: `UPDATE grants SET program = $2, title = $3, reference_number = $4, decision_date = $5, approved_cents = $6, funding_rate_bp = $7,
                eligible_from = $8, eligible_until = $9, proof_due_on = $10, status = $11, earmarking_years = $12,
                earmarking_years_by_type = $13, notes = $14, version = version + 1, updated_at = now()
          WHERE id = $1`,
  /** $1 grant, $2 eligible from, $3 eligible until. */
  budgetFigures: `SELECT (SELECT coalesce(sum(amount_cents), 0) FROM grant_allocations WHERE grant_id = $1)::bigint AS allocated,
              (SELECT coalesce(sum(gross_cents), 0) FROM expenditures WHERE grant_id = $1)::bigint AS committed,
              (SELECT count(*) FROM expenditures WHERE grant_id = $1 AND (invoice_date < $2 OR invoice_date > $3))::int AS outside`,
  expenditureCount: `SELECT count(*)::int AS n FROM expenditures WHERE grant_id = $1`,
  /** Needs requests that name the grant as their funding (their foreign key keeps the grant). */
  linkedNeedCount: `SELECT count(*)::int AS n FROM need_requests WHERE grant_id = $1`,
  delete: `DELETE FROM grants WHERE id = $1`,
  /** $1 authority. */
  budgetOverview: `SELECT count(*)::int AS grants, coalesce(sum(g.approved_cents), 0)::bigint AS "approvedCents",
              coalesce(sum((SELECT sum(e.gross_cents) FROM expenditures e WHERE e.grant_id = g.id)), 0)::bigint AS "spentCents"
         FROM grants g WHERE g.authority_id = $1`,

  /** $1 grant, then the scope's parameters. */
  allocations: (scope: string) => `SELECT a.school_id AS "schoolId", s.name AS "schoolName", s.school_number AS "schoolNumber", a.amount_cents AS "amountCents", a.note,
              coalesce(x.committed, 0)::bigint AS "committedCents", a.amount_cents - coalesce(x.committed, 0)::bigint AS "remainingCents",
              a.updated_at AS "updatedAt"
         FROM grant_allocations a
         JOIN schools s ON s.id = a.school_id
         LEFT JOIN (SELECT school_id, sum(gross_cents) AS committed FROM expenditures WHERE grant_id = $1 GROUP BY school_id) x ON x.school_id = a.school_id
        WHERE a.grant_id = $1 AND ${scope}
        ORDER BY s.name, s.id`,
  /** $1 grant, $2 school. */
  allocationFigures: `SELECT (SELECT coalesce(sum(amount_cents), 0) FROM grant_allocations WHERE grant_id = $1 AND school_id <> $2)::bigint AS "otherAllocated",
                (SELECT coalesce(sum(gross_cents), 0) FROM expenditures WHERE grant_id = $1 AND school_id = $2)::bigint AS committed`,
  allocation: `SELECT amount_cents AS "amountCents", note FROM grant_allocations WHERE grant_id = $1 AND school_id = $2`,
  upsertAllocation: `INSERT INTO grant_allocations (authority_id, grant_id, school_id, amount_cents, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (grant_id, school_id) DO UPDATE SET amount_cents = EXCLUDED.amount_cents, note = EXCLUDED.note, updated_at = now()`,
  deleteAllocation: `DELETE FROM grant_allocations WHERE grant_id = $1 AND school_id = $2 RETURNING amount_cents AS "amountCents", note`,
  schoolExpenditureCount: `SELECT count(*)::int AS n FROM expenditures WHERE grant_id = $1 AND school_id = $2`,

  /** $1 grant, then the filters' parameters, the limit last. */
  expenditures: (where: string, limitParam: number) => `SELECT ${EXPENDITURE_COLUMNS} FROM expenditures e JOIN grants g ON g.id = e.grant_id
        WHERE ${where} ORDER BY e.order_date, e.id LIMIT $${limitParam}`,
  /** $1 grant, $2 id, then the scope's parameters. */
  expenditure: (scope: string, lock: boolean) => `SELECT ${EXPENDITURE_COLUMNS} FROM expenditures e JOIN grants g ON g.id = e.grant_id
        WHERE e.grant_id = $1 AND e.id = $2 AND ${scope}${lock ? ' FOR UPDATE OF e' : ''}`,
  insertExpenditure: `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, invoice_number, invoice_date, paid_on, vendor, description,
                                   gross_cents, budget_override, override_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
  updateExpenditure: `UPDATE expenditures SET school_id = $2, category = $3, order_date = $4, invoice_number = $5, invoice_date = $6, paid_on = $7,
                vendor = $8, description = $9, gross_cents = $10, budget_override = $11, override_reason = $12,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
  deleteExpenditure: `DELETE FROM expenditures WHERE id = $1`,
  /** $1 grant, $2 school, $3 the expenditure left out (or null). */
  budgetCheck: `SELECT (SELECT coalesce(sum(amount_cents), 0) FROM grant_allocations WHERE grant_id = $1 AND school_id = $2)::bigint AS allocated,
            (SELECT coalesce(sum(gross_cents), 0) FROM expenditures WHERE grant_id = $1 AND school_id = $2 AND id IS DISTINCT FROM $3)::bigint AS "schoolCommitted",
            (SELECT coalesce(sum(gross_cents), 0) FROM expenditures WHERE grant_id = $1 AND id IS DISTINCT FROM $3)::bigint AS "grantCommitted"`,
  /** $1 device ids, $2 authority. */
  devicesToLink: `SELECT d.id, x.expenditure_id AS "linkedTo" FROM devices d LEFT JOIN expenditure_devices x ON x.device_id = d.id
        WHERE d.id = ANY($1::uuid[]) AND d.authority_id = $2`,
  /** $1 expenditure, $2 device ids kept. */
  unlinkDevices: `DELETE FROM expenditure_devices WHERE expenditure_id = $1 AND NOT (device_id = ANY($2::uuid[]))`,
  /** $1 device ids, $2 expenditure, $3 authority. */
  linkDevices: `INSERT INTO expenditure_devices (device_id, expenditure_id, authority_id)
       SELECT d, $2, $3 FROM unnest($1::uuid[]) AS d
        WHERE NOT EXISTS (SELECT 1 FROM expenditure_devices x WHERE x.device_id = d AND x.expenditure_id = $2)`,

  /** Summary: $1 grant, then the scope's parameters. */
  summaryAllocations: (scope: string) => `SELECT school_id AS "schoolId", amount_cents AS "amountCents" FROM grant_allocations a WHERE a.grant_id = $1 AND ${scope}`,
  /** $1 school ids. */
  summarySchools: `SELECT id, name, school_number AS "schoolNumber", school_type::text AS "schoolType" FROM schools WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
  /** Money per school and category: $1 grant, $2 reporting date (or null), then the scope's parameters. */
  summaryGroups: (scope: string) => `SELECT e.school_id AS "schoolId", e.category::text AS category,
              coalesce(sum(e.gross_cents) FILTER (WHERE ${COMMITTED_BY}), 0)::bigint AS "committedCents",
              coalesce(sum(${funded}) FILTER (WHERE ${COMMITTED_BY}), 0)::bigint AS "fundedCents",
              coalesce(sum(e.gross_cents - ${funded}) FILTER (WHERE ${COMMITTED_BY}), 0)::bigint AS "ownCents",
              coalesce(sum(e.gross_cents) FILTER (WHERE ${PAID_BY}), 0)::bigint AS "paidCents",
              coalesce(sum(${funded}) FILTER (WHERE ${PAID_BY}), 0)::bigint AS "paidFundedCents",
              coalesce(sum(e.gross_cents - ${funded}) FILTER (WHERE ${PAID_BY}), 0)::bigint AS "paidOwnCents"
         FROM expenditures e JOIN grants g ON g.id = e.grant_id
        WHERE e.grant_id = $1 AND ${scope}
        GROUP BY e.school_id, e.category`,
  /** $1 grant, $2 reporting date (or null). */
  spendingByCategory: `SELECT e.school_id AS "schoolId", e.category::text AS category, sum(e.gross_cents)::bigint AS "committedCents"
         FROM expenditures e WHERE e.grant_id = $1 AND ${COMMITTED_BY} GROUP BY 1, 2`,
  /**
   * The mobile-device cap's figures per school: $1 grant, $2 reporting date (or null), $3 mobile device types.
   * One grouped pass over the linked devices of the grant's device invoices (`linked`: devices and mobile ones per
   * invoice), joined to the invoices by hash; a per-invoice lateral count took a second at 50,000 invoices.
   * The authority columns tie the joins to one tenant (the composite foreign keys guarantee it) and let the
   * planner use the authority indexes. An invoice without linked devices has no `linked` row: mobile part 0.
   */
  mobileCap: `WITH linked AS (
           SELECT x.expenditure_id AS id, count(*) AS total, count(*) FILTER (WHERE d.type = ANY($3::device_type[])) AS mobile
             FROM expenditures e
             JOIN expenditure_devices x ON x.expenditure_id = e.id AND x.authority_id = e.authority_id
             JOIN devices d ON d.id = x.device_id AND d.authority_id = x.authority_id
            WHERE e.grant_id = $1 AND ${COMMITTED_BY} AND e.category = 'devices'
            GROUP BY x.expenditure_id)
         SELECT e.school_id AS "schoolId", sum(e.gross_cents)::bigint AS "investmentCents",
                coalesce(sum((e.gross_cents * n.mobile * 2 + n.total) / (2 * n.total)), 0)::bigint AS "mobileCents"
           FROM expenditures e
           JOIN schools s ON s.id = e.school_id AND s.authority_id = e.authority_id
           LEFT JOIN linked n ON n.id = e.id
          WHERE e.grant_id = $1 AND ${COMMITTED_BY} AND s.school_type <> 'berufskolleg'
          GROUP BY e.school_id ORDER BY e.school_id`,
  /** $1 device. */
  fundedDevice: `${FUNDED_DEVICE_SELECT} WHERE x.device_id = $1`,
  /** $1 grant, then the scope's parameters. */
  fundedDevicesOutOfService: (scope: string) => `${FUNDED_DEVICE_SELECT} WHERE e.grant_id = $1 AND d.status IN ('retired', 'lost') AND ${scope} ORDER BY d.inventory_number`,
} as const;
