import type { Actor } from '../auth/actor';
import { schoolScopeSql } from '../common/access';
import { DEVICE_TYPES, type DeviceStatus, type DeviceType } from '../devices/device.entity';
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
 * One set-based statement for every school the caller sees: one grouped pass over the devices of those schools
 * (served by ix_devices_coverage as an index-only scan), one over the active teacher loans, joined to the schools.
 *
 * Counting rules:
 * - retired devices never count;
 * - personal devices: laptops and tablets that are `available` or `loaned`;
 *   teacher devices are those among them on an active loan to a teacher (`loans.borrower_kind = 'teacher'`),
 *   student devices the rest;
 * - past replacement age: devices in service (not lost) whose commissioning date, else purchase date,
 *   lies at least the type's replacement age before `asOf`;
 * - `in_repair` and `lost` are counted on their own.
 */
export function coverageQuery(
  actor: Actor,
  filter: CoverageFilter,
  settings: CoverageSettings,
  asOf: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const deviceScope = schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params);
  const deviceSchool = filter.schoolId ? ` AND d.school_id = $${params.push(filter.schoolId)}` : '';
  const inService = `d.status NOT IN ('lost', 'retired')`;
  const pastAge = DEVICE_TYPES.map((type) => {
    const cutoff = `$${params.push(minusYears(asOf, settings.replacementAgeYears[type]))}::date`;
    return `count(*) FILTER (WHERE d.type = '${type}' AND ${inService} AND coalesce(d.commissioned_on, d.purchase_date) <= ${cutoff}) AS "past_${type}"`;
  }).join(',\n             ');
  const loanScope = schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params);
  const loanSchool = filter.schoolId ? ` AND d.school_id = $${params.push(filter.schoolId)}` : '';
  const schoolScope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.id' }, params);
  const schoolFilters = [
    filter.schoolId ? ` AND s.id = $${params.push(filter.schoolId)}` : '',
    filter.schoolType ? ` AND s.school_type = $${params.push(filter.schoolType)}` : '',
  ].join('');
  const pastColumns = DEVICE_TYPES.map((t) => `"past_${t}"`);
  const schoolColumns = `s.id AS school_id, s.name, s.school_number, s.school_type::text AS school_type, s.student_count, s.teacher_count, s.class_count,
           s.broadband_mbps, s.wlan_coverage_percent,
           coalesce(dev.personal, 0) AS personal, coalesce(teach.teacher, 0) AS teacher,
           coalesce(dev.in_repair, 0) AS in_repair, coalesce(dev.lost, 0) AS lost, coalesce(dev.unknown_age, 0) AS unknown_age,
           ${pastColumns.map((c) => `coalesce(dev.${c}, 0) AS ${c}`).join(', ')}`;
  const sql = `
    WITH dev AS (
      SELECT d.school_id,
             count(*) FILTER (WHERE d.type IN (${personalTypes}) AND d.status IN ('available', 'loaned')) AS personal,
             count(*) FILTER (WHERE d.status = 'in_repair') AS in_repair,
             count(*) FILTER (WHERE d.status = 'lost') AS lost,
             count(*) FILTER (WHERE ${inService} AND d.commissioned_on IS NULL AND d.purchase_date IS NULL) AS unknown_age,
             ${pastAge}
        FROM devices d
       WHERE ${deviceScope}${deviceSchool} AND d.status <> 'retired'
       GROUP BY d.school_id
    ), teach AS (${teacherDevicesSql(loanScope + loanSchool)})
    SELECT ${schoolColumns}
      FROM schools s
      LEFT JOIN dev ON dev.school_id = s.id
      LEFT JOIN teach ON teach.school_id = s.id
     WHERE ${schoolScope}${schoolFilters}`;
  return { sql, params };
}

/** Teacher devices per school ($loanCondition filters the loans `l`). */
function teacherDevicesSql(loanCondition: string): string {
  // From the few active teacher loans (partial index) to their devices by primary key; OFFSET 0 keeps the planner
  // from hashing all of the authority's devices instead.
  return `
      SELECT d.school_id, count(*) AS teacher
        FROM loans l
        CROSS JOIN LATERAL (SELECT d.school_id FROM devices d WHERE d.id = l.device_id AND d.type IN (${personalTypes}) AND d.status = 'loaned' OFFSET 0) d
       WHERE ${loanCondition} AND l.returned_on IS NULL AND l.borrower_kind = 'teacher'
       GROUP BY d.school_id`;
}

/** Devices of one type in one status, split by whether they are past their replacement age (null: age unknown). */
export interface InventoryCount {
  type: DeviceType;
  status: DeviceStatus;
  pastAge: boolean | null;
  count: number;
}

/**
 * The overview's pass: what its summary needs, cheaper than the full report. Per school only the personal and teacher
 * devices (for the shortfalls); everything else authority-wide, as counts by type, status and past-age flag (retired
 * devices included, for the inventory). One grouped pass with two grouping sets; the inventory rows follow the
 * school rows with `school_id` null (see `splitOverviewRows`).
 */
export function overviewQuery(actor: Actor, settings: CoverageSettings, asOf: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const deviceScope = schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params);
  const cutoff = `CASE d.type ${DEVICE_TYPES.map((t) => `WHEN '${t}' THEN $${params.push(minusYears(asOf, settings.replacementAgeYears[t]))}::date`).join(' ')} END`;
  const loanScope = schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params);
  const schoolScope = schoolScopeSql(actor, { authority: 's.authority_id', school: 's.id' }, params);
  const sql = `
    WITH dev AS (
      SELECT d.school_id, d.type, d.status, coalesce(d.commissioned_on, d.purchase_date) <= ${cutoff} AS past, count(*) AS n,
             count(*) FILTER (WHERE d.type IN (${personalTypes}) AND d.status IN ('available', 'loaned')) AS personal
        FROM devices d
       WHERE ${deviceScope}
       GROUP BY GROUPING SETS ((d.school_id), (d.type, d.status, past))
    ), teach AS (${teacherDevicesSql(loanScope)})
    SELECT s.id AS school_id, s.name, s.school_number, s.school_type::text AS school_type, s.student_count, s.teacher_count, s.class_count,
           s.broadband_mbps, s.wlan_coverage_percent, coalesce(dev.personal, 0) AS personal, coalesce(teach.teacher, 0) AS teacher,
           NULL::text AS inv_type, NULL::text AS inv_status, NULL::boolean AS inv_past, NULL::bigint AS inv_count
      FROM schools s
      LEFT JOIN dev ON dev.school_id = s.id
      LEFT JOIN teach ON teach.school_id = s.id
     WHERE ${schoolScope}
     UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, dev.type::text, dev.status::text, dev.past, dev.n
      FROM dev WHERE dev.school_id IS NULL`;
  return { sql, params };
}

/** School rows (device-state counts left at zero: the overview takes them from the inventory) and inventory rows. */
export function splitOverviewRows(rows: RawRow[]): { schools: CoverageRow[]; inventory: InventoryCount[] } {
  const schools: CoverageRow[] = [];
  const inventory: InventoryCount[] = [];
  const noneByType = Object.fromEntries(DEVICE_TYPES.map((t) => [t, 0])) as Record<DeviceType, number>;
  for (const r of rows) {
    if (r.school_id === null) {
      inventory.push({ type: r.inv_type as DeviceType, status: r.inv_status as DeviceStatus, pastAge: r.inv_past as boolean | null, count: Number(r.inv_count) });
    } else {
      schools.push({ ...toCoverageRow({ ...r, in_repair: 0, lost: 0, unknown_age: 0 }), pastAgeByType: { ...noneByType } });
    }
  }
  return { schools, inventory };
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
