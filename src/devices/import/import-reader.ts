import { HttpStatus } from '@nestjs/common';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, type FieldCode, invalidField, type MessageParams, type ReasonCode } from '../../common/errors';
import iconv from 'iconv-lite';
import { FormulaWithoutValue, mapHeadings } from './import-values';
import { checkXlsxLimits, XlsxLimitError } from './xlsx-limits';

export interface ImportTable {
  format: 'xlsx' | 'csv';
  /** The row number (as the spreadsheet shows it) of the headings. */
  headingRow: number;
  headings: string[];
  rows: { rowNumber: number; cells: unknown[] }[];
}

export const tooLarge = (message: string, details?: Record<string, unknown>, reason?: ReasonCode) =>
  new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', message, undefined, details, reason, details as MessageParams | undefined);
const unsupported = (message: string) => new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', message, undefined, undefined, 'IMPORT_FORMAT_UNSUPPORTED');
/** The file as a whole cannot be read as a delivery list; `code` names why (its German text: src/i18n/messages.ts). */
const malformed = (message: string, code: FieldCode = 'fileMalformed') => invalidField('file', code, message);

/** Supplier lists often start with a title or address block: the headings are the first of these rows with two known columns. */
const HEADING_SEARCH_ROWS = 10;

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Reads an uploaded .xlsx or .csv into headings and rows, refusing other formats, broken files and too many rows. */
export async function readImportFile(file: { buffer: Buffer; originalname: string }, maxRows: number): Promise<ImportTable> {
  const name = file.originalname.toLowerCase();
  const isZip = file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (name.endsWith('.xls')) throw unsupported('Old .xls files are not supported: save the list as .xlsx or .csv');
  if (name.endsWith('.xlsx') || (isZip && !name.endsWith('.csv'))) return readXlsx(file.buffer, maxRows, file.originalname);
  if (name.endsWith('.csv') || name.endsWith('.txt')) return readCsv(file.buffer, maxRows, file.originalname);
  throw unsupported('Upload the list as .xlsx or .csv');
}

function locateHeadings(rows: { rowNumber: number; cells: unknown[] }[]): number {
  const index = rows.slice(0, HEADING_SEARCH_ROWS).findIndex((r) => mapHeadings(r.cells.map((c) => String(c ?? ''))).columns.size >= 2);
  if (index < 0) throw malformed('No heading row found: the first rows need headings such as Inventarnummer, Seriennummer, Typ, Hersteller, Modell', 'importHeadingsMissing');
  return index;
}

function toTable(format: 'xlsx' | 'csv', rows: { rowNumber: number; cells: unknown[] }[], maxRows: number, fileName: string): ImportTable {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => !isEmpty(c)));
  if (nonEmpty.length === 0) throw malformed('The file is empty', 'importEmpty');
  const h = locateHeadings(nonEmpty);
  const data = nonEmpty.slice(h + 1);
  if (data.length > maxRows) {
    throw tooLarge(`The file ${fileName} has ${data.length} rows; at most ${maxRows} can be imported at once. Split the list.`, { file: fileName, maxRows }, 'IMPORT_TOO_MANY_ROWS');
  }
  if (data.length === 0) throw malformed('The file has headings but no rows', 'importNoRows');
  return { format, headingRow: nonEmpty[h].rowNumber, headings: nonEmpty[h].cells.map((c) => String(c ?? '').trim()), rows: data };
}

/**
 * What exceljs holds in a cell, as a plain value: rich text joined, formulas by their cached result (a formula the
 * file keeps no result for, as written by programs that do not calculate, becomes FormulaWithoutValue), errors as empty.
 */
function plainCell(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    return value.result === undefined || value.result === null ? new FormulaWithoutValue(`=${formula}`) : plainCell(value.result as ExcelJS.CellValue);
  }
  if ('text' in value) return value.text;
  return undefined; // error values
}

/**
 * An .xlsx may hold at most this much once unpacked: a 10 MB upload must not become gigabytes in memory (zip bomb).
 * A delivery list of 20,000 rows and a dozen columns unpacks to about 15 MB.
 */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * The total unpacked size a zip declares in its central directory, read before anything is unpacked;
 * undefined when the end record is missing (not a zip). ZIP64 entries (4 GB and more) count as infinite.
 */
export function zipUnpackedSize(zip: Buffer): number | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const size = zip.readUInt32LE(offset + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

const NOT_A_WORKBOOK = 'cannot be read as an .xlsx workbook (damaged, encrypted or not an Excel file)';

/**
 * The limits first, while unpacking (the sizes the zip states are checked before, but a hostile zip lies about them):
 * only a workbook within MAX_XLSX_UNPACKED_BYTES and maxRows is handed to ExcelJS, which reads it whole.
 */
async function readXlsx(buffer: Buffer, maxRows: number, fileName: string): Promise<ImportTable> {
  const limitMb = MAX_XLSX_UNPACKED_BYTES / 1024 / 1024;
  const unpackedTooLarge = () =>
    tooLarge(`The workbook ${fileName} unpacks to more than ${limitMb} MB (the limit); split the list`, { file: fileName, maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES, maxMb: limitMb }, 'IMPORT_UNPACKED_TOO_LARGE');
  const unpacked = zipUnpackedSize(buffer);
  if (unpacked === undefined) throw malformed(`The file ${fileName} ${NOT_A_WORKBOOK}`, 'fileNotWorkbook');
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw unpackedTooLarge();
  try {
    await checkXlsxLimits(buffer, { maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES, maxSheetRows: maxRows + HEADING_SEARCH_ROWS });
  } catch (error) {
    if (!(error instanceof XlsxLimitError)) throw error;
    if (error.kind === 'bytes') throw unpackedTooLarge();
    if (error.kind === 'rows') {
      throw tooLarge(`The sheet in ${fileName} has more than ${maxRows} rows; at most ${maxRows} can be imported at once. Split the list.`, { file: fileName, maxRows }, 'IMPORT_TOO_MANY_ROWS');
    }
    if (error.kind === 'entries') throw tooLarge(`The file ${fileName} holds too many parts (${error.message}) for a workbook`, { file: fileName });
    throw malformed(`The file ${fileName} ${NOT_A_WORKBOOK}`, 'fileNotWorkbook');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw malformed(`The file ${fileName} ${NOT_A_WORKBOOK}`, 'fileNotWorkbook');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw malformed('The workbook has no rows', 'importEmpty');
  // Checked before reading the rows: the row count is known from the sheet itself.
  if (sheet.actualRowCount > maxRows + HEADING_SEARCH_ROWS) {
    throw tooLarge(`The sheet in ${fileName} has ${sheet.actualRowCount} rows; at most ${maxRows} can be imported at once. Split the list.`, { file: fileName, maxRows }, 'IMPORT_TOO_MANY_ROWS');
  }
  const rows: { rowNumber: number; cells: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    rows.push({ rowNumber, cells: values.slice(1).map(plainCell) });
  });
  return toTable('xlsx', rows, maxRows, fileName);
}

/**
 * The text of a CSV file: UTF-16 with a byte order mark (Excel's "Unicode-Text") or with the zero bytes of ASCII
 * text in UTF-16; UTF-8 (with or without BOM); else Windows-1252, which is what German Excel writes as "CSV"
 * (decoded with a real codec: Node's TextDecoder reads 'windows-1252' as Latin-1, which loses € – „ “ …).
 * A file that is UTF-8 but for a stray byte is refused, naming the line: read as Windows-1252 every umlaut of it
 * would turn into two wrong characters.
 */
export function decodeText(buffer: Buffer): string {
  const utf16 = utf16Encoding(buffer);
  if (utf16) {
    if (buffer.length % 2 !== 0) throw malformed('The file looks like UTF-16 text but has an odd number of bytes: save it again as "CSV UTF-8"');
    return iconv.decode(buffer, utf16, { stripBOM: true });
  }
  if (buffer.includes(0)) throw malformed('The file is not a text (CSV) file', 'fileNotCsv');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    const { multibyte, firstInvalid } = scanUtf8(buffer);
    if (multibyte > 0 && firstInvalid >= 0) {
      const line = lineAt(buffer, firstInvalid);
      const message = `The file is UTF-8 but line ${line} holds a byte that is not (0x${buffer[firstInvalid].toString(16).toUpperCase()}): correct that line or save the file again as "CSV UTF-8"`;
      throw invalidField('file', 'fileNotUtf8', message, { line });
    }
    return iconv.decode(buffer, 'windows-1252');
  }
}

/** 'utf-16le' / 'utf-16be' by the byte order mark or by the zero bytes of ASCII characters; undefined otherwise. */
function utf16Encoding(buffer: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  // Without a BOM: ASCII headings in UTF-16 put a zero byte after (LE) or before (BE) every letter.
  const sample = buffer.subarray(0, Math.min(buffer.length, 200) & ~1);
  if (sample.length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.8 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.8 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** How many well-formed UTF-8 multi-byte characters the bytes hold, and where the first malformed byte is (-1: none). */
function scanUtf8(buffer: Buffer): { multibyte: number; firstInvalid: number } {
  let multibyte = 0;
  let firstInvalid = -1;
  for (let i = 0; i < buffer.length; ) {
    const lead = buffer[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const tail = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    let ok = tail > 0;
    for (let k = 1; ok && k <= tail; k++) ok = i + k < buffer.length && (buffer[i + k] & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += tail + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { multibyte, firstInvalid };
}

/** The 1-based line of a byte offset. */
function lineAt(buffer: Buffer, offset: number): number {
  let line = 1;
  for (let i = buffer.indexOf(0x0a); i >= 0 && i < offset; i = buffer.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** German Excel separates with `;`, others with `,` or tabs: the separator that splits the first line most wins. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

function readCsv(buffer: Buffer, maxRows: number, fileName: string): ImportTable {
  const text = decodeText(buffer);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, info: true, bom: true, to: maxRows + HEADING_SEARCH_ROWS + 1 }) as unknown as typeof records;
  } catch (error) {
    throw malformed(`The CSV file is malformed: ${(error as Error).message}`);
  }
  if (records.length > maxRows + HEADING_SEARCH_ROWS) {
    // `to` stopped reading early: count the remaining lines only roughly, it is refused either way.
    throw tooLarge(`The file ${fileName} has more than ${maxRows} rows; at most ${maxRows} can be imported at once. Split the list.`, { file: fileName, maxRows }, 'IMPORT_TOO_MANY_ROWS');
  }
  return toTable('csv', records.map((r) => ({ rowNumber: r.info.lines, cells: r.record })), maxRows, fileName);
}
