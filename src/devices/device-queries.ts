import type { Actor } from '../auth/actor';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';
import { deviceCursorWhere, deviceListWhere, deviceOrderBy, deviceSortKeySelect, type ListDevicesQueryDto } from './device-filters';
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
