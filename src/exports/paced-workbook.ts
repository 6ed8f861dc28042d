import ExcelJS from 'exceljs';
import { needsDrain, pendingBytes, type WritableLike as StreamBacklog } from '../common/stream-backlog';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CellValue, ColumnDef, columnLetter, columnWidth, ExportLang, LINE_HEIGHT, numFmtOf, StyledCell, sumFormula, wrappedLines } from './xlsx-format';

/**
 * How much worksheet XML may wait for the zip compressor before the writer pauses. ExcelJS's row commit
 * never waits: it pushes XML into a PassThrough that archiver drains only as fast as deflate and the
 * client go. Unpaced, a million rows piled up above 500 MB; paced, memory stays flat.
 */
export const DEFAULT_MAX_PENDING_BYTES = 256 * 1024;
/**
 * archiver's default (zlib's fastest). Level 6 makes files smaller for more CPU per row (bench/RESULTS.md, issue 7),
 * which on a small server competes with the database for the same cores.
 */
export const DEFAULT_COMPRESSION_LEVEL = 1;
/** Rows between two looks at the buffers; a look costs a few property reads. */
export const DEFAULT_CHECK_EVERY = 64;

export interface PacedWorkbookOptions {
  lang: ExportLang;
  /** Aborts the waits (client gone): the pending write rejects with an AbortError. */
  signal?: AbortSignal;
  maxPendingBytes?: number;
  checkEvery?: number;
  /** zlib level of the zip (default DEFAULT_COMPRESSION_LEVEL). */
  compressionLevel?: number;
}

export interface SheetOptions {
  /** Portrait or landscape; by default portrait when the columns fit on a portrait page, else landscape (see `printSetup`). */
  landscape?: boolean;
  /**
   * A list sheet (default): row 1 is the columns' bold headings, frozen, with an autofilter, repeated on every printed page.
   * Without it the sheet is free-form (an overview): the columns give only widths, rows bring their own formats.
   */
  header?: boolean;
  /** The longest value of each text column in the export's snapshot (by column index; see `measureSql`), for the widths. */
  contentLengths?: (number | null | undefined)[];
}

/** What every printed page says: the document's title and authority on top, its date and the page number below. */
export interface PrintInfo {
  title: string;
  authority: string;
  /** "Stichtag 18.11.2026" or "Stand 01.12.2026": what the figures are as of. */
  dateLine: string;
}

/** The one font of every cell, headings included (the width unit of Excel is this font's digit width). */
export const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
export const BOLD_FONT = { ...FONT, bold: true } as const;

/** A4 in millimetres, and the margins of every sheet (inches, as the file stores them). */
const A4 = { short: 210, long: 297 };
const MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Below this scale a printed page gets hard to read: a wider sheet is split across pages instead. */
export const MIN_FIT_SCALE = 0.6;
/** The scale of a sheet too wide for one page: its first column repeats on every page. */
export const SPLIT_SCALE = 75;

/** Millimetres a column of `width` characters takes on paper at 100 % (7 px per character + 5 px padding at 96 dpi). */
function columnMm(width: number): number {
  return ((Math.trunc(width * 7 + 0.5) + 5) * 25.4) / 96;
}

/**
 * A4 print setup for columns of these widths: portrait when they fit at 100 % (unless told), else landscape;
 * one page wide when that needs a scale of at least MIN_FIT_SCALE; a wider sheet prints at SPLIT_SCALE across
 * several pages, left to right, with the first column (what the row is about) and the heading row repeated.
 */
export function printSetup(widths: number[], options: { landscape?: boolean; list: boolean }): Partial<ExcelJS.PageSetup> {
  const needed = widths.reduce((sum, w) => sum + columnMm(w), 0);
  const printable = (paper: number) => paper - (MARGINS.left + MARGINS.right) * 25.4;
  const landscape = options.landscape ?? needed > printable(A4.short);
  const available = printable(landscape ? A4.long : A4.short);
  const base: Partial<ExcelJS.PageSetup> = {
    orientation: landscape ? 'landscape' : 'portrait',
    paperSize: 9, // A4
    margins: MARGINS,
    horizontalCentered: false,
    ...(options.list ? { printTitlesRow: '1:1' } : {}),
  };
  if (needed <= available || available / needed >= MIN_FIT_SCALE) {
    return { ...base, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  return { ...base, fitToPage: false, scale: SPLIT_SCALE, pageOrder: 'overThenDown', ...(options.list ? { printTitlesColumn: 'A:A' } : {}) };
}

/** A text for a header or footer: `&` is its escape character. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Title and authority on top, the date line, the sheet's name and "Seite X von Y" at the bottom of every printed page. */
export function headerFooter(print: PrintInfo, lang: ExportLang): Partial<ExcelJS.HeaderFooter> {
  const page = lang === 'de' ? 'Seite &P von &N' : 'Page &P of &N';
  return {
    oddHeader: `&L&B${headerText(print.title)}&B&R${headerText(print.authority)}`,
    oddFooter: `&L${headerText(print.dateLine)}&C&A&R${page}`,
  };
}

/** Stream-like things we may wait on: Node streams and archiver's readable-stream ones (src/common/stream-backlog.ts). */
interface WritableLike extends StreamBacklog {
  destroyed?: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Where a streamed sheet's XML waits for the zip compressor: the streams archiver reads ExcelJS's buffer for this sheet
 * through. ExcelJS 4.4 has no public way to see that backlog (`WorkbookWriter` offers `commit()` and the `add*()`
 * parts, a `WorksheetWriter` only `commit()`; a committed row is simply written into the sheet's private `stream`,
 * whatever the compressor's state), and pacing on the output alone let the XML pile up with the file's size
 * (bench/RESULTS.md, Excel exports). So this one function reads the private `stream.pipes`; the test "keeps the XML
 * waiting for the compressor bounded" (paced-workbook.spec.ts) fails when an ExcelJS upgrade changes it.
 */
export function compressorInputs(worksheet: ExcelJS.Worksheet): WritableLike[] {
  return ((worksheet as unknown as { stream?: { pipes?: WritableLike[] } }).stream?.pipes ?? []) as WritableLike[];
}

/**
 * An xlsx file written row by row to a stream with bounded memory: ExcelJS's streaming writer,
 * plus the waiting its row commit does not do. Sheets are written one after another
 * (archiver zips one entry at a time, so a second open sheet would pile up in memory).
 */
export class PacedWorkbook {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private current: SheetWriter<unknown> | null = null;
  readonly lang: ExportLang;

  constructor(
    private readonly out: Writable,
    private readonly options: PacedWorkbookOptions,
  ) {
    this.lang = options.lang;
    // Inline strings, not shared strings: a shared-string table would grow with the file.
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
      zip: { zlib: { level: options.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL } },
    });
    this.book.creator = 'Schul-IT-Inventar';
  }

  /** What the printed pages say in their header and footer (set before the first sheet; `XlsxDownload.start` does). */
  print: PrintInfo | null = null;

  /**
   * Starts a sheet; a list sheet gets a bold, frozen, filterable header row of the columns' headings. The column widths
   * (`columnWidth`) and the print setup (`printSetup`) are fixed here, before the first row is committed.
   */
  addSheet<Row>(name: string, columns: ColumnDef<Row>[], options: SheetOptions = {}): SheetWriter<Row> {
    if (this.current && !this.current.committed) throw new Error(`Commit sheet ${this.current.name} before starting ${name}`);
    const list = options.header ?? true;
    const widths = columns.map((c, i) => columnWidth(c as ColumnDef<unknown>, this.lang, options.contentLengths?.[i]));
    const worksheet = this.book.addWorksheet(name, {
      views: list ? [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] : [],
      pageSetup: printSetup(widths, { landscape: options.landscape, list }),
      headerFooter: this.print ? headerFooter(this.print, this.lang) : undefined,
      autoFilter: list && columns.length ? `A1:${columnLetter(columns.length)}1` : undefined,
    } as Partial<ExcelJS.AddWorksheetOptions>);
    const sheet = new SheetWriter<Row>(name, worksheet, columns, widths, this.out, this.options, list, options.contentLengths);
    this.current = sheet as SheetWriter<unknown>;
    return sheet;
  }

  /** Finishes the file: commits any open sheet and waits until the zip is fully handed to the output. */
  async commit(): Promise<void> {
    await this.book.commit();
  }

  /** Stops the zip after the client went away (best effort; the output is already destroyed). */
  abort(): void {
    try {
      (this.book as unknown as { zip?: { abort(): void } }).zip?.abort();
    } catch {
      // already finished or aborted
    }
  }
}

/** Headings: bold in the body's font, wrapping only between words (the column is as wide as the longest word). */
const HEADING_STYLE: Partial<ExcelJS.Style> = { font: BOLD_FONT, alignment: { vertical: 'top', wrapText: true } };
const NUMBER_HEADING_STYLE: Partial<ExcelJS.Style> = { font: BOLD_FONT, alignment: { vertical: 'top', horizontal: 'right', wrapText: true } };

export class SheetWriter<Row> {
  private sinceCheck = 0;
  private readonly checkEvery: number;
  private readonly maxPending: number;
  /**
   * One style object per column, shared by all its cells. ExcelJS caches a style's id by object identity;
   * with a fresh object per cell (its default) it renders every cell's style to XML to look the id up,
   * which made up most of the garbage per row.
   */
  private readonly cellStyles: Partial<ExcelJS.Style>[];
  /** The same for the rows' own (empty) style. */
  private readonly rowStyle: Partial<ExcelJS.Style> = {};
  /** Integer sums of the columns that have a `total` (cents or units). */
  private readonly totals: number[];
  private readonly totalColumns: number[];
  /** The columns that may wrap (see the constructor): a row with a long text in one of them gets the height it needs. */
  private readonly wrapping: number[];
  /** Data rows written (header and free-form rows not counted). */
  rowCount = 0;
  /** The sheet row the next row will be. */
  nextRow = 1;
  /** The sheet rows of the first and last data row (for formulas over the data). */
  firstDataRow: number | null = null;
  lastDataRow: number | null = null;
  committed = false;

  constructor(
    readonly name: string,
    private readonly worksheet: ExcelJS.Worksheet,
    readonly columns: ColumnDef<Row>[],
    readonly widths: number[],
    private readonly out: Writable,
    private readonly options: PacedWorkbookOptions,
    list: boolean,
    contentLengths?: (number | null | undefined)[],
  ) {
    this.checkEvery = options.checkEvery ?? DEFAULT_CHECK_EVERY;
    this.maxPending = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;
    this.totals = columns.map(() => 0);
    this.totalColumns = columns.flatMap((c, i) => (c.total ? [i] : []));
    // Text wraps (a value longer than its capped column grows the row instead of being cut); numbers never do.
    this.cellStyles = columns.map((c) => {
      const numFmt = list ? numFmtOf(c.kind) : undefined;
      const style: Partial<ExcelJS.Style> = { font: FONT, alignment: { vertical: 'top', wrapText: c.kind === 'text' } };
      if (numFmt) style.numFmt = numFmt;
      return style;
    });
    worksheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: widths[i], style: this.cellStyles[i] }));
    // Text columns whose longest value is wider than the column: their rows may need more than one line.
    this.wrapping = columns.flatMap((c, i) => (c.kind === 'text' && (contentLengths?.[i] ?? c.width) > widths[i] * 0.85 ? [i] : []));
    if (list) this.addHeader(columns.map((c) => c.header[options.lang]), columns.map((c) => c.kind !== 'text'));
  }

  /**
   * A bold heading row (the cells do not take the columns' number formats), as high as its longest heading wraps;
   * headings of number columns align right, over their numbers.
   */
  addHeader(texts: string[], numeric: boolean[] = []): number {
    const row = this.worksheet.addRow(texts);
    row.eachCell((cell, col) => {
      cell.style = numeric[col - 1] ? NUMBER_HEADING_STYLE : HEADING_STYLE;
    });
    const lines = Math.max(1, ...texts.map((text, i) => (text ? wrappedLines(text, (this.widths[i] ?? 10) / 1.05) : 1)));
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    row.commit();
    return this.nextRow++;
  }

  /** Writes one data row through the columns' value functions. Call `paced()` (or use `addRows`) to wait when needed. */
  addRow(row: Row): void {
    const values = new Array<CellValue>(this.columns.length);
    for (let i = 0; i < this.columns.length; i++) values[i] = this.columns[i].value(row);
    for (const i of this.totalColumns) this.totals[i] += this.columns[i].total!(row) ?? 0;
    const written = this.worksheet.addRow(values);
    for (let i = 0; i < this.cellStyles.length; i++) written.getCell(i + 1).style = this.cellStyles[i];
    if (this.wrapping.length) this.fitHeight(written, values);
    (written as unknown as { style: Partial<ExcelJS.Style> }).style = this.rowStyle;
    written.commit();
    this.firstDataRow ??= this.nextRow;
    this.lastDataRow = this.nextRow++;
    this.rowCount++;
  }

  /** Gives a row the height of its longest wrapped text (only long texts are looked at). */
  private fitHeight(row: ExcelJS.Row, values: CellValue[]): void {
    let lines = 1;
    for (const i of this.wrapping) {
      const value = values[i];
      if (typeof value === 'string' && value.length + 1 > this.widths[i]) lines = Math.max(lines, wrappedLines(value, this.widths[i]));
    }
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  }

  /** Writes a free-form row: plain values or cells with their own format. Returns its sheet row. */
  addCells(cells: (CellValue | StyledCell)[], options: { bold?: boolean } = {}): number {
    const isStyled = (c: CellValue | StyledCell): c is StyledCell => c !== null && typeof c === 'object' && !(c instanceof Date) && 'value' in c;
    const row = this.worksheet.addRow(cells.map((c) => (isStyled(c) ? c.value : c)));
    let lines = 1;
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const styled = isStyled(c) ? c : null;
      const style: Partial<ExcelJS.Style> = {
        font: styled?.bold || options.bold ? BOLD_FONT : FONT,
        alignment: { vertical: 'top', wrapText: styled?.wrap ?? typeof cell.value === 'string' },
      };
      if (styled?.numFmt) style.numFmt = styled.numFmt;
      cell.style = style;
      // A text that is told to wrap (a note, the certification) gets its lines.
      if (styled?.wrap && typeof styled.value === 'string') lines = Math.max(lines, wrappedLines(styled.value, this.widths[i] ?? 10));
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    row.commit();
    return this.nextRow++;
  }

  /**
   * A paragraph of text over all columns of the sheet (merged), wrapped, the row as high as its lines:
   * a certification, an explanation.
   */
  addParagraph(text: string): number {
    const rowNumber = this.nextRow;
    const row = this.worksheet.addRow([text]);
    row.getCell(1).style = { font: FONT, alignment: { vertical: 'top', wrapText: true } };
    const width = this.widths.reduce((sum, w) => sum + w, 0);
    row.height = wrappedLines(text, width) * LINE_HEIGHT;
    if (this.widths.length > 1) this.worksheet.mergeCells(rowNumber, 1, rowNumber, this.widths.length);
    row.commit();
    return this.nextRow++;
  }

  /**
   * The totals row under the data: the label in the first column, and for every column with a `total`
   * a SUM formula over the data rows whose cached value is the exact integer sum.
   */
  addTotalsRow(labelText: string): number {
    const first = this.firstDataRow ?? this.nextRow;
    const last = this.lastDataRow ?? this.nextRow - 1;
    const cells: StyledCell[] = this.columns.map((c, i) => {
      if (!c.total) return { value: i === 0 ? labelText : null };
      const sum = this.totals[i];
      const formula = sumFormula(i + 1, first, last, c.kind === 'euro' ? sum / 100 : sum);
      return { value: formula, numFmt: numFmtOf(c.kind) };
    });
    return this.addCells(cells, { bold: true });
  }

  /** The integer sum (cents or units) of a column with a `total`, over the rows written so far. */
  totalOf(columnIndex: number): number {
    return this.totals[columnIndex];
  }

  /** Writes the rows, pausing whenever the zip or the client lags behind. */
  async addRows(rows: readonly Row[]): Promise<void> {
    for (const row of rows) {
      this.addRow(row);
      if (++this.sinceCheck >= this.checkEvery) {
        this.sinceCheck = 0;
        await this.paced();
      }
    }
  }
  /**
   * Waits while the sheet's XML waits for the compressor beyond the limit, or while the output
   * (the HTTP response) wants draining. Returns at once when neither lags.
   */
  async paced(): Promise<void> {
    const signal = this.options.signal;
    signal?.throwIfAborted();
    try {
      for (const pipe of compressorInputs(this.worksheet)) {
        if (pendingBytes(pipe) > this.maxPending && needsDrain(pipe)) await once(pipe as never, 'drain', { signal });
      }
      const out = this.out as unknown as WritableLike;
      if (needsDrain(out) && !out.destroyed) await once(out as never, 'drain', { signal });
    } catch (error) {
      // Report why (the client went away), not just that a wait was cut short.
      throw signal?.aborted ? signal.reason : error;
    }
  }

  /** Ends the sheet; the next one may start. */
  commit(): void {
    this.worksheet.commit();
    this.committed = true;
  }
}
