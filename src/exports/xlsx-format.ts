import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { labels, labelsEn, type LabelKind } from '../i18n/labels';

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

/**
 * A column of an exported sheet: its heading in both languages, its width (in characters) and its kind.
 *
 * Widths of a streamed sheet must be known before its first row is committed, so they come from what is known
 * beforehand: `width` is the width for the column's data type (a date, an amount, a label of a known table),
 * and for free text `measure` names the SQL expression whose longest value the export measures in its snapshot
 * (`measureSql`, `contentLengths`); see `columnWidth` for the rule.
 */
export interface ColumnDef<Row> {
  header: Localized;
  width: number;
  kind: ColumnKind;
  /** Text: an SQL expression over the export query's columns (`q."schoolName"`) whose longest value sets the width. */
  measure?: string;
  /** Widest the column gets (characters); longer text wraps inside its cell. Default TEXT_WIDTH_CAP for text. */
  maxWidth?: number;
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
  /** Wrap inside the cell (default: text wraps, numbers do not). */
  wrap?: boolean;
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

/** The widest a text column gets by default; longer values wrap (in their cell, the row grows). */
export const TEXT_WIDTH_CAP = 45;

/** Excel's width unit is the digit width of the body font; wider letters (W, M, capitals, bold headings) need some room. */
const WIDTH_PER_CHAR = 1.1;
const PADDING = 2;

/** Width that holds `chars` characters of body text. */
export function widthFor(chars: number): number {
  return Math.ceil(chars * WIDTH_PER_CHAR + PADDING);
}

/** The longest word of a heading: the heading wraps only between words, so the column is at least this wide. */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[\s]+/).map((w) => w.length));
}

/**
 * The width of a column: at least its heading's longest word (bold, so a little more); for text the longest value
 * measured in the export's snapshot (or the declared width when none was measured), capped at `maxWidth`
 * (longer text wraps); for numbers and dates the declared width of their format.
 */
export function columnWidth(column: ColumnDef<unknown>, lang: ExportLang, contentLength?: number | null): number {
  const heading = Math.ceil(longestWord(column.header[lang]) * 1.2 + PADDING);
  let data = column.width;
  if (column.kind === 'text' && contentLength !== undefined && contentLength !== null) data = widthFor(Math.max(contentLength, 1));
  const cap = column.maxWidth ?? (column.kind === 'text' ? TEXT_WIDTH_CAP : Number.POSITIVE_INFINITY);
  return Math.max(heading, Math.min(data, cap));
}

/** The longest text of a measured column's expression, as an aggregate. */
const longest = (measure: string) => `max(char_length((${measure})::text))`;

/** `max(char_length(...))` of every measured column, as `m0, m1, …` by column index, for `SELECT … FROM (query) q`. */
export function measureSql(columns: readonly { measure?: string }[]): string | null {
  const parts = columns.flatMap((c, i) => (c.measure ? [`${longest(c.measure)}::int AS m${i}`] : []));
  return parts.length ? parts.join(', ') : null;
}

/** The column a `measuredQuery` row carries its sheet's measured lengths in (on the first row only). */
export const CONTENT_LENGTHS_COLUMN = 'contentLengths';

/**
 * The export's query in the order `orderBy` (over its output `q`), its first row carrying the longest value of every
 * measured column as `{ m0: …, m1: … }` in CONTENT_LENGTHS_COLUMN (null on every other row): one pass instead of a
 * measuring pass and a reading pass over the same joins. PostgreSQL has every row before it sends the first (as for the
 * sort), so the widths are known with the first batch. `orderBy` must order the rows completely (a unique key).
 */
export function measuredQuery(columns: readonly { measure?: string }[], query: { sql: string; params: unknown[] }, orderBy: string): { sql: string; params: unknown[] } {
  const parts = columns.flatMap((c, i) => (c.measure ? [`'m${i}', ${longest(c.measure)} OVER ()`] : []));
  const lengths = parts.length ? `CASE WHEN row_number() OVER (ORDER BY ${orderBy}) = 1 THEN json_build_object(${parts.join(', ')}) END` : 'NULL::json';
  return { sql: `SELECT q.*, ${lengths} AS "${CONTENT_LENGTHS_COLUMN}" FROM (${query.sql}) q ORDER BY ${orderBy}`, params: query.params };
}

/** The measured lengths (`m0`, …) as one entry per column, for `SheetOptions.contentLengths`. */
export function contentLengthsOf(columns: readonly unknown[], row: Record<string, number | null> | undefined): (number | null)[] {
  return columns.map((_c, i) => row?.[`m${i}`] ?? null);
}

/** The longest label of a table: the width of a column that shows codes of that table. */
export function longestLabel(table: Readonly<Record<string, string>>): number {
  return Math.max(...Object.values(table).map((l) => l.length));
}

/** The width of a column that shows the labels of one table: its longest label. */
export function labelWidth(kind: LabelKind, lang: ExportLang): number {
  return widthFor(longestLabel((lang === 'de' ? labels : labelsEn)[kind]));
}

/** The longest text of every text column over rows already in memory (a report built before it is written). */
export function contentLengthsOfRows<Row>(columns: ColumnDef<Row>[], rows: readonly Row[]): (number | null)[] {
  return columns.map((c) => {
    if (c.kind !== 'text') return null;
    let longest = 0;
    for (const row of rows) {
      const value = c.value(row);
      if (typeof value === 'string' && value.length > longest) longest = value.length;
    }
    return longest || null;
  });
}

/** Height of one line of body text (points); a wrapped cell needs one per line. */
export const LINE_HEIGHT = 15;

/**
 * How many lines a text takes in a wrapping cell of `width`: words wrapped greedily at the characters a line holds.
 * LibreOffice does not grow rows to their wrapped text when it opens a file, so the writer sets the height itself.
 */
export function wrappedLines(text: string, width: number): number {
  // An average letter is about as wide as a digit (Excel's width unit); the 10 % margin of `widthFor` is not needed here.
  const perLine = Math.max(1, Math.floor(width - 1));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else if (used === 0) {
        lines += Math.ceil(word.length / perLine) - 1;
        used = word.length % perLine || perLine;
      } else {
        lines++;
        used = word.length > perLine ? word.length % perLine || perLine : word.length;
        if (word.length > perLine) lines += Math.ceil(word.length / perLine) - 1;
      }
    }
  }
  return lines;
}
