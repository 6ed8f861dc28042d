import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { devicePageQuery, filtersFromParams, filtersToParams, type DeviceFilters } from './device-filters';

export type DeviceListItem = Schemas['DeviceListItemDto'];
export type DeviceDetail = Schemas['DeviceDetailDto'];
export type DeviceEvent = Schemas['DeviceEventDto'];

/** One keyset page of the device list. */
export function fetchDevicePage(f: DeviceFilters, chosenSchoolId: string | null, cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/devices', { params: { query: devicePageQuery(f, chosenSchoolId, cursor) } }));
}

/**
 * The device list's query (keyset pages), for the list and for its prefetch: a click on "Geräte" (or the app's start
 * on /geraete) sends the first page's request at once, while the screen's code loads and renders. A page fetched in the
 * last 2 s is not fetched again when the list mounts.
 */
export const deviceListQuery = (filters: DeviceFilters, chosenSchoolId: string | null) =>
  infiniteQueryOptions({
    queryKey: ['devices', 'list', chosenSchoolId, filtersToParams(filters).toString()],
    queryFn: ({ pageParam }) => fetchDevicePage(filters, chosenSchoolId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 2_000,
  });

/** Starts the list's first page for the filters in `search` (the address's query). */
export function prefetchDeviceList(queryClient: QueryClient, search: URLSearchParams, chosenSchoolId: string | null): void {
  void queryClient.prefetchInfiniteQuery(deviceListQuery(filtersFromParams(search), chosenSchoolId));
}

export const fetchDevice = (id: string) => unwrap(api.GET('/api/v1/devices/{id}', { params: { path: { id } } }));

export const fetchHistory = (id: string, cursor: string | undefined) => unwrap(api.GET('/api/v1/devices/{id}/history', { params: { path: { id }, query: { limit: 20, cursor } } }));
