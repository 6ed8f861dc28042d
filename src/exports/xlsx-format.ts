import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** Languages of the headings and sheet names: German for the authorities' files, English on request. */
export const EXPORT_LANGS = ['de', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

/** `?lang=de|en` of every export (default German). */
export class ExportLangQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_LANGS, enumName: 'ExportLang', default: 'de' })
  @IsOptional()
  @IsIn(EXPORT_LANGS)
  lang?: ExportLang;
}

export type Localized = Record<ExportLang, string>;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Number formats the authorities know: euros with thousands separators, German dates. */
export const EURO_FORMAT = '#,##0.00 €';
export const DATE_FORMAT = 'dd.mm.yyyy';
export const INTEGER_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0 %';

/** What a column holds decides its number format (and how its values are converted). */
export type ColumnKind = 'text' | 'euro' | 'date' | 'integer' | 'decimal' | 'percent';

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  euro: EURO_FORMAT,
  date: DATE_FORMAT,
  integer: INTEGER_FORMAT,
  decimal: '#,##0.0#',
  percent: PERCENT_FORMAT,
};

export function numFmtOf(kind: ColumnKind): string | undefined {
  return FORMATS[kind];
}

/** A column of an exported sheet: its heading in both languages, its width (in characters) and its kind. */
export interface ColumnDef<Row> {
  header: Localized;
  width: number;
  kind: ColumnKind;
  /** The cell value: euros as numbers (use `euros(cents)`), dates as `Date` (use `excelDate`), text as strings. */
  value: (row: Row) => CellValue;
  /**
   * For a totals row: the integer this row adds (cents for euro columns, units for counts). Summed as integers,
   * so the total's cached value is exact; the cell itself is a SUM formula Excel can recheck.
   */
  total?: (row: Row) => number | null;
}

export type CellValue = string | number | Date | null | { formula: string; result: number };

/** A cell with its own format, for free-form rows (overview blocks, totals). */
export interface StyledCell {
  value: CellValue;
  numFmt?: string;
  bold?: boolean;
}

/** Cents (integers, the database's money) as the euro amount Excel shows; exact to the cent. */
export function euros(cents: number | null | undefined): number | null {
  return cents === null || cents === undefined ? null : cents / 100;
}

/** Recently converted dates: exports repeat the same few thousand days over and over. */
const dateCache = new Map<string, Date>();
const DATE_CACHE_LIMIT = 20_000;

/**
 * A 'YYYY-MM-DD' date as a real date cell. ExcelJS turns a Date into the serial day number from its UTC time,
 * so midnight UTC gives exactly that calendar day whatever the server's time zone. The Dates are shared
 * (ExcelJS only reads them); do not mutate a returned Date.
 */
export function excelDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
  const day = value.length === 10 ? value : value.slice(0, 10);
  let date = dateCache.get(day);
  if (!date) {
    date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
    if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
    dateCache.set(day, date);
  }
  return date;
}

/** Column number (1-based) to its letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * `SUM(H2:H50001)` over a column's data rows, with `result` as the value Excel shows before it recalculates
 * (pass the exact integer sum converted once: cents / 100 for euros).
 */
export function sumFormula(column: number, firstRow: number, lastRow: number, result: number, sheet?: string): { formula: string; result: number } {
  const letter = columnLetter(column);
  // An empty range still needs a valid formula.
  const formula = lastRow >= firstRow ? `SUM(${sheetRef(sheet)}${letter}${firstRow}:${letter}${lastRow})` : '0';
  return { formula, result };
}

/** `'Sheet name'!` for a reference into another sheet (quotes doubled), or nothing for the same sheet. */
export function sheetRef(sheet?: string): string {
  return sheet ? `'${sheet.replace(/'/g, "''")}'!` : '';
}
