import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from '../devices/device.entity';
import type { SchoolType } from '../schools/school.entity';
import type { DeviceCounts, SchoolFacts } from './coverage-math';
import { type CoverageSettings, minusYears, PERSONAL_DEVICE_TYPES } from './coverage-settings';

export interface CoverageFilter {
  schoolId?: string;
  schoolType?: SchoolType;
}

export interface CoverageRow extends SchoolFacts, DeviceCounts {}

const personalTypes = PERSONAL_DEVICE_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * One set-based statement for every school the caller sees, from the counters (migrations Counters1765000000000 and
 * TeacherDeviceCounts1765100000000): one row per school and device type plus the deltas not folded yet, and the devices
 * of each type's boundary month read by day; joined to the schools. Nothing here grows with the number of devices or
 * loans but the boundary month (a month's devices).
 *
 * Counting rules:
 * - retired devices never count;
 * - personal devices: laptops and tablets that are `available` or `loaned`;
 *   teacher devices are those among them on an active loan to a teacher (`loans.borrower_kind = 'teacher'`; the
 *   counters' `teacher` column), student devices the rest;
 * - past replacement age: devices in service (not lost) whose commissioning date, else purchase date,
 *   lies at least the type's replacement age before `asOf` (the counters' cumulative months before the cutoff's month,
 *   then that month's devices up to the cutoff day);
 * - `in_repair` and `lost` are counted on their own.
 */
export function coverageQuery(
  actor: Actor,
  filter: CoverageFilter,
  settings: CoverageSettings,
  asOf: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const types = `$${params.push([...DEVICE_TYPES])}::device_type[]`;
  const cutoffs = `$${params.push(DEVICE_TYPES.map((type) => minusYears(asOf, settings.replacementAgeYears[type])))}::date[]`;
  const oneSchool = (column: string) => (filter.schoolId ? ` AND ${column} = $${params.push(filter.schoolId)}` : '');
  const countScope = schoolScopeSql(actor, { authority: 'c.authority_id', school: 'c.school_id' }, params) + oneSchool('c.school_id');
  const deltaScope = schoolScopeSql(actor, { authority: 'x.authority_id', school: 'x.school_id' }, params) + oneSchool('x.school_id');
  const deviceScope = schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params) + oneSchool('d.school_id');
  const schoolScope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.id' }, params);
  const schoolFilters = [
    filter.schoolId ? ` AND s.id = $${params.push(filter.schoolId)}` : '',
    filter.schoolType ? ` AND s.school_type = $${params.push(filter.schoolType)}` : '',
  ].join('');
  const pastColumns = DEVICE_TYPES.map((t) => `"past_${t}"`);
  const schoolColumns = `s.id AS school_id, s.name, s.school_number, s.school_type::text AS school_type, s.student_count, s.teacher_count, s.class_count,
           s.broadband_mbps, s.wlan_coverage_percent,
           coalesce(dev.personal, 0) AS personal, coalesce(dev.teacher, 0) AS teacher,
           coalesce(dev.in_repair, 0) AS in_repair, coalesce(dev.lost, 0) AS lost, coalesce(dev.unknown_age, 0) AS unknown_age,
           ${pastColumns.map((c) => `coalesce(dev.${c}, 0) AS ${c}`).join(', ')}`;
  const sql = `
    WITH cut AS (
      SELECT u.type, u.cutoff, counters_month(u.cutoff) AS month FROM unnest(${types}, ${cutoffs}) AS u(type, cutoff)
    ), per_type AS (
      SELECT c.school_id, c.type, c.available + c.loaned AS personal, c.teacher, c.in_repair, c.lost, c.unknown_age, counters_cum_at(c.aged, cut.month - 1) AS past
        FROM device_counts c JOIN cut ON cut.type = c.type
       WHERE ${countScope}
      UNION ALL
      SELECT x.school_id, x.type, sum(x.n) FILTER (WHERE x.status IN ('available', 'loaned')), sum(x.n) FILTER (WHERE x.teacher),
             sum(x.n) FILTER (WHERE x.status = 'in_repair'),
             sum(x.n) FILTER (WHERE x.status = 'lost'), sum(x.n) FILTER (WHERE x.aged AND x.age_month IS NULL),
             sum(x.n) FILTER (WHERE x.aged AND x.age_month < cut.month)
        FROM device_count_deltas x JOIN cut ON cut.type = x.type
       WHERE ${deltaScope}
       GROUP BY x.school_id, x.type
      UNION ALL
      SELECT d.school_id, d.type, 0, 0, 0, 0, 0, count(*)
        FROM cut
        -- Per type a range scan of ix_devices_age_day (OFFSET 0: not a hash join over all of the authority's devices).
        CROSS JOIN LATERAL (
          SELECT d.school_id, d.type FROM devices d
           WHERE ${deviceScope} AND d.type = cut.type AND d.status NOT IN ('lost', 'retired')
             AND coalesce(d.commissioned_on, d.purchase_date) BETWEEN date_trunc('month', cut.cutoff)::date AND cut.cutoff
          OFFSET 0) d
       GROUP BY d.school_id, d.type
    ), dev AS (
      SELECT school_id,
             sum(personal) FILTER (WHERE type IN (${personalTypes})) AS personal, sum(teacher) FILTER (WHERE type IN (${personalTypes})) AS teacher,
             sum(in_repair) AS in_repair, sum(lost) AS lost, sum(unknown_age) AS unknown_age,
             ${DEVICE_TYPES.map((t) => `sum(past) FILTER (WHERE type = '${t}') AS "past_${t}"`).join(',\n             ')}
        FROM per_type
       GROUP BY school_id
    )
    SELECT ${schoolColumns}
      FROM schools s
      LEFT JOIN dev ON dev.school_id = s.id
     WHERE ${schoolScope}${schoolFilters}`;
  return { sql, params };
}

/** Devices of one type in one status. */
export interface InventoryCount {
  type: DeviceType;
  status: DeviceStatus;
  count: number;
}

/** The caller's devices by type and status, from the counters (retired devices included, for the inventory): one row per type. */
export function inventoryQuery(actor: Actor): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const countScope = schoolScopeSql(actor, { authority: 'c.authority_id', school: 'c.school_id' }, params);
  const deltaScope = schoolScopeSql(actor, { authority: 'x.authority_id', school: 'x.school_id' }, params);
  const sql = `
    SELECT t.type::text AS type, ${DEVICE_STATUSES.map((st) => `sum(t.${st}) AS ${st}`).join(', ')} FROM (
      SELECT c.type, ${DEVICE_STATUSES.map((st) => `c.${st}`).join(', ')} FROM device_counts c WHERE ${countScope}
      UNION ALL
      SELECT x.type, ${DEVICE_STATUSES.map((st) => `CASE WHEN x.status = '${st}' THEN x.n ELSE 0 END`).join(', ')}
        FROM device_count_deltas x WHERE ${deltaScope} AND x.status IS NOT NULL
    ) t
    GROUP BY t.type`;
  return { sql, params };
}

export function toInventory(rows: RawRow[]): InventoryCount[] {
  return rows.flatMap((r) =>
    DEVICE_STATUSES.map((status) => ({ type: r.type as DeviceType, status, count: Number(r[status]) })).filter((c) => c.count !== 0),
  );
}

export type RawRow = Record<string, string | number | boolean | null>;

export function toCoverageRow(r: RawRow): CoverageRow {
  return {
    schoolId: r.school_id as string,
    name: r.name as string,
    schoolNumber: r.school_number as string,
    schoolType: r.school_type as SchoolType,
    studentCount: Number(r.student_count),
    teacherCount: Number(r.teacher_count),
    classCount: Number(r.class_count),
    broadbandMbps: r.broadband_mbps === null ? null : Number(r.broadband_mbps),
    wlanCoveragePercent: r.wlan_coverage_percent === null ? null : Number(r.wlan_coverage_percent),
    personalDevices: Number(r.personal),
    teacherDevices: Number(r.teacher),
    inRepair: Number(r.in_repair),
    lost: Number(r.lost),
    unknownAge: Number(r.unknown_age),
    pastAgeByType: Object.fromEntries(DEVICE_TYPES.map((t) => [t, Number(r[`past_${t}`])])) as Record<DeviceType, number>,
  };
}
