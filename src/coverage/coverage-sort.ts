import { invalidField } from '../common/errors';
import { decodeCursor, encodeCursor, Page } from '../common/pagination';
import type { SchoolCoverage } from './coverage-math';

type SortValue = number | string | null;

/** A coverage row as sorted: the indicators, and the counting state the service adds from the stocktakings. */
type Sortable = SchoolCoverage & { stocktaking?: { lastCompleteCountOn: string | null } };

/**
 * The indicators coverage can be sorted by, each with the direction in which it gets worse.
 * A null value (no device at all, or a figure that is not recorded) always counts as the worst.
 */
const SORTS = {
  studentsPerDevice: { worst: 'desc', value: (r) => r.students.perDevice },
  studentShortfall: { worst: 'desc', value: (r) => r.students.shortfall },
  teachersPerDevice: { worst: 'desc', value: (r) => r.teachers.perDevice },
  teacherShortfall: { worst: 'desc', value: (r) => r.teachers.shortfall },
  shortfallCost: { worst: 'desc', value: (r) => r.shortfall.costCents },
  pastReplacementAge: { worst: 'desc', value: (r) => r.replacement.pastAge },
  replacementCost: { worst: 'desc', value: (r) => r.replacement.costCents },
  inRepair: { worst: 'desc', value: (r) => r.inRepair },
  lost: { worst: 'desc', value: (r) => r.lost },
  broadband: { worst: 'asc', value: (r) => r.broadband.mbps },
  broadbandPerClass: { worst: 'asc', value: (r) => r.broadband.mbpsPerClass },
  wlan: { worst: 'asc', value: (r) => r.wlan.percent },
  // The day of the last complete count as a number (20240301); never counted is the worst.
  lastCompleteCount: { worst: 'asc', value: (r) => (r.stocktaking?.lastCompleteCountOn ? Number(r.stocktaking.lastCompleteCountOn.replaceAll('-', '')) : null) },
  name: { worst: 'asc', value: (r) => r.name },
  schoolNumber: { worst: 'asc', value: (r) => r.schoolNumber },
} satisfies Record<string, { worst: 'asc' | 'desc'; value: (r: Sortable) => SortValue }>;

export type CoverageSort = keyof typeof SORTS;
export const COVERAGE_SORTS = Object.keys(SORTS) as CoverageSort[];
export type SortOrder = 'asc' | 'desc';

/** The direction that lists the worst schools first for an indicator. */
export const worstFirst = (sort: CoverageSort): SortOrder => SORTS[sort].worst as SortOrder;

/** Sort key of a row: nulls become the worst possible number, so they lead a worst-first list. */
function keyOf(row: Sortable, sort: CoverageSort): number | string {
  const spec = SORTS[sort];
  const value = spec.value(row);
  if (value !== null) return value;
  return spec.worst === 'desc' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

type Position = [number | string, string, string];

/** Compares by the indicator in the given order, then by name and id (always ascending) so the order is total. */
function comparePositions(a: Position, b: Position, order: SortOrder): number {
  const sign = order === 'asc' ? 1 : -1;
  if (a[0] !== b[0]) return (a[0] < b[0] ? -1 : 1) * sign;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] === b[2] ? 0 : a[2] < b[2] ? -1 : 1;
}

const positionOf = (row: Sortable, sort: CoverageSort): Position => [keyOf(row, sort), row.name, row.schoolId];

/** JSON has no Infinity: the cursor spells it out. */
const encodeKey = (key: number | string) => (key === Number.POSITIVE_INFINITY ? '+inf' : key === Number.NEGATIVE_INFINITY ? '-inf' : key);
const decodeKey = (key: unknown, sort: CoverageSort): number | string => {
  if (key === '+inf') return Number.POSITIVE_INFINITY;
  if (key === '-inf') return Number.NEGATIVE_INFINITY;
  const textual = sort === 'name' || sort === 'schoolNumber';
  if (textual ? typeof key === 'string' : typeof key === 'number') return key as number | string;
  throw invalidField('cursor', 'invalidCursor', 'cursor is malformed or belongs to another sort order');
};

export function sortCoverage<T extends Sortable>(rows: T[], sort: CoverageSort, order: SortOrder = worstFirst(sort)): T[] {
  const keyed = rows.map((row) => ({ row, position: positionOf(row, sort) }));
  keyed.sort((a, b) => comparePositions(a.position, b.position, order));
  return keyed.map((k) => k.row);
}

/**
 * One page of the sorted rows. The cursor carries the sort and the last row's position (keyset, not an offset),
 * so a school that improves between two pages is neither shown twice nor skipped by the others.
 */
export function pageCoverage<T extends Sortable>(sorted: T[], sort: CoverageSort, order: SortOrder, limit: number, cursor?: string): Page<T> {
  let rows = sorted;
  if (cursor) {
    const [cursorSort, cursorOrder, key, name, id] = decodeCursor(cursor, 5);
    if (cursorSort !== sort || cursorOrder !== order || typeof name !== 'string' || typeof id !== 'string') {
      throw invalidField('cursor', 'invalidCursor', 'cursor is malformed or belongs to another sort order');
    }
    const after: Position = [decodeKey(key, sort), name, id];
    rows = sorted.filter((row) => comparePositions(positionOf(row, sort), after, order) > 0);
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([sort, order, encodeKey(keyOf(last, sort)), last.name, last.schoolId]) : null;
  return { items, nextCursor };
}
