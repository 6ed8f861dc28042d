import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { saveBlob } from '../ui/download';
import { filtersToQuery, type DeviceFilters } from './device-filters';

export type DeviceListItem = Schemas['DeviceListItemDto'];
export type DeviceDetail = Schemas['DeviceDetailDto'];
export type DeviceEvent = Schemas['DeviceEventDto'];
export type LabelFormat = Schemas['LabelFormatDto'];

export const PAGE_SIZE = 50;

/** One keyset page of the device list. */
export function fetchDevicePage(f: DeviceFilters, chosenSchoolId: string | null, cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/devices', { params: { query: { ...filtersToQuery(f, chosenSchoolId), sort: f.sort, limit: PAGE_SIZE, cursor } } }));
}

export const fetchDevice = (id: string) => unwrap(api.GET('/api/v1/devices/{id}', { params: { path: { id } } }));

export const fetchHistory = (id: string, cursor: string | undefined) => unwrap(api.GET('/api/v1/devices/{id}/history', { params: { path: { id }, query: { limit: 20, cursor } } }));

export const fetchLabelFormats = () => unwrap(api.GET('/api/v1/labels/formats'));

export type LabelsRequest = Schemas['LabelsRequestDto'];

/** The labels PDF for device ids or the list's filters. */
export async function downloadLabels(body: LabelsRequest): Promise<void> {
  const blob = await unwrap(api.POST('/api/v1/labels.pdf', { body, parseAs: 'blob' }));
  saveBlob(blob as Blob, 'etiketten.pdf');
}
