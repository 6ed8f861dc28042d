import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type FieldCode, invalidField } from '../common/errors';
import { MAX_XLSX_UNPACKED_BYTES, tooLarge, zipUnpackedSize } from '../devices/import/import-reader';

export const USAGE_IMPORT_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 5000 };

/** One row of a vendor's usage export: the school number and the seats in use, with the row number the file shows. */
export interface UsageRow {
  rowNumber: number;
  schoolNumber: string;
  seatsInUse: number | null;
}

const malformed = (message: string, code: FieldCode = 'fileMalformed') => invalidField('file', code, message);
const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[^a-z0-9äöüß]/g, '');

/** Headings vendors use (German and English), normalised to lower-case letters and digits. */
const SCHOOL_NUMBER_HEADINGS = new Set(['schulnummer', 'schulnr', 'snr', 'dienststellennummer', 'schoolnumber', 'schoolno', 'schoolid', 'schoolcode']);
const IN_USE_HEADINGS = new Set(['genutzt', 'inuse', 'seatsinuse', 'platzegenutzt', 'plätzegenutzt', 'lizenzengenutzt', 'nutzer', 'aktivenutzer', 'aktivekonten', 'activeusers', 'users', 'usedseats', 'seatsused', 'used']);

/** Reads an uploaded .xlsx or .csv usage export into rows: the first row with both headings is the heading row. */
export async function readUsageFile(file: { buffer: Buffer; originalname: string }): Promise<UsageRow[]> {
  const name = file.originalname.toLowerCase();
  const isZip = file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const table = name.endsWith('.xlsx') || isZip ? await xlsxRows(file.buffer) : csvRows(file.buffer);
  const headingIndex = table.slice(0, 10).findIndex((r) => r.cells.some((c) => SCHOOL_NUMBER_HEADINGS.has(norm(c))) && r.cells.some((c) => IN_USE_HEADINGS.has(norm(c))));
  if (headingIndex < 0) throw malformed('No heading row found: the file needs a column "Schulnummer" and a column "genutzt" (or "aktive Nutzer")', 'usageHeadingsMissing');
  const headings = table[headingIndex].cells.map(norm);
  const numberCol = headings.findIndex((h) => SCHOOL_NUMBER_HEADINGS.has(h));
  const useCol = headings.findIndex((h) => IN_USE_HEADINGS.has(h));
  const data = table.slice(headingIndex + 1).filter((r) => r.cells.some((c) => String(c ?? '').trim() !== ''));
  if (data.length > USAGE_IMPORT_LIMITS.maxRows) throw tooLarge(`The file has ${data.length} rows; at most ${USAGE_IMPORT_LIMITS.maxRows} can be imported at once`);
  return data.map((r) => {
    const raw = String(r.cells[useCol] ?? '').trim().replace(/\./g, '');
    return { rowNumber: r.rowNumber, schoolNumber: String(r.cells[numberCol] ?? '').trim(), seatsInUse: /^\d{1,8}$/.test(raw) ? Number(raw) : null };
  });
}

async function xlsxRows(buffer: Buffer): Promise<{ rowNumber: number; cells: unknown[] }[]> {
  const unpacked = zipUnpackedSize(buffer);
  if (unpacked === undefined) throw malformed('The file cannot be read as an .xlsx workbook');
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw tooLarge('The workbook unpacks to too much data; split the list');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw malformed('The file cannot be read as an .xlsx workbook');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw malformed('The workbook has no rows');
  if (sheet.actualRowCount > USAGE_IMPORT_LIMITS.maxRows + 10) throw tooLarge(`The sheet has more than ${USAGE_IMPORT_LIMITS.maxRows} rows`);
  const out: { rowNumber: number; cells: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    out.push({ rowNumber, cells: (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v)) });
  });
  return out;
}

function csvRows(buffer: Buffer): { rowNumber: number; cells: unknown[] }[] {
  if (buffer.includes(0)) throw malformed('The file is neither .xlsx nor a text (CSV) file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  try {
    const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true, to: USAGE_IMPORT_LIMITS.maxRows + 11 }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ rowNumber: r.info.lines, cells: r.record }));
  } catch (error) {
    throw malformed(`The CSV file is malformed: ${(error as Error).message}`);
  }
}
