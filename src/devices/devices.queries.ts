import type { Actor } from '../common/actor';
import type { SqlQuery } from '../common/db';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';
import { deviceCursorWhere, type DeviceFilterQueryDto, deviceListWhere, deviceOrderBy, deviceSortKeySelect, type ListDevicesQueryDto } from './device-filters';
import type { DeviceListItemDto } from './devices.dto';

/**
 * A timestamp as the ISO string JSON carries anyway (`2026-11-21T23:40:12.345Z`), formatted by PostgreSQL:
 * parsing it into a Date only to print it again cost a few percent of the API's CPU on a 50-row page.
 */
export const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The columns of a DeviceDto, over alias `d`. */
export const DEVICE_COLUMNS = `d.id, d.authority_id AS "authorityId", d.school_id AS "schoolId", d.inventory_number AS "inventoryNumber",
  d.serial_number AS "serialNumber", d.type, d.manufacturer, d.model, d.operating_system AS "operatingSystem",
  d.purchase_date AS "purchaseDate", d.purchase_price_cents AS "purchasePriceCents", d.commissioned_on AS "commissionedOn",
  d.warranty_until AS "warrantyUntil", d.location, d.notes, d.status, d.retired_on AS "retiredOn",
  d.retirement_reason AS "retirementReason", d.last_counted_on AS "lastCountedOn",
  CASE WHEN d.labelled_at IS NULL THEN NULL ELSE ${isoTimestamp('d.labelled_at')} END AS "labelledAt", d.version, ${isoTimestamp('d.created_at')} AS "createdAt", ${isoTimestamp('d.updated_at')} AS "updatedAt"`;

/** DTO field -> column, for the fields a client writes. */
export const DEVICE_FIELD_COLUMNS = {
  inventoryNumber: 'inventory_number',
  serialNumber: 'serial_number',
  type: 'type',
  manufacturer: 'manufacturer',
  model: 'model',
  operatingSystem: 'operating_system',
  purchaseDate: 'purchase_date',
  purchasePriceCents: 'purchase_price_cents',
  commissionedOn: 'commissioned_on',
  warrantyUntil: 'warranty_until',
  location: 'location',
  notes: 'notes',
} as const;
export type DeviceField = keyof typeof DEVICE_FIELD_COLUMNS;
export const DEVICE_FIELDS = Object.keys(DEVICE_FIELD_COLUMNS) as DeviceField[];

/**
 * List items: what a list shows, as JSON key -> SQL expression over alias `d` (the fields of DeviceListItemDto).
 * The authority is the caller's; notes, retirement reason and creation time are in the detail.
 * (A fifth less JSON per page took 16 % off the API's CPU per 50-row page.)
 */
const DEVICE_LIST_FIELDS: readonly (readonly [keyof DeviceListItemDto, string])[] = [
  ['id', 'd.id'],
  ['schoolId', 'd.school_id'],
  ['inventoryNumber', 'd.inventory_number'],
  ['serialNumber', 'd.serial_number'],
  ['type', 'd.type'],
  ['manufacturer', 'd.manufacturer'],
  ['model', 'd.model'],
  ['operatingSystem', 'd.operating_system'],
  ['purchaseDate', 'd.purchase_date'],
  ['purchasePriceCents', 'd.purchase_price_cents'],
  ['commissionedOn', 'd.commissioned_on'],
  ['warrantyUntil', 'd.warranty_until'],
  ['location', 'd.location'],
  ['status', 'd.status'],
  ['retiredOn', 'd.retired_on'],
  ['lastCountedOn', 'd.last_counted_on'],
  ['labelledAt', `CASE WHEN d.labelled_at IS NULL THEN NULL ELSE ${isoTimestamp('d.labelled_at')} END`],
  ['version', 'd.version'],
  ['updatedAt', isoTimestamp('d.updated_at')],
];

/**
 * One list item as JSON text, rendered by PostgreSQL (dates as `YYYY-MM-DD`, cents and versions as numbers: the
 * values the detail gives). The list hands these texts to the client as they are: parsing 17 columns of 50 rows
 * into objects and serialising them again was most of the API's own CPU per page (see bench/RESULTS.md).
 */
const DEVICE_LIST_ITEM_JSON = `json_build_object(${DEVICE_LIST_FIELDS.map(([key, expr]) => `'${key}', ${expr}`).join(', ')})::text`;

/** A row of the list statement: the item's JSON text and its keyset position. */
export type DeviceListRow = { json: string; id: string; sortKey: string };

/**
 * The one statement behind GET /devices: scope, filters, keyset cursor, order, limit + 1.
 * Exported so the benchmark's plain-pg baseline runs exactly the SQL the API runs.
 */
export function buildDeviceListSql(actor: Actor, query: ListDevicesQueryDto): { sql: string; params: unknown[]; limit: number } {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const sort = query.sort ?? 'inventoryNumber';
  const params: unknown[] = [];
  const where = [deviceListWhere(actor, query, params).sql];
  if (query.cursor) where.push(deviceCursorWhere(sort, query.cursor, params));
  params.push(limit + 1);
  const sql = `SELECT ${DEVICE_LIST_ITEM_JSON} AS json, d.id, ${deviceSortKeySelect(sort)} AS "sortKey"
                 FROM devices d
                WHERE ${where.join(' AND ')}
                ORDER BY ${deviceOrderBy(sort)}
                LIMIT $${params.length}`;
  return { sql, params, limit };
}

/** What identifies a device on paper; the first columns of every device list (inventory export, the grant's Inventarliste). */
export interface DeviceIdentityRow {
  inventoryNumber: string;
  serialNumber: string | null;
  type: string;
  manufacturer: string;
  model: string;
}

/** One row of the inventory export (only what its columns read). */
export interface DeviceExportRow extends DeviceIdentityRow {
  operatingSystem: string | null;
  schoolName: string;
  schoolNumber: string;
  location: string | null;
  status: string;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  commissionedOn: string | null;
  warrantyUntil: string | null;
}

/**
 * The statement behind the inventory export: exactly the device list's scope, filters and order, without paging.
 * `ordered: false` leaves out the ORDER BY (for the column widths' aggregate pass over it).
 */
export function deviceExportQuery(actor: Actor, query: DeviceFilterQueryDto, { ordered = true } = {}): SqlQuery {
  const where = deviceListWhere(actor, query);
  return {
    sql: `/* export:inventory */
      SELECT d.inventory_number AS "inventoryNumber", d.serial_number AS "serialNumber", d.type::text AS type, d.manufacturer, d.model,
             d.operating_system AS "operatingSystem", s.name AS "schoolName", s.school_number AS "schoolNumber", d.location,
             d.status::text AS status, d.purchase_date AS "purchaseDate", d.purchase_price_cents AS "purchasePriceCents",
             d.commissioned_on AS "commissionedOn", d.warranty_until AS "warrantyUntil"
        FROM devices d
        JOIN schools s ON s.id = d.school_id
       WHERE ${where.sql}
       ${ordered ? `ORDER BY ${deviceOrderBy(query.sort ?? 'inventoryNumber')}` : ''}`,
    params: where.params,
  };
}

/** The columns of a LockedDevice, over alias `d`. */
const LOCKED_DEVICE_COLUMNS = `d.id, d.authority_id AS "authorityId", d.school_id AS "schoolId", d.status, d.version,
  d.inventory_number AS "inventoryNumber", d.type, d.commissioned_on AS "commissionedOn"`;

export const DEVICE_SQL = {
  /** $1 device id, then the scope's parameters. */
  detail: (scope: string) => `SELECT ${DEVICE_COLUMNS}, s.name AS "schoolName" FROM devices d JOIN schools s ON s.id = d.school_id WHERE d.id = $1 AND ${scope}`,
  /** $1 the tag, then the scope's parameters. Two branches, one per expression index (authority_id, lower(…)); an OR of both would walk every device. */
  byTag: (scope: string) => {
    const select = `SELECT ${DEVICE_COLUMNS}, s.name AS "schoolName", lower(d.inventory_number) = lower($1) AS "byInventory",
              CASE WHEN lower(d.inventory_number) = lower($1) THEN d.inventory_number = $1 ELSE d.serial_number = $1 END AS "exact"
         FROM devices d JOIN schools s ON s.id = d.school_id`;
    return `(${select} WHERE lower(d.inventory_number) = lower($1) AND ${scope} LIMIT 10)
       UNION ALL
       (${select} WHERE d.serial_number IS NOT NULL AND lower(d.serial_number) = lower($1) AND ${scope} LIMIT 10)`;
  },
  byId: `SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.id = $1`,
  /** $1 authority, $2 school, $3 status, then the values of `columns`. */
  insert: (columns: readonly string[]) => `INSERT INTO devices AS d (authority_id, school_id, status, ${columns.join(', ')})
       VALUES ($1, $2, $3, ${columns.map((_, i) => `$${i + 4}`).join(', ')})
       RETURNING ${DEVICE_COLUMNS}`,
  /** $1 device id, then the values of `columns`. */
  update: (columns: readonly string[]) =>
    `UPDATE devices AS d SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE d.id = $1 RETURNING ${DEVICE_COLUMNS}`,
  setLocation: `UPDATE devices AS d SET location = $2, version = version + 1, updated_at = now() WHERE d.id = $1 RETURNING ${DEVICE_COLUMNS}`,
  markLabelled: `UPDATE devices SET labelled_at = now() WHERE authority_id = $1 AND id = ANY($2::uuid[])`,
  markCounted: `UPDATE devices SET last_counted_on = $3 WHERE authority_id = $1 AND id = ANY($2::uuid[]) AND (last_counted_on IS NULL OR last_counted_on < $3)`,
  lock: `SELECT ${LOCKED_DEVICE_COLUMNS} FROM devices d WHERE d.id = $1 FOR UPDATE OF d`,
  /** $1 id, $2 status, $3 retired on, $4 reason. */
  changeStatus: `UPDATE devices SET status = $2::device_status, retired_on = $3, retirement_reason = CASE WHEN $2::device_status = 'retired' THEN $4 ELSE NULL END,
              version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING version`,
  /** $1 id, $2 school, $3 location. */
  move: `UPDATE devices SET school_id = $2, location = $3, version = version + 1, updated_at = now() WHERE id = $1`,
  /** $1 device, $2 authority, $3 status, $4 school, $5 actor. */
  createdEvent: `INSERT INTO device_events (device_id, authority_id, kind, to_status, to_school_id, actor_id) VALUES ($1, $2, 'created', $3, $4, $5)`,
  /** $1 device, $2 authority, $3 kind, $4 from, $5 to, $6 reason, $7 loan, $8 actor. */
  statusEvent: `INSERT INTO device_events (device_id, authority_id, kind, from_status, to_status, reason, loan_id, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
  /** $1 device, $2 authority, $3 from school, $4 to school, $5 reason, $6 actor. */
  movedEvent: `INSERT INTO device_events (device_id, authority_id, kind, from_school_id, to_school_id, reason, actor_id) VALUES ($1, $2, 'moved', $3, $4, $5, $6)`,
  /** $1 device id, then the keyset condition's parameters, the limit last. */
  history: (after: string, limitParam: number) => `SELECT e.id::text AS id, e.kind, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.from_school_id AS "fromSchoolId",
              e.to_school_id AS "toSchoolId", e.reason, e.loan_id AS "loanId", e.actor_id AS "actorId", u.display_name AS "actorName",
              e.occurred_at AS "occurredAt", (extract(epoch FROM e.occurred_at) * 1000000)::bigint::text AS "atMicros"
         FROM device_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.device_id = $1 ${after}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT $${limitParam}`,
} as const;

/** The columns the import writes, in the order of its rows' values. */
export const IMPORT_DEVICE_COLUMNS = ['authority_id', 'school_id', 'inventory_number', 'serial_number', 'type', 'manufacturer', 'model', 'operating_system',
  'purchase_date', 'purchase_price_cents', 'commissioned_on', 'warranty_until', 'location', 'notes'] as const;

export const DEVICE_IMPORT_SQL = {
  /** The scope's parameters. */
  schoolNumbers: (scope: string) => `SELECT id, school_number FROM schools WHERE ${scope}`,
  /** $1 authority, $2 inventory numbers, $3 serial numbers. */
  existing: `SELECT id, authority_id AS "authorityId", school_id AS "schoolId", inventory_number AS "inventoryNumber", serial_number AS "serialNumber", manufacturer
             FROM devices WHERE authority_id = $1 AND (inventory_number = ANY($2) OR serial_number = ANY($3))`,
  /** Multi-row insert: `values` are the rows' placeholder tuples over IMPORT_DEVICE_COLUMNS. */
  insert: (values: string[]) => `INSERT INTO devices (${IMPORT_DEVICE_COLUMNS.join(', ')}) VALUES ${values.join(', ')} RETURNING id, inventory_number`,
  /** $1 device ids, $2 source, $3 actor. */
  importedEvents: `INSERT INTO device_events (device_id, authority_id, kind, to_status, to_school_id, reason, actor_id)
         SELECT d.id, d.authority_id, 'imported', d.status, d.school_id, $2, $3 FROM devices d WHERE d.id = ANY($1::uuid[])`,
} as const;
