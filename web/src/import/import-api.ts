import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';

export type ImportReport = Schemas['ImportReportDto'];
export type LabelFormat = Schemas['LabelFormatDto'];

/**
 * Uploads a delivery list (multipart field `file`). A real import with problems answers 400 with the report in
 * `details.report`: that report is returned like a dry run's, so the screen shows its problems the same way.
 */
export async function uploadList(file: File, options: { dryRun: boolean; schoolId?: string }): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  try {
    return await unwrap(
      api.POST('/api/v1/devices/import', {
        params: { query: { dryRun: options.dryRun, ...(options.schoolId ? { schoolId: options.schoolId } : {}) } },
        body: form as never,
        bodySerializer: (body) => body as unknown as FormData,
      }),
    );
  } catch (error) {
    const report = error instanceof ApiError ? (error.body.details?.report as ImportReport | undefined) : undefined;
    if (report) return report;
    throw error;
  }
}

/** The columns the importer knows (README, src/devices/import/import-values.ts), for the description and the template. */
export const IMPORT_COLUMNS: { heading: string; required?: boolean; example: string; hint: string }[] = [
  { heading: 'Inventarnummer', required: true, example: 'GYM-2026-0001', hint: 'eindeutig je Schulträger' },
  { heading: 'Seriennummer', example: 'PF3XK2A1', hint: 'je Hersteller eindeutig' },
  { heading: 'Typ', required: true, example: 'Laptop', hint: 'z. B. Laptop, Tablet, Desktop-PC, Interaktives Display, Beamer, Dokumentenkamera, Access Point, Drucker, Sonstiges' },
  { heading: 'Hersteller', required: true, example: 'Lenovo', hint: '' },
  { heading: 'Modell', required: true, example: 'ThinkPad L13', hint: '' },
  { heading: 'Betriebssystem', example: 'Windows 11', hint: '' },
  { heading: 'Kaufdatum', example: '31.12.2026', hint: 'TT.MM.JJJJ' },
  { heading: 'Preis', example: '1.234,56', hint: 'brutto in Euro' },
  { heading: 'Inbetriebnahme', example: '15.01.2027', hint: 'TT.MM.JJJJ' },
  { heading: 'Garantie bis', example: '31.12.2029', hint: 'TT.MM.JJJJ' },
  { heading: 'Raum', example: 'Raum 101', hint: 'Standort in der Schule' },
  { heading: 'Bemerkung', example: '', hint: '' },
  { heading: 'Schulnummer', example: '', hint: 'nur wenn die Liste mehrere Schulen beliefert' },
];

/** A CSV template (semicolons, as German Excel writes them) with the headings and one example row. */
export function templateCsv(): string {
  const line = (cells: string[]) => cells.join(';');
  return `\uFEFF${line(IMPORT_COLUMNS.map((c) => c.heading))}\r\n${line(IMPORT_COLUMNS.map((c) => c.example))}\r\n`;
}
