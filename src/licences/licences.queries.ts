import type { Actor } from '../common/actor';
import { schoolScopeSql, tenantOf } from '../common/access';
import { invalidField } from '../common/errors';
import { decodeCursor } from '../common/pagination';

/** A product row in ProductDto shape (`contracts` counted in the caller's view). */
export const PRODUCT_COLUMNS = `p.id, p.name, p.vendor, p.kind::text AS kind, p.platforms, p.for_students AS "forStudents",
  p.processes_student_data AS "processesStudentData", p.dpa_signed_on AS "dpaSignedOn", p.dpa_reference AS "dpaReference",
  p.dpia_done AS "dpiaDone", p.hosting::text AS hosting, p.approved, p.notes, p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/** A timestamp as JSON.stringify writes a JS Date (ISO, milliseconds, UTC): what the rows parsed by `pg` give. */
const isoMs = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The contract's own fields (alias c), its product's (p) and the grant of its expenditure (e), in ContractDto order: [name, SQL, SQL for JSON]. */
const CONTRACT_FIELDS: [string, string, string?][] = [
  ['id', 'c.id'],
  ['productId', 'c.product_id'],
  ['productName', 'p.name'],
  ['vendor', 'p.vendor'],
  ['productKind', 'p.kind::text'],
  ['allSchools', 'c.all_schools'],
  ['licenceModel', 'c.licence_model::text'],
  ['seatsBought', 'c.seats_bought'],
  ['termStart', 'c.term_start'],
  ['termEnd', 'c.term_end'],
  ['autoRenewal', 'c.auto_renewal'],
  ['renewalMonths', 'c.renewal_months'],
  ['noticePeriod', 'c.notice_period'],
  ['noticeUnit', 'c.notice_unit::text'],
  ['oneOffCents', 'c.one_off_cents'],
  ['yearlyCents', 'c.yearly_cents'],
  ['orderReference', 'c.order_reference'],
  ['invoiceReference', 'c.invoice_reference'],
  ['expenditureId', 'c.expenditure_id'],
  ['grantId', 'e.grant_id'],
  ['grantTitle', 'g.title'],
  ['expenditureInvoiceNumber', 'e.invoice_number'],
  ['notes', 'c.notes'],
  ['version', 'c.version'],
  ['createdAt', 'c.created_at', isoMs('c.created_at')],
  ['updatedAt', 'c.updated_at', isoMs('c.updated_at')],
];

const columnsOf = (fields: [string, string, string?][]) => fields.map(([name, sql]) => `${sql} AS "${name}"`).join(', ');
/** The fields as one JSON object's text, compact and in their order (row_to_json writes no blanks, json_build_object does). */
const jsonOf = (fields: [string, string, string?][]) => `(SELECT row_to_json(j) FROM (SELECT ${fields.map(([name, sql, json]) => `${json ?? sql} AS "${name}"`).join(', ')}) j)::text`;

/** What the term rules need of a contract (`currentTerm`): besides its JSON text, the list reads these. */
const TERM_COLUMNS = `c.term_start AS "termStart", c.term_end AS "termEnd", c.auto_renewal AS "autoRenewal", c.renewal_months AS "renewalMonths",
  c.notice_period AS "noticePeriod", c.notice_unit::text AS "noticeUnit"`;

/**
 * Which contracts a caller sees (alias c): office and viewer all of their authority's; a coordinator the authority-wide
 * ones and those with a seats row at one of their schools. With `schoolId` (already checked visible): the contracts of
 * that school. Appends its parameters.
 */
export function contractVisibilitySql(actor: Actor, params: unknown[], schoolId?: string): string {
  const authority = `c.authority_id = $${params.push(tenantOf(actor))}`;
  const schools = schoolId ? [schoolId] : actor.role === 'coordinator' ? actor.schoolIds : null;
  if (!schools) return authority;
  return `(${authority} AND (c.all_schools OR EXISTS (SELECT 1 FROM licence_seats t WHERE t.contract_id = c.id AND t.school_id = ANY($${params.push(schools)}::uuid[]))))`;
}

export interface ContractListFilter {
  productId?: string;
  schoolId?: string;
  ids?: string[];
}

/**
 * Contracts in the caller's view with their seat sums (only the seats of the schools the caller sees, or of
 * `filter.schoolId`), by product name. With `page`, keyset on (product name, id) and `limit + 1` rows.
 * `shape`: `rows` gives ContractDto rows without the computed term; `json` gives each row as JSON text in that
 * order (`json`, rendered by PostgreSQL like JSON.stringify would) with the term facts and the keyset columns beside it;
 * `facts` only what the warnings read.
 */
export function contractsQuery(
  actor: Actor,
  filter: ContractListFilter,
  page?: { cursor?: string; limit: number },
  lock = false,
  shape: 'rows' | 'json' | 'facts' = 'rows',
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [contractVisibilitySql(actor, params, filter.schoolId)];
  const sums = seatSumsSql(actor, params, filter.schoolId);
  if (filter.productId) where.push(`c.product_id = $${params.push(filter.productId)}`);
  if (filter.ids) where.push(`c.id = ANY($${params.push(filter.ids)}::uuid[])`);
  if (page?.cursor) {
    const [name, id] = decodeCursor(page.cursor, 2);
    if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'invalidCursor', 'cursor is malformed or belongs to another sort order');
    where.push(`(p.name, c.id) > ($${params.push(name)}, $${params.push(id)}::uuid)`);
  }
  const limit = page ? ` LIMIT $${params.push(page.limit + 1)}` : '';
  const fields = [...CONTRACT_FIELDS, ...sums.fields];
  const columns =
    shape === 'json'
      ? `${jsonOf(fields)} AS json, c.id, p.name AS "productName", ${TERM_COLUMNS}`
      : shape === 'facts'
        ? columnsOf(fields.filter(([name]) => CONTRACT_FACTS.has(name)))
        : columnsOf(fields);
  const sql = `SELECT ${columns}
      FROM licence_contracts c
      JOIN licence_products p ON p.id = c.product_id AND p.authority_id = c.authority_id
      ${shape === 'facts' ? '' : `LEFT JOIN expenditures e ON e.id = c.expenditure_id AND e.authority_id = c.authority_id
      LEFT JOIN grants g ON g.id = e.grant_id AND g.authority_id = e.authority_id`}${sums.join}
     WHERE ${where.join(' AND ')}
     ORDER BY p.name, c.id${limit}${lock ? ' FOR UPDATE OF c' : ''}`;
  return { sql, params };
}

/** The fields of a contract the warnings read (ContractFacts, the product's name). */
const CONTRACT_FACTS = new Set(['id', 'productId', 'productName', 'termStart', 'termEnd', 'autoRenewal', 'renewalMonths', 'noticePeriod', 'noticeUnit', 'seatsBought', 'seatsAssigned', 'seatsInUse']);

/**
 * The seat sums of a contract row (alias c) as the caller sees them. The whole authority's (office and viewer, no
 * school filter): the sums the seats triggers keep on the contract row. Some schools' (a coordinator's, or one school's):
 * summed from those schools' seats rows, found by the seats' key (contract, school).
 */
function seatSumsSql(actor: Actor, params: unknown[], schoolId?: string): { fields: [string, string][]; join: string } {
  if (actor.role !== 'coordinator' && !schoolId) {
    return { fields: [['seatsAssigned', 'c.seats_assigned_sum::int'], ['seatsInUse', 'c.seats_in_use_sum::int'], ['schools', 'c.seat_schools']], join: '' };
  }
  const scope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.school_id' }, params, schoolId);
  return {
    fields: [['seatsAssigned', 'coalesce(x.assigned, 0)::int'], ['seatsInUse', 'x.in_use::int'], ['schools', 'coalesce(x.schools, 0)::int']],
    join: `
      LEFT JOIN LATERAL (SELECT sum(s.seats_assigned) AS assigned, sum(s.seats_in_use) AS in_use, count(*) AS schools
                           FROM licence_seats s WHERE s.contract_id = c.id AND ${scope}) x ON true`,
  };
}

/** Products of the caller's authority with their contract counts (coordinators: contracts they see). */
export function productsQuery(actor: Actor, id?: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantOf(actor)];
  const visible = contractVisibilitySql(actor, params);
  const one = id ? ` AND p.id = $${params.push(id)}` : '';
  return {
    sql: `SELECT ${PRODUCT_COLUMNS}, (SELECT count(*)::int FROM licence_contracts c WHERE c.product_id = p.id AND ${visible}) AS contracts
            FROM licence_products p WHERE p.authority_id = $1${one} ORDER BY p.name, p.id`,
    params,
  };
}

/** The seats rows of a contract the caller sees (their schools'), by school name. */
export function seatsQuery(actor: Actor, contractId: string, schoolId?: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [contractId];
  const scope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.school_id' }, params, schoolId);
  return {
    sql: `SELECT s.contract_id AS "contractId", s.school_id AS "schoolId", sc.name AS "schoolName", sc.school_number AS "schoolNumber",
                 s.seats_assigned AS "seatsAssigned", s.seats_in_use AS "seatsInUse", s.in_use_on AS "inUseOn", s.in_use_source::text AS "inUseSource",
                 s.updated_at AS "updatedAt"
            FROM licence_seats s JOIN schools sc ON sc.id = s.school_id AND sc.authority_id = s.authority_id
           WHERE s.contract_id = $1 AND ${scope}
           ORDER BY sc.name, sc.id`,
    params,
  };
}

/** Locks a contract of the authority for a write of its seats ($1 contract, $2 authority). */
export const LOCK_CONTRACT_SQL = `SELECT id, all_schools AS "allSchools", seats_bought AS "seatsBought", product_id AS "productId"
  FROM licence_contracts WHERE id = $1 AND authority_id = $2 FOR UPDATE`;

/** Seats assigned at the other schools of a contract ($1 contract, $2 the school being set). */
export const OTHER_ASSIGNED_SQL = `SELECT coalesce(sum(seats_assigned), 0)::int AS n FROM licence_seats WHERE contract_id = $1 AND school_id <> $2`;

export const SEAT_SQL = `SELECT seats_assigned AS "seatsAssigned", seats_in_use AS "seatsInUse", in_use_on AS "inUseOn", in_use_source::text AS "inUseSource"
  FROM licence_seats WHERE contract_id = $1 AND school_id = $2`;

export const UPSERT_ASSIGNED_SQL = `INSERT INTO licence_seats (contract_id, school_id, authority_id, seats_assigned) VALUES ($1, $2, $3, $4)
  ON CONFLICT (contract_id, school_id) DO UPDATE SET seats_assigned = EXCLUDED.seats_assigned, updated_at = now()`;

export const UPSERT_USE_SQL = `INSERT INTO licence_seats (contract_id, school_id, authority_id, seats_in_use, in_use_on, in_use_source) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (contract_id, school_id) DO UPDATE SET seats_in_use = EXCLUDED.seats_in_use, in_use_on = EXCLUDED.in_use_on,
     in_use_source = EXCLUDED.in_use_source, updated_at = now()`;

/** What `warningFactsQuery` answers: three JSON texts, made by PostgreSQL. */
export interface WarningFactsRow {
  /** The products' data-protection facts (`ProductFacts`), by name: a JSON array. */
  products: string;
  /** The contracts in view with what the rules read (`ContractFacts` and `productName`), by product name: a JSON array. */
  contracts: string;
  /** The schools' `use_over_assigned` warnings, comma-separated JSON objects (no brackets; '' when none). */
  seats: string;
}

/**
 * Everything the warnings read but the settings, in one statement (one round trip, one connection): the authority's
 * products (only the data-protection facts), the contracts in the caller's view (`contractsQuery`'s `facts`), and
 * the over-used seats rows in view (`overUsedSeatsSql`, of contracts in view) joined into one text. Rows of JSON
 * instead of 60 + 200 + 550 rows: parsing the rows (dates, numbers) and their garbage were most of the request's
 * CPU (profiled, bench/RESULTS.md #17).
 */
export function warningFactsQuery(actor: Actor, schoolId?: string): { sql: string; params: unknown[] } {
  const contracts = contractsQuery(actor, { schoolId }, undefined, false, 'facts');
  const params = contracts.params;
  const overUsed = overUsedSeatsSql(actor, params, schoolId);
  const visible = contractVisibilitySql(actor, params, schoolId);
  const authority = `$${params.push(tenantOf(actor))}`;
  return {
    sql: `SELECT (SELECT coalesce(json_agg(x ORDER BY x.name, x.id), '[]')::text
                    FROM (SELECT p.id, p.name, p.processes_student_data AS "processesStudentData", p.dpa_signed_on AS "dpaSignedOn", p.approved
                            FROM licence_products p WHERE p.authority_id = ${authority}) x) AS products,
                 (SELECT coalesce(json_agg(x ORDER BY x."productName", x.id), '[]')::text FROM (${contracts.sql}) x) AS contracts,
                 (SELECT coalesce(string_agg(x.json, ',' ORDER BY x."contractId", x."schoolId"), '')
                    FROM (${overUsed} AND ${visible}) x) AS seats`,
    params,
  };
}

/** The grant expenditure a contract may link to: one of the authority's ($1 id, $2 authority). */
export const EXPENDITURE_SQL = `SELECT id, grant_id AS "grantId" FROM expenditures WHERE id = $1 AND authority_id = $2`;

/**
 * Seats rows in the caller's view where a school uses more than it was assigned, each as its `use_over_assigned`
 * warning rendered as JSON text by PostgreSQL (`json`, the key order and text of `seatWarnings`), with its contract
 * and school (its WHERE clause last, to be extended: the contract is alias c); appends its parameters.
 */
function overUsedSeatsSql(actor: Actor, params: unknown[], schoolId?: string): string {
  const scope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.school_id' }, params, schoolId);
  // Written out rather than row_to_json of nested rows (a subplan per row, about half the statement's time): the
  // same compact text, strings escaped by to_json, uuids and integers as they are.
  return `SELECT s.contract_id AS "contractId", s.school_id AS "schoolId",
                 '{"code":"use_over_assigned","message":' || to_json('A school uses more seats of ' || p.name || ' than assigned')::text
                   || ',"productId":"' || c.product_id || '","contractId":"' || s.contract_id || '","schoolId":"' || s.school_id
                   || '","params":{"product":' || to_json(p.name)::text || ',"seatsInUse":' || s.seats_in_use || ',"seatsAssigned":' || s.seats_assigned || '}}' AS json
            FROM licence_seats s JOIN licence_contracts c ON c.id = s.contract_id AND c.authority_id = s.authority_id
            JOIN licence_products p ON p.id = c.product_id AND p.authority_id = c.authority_id
           WHERE s.seats_in_use > s.seats_assigned AND ${scope}`;
}

/** Schools of the authority by school number, for a usage import ($1 authority, $2 numbers). */
export const SCHOOLS_BY_NUMBER_SQL = `SELECT id, school_number AS "schoolNumber" FROM schools WHERE authority_id = $1 AND school_number = ANY($2::text[])`;

/** Every seats row of the authority's contracts ($1 authority): the weights of the cost split, whoever asks. */
export const AUTHORITY_SEATS_SQL = `SELECT s.contract_id AS "contractId", s.school_id AS "schoolId", s.seats_assigned AS "seatsAssigned", s.seats_in_use AS "seatsInUse"
  FROM licence_seats s WHERE s.authority_id = $1 ORDER BY s.contract_id, s.school_id`;

/** The authority's schools with their student counts ($1 authority), by name. */
export const AUTHORITY_SCHOOLS_SQL = `SELECT id, name, school_number AS "schoolNumber", student_count AS "studentCount"
  FROM schools WHERE authority_id = $1 ORDER BY name, id`;

/**
 * The licence contracts a grant paid for: those linked to one of its expenditures, in the caller's school scope
 * (of the expenditure's school), by product name. With `asOf`, only expenditures ordered by then, and their invoice
 * number only when invoiced by then (as the Belegliste shows them). For the grant's summary.
 */
export function grantLicencesQuery(actor: Actor, grantId: string, asOf: string | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [grantId, asOf];
  const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
  return {
    sql: `SELECT c.id AS "contractId", c.product_id AS "productId", p.name AS "productName", p.vendor, c.licence_model::text AS "licenceModel",
                 c.seats_bought AS "seatsBought", c.yearly_cents AS "yearlyCents", c.expenditure_id AS "expenditureId", e.school_id AS "schoolId",
                 CASE WHEN e.invoice_date IS NOT NULL AND ($2::date IS NULL OR e.invoice_date <= $2::date) THEN e.invoice_number END AS "invoiceNumber",
                 e.gross_cents AS "grossCents", c.term_start AS "termStart", c.term_end AS "termEnd"
            FROM licence_contracts c
            JOIN licence_products p ON p.id = c.product_id AND p.authority_id = c.authority_id
            JOIN expenditures e ON e.id = c.expenditure_id AND e.authority_id = c.authority_id
           WHERE e.grant_id = $1 AND ($2::date IS NULL OR e.order_date <= $2::date) AND ${scope}
           ORDER BY p.name, c.id`,
    params,
  };
}

/**
 * A join for the Belegliste (alias `e` = expenditures, `$1` = the grant): `lic.names`, the licence contracts an
 * expenditure paid for with their terms ("Lernplattform (01.08.2025–31.07.2026), Mathe-App (…)"), one grouped pass
 * over the grant's linked contracts.
 */
export const LICENCE_NAMES_JOIN = `LEFT JOIN (
    SELECT c.expenditure_id,
           string_agg(p.name || ' (' || to_char(c.term_start, 'DD.MM.YYYY') || '–' || to_char(c.term_end, 'DD.MM.YYYY') || ')', ', ' ORDER BY p.name, c.id) AS names
      FROM licence_contracts c JOIN licence_products p ON p.id = c.product_id AND p.authority_id = c.authority_id
     WHERE c.expenditure_id IN (SELECT x.id FROM expenditures x WHERE x.grant_id = $1)
     GROUP BY c.expenditure_id) lic ON lic.expenditure_id = e.id`;
