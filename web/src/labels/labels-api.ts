import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type LabelFormat = Schemas['LabelFormatDto'];
export type LabelsRequest = Schemas['LabelsRequestDto'];
/** Which devices: their ids, or the device list's filters (everything of the request but the layout). */
export type LabelTarget = Omit<LabelsRequest, 'format' | 'startAt' | 'showModel'>;

export const fetchLabelFormats = () => unwrap(api.GET('/api/v1/labels/formats'));

/** Labels per sheet of a format (1 for a label printer's roll). */
export const labelsPerSheet = (f: Pick<LabelFormat, 'columns' | 'rows'>) => f.columns * f.rows;

/** The labels PDF (POST /labels.pdf) as a Blob. */
export async function labelsPdf(body: LabelsRequest): Promise<Blob> {
  return (await unwrap(api.POST('/api/v1/labels.pdf', { body, parseAs: 'blob' }))) as Blob;
}
