import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import { exec, one, prepared, rows } from '../common/db';
import type { CountListResult, ElsewhereKind, MissingResolution, RoomProgressDto, ScanResult, StocktakingDto, StocktakingStatus } from './stocktakings.dto';

/** A room as the counts compare it: trimmed, case-insensitive; no room is ''. */
export const ROOM_KEY = (column: string) => `lower(btrim(coalesce(${column}, '')))`;

const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface StocktakingRow {
  id: string;
  authorityId: string;
  schoolId: string;
  status: StocktakingStatus;
  rooms: string[] | null;
}

/** The stocktaking's row, locked: FOR SHARE by scans (many at once), FOR UPDATE by the close (alone). */
export function lockStocktaking(em: EntityManager, id: string, mode: 'share' | 'update'): Promise<StocktakingRow | undefined> {
  return one<StocktakingRow>(
    em,
    `SELECT id, authority_id AS "authorityId", school_id AS "schoolId", status, rooms FROM stocktakings WHERE id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [id],
  );
}

export async function insertStocktaking(
  em: EntityManager,
  s: { authorityId: string; schoolId: string; rooms: string[] | null; note: string | null; actorId: string },
): Promise<string> {
  const row = await one<{ id: string }>(
    em,
    `INSERT INTO stocktakings (authority_id, school_id, rooms, note, started_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [s.authorityId, s.schoolId, s.rooms, s.note, s.actorId],
  );
  return row!.id;
}

/**
 * The expected list as of now: the school's devices in service (not loaned, retired or lost), in the chosen rooms.
 * Returns how many devices it took.
 */
export async function snapshotExpected(em: EntityManager, stocktakingId: string, authorityId: string, schoolId: string, rooms: string[] | null): Promise<number> {
  const params: unknown[] = [stocktakingId, authorityId, schoolId];
  const roomFilter = rooms ? `AND ${ROOM_KEY('d.location')} = ANY($${params.push(rooms.map((r) => r.trim().toLowerCase()))}::text[])` : '';
  const inserted = await rows<{ n: number }>(
    em,
    `WITH ins AS (
       INSERT INTO stocktaking_items (stocktaking_id, authority_id, device_id, room)
       SELECT $1, d.authority_id, d.id, btrim(coalesce(d.location, ''))
         FROM devices d
        WHERE d.authority_id = $2 AND d.school_id = $3 AND d.status IN ('available', 'in_use', 'in_repair') ${roomFilter}
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    params,
  );
  return inserted[0].n;
}

const STOCKTAKING_COLUMNS = `t.id, t.school_id AS "schoolId", s.name AS "schoolName", t.rooms, t.status, t.note,
  su.display_name AS "startedBy", ${ts('t.started_at')} AS "startedAt", cu.display_name AS "closedBy",
  CASE WHEN t.closed_at IS NULL THEN NULL ELSE ${ts('t.closed_at')} END AS "closedAt",
  (SELECT count(*)::int FROM stocktaking_items i WHERE i.stocktaking_id = t.id) AS expected,
  (SELECT count(*)::int FROM stocktaking_items i WHERE i.stocktaking_id = t.id AND i.found_at IS NOT NULL) AS found,
  (SELECT count(*)::int FROM stocktaking_items i WHERE i.stocktaking_id = t.id AND i.found_at IS NULL) AS missing,
  (SELECT count(*)::int FROM stocktaking_scans c WHERE c.stocktaking_id = t.id AND c.result = 'found_elsewhere') AS "foundElsewhere",
  (SELECT count(*)::int FROM stocktaking_scans c WHERE c.stocktaking_id = t.id AND c.result = 'unknown') AS unknown`;

const STOCKTAKING_FROM = `FROM stocktakings t JOIN schools s ON s.id = t.school_id AND s.authority_id = t.authority_id
  LEFT JOIN users su ON su.id = t.started_by LEFT JOIN users cu ON cu.id = t.closed_by`;

/** One stocktaking with its totals, in the caller's scope. */
export function stocktakingById(em: EntityManager, actor: Actor, id: string): Promise<StocktakingDto | undefined> {
  const params: unknown[] = [id];
  const scope = schoolScopeSql(actor, { authority: 't.authority_id', school: 't.school_id' }, params);
  return one<StocktakingDto>(em, `SELECT ${STOCKTAKING_COLUMNS} ${STOCKTAKING_FROM} WHERE t.id = $1 AND ${scope}`, params);
}

/** Stocktakings newest first, keyset on (started_at, id). */
export function listStocktakings(
  em: EntityManager,
  actor: Actor,
  q: { schoolId?: string; status?: StocktakingStatus; after?: [string, string]; limit: number },
): Promise<(StocktakingDto & { sortKey: string })[]> {
  const params: unknown[] = [];
  const where = [schoolScopeSql(actor, { authority: 't.authority_id', school: 't.school_id' }, params, q.schoolId)];
  if (q.status) where.push(`t.status = $${params.push(q.status)}::stocktaking_status`);
  if (q.after) where.push(`(t.started_at, t.id) < ($${params.push(q.after[0])}::timestamptz, $${params.push(q.after[1])}::uuid)`);
  params.push(q.limit + 1);
  return rows(
    em,
    `SELECT ${STOCKTAKING_COLUMNS}, t.started_at::text AS "sortKey" ${STOCKTAKING_FROM}
      WHERE ${where.join(' AND ')} ORDER BY t.started_at DESC, t.id DESC LIMIT $${params.length}`,
    params,
  );
}

/** Per room: expected, found and missing from the list; found elsewhere and unknown from the scans made there. */
// Rooms of items and scans are stored trimmed and never null, so lower(room) is their key (and what the indexes hold).
export function roomProgress(em: EntityManager, stocktakingId: string, roomKey?: string): Promise<RoomProgressDto[]> {
  const params: unknown[] = [stocktakingId];
  const itemRoom = roomKey === undefined ? '' : `AND lower(i.room) = $${params.push(roomKey)}`;
  const scanRoom = roomKey === undefined ? '' : `AND lower(c.room) = $${params.length}`;
  return rows<RoomProgressDto>(
    em,
    `WITH items AS (
       SELECT lower(i.room) AS key, min(i.room) AS room, count(*)::int AS expected, count(i.found_at)::int AS found
         FROM stocktaking_items i WHERE i.stocktaking_id = $1 ${itemRoom} GROUP BY 1),
     scans AS (
       SELECT lower(c.room) AS key, min(c.room) AS room,
              count(*) FILTER (WHERE c.result = 'found_elsewhere')::int AS "foundElsewhere",
              count(*) FILTER (WHERE c.result = 'unknown')::int AS unknown
         FROM stocktaking_scans c WHERE c.stocktaking_id = $1 ${scanRoom} AND c.result IN ('found_elsewhere', 'unknown') GROUP BY 1)
     SELECT coalesce(items.room, scans.room) AS room, coalesce(items.expected, 0) AS expected, coalesce(items.found, 0) AS found,
            coalesce(items.expected, 0) - coalesce(items.found, 0) AS missing,
            coalesce(scans."foundElsewhere", 0) AS "foundElsewhere", coalesce(scans.unknown, 0) AS unknown
       FROM items FULL JOIN scans ON scans.key = items.key
      ORDER BY 1`,
    params,
  );
}

export interface TagMatch {
  id: string;
  authorityId: string;
  schoolId: string;
  schoolName: string;
  inventoryNumber: string;
  manufacturer: string;
  location: string | null;
  byInventory: boolean;
}

/** Devices of the authority whose inventory or serial number is the tag, case-insensitively (the school is the caller's to judge). */
export function devicesByTag(em: EntityManager, authorityId: string, tag: string): Promise<TagMatch[]> {
  // Two branches, one per expression index (an OR of both made the planner walk every device of the authority).
  const select = `SELECT d.id, d.authority_id AS "authorityId", d.school_id AS "schoolId", s.name AS "schoolName", d.inventory_number AS "inventoryNumber",
            d.manufacturer, d.location, lower(d.inventory_number) = lower($2) AS "byInventory"
       FROM devices d JOIN schools s ON s.id = d.school_id AND s.authority_id = d.authority_id`;
  return rows<TagMatch>(
    em,
    `(${select} WHERE d.authority_id = $1 AND lower(d.inventory_number) = lower($2) LIMIT 1)
     UNION ALL
     (${select} WHERE d.authority_id = $1 AND d.serial_number IS NOT NULL AND lower(d.serial_number) = lower($2) LIMIT 10)`,
    [authorityId, tag],
  );
}

/** What the one-statement scan answers when it marked an expected device found (see `scanFoundInOneStatement`). */
export interface FoundScanRow {
  scanId: string;
  result: 'found' | 'found_elsewhere';
  expectedRoom: string;
  deviceId: string;
  deviceAuthorityId: string;
  deviceSchoolId: string;
  schoolName: string;
  inventoryNumber: string;
  location: string | null;
  status: string;
  /** Whether the device was expected in the scanned room. */
  foundHere: boolean;
  /** The room's progress as of just before this scan (the caller adds this scan): its name on the list and in the scans. */
  itemsRoom: string | null;
  scansRoom: string | null;
  roomExpected: number;
  roomFound: number;
  roomFoundElsewhere: number;
  roomUnknown: number;
}

/**
 * The common scan as one statement (one round trip, its own transaction): an expected device of an open stocktaking in
 * the caller's scope, found by its inventory number (or its only serial number), not found yet. It locks the
 * stocktaking FOR SHARE and the device FOR UPDATE like the transaction of the other cases, marks the list row found
 * (found in the scanned room, or found in another room than expected), sets the day last counted, inserts the scan and
 * its audit entry, and answers with the room's figures read before those writes. No row: nothing was written (a repeat,
 * not on the list, unknown, ambiguous, closed, out of scope) and the caller takes the general path. The commit does not
 * wait for the disk (`commitWithoutWaitingForDisk`: a scan is an observation the counter repeats). A prepared
 * statement (one text per scope form): its planning was about half its time in the database.
 * `room` is trimmed, `roomKey` its lower case, `tag` trimmed.
 */
export async function scanFoundInOneStatement(
  em: EntityManager,
  actor: Actor,
  s: { stocktakingId: string; tag: string; room: string; roomKey: string; today: string; note: string | null },
): Promise<FoundScanRow | undefined> {
  const params: unknown[] = [s.stocktakingId, s.tag, actor.id, s.room, s.roomKey, s.today, s.note, actor.authorityId];
  const scope = schoolScopeSql(actor, { authority: 't.authority_id', school: 't.school_id' }, params);
  return one<FoundScanRow>(
    em,
    prepared(`WITH st AS (
       SELECT t.id, t.authority_id, t.school_id FROM stocktakings t WHERE t.id = $1 AND t.status = 'open' AND ${scope} FOR SHARE OF t),
     cand AS (
       (SELECT d.id, true AS by_inventory FROM st JOIN devices d ON d.authority_id = st.authority_id AND lower(d.inventory_number) = lower($2) LIMIT 1)
       UNION ALL
       (SELECT d.id, false FROM st JOIN devices d ON d.authority_id = st.authority_id AND d.serial_number IS NOT NULL AND lower(d.serial_number) = lower($2) LIMIT 2)),
     pick AS (
       SELECT id FROM cand WHERE by_inventory
       UNION ALL
       SELECT id FROM cand WHERE NOT EXISTS (SELECT 1 FROM cand WHERE by_inventory) AND (SELECT count(*) FROM cand) = 1
       LIMIT 1),
     locked AS (
       SELECT d.id, d.authority_id, d.school_id, d.inventory_number, d.location, d.status::text AS status, sc.name AS school_name
         FROM devices d JOIN schools sc ON sc.id = d.school_id AND sc.authority_id = d.authority_id
        WHERE d.id = (SELECT id FROM pick) FOR UPDATE OF d),
     marked AS (
       UPDATE stocktaking_items i SET found_at = now(), found_by = $3, found_room = $4
         FROM st, locked l
        WHERE i.stocktaking_id = st.id AND i.device_id = l.id AND i.found_at IS NULL
       RETURNING i.room, CASE WHEN $4 <> '' AND lower(i.room) <> $5 THEN 'found_elsewhere' ELSE 'found' END AS result),
     counted AS (
       UPDATE devices d SET last_counted_on = $6::date
         FROM locked l, marked m
        WHERE d.id = l.id AND d.authority_id = l.authority_id AND (d.last_counted_on IS NULL OR d.last_counted_on < $6::date)
       RETURNING 1),
     scan AS (
       INSERT INTO stocktaking_scans (stocktaking_id, authority_id, tag, room, result, elsewhere, device_id, from_school_id, from_room, moved, created_device, note, scanned_by)
       SELECT st.id, st.authority_id, $2, $4, m.result::stocktaking_scan_result, CASE WHEN m.result = 'found_elsewhere' THEN 'other_room' END, l.id, NULL,
              CASE WHEN m.result = 'found_elsewhere' THEN m.room END, false, false, $7, $3
         FROM st, locked l, marked m
       RETURNING id, result::text AS result, elsewhere),
     audited AS (
       INSERT INTO audit_log (authority_id, actor_id, action, entity_type, entity_id, changes)
       SELECT $8::uuid, $3, 'stocktaking.scanned', 'stocktaking', st.id,
              jsonb_build_object('meta', jsonb_strip_nulls(jsonb_build_object('scanId', c.id, 'result', c.result, 'elsewhere', c.elsewhere, 'deviceId', l.id)))
         FROM st, scan c, locked l
       RETURNING 1),
     items AS (
       SELECT min(i.room) AS room, count(*)::int AS expected, count(i.found_at)::int AS found
         FROM stocktaking_items i WHERE i.stocktaking_id = $1 AND lower(i.room) = $5),
     scans AS (
       SELECT min(c.room) AS room, count(*) FILTER (WHERE c.result = 'found_elsewhere')::int AS elsewhere,
              count(*) FILTER (WHERE c.result = 'unknown')::int AS unknown
         FROM stocktaking_scans c WHERE c.stocktaking_id = $1 AND lower(c.room) = $5 AND c.result IN ('found_elsewhere', 'unknown'))
     SELECT c.id::text AS "scanId", c.result, m.room AS "expectedRoom", l.id AS "deviceId", l.authority_id AS "deviceAuthorityId",
            l.school_id AS "deviceSchoolId", l.school_name AS "schoolName", l.inventory_number AS "inventoryNumber", l.location, l.status,
            lower(m.room) = $5 AS "foundHere", items.room AS "itemsRoom", scans.room AS "scansRoom", items.expected AS "roomExpected", items.found AS "roomFound",
            scans.elsewhere AS "roomFoundElsewhere", scans.unknown AS "roomUnknown",
            set_config('synchronous_commit', 'off', true) AS "synchronousCommit"
       FROM scan c, marked m, locked l, items, scans`),
    params,
  );
}

/** Marks an expected device found; undefined when it is not on the list or someone found it first. */
export async function markFound(em: EntityManager, stocktakingId: string, deviceId: string, actorId: string, room: string): Promise<{ room: string } | undefined> {
  const { rows: updated } = await exec<{ room: string }>(
    em,
    `UPDATE stocktaking_items SET found_at = now(), found_by = $3, found_room = $4
      WHERE stocktaking_id = $1 AND device_id = $2 AND found_at IS NULL RETURNING room`,
    [stocktakingId, deviceId, actorId, room],
  );
  return updated[0];
}

/** The expected room of a device on the list (undefined: not on it). */
export function expectedItem(em: EntityManager, stocktakingId: string, deviceId: string): Promise<{ room: string } | undefined> {
  return one<{ room: string }>(em, `SELECT room FROM stocktaking_items WHERE stocktaking_id = $1 AND device_id = $2`, [stocktakingId, deviceId]);
}

/** Whether this device was scanned before in this stocktaking (with a result other than duplicate). */
export async function scannedBefore(em: EntityManager, stocktakingId: string, deviceId: string): Promise<boolean> {
  return (await one(em, `SELECT 1 FROM stocktaking_scans WHERE stocktaking_id = $1 AND device_id = $2 AND result <> 'duplicate' LIMIT 1`, [stocktakingId, deviceId])) !== undefined;
}

export async function insertScan(
  em: EntityManager,
  s: {
    stocktakingId: string;
    authorityId: string;
    tag: string;
    room: string;
    result: ScanResult;
    elsewhere: ElsewhereKind | null;
    deviceId: string | null;
    fromSchoolId: string | null;
    fromRoom: string | null;
    moved: boolean;
    createdDevice: boolean;
    note: string | null;
    actorId: string;
  },
): Promise<number> {
  const row = await one<{ id: string }>(
    em,
    `INSERT INTO stocktaking_scans (stocktaking_id, authority_id, tag, room, result, elsewhere, device_id, from_school_id, from_room, moved, created_device, note, scanned_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [s.stocktakingId, s.authorityId, s.tag, s.room, s.result, s.elsewhere, s.deviceId, s.fromSchoolId, s.fromRoom, s.moved, s.createdDevice, s.note, s.actorId],
  );
  return Number(row!.id);
}

export function listScans(em: EntityManager, stocktakingId: string, q: { before?: number; limit: number }) {
  const params: unknown[] = [stocktakingId];
  const before = q.before !== undefined ? `AND c.id < $${params.push(q.before)}` : '';
  params.push(q.limit + 1);
  return rows<{ id: number } & Record<string, unknown>>(
    em,
    `SELECT c.id::int AS id, c.tag, c.room, c.result, c.elsewhere, c.device_id AS "deviceId", d.inventory_number AS "inventoryNumber",
            c.from_room AS "fromRoom", c.moved, c.created_device AS "createdDevice", c.note, u.display_name AS "scannedBy", ${ts('c.scanned_at')} AS "scannedAt"
       FROM stocktaking_scans c LEFT JOIN devices d ON d.id = c.device_id LEFT JOIN users u ON u.id = c.scanned_by
      WHERE c.stocktaking_id = $1 ${before}
      ORDER BY c.id DESC LIMIT $${params.length}`,
    params,
  );
}

export interface MissingRow {
  deviceId: string;
  inventoryNumber: string;
  serialNumber: string | null;
  model: string;
  room: string;
  resolution: MissingResolution | null;
}

export function listMissing(em: EntityManager, stocktakingId: string, q: { after?: string; limit: number }): Promise<MissingRow[]> {
  const params: unknown[] = [stocktakingId];
  const after = q.after !== undefined ? `AND d.inventory_number > $${params.push(q.after)}` : '';
  params.push(q.limit + 1);
  return rows<MissingRow>(
    em,
    `SELECT i.device_id AS "deviceId", d.inventory_number AS "inventoryNumber", d.serial_number AS "serialNumber", d.model, i.room, i.resolution
       FROM stocktaking_items i JOIN devices d ON d.id = i.device_id
      WHERE i.stocktaking_id = $1 AND i.found_at IS NULL ${after}
      ORDER BY d.inventory_number LIMIT $${params.length}`,
    params,
  );
}

/** The ids of the devices still missing. */
/** How many of the stocktaking's missing devices were marked lost at its close. */
export async function markedLostCount(em: EntityManager, stocktakingId: string): Promise<number> {
  const row = await one<{ n: number }>(em, `SELECT count(*)::int AS n FROM stocktaking_items WHERE stocktaking_id = $1 AND resolution = 'lost'`, [stocktakingId]);
  return row?.n ?? 0;
}

export async function missingIds(em: EntityManager, stocktakingId: string): Promise<string[]> {
  return (await rows<{ id: string }>(em, `SELECT device_id AS id FROM stocktaking_items WHERE stocktaking_id = $1 AND found_at IS NULL ORDER BY device_id`, [stocktakingId])).map(
    (r) => r.id,
  );
}

export async function resolveMissing(em: EntityManager, stocktakingId: string, deviceIds: string[], resolution: MissingResolution): Promise<void> {
  if (deviceIds.length === 0) return;
  await exec(em, `UPDATE stocktaking_items SET resolution = $3 WHERE stocktaking_id = $1 AND device_id = ANY($2::uuid[]) AND found_at IS NULL`, [
    stocktakingId,
    deviceIds,
    resolution,
  ]);
}

export async function closeStocktaking(em: EntityManager, id: string, actorId: string): Promise<void> {
  await exec(em, `UPDATE stocktakings SET status = 'closed', closed_at = now(), closed_by = $2 WHERE id = $1`, [id, actorId]);
}

/** Per school the caller sees: the day its last complete (whole-school) stocktaking closed, and whether one is open. */
export function lastCompleteCounts(
  em: EntityManager,
  actor: Actor,
): Promise<{ schoolId: string; schoolName: string; lastCompleteCountOn: string | null; open: boolean }[]> {
  const params: unknown[] = [];
  const scope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.id' }, params);
  return rows(
    em,
    `SELECT s.id AS "schoolId", s.name AS "schoolName",
            max((t.closed_at AT TIME ZONE 'Europe/Berlin')::date) FILTER (WHERE t.status = 'closed' AND t.rooms IS NULL)::text AS "lastCompleteCountOn",
            bool_or(t.status = 'open') IS TRUE AS open
       FROM schools s LEFT JOIN stocktakings t ON t.school_id = s.id AND t.authority_id = s.authority_id
      WHERE ${scope} GROUP BY s.id, s.name ORDER BY s.name, s.id`,
    params,
  );
}

/** The export's device rows: every expected device with its result, then the scans of devices found elsewhere and unknown ones. */
export const STOCKTAKING_EXPORT_ROWS_SQL = `
  SELECT 0 AS part, i.room AS "expectedRoom", d.inventory_number AS "inventoryNumber", d.serial_number AS "serialNumber", d.type::text AS type,
         d.manufacturer, d.model, CASE WHEN i.found_at IS NULL THEN 'missing' ELSE 'found' END AS result, NULL::text AS elsewhere,
         i.found_room AS "foundRoom", u.display_name AS "countedBy", i.found_at AS "countedAt", i.resolution::text AS resolution, NULL::text AS note
    FROM stocktaking_items i JOIN devices d ON d.id = i.device_id LEFT JOIN users u ON u.id = i.found_by
   WHERE i.stocktaking_id = $1
  UNION ALL
  SELECT CASE c.result WHEN 'found_elsewhere' THEN 1 ELSE 2 END, coalesce(c.from_room, ''), coalesce(d.inventory_number, c.tag),
         -- another school's device: its number and type, not its serial number (that school's record)
         CASE WHEN c.elsewhere = 'other_school' THEN NULL ELSE d.serial_number END, d.type::text,
         d.manufacturer, d.model, c.result::text, c.elsewhere, c.room, u.display_name, c.scanned_at, NULL, c.note
    FROM stocktaking_scans c LEFT JOIN devices d ON d.id = c.device_id LEFT JOIN users u ON u.id = c.scanned_by
   WHERE c.stocktaking_id = $1 AND c.result IN ('found_elsewhere', 'unknown') AND (c.elsewhere IS DISTINCT FROM 'other_room')
  ORDER BY 1, 2, 3`;

export interface StocktakingExportRow {
  part: number;
  expectedRoom: string;
  inventoryNumber: string;
  serialNumber: string | null;
  type: string | null;
  manufacturer: string | null;
  model: string | null;
  result: CountListResult;
  elsewhere: ElsewhereKind | null;
  foundRoom: string | null;
  countedBy: string | null;
  countedAt: Date | null;
  resolution: MissingResolution | null;
  note: string | null;
}

/** One person who counted: their scans, the first and the last. */
export interface StocktakingCounterRow {
  name: string;
  scans: number;
  first: Date;
  last: Date;
}

/** Who counted: each person with their scans and the first and last. */
export const STOCKTAKING_COUNTERS_SQL = `
  SELECT coalesce(u.display_name, '–') AS name, count(*)::int AS scans, min(c.scanned_at) AS first, max(c.scanned_at) AS last
    FROM stocktaking_scans c LEFT JOIN users u ON u.id = c.scanned_by
   WHERE c.stocktaking_id = $1 GROUP BY 1 ORDER BY 1`;
