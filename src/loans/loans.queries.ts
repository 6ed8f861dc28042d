import { todayInBerlin } from '../common/dates';
import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import { invalidField } from '../common/errors';
import { decodeCursor, DEFAULT_PAGE_SIZE } from '../common/pagination';
import { isDateOnly } from '../common/validation';
import type { DeviceStatus, DeviceType } from '../devices/device.entity';
import type { BorrowerKind, LoanState, ReturnCondition } from './loan-rules';
import type { LoanDto, ListLoansQueryDto } from './loans.dto';

/**
 * Who sees a borrower's personal fields (name, reference, guardian, free-text notes): only the coordinators of the loan's school.
 * A coordinator's scope is exactly their schools, so within the scope the rule is the role; office and viewer users
 * (and exports made by them) get the loans with these fields withheld.
 */
export function personalFieldsVisibleTo(actor: Actor): boolean {
  return actor.role === 'coordinator';
}

/** One row of the loans list as the SQL below returns it (camelCase aliases). Exports rely on these names: keep them stable. */
export interface LoanRow {
  id: string;
  agreementNumber: string;
  authorityId: string;
  schoolId: string;
  schoolName: string;
  schoolNumber: string;
  deviceId: string;
  inventoryNumber: string;
  serialNumber: string | null;
  deviceType: DeviceType;
  manufacturer: string;
  model: string;
  deviceStatus: DeviceStatus;
  borrowerKind: BorrowerKind;
  borrowerName: string | null;
  borrowerReference: string | null;
  borrowerClass: string | null;
  guardianName: string | null;
  notes: string | null;
  returnNotes: string | null;
  personalDataErased: boolean;
  agreementSigned: boolean;
  accessories: string[];
  startedOn: string;
  dueOn: string;
  returnedOn: string | null;
  returnCondition: ReturnCondition | null;
  state: LoanState;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The SELECT list and joins of a loan row. Personal fields are withheld in SQL itself (NULL), so that no consumer of
 * the query (list, detail, export) can leak them by forgetting a check. `todayParam` is the placeholder of today's date.
 */
export function loanSelectSql(personalFieldsVisible: boolean, todayParam: string): string {
  const personal = (column: string) => (personalFieldsVisible ? column : 'NULL::text');
  return `SELECT l.id, l.agreement_number AS "agreementNumber", l.authority_id AS "authorityId", l.school_id AS "schoolId", s.name AS "schoolName", s.school_number AS "schoolNumber",
         d.id AS "deviceId", d.inventory_number AS "inventoryNumber", d.serial_number AS "serialNumber", d.type::text AS "deviceType",
         d.manufacturer, d.model, d.status::text AS "deviceStatus",
         l.borrower_kind AS "borrowerKind",
         ${personal('l.borrower_name')} AS "borrowerName",
         ${personal('l.borrower_reference')} AS "borrowerReference",
         l.borrower_class AS "borrowerClass",
         ${personal('l.guardian_name')} AS "guardianName",
         ${personal('l.notes')} AS "notes",
         ${personal('l.return_notes')} AS "returnNotes",
         l.personal_data_erased_at IS NOT NULL AS "personalDataErased",
         l.agreement_signed AS "agreementSigned", l.accessories, l.started_on AS "startedOn", l.due_on AS "dueOn",
         l.returned_on AS "returnedOn", l.return_condition AS "returnCondition",
         CASE WHEN l.returned_on IS NOT NULL THEN 'returned' WHEN l.due_on < ${todayParam}::date THEN 'overdue' ELSE 'active' END AS "state",
         l.version, l.created_at AS "createdAt", l.updated_at AS "updatedAt"
    FROM loans l
    JOIN devices d ON d.id = l.device_id
    JOIN schools s ON s.id = l.school_id`;
}

export interface LoanListSql {
  sql: string;
  params: unknown[];
  personalFieldsVisible: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The loans list as raw positional SQL: the caller's scope, the filters of `GET /loans`, the order (due date, id).
 * With `paginate` (default) it applies the cursor and fetches `limit + 1` rows; without, it returns every match in
 * the same order (for exports, which stream it). Rows are `LoanRow`s.
 */
export function loanListQuery(
  actor: Actor,
  query: Omit<ListLoansQueryDto, 'limit' | 'cursor'> & { limit?: number; cursor?: string },
  options: { today?: string; paginate?: boolean } = {},
): LoanListSql {
  const personalFieldsVisible = personalFieldsVisibleTo(actor);
  const params: unknown[] = [options.today ?? todayInBerlin()];
  const where = [schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params, query.schoolId)];
  if (query.deviceId) where.push(`l.device_id = $${params.push(query.deviceId)}`);
  if (query.borrowerKind) where.push(`l.borrower_kind = $${params.push(query.borrowerKind)}`);
  if (query.borrowerClass) where.push(`l.borrower_class = $${params.push(query.borrowerClass)}`);
  if (query.dueBy) where.push(`l.due_on <= $${params.push(query.dueBy)}`);
  if (query.state === 'active') where.push(`l.returned_on IS NULL`);
  if (query.state === 'overdue') where.push(`l.returned_on IS NULL AND l.due_on < $1::date`);
  if (query.state === 'returned') where.push(`l.returned_on IS NOT NULL`);
  let tail = '';
  if (options.paginate !== false) {
    if (query.cursor) {
      const [dueOn, id] = decodeCursor(query.cursor, 2);
      if (!isDateOnly(dueOn) || typeof id !== 'string' || !UUID.test(id)) throw invalidField('cursor', 'invalidCursor', 'cursor is malformed or belongs to another sort order');
      where.push(`(l.due_on, l.id) > ($${params.push(dueOn)}::date, $${params.push(id)}::uuid)`);
    }
    tail = ` LIMIT $${params.push((query.limit ?? DEFAULT_PAGE_SIZE) + 1)}`;
  }
  const sql = `${loanSelectSql(personalFieldsVisible, '$1')}
   WHERE ${where.join(' AND ')}
   ORDER BY l.due_on, l.id${tail}`;
  return { sql, params, personalFieldsVisible };
}

export function toLoanDto(row: LoanRow, personalFieldsVisible: boolean): LoanDto {
  return {
    id: row.id,
    agreementNumber: row.agreementNumber,
    authorityId: row.authorityId,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    device: {
      id: row.deviceId,
      inventoryNumber: row.inventoryNumber,
      serialNumber: row.serialNumber,
      type: row.deviceType,
      manufacturer: row.manufacturer,
      model: row.model,
      status: row.deviceStatus,
    },
    borrowerKind: row.borrowerKind,
    borrowerName: row.borrowerName,
    borrowerReference: row.borrowerReference,
    borrowerClass: row.borrowerClass,
    guardianName: row.guardianName,
    notes: row.notes,
    returnNotes: row.returnNotes,
    personalDataVisible: personalFieldsVisible,
    personalDataErased: row.personalDataErased,
    agreementSigned: row.agreementSigned,
    accessories: row.accessories,
    startedOn: row.startedOn,
    dueOn: row.dueOn,
    returnedOn: row.returnedOn,
    returnCondition: row.returnCondition,
    state: row.state,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The personal fields of a loan, all cleared together (the check constraint ck_loans_erased_fields insists). */
const ERASE_SET = `borrower_name = NULL, borrower_reference = NULL, borrower_class = NULL, guardian_name = NULL, notes = NULL, return_notes = NULL,
                   personal_data_erased_at = now(), version = version + 1, updated_at = now()`;

/** The row a loan's write works on, locked. */
export interface LockedLoan {
  id: string;
  authorityId: string;
  schoolId: string;
  deviceId: string;
  startedOn: string;
  dueOn: string;
  returnedOn: string | null;
  agreementSigned: boolean;
  version: number;
}

export const LOAN_SQL = {
  /** $1 today, $2 loan id, then the scope's parameters. */
  byId: (personalFieldsVisible: boolean, scope: string) => `${loanSelectSql(personalFieldsVisible, '$1')} WHERE l.id = $2 AND ${scope}`,
  /** $1 today, $2 loan ids, then the scope's parameters. */
  byIds: (personalFieldsVisible: boolean, scope: string) => `${loanSelectSql(personalFieldsVisible, '$1')} WHERE l.id = ANY($2::uuid[]) AND ${scope}`,
  /** $1 today, $2 device id, then the scope's parameters. */
  activeOfDevice: (personalFieldsVisible: boolean, scope: string) =>
    `${loanSelectSql(personalFieldsVisible, '$1')} WHERE l.device_id = $2 AND l.returned_on IS NULL AND ${scope}`,
  /** $1 loan id, then the scope's parameters. */
  lock: (scope: string) => `SELECT l.id, l.authority_id AS "authorityId", l.school_id AS "schoolId", l.device_id AS "deviceId", l.started_on AS "startedOn",
              l.due_on AS "dueOn", l.returned_on AS "returnedOn", l.agreement_signed AS "agreementSigned", l.version
         FROM loans l WHERE l.id = $1 AND ${scope} FOR UPDATE`,
  insert: `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_reference, borrower_class, guardian_name,
                          agreement_signed, accessories, notes, started_on, due_on, lent_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
  /** $1 id, $2 returned on, $3 condition, $4 notes, $5 actor. */
  markReturned: `UPDATE loans SET returned_on = $2, return_condition = $3, return_notes = $4, returned_by = $5, version = version + 1, updated_at = now()
        WHERE id = $1`,
  extend: `UPDATE loans SET due_on = $2, version = version + 1, updated_at = now() WHERE id = $1`,
  markAgreementSigned: `UPDATE loans SET agreement_signed = true, version = version + 1, updated_at = now() WHERE id = $1`,
  /** $1 authority, $2 today. */
  counts: `SELECT count(*) FILTER (WHERE returned_on IS NULL) AS active,
              count(*) FILTER (WHERE returned_on IS NULL AND due_on < $2::date) AS overdue,
              count(*) FILTER (WHERE returned_on IS NOT NULL) AS returned
         FROM loans WHERE authority_id = $1`,
  /**
   * The scanned devices (in $1) of the authority ($2) within the scope, with their active loan: one query for the
   * whole batch, by the expression index (authority_id, lower(inventory_number)).
   */
  devicesByInventoryNumber: (scope: string, school: string) => `SELECT DISTINCT ON (k.scanned) k.scanned, d.id, d.inventory_number AS "inventoryNumber", d.status::text AS status, l.id AS "activeLoanId"
         FROM unnest($1::text[]) AS k(scanned)
         JOIN devices d ON d.authority_id = $2 AND lower(d.inventory_number) = lower(btrim(k.scanned))
         LEFT JOIN loans l ON l.device_id = d.id AND l.returned_on IS NULL
        WHERE ${scope}${school}
        ORDER BY k.scanned, d.inventory_number = btrim(k.scanned) DESC, d.inventory_number`,
  /** $1 school ids, $2 authority. */
  agreementSchools: `SELECT s.id, s.name, s.school_number AS "schoolNumber", s.street, s.postal_code AS "postalCode", s.city, a.name AS "authorityName"
         FROM schools s JOIN authorities a ON a.id = s.authority_id WHERE s.id = ANY($1::uuid[]) AND s.authority_id = $2`,
  /** $1 device ids, $2 authority: the value printed on the agreement, the device's gross purchase price. */
  agreementPrices: `SELECT id, purchase_price_cents AS "purchasePriceCents" FROM devices WHERE id = ANY($1::uuid[]) AND authority_id = $2`,
  /** Returned loans of the school ($1) matching the borrower's conditions, locked. */
  erasable: (where: string) => `SELECT id FROM loans WHERE school_id = $1 AND personal_data_erased_at IS NULL AND returned_on IS NOT NULL AND ${where} FOR UPDATE`,
  /** $1 the loans settings section: authorities with returned loans not yet erased. */
  authoritiesWithPersonalData: `SELECT a.id, a.settings -> $1 AS section FROM authorities a
        WHERE EXISTS (SELECT 1 FROM loans l WHERE l.authority_id = a.id AND l.returned_on IS NOT NULL AND l.personal_data_erased_at IS NULL)`,
  /** $1 authority, $2 cutoff, $3 batch size. */
  pastRetention: `SELECT id FROM loans
              WHERE authority_id = $1 AND returned_on IS NOT NULL AND personal_data_erased_at IS NULL AND returned_on <= $2::date
              LIMIT $3 FOR UPDATE SKIP LOCKED`,
  erase: `UPDATE loans SET ${ERASE_SET} WHERE id = ANY($1::uuid[]) RETURNING id, authority_id`,
} as const;
