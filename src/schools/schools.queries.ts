import type { SchoolDto } from './schools.dto';

/** DTO field -> column, for the fields a client writes. */
export const SCHOOL_FIELD_COLUMNS = {
  name: 'name',
  schoolNumber: 'school_number',
  schoolType: 'school_type',
  street: 'street',
  postalCode: 'postal_code',
  city: 'city',
  studentCount: 'student_count',
  teacherCount: 'teacher_count',
  classCount: 'class_count',
  broadbandMbps: 'broadband_mbps',
  hasFibre: 'has_fibre',
  wlanCoveragePercent: 'wlan_coverage_percent',
} as const satisfies Partial<Record<keyof SchoolDto, string>>;
export type SchoolField = keyof typeof SCHOOL_FIELD_COLUMNS;
export const SCHOOL_FIELDS = Object.keys(SCHOOL_FIELD_COLUMNS) as SchoolField[];

/** The columns of a SchoolDto, over alias `s`. */
export const SCHOOL_COLUMNS = `s.id, s.authority_id AS "authorityId", s.name, s.school_number AS "schoolNumber", s.school_type::text AS "schoolType",
  s.street, s.postal_code AS "postalCode", s.city, s.student_count AS "studentCount", s.teacher_count AS "teacherCount",
  s.class_count AS "classCount", s.broadband_mbps AS "broadbandMbps", s.has_fibre AS "hasFibre",
  s.wlan_coverage_percent AS "wlanCoveragePercent", s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

export const SCHOOL_SQL = {
  /** The filters' parameters, the limit last. */
  list: (where: string, limitParam: number) => `SELECT ${SCHOOL_COLUMNS} FROM schools s WHERE ${where} ORDER BY s.name, s.id LIMIT $${limitParam}`,
  /** The same order, ids and names only (the pickers). */
  names: (where: string, limitParam: number) => `SELECT s.id, s.name FROM schools s WHERE ${where} ORDER BY s.name, s.id LIMIT $${limitParam}`,
  /** $1 id, then the scope's parameters. */
  byId: (scope: string, lock: boolean) => `SELECT ${SCHOOL_COLUMNS} FROM schools s WHERE s.id = $1 AND ${scope}${lock ? ' FOR UPDATE OF s' : ''}`,
  /** $1 authority, then the values of `columns`. */
  insert: (columns: readonly string[]) => `INSERT INTO schools AS s (authority_id, ${columns.join(', ')})
       VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING ${SCHOOL_COLUMNS}`,
  /** $1 id, then the values of `columns`. */
  update: (columns: readonly string[]) =>
    `UPDATE schools AS s SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE s.id = $1 RETURNING ${SCHOOL_COLUMNS}`,
  unassignCoordinators: `DELETE FROM user_schools WHERE school_id = $1`,
  delete: `DELETE FROM schools WHERE id = $1`,
} as const;
