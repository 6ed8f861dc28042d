import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { filtersToQuery, type DeviceFilters } from './device-filters';

export type DeviceListItem = Schemas['DeviceListItemDto'];
export type DeviceDetail = Schemas['DeviceDetailDto'];
export type DeviceEvent = Schemas['DeviceEventDto'];

export const PAGE_SIZE = 50;

/** One keyset page of the device list. */
export function fetchDevicePage(f: DeviceFilters, chosenSchoolId: string | null, cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/devices', { params: { query: { ...filtersToQuery(f, chosenSchoolId), sort: f.sort, limit: PAGE_SIZE, cursor } } }));
}

export const fetchDevice = (id: string) => unwrap(api.GET('/api/v1/devices/{id}', { params: { path: { id } } }));

export const fetchHistory = (id: string, cursor: string | undefined) => unwrap(api.GET('/api/v1/devices/{id}/history', { params: { path: { id }, query: { limit: 20, cursor } } }));
