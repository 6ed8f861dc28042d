import type { Schemas } from '../api/client';

export type DeviceStatus = Schemas['DeviceStatus'];
export type DeviceType = Schemas['DeviceType'];
export type DeviceSort = Schemas['DeviceSort'];

export const DEVICE_STATUSES: DeviceStatus[] = ['available', 'loaned', 'in_use', 'in_repair', 'retired', 'lost'];
export const DEVICE_TYPES: DeviceType[] = ['laptop', 'tablet', 'desktop', 'interactive_display', 'projector', 'document_camera', 'access_point', 'printer', 'other'];
/** The orders the list offers (a subset of the API's). */
export const DEVICE_SORTS = ['inventoryNumber', '-inventoryNumber', 'model', '-purchaseDate', 'purchaseDate', 'warrantyUntil', '-updatedAt'] as const satisfies readonly DeviceSort[];
type ListSort = (typeof DEVICE_SORTS)[number];

/**
 * The device list's filters. They live in the URL's search parameters under the API's own names
 * (`/geraete?status=loaned&type=laptop`), so links (the overview's figures) and reloads keep them.
 */
export interface DeviceFilters {
  schoolId?: string;
  status: DeviceStatus[];
  type: DeviceType[];
  location?: string;
  q?: string;
  notLabelled: boolean;
  notCountedSince?: string;
  sort: ListSort;
}

/** A day of the calendar as YYYY-MM-DD (not 2026-02-31: the API refuses it and the date field cannot show it). */
const isDate = (v: string | null): v is string => {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const day = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
};
const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f-]{36}$/i.test(v);
const text = (v: string | null) => (v && v.trim() ? v.trim().slice(0, 100) : undefined);
/** `a,b` or repeated parameters; unknown values are dropped (an old link never breaks the list). */
const listOf = <T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] => [
  ...new Set(params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v): v is T => (allowed as readonly string[]).includes(v))),
];

export function filtersFromParams(params: URLSearchParams): DeviceFilters {
  const sort = params.get('sort');
  return {
    schoolId: isUuid(params.get('schoolId')) ? params.get('schoolId')! : undefined,
    status: listOf(params, 'status', DEVICE_STATUSES),
    type: listOf(params, 'type', DEVICE_TYPES),
    location: text(params.get('location')),
    q: text(params.get('q')),
    notLabelled: params.get('notLabelled') === 'true',
    notCountedSince: isDate(params.get('notCountedSince')) ? params.get('notCountedSince')! : undefined,
    sort: (DEVICE_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ListSort) : 'inventoryNumber',
  };
}

/** The filters as URL search parameters (defaults left out, so the plain list has a plain URL). */
export function filtersToParams(f: DeviceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.schoolId) params.set('schoolId', f.schoolId);
  if (f.status.length) params.set('status', f.status.join(','));
  if (f.type.length) params.set('type', f.type.join(','));
  if (f.location) params.set('location', f.location);
  if (f.q) params.set('q', f.q);
  if (f.notLabelled) params.set('notLabelled', 'true');
  if (f.notCountedSince) params.set('notCountedSince', f.notCountedSince);
  if (f.sort !== 'inventoryNumber') params.set('sort', f.sort);
  return params;
}

/**
 * The filters as the API's query (list, export) or body (labels). `schoolId` is the coordinator's chosen school when
 * they work for one: a coordinator's list is always one school's.
 */
export function filtersToQuery(f: DeviceFilters, chosenSchoolId: string | null) {
  return {
    schoolId: chosenSchoolId ?? f.schoolId,
    status: f.status.length ? f.status : undefined,
    type: f.type.length ? f.type : undefined,
    location: f.location,
    q: f.q,
    notLabelled: f.notLabelled || undefined,
    notCountedSince: f.notCountedSince,
  };
}

/** The list's page size. */
export const PAGE_SIZE = 50;

/**
 * The API query of one page of the list: the list, its prefetch and the start's early request (app/early-requests.ts)
 * send the same.
 */
export const devicePageQuery = (f: DeviceFilters, chosenSchoolId: string | null, cursor?: string) => ({
  ...filtersToQuery(f, chosenSchoolId),
  sort: f.sort,
  limit: PAGE_SIZE,
  cursor,
});

/** Whether any filter narrows the list (for the empty state: "nothing matches" rather than "no devices"). */
export const hasFilters = (f: DeviceFilters) => !!(f.schoolId || f.status.length || f.type.length || f.location || f.q || f.notLabelled || f.notCountedSince);

/** The export's URL with the list's filters and order (a GET the browser downloads with the session cookie). */
export function inventoryExportUrl(f: DeviceFilters, chosenSchoolId: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filtersToQuery(f, chosenSchoolId))) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (f.sort !== 'inventoryNumber') params.set('sort', f.sort);
  params.set('lang', 'de');
  return `/api/v1/exports/inventory.xlsx?${params}`;
}
