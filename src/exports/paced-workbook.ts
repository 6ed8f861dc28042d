import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CellValue, ColumnDef, columnLetter, ExportLang, numFmtOf, StyledCell, sumFormula } from './xlsx-format';

/**
 * How much worksheet XML may wait for the zip compressor before the writer pauses. ExcelJS's row commit
 * never waits: it pushes XML into a PassThrough that archiver drains only as fast as deflate and the
 * client go. Unpaced, a million rows piled up above 500 MB; paced, memory stays flat.
 */
export const DEFAULT_MAX_PENDING_BYTES = 256 * 1024;
/**
 * archiver's default (zlib's fastest). Level 6 makes files about 20 % smaller for some 15 % more CPU per row,
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
  /** Landscape (default) or portrait; always fit to one page wide. */
  landscape?: boolean;
  /**
   * A list sheet (default): row 1 is the columns' bold headings, frozen, with an autofilter, repeated on every printed page.
   * Without it the sheet is free-form (an overview): the columns give only widths, rows bring their own formats.
   */
  header?: boolean;
}

/** Stream-like things we may wait on: Node streams and archiver's readable-stream v2 ones. */
interface WritableLike {
  writableLength?: number;
  writableNeedDrain?: boolean;
  destroyed?: boolean;
  _writableState?: { length: number; needDrain: boolean };
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

function pendingBytes(s: WritableLike): number {
  return s.writableLength ?? s._writableState?.length ?? 0;
}

function needsDrain(s: WritableLike): boolean {
  return s.writableNeedDrain ?? s._writableState?.needDrain ?? false;
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

  /** Starts a sheet; a list sheet gets a bold, frozen, filterable header row of the columns' headings. */
  addSheet<Row>(name: string, columns: ColumnDef<Row>[], options: SheetOptions = {}): SheetWriter<Row> {
    if (this.current && !this.current.committed) throw new Error(`Commit sheet ${this.current.name} before starting ${name}`);
    const list = options.header ?? true;
    const worksheet = this.book.addWorksheet(name, {
      views: list ? [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] : [],
      pageSetup: {
        orientation: options.landscape === false ? 'portrait' : 'landscape',
        paperSize: 9, // A4
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages long as needed
        ...(list ? { printTitlesRow: '1:1' } : {}),
      },
      autoFilter: list && columns.length ? `A1:${columnLetter(columns.length)}1` : undefined,
    } as Partial<ExcelJS.AddWorksheetOptions>);
    const sheet = new SheetWriter<Row>(name, worksheet, columns, this.out, this.options, list);
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
    private readonly out: Writable,
    private readonly options: PacedWorkbookOptions,
    list: boolean,
  ) {
    this.checkEvery = options.checkEvery ?? DEFAULT_CHECK_EVERY;
    this.maxPending = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;
    this.totals = columns.map(() => 0);
    this.totalColumns = columns.flatMap((c, i) => (c.total ? [i] : []));
    this.cellStyles = columns.map((c) => {
      const numFmt = list ? numFmtOf(c.kind) : undefined;
      return numFmt ? { numFmt } : {};
    });
    worksheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width, style: this.cellStyles[i] }));
    if (list) this.addHeader(columns.map((c) => c.header[options.lang]));
  }

  /** A bold heading row (the cells do not take the columns' number formats). */
  addHeader(texts: string[]): number {
    const row = this.worksheet.addRow(texts);
    row.eachCell((cell) => {
      cell.style = { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true } };
    });
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
    (written as unknown as { style: Partial<ExcelJS.Style> }).style = this.rowStyle;
    written.commit();
    this.firstDataRow ??= this.nextRow;
    this.lastDataRow = this.nextRow++;
    this.rowCount++;
  }

  /** Writes a free-form row: plain values or cells with their own format. Returns its sheet row. */
  addCells(cells: (CellValue | StyledCell)[], options: { bold?: boolean } = {}): number {
    const isStyled = (c: CellValue | StyledCell): c is StyledCell => c !== null && typeof c === 'object' && !(c instanceof Date) && 'value' in c;
    const row = this.worksheet.addRow(cells.map((c) => (isStyled(c) ? c.value : c)));
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const styled = isStyled(c) ? c : null;
      if (styled?.numFmt) cell.numFmt = styled.numFmt;
      if (styled?.bold || options.bold) cell.font = { bold: true };
    });
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
    // `stream` is ExcelJS's buffer for this sheet; its `pipes` are what archiver reads it through.
    const pipes = ((this.worksheet as unknown as { stream?: { pipes?: WritableLike[] } }).stream?.pipes ?? []) as WritableLike[];
    try {
      for (const pipe of pipes) {
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
