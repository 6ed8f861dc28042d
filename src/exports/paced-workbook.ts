import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CellValue, ColumnDef, columnLetter, ExportLang, numFmtOf } from './xlsx-format';

/**
 * How much worksheet XML may wait for the zip compressor before the writer pauses. ExcelJS's row commit
 * never waits: it pushes XML into a PassThrough that archiver drains only as fast as deflate and the
 * client go. Unpaced, a million rows piled up above 500 MB; paced, memory stays flat.
 */
export const DEFAULT_MAX_PENDING_BYTES = 1 << 20;
/** Rows between two looks at the buffers; a look costs a few property reads. */
export const DEFAULT_CHECK_EVERY = 64;

export interface PacedWorkbookOptions {
  lang: ExportLang;
  /** Aborts the waits (client gone): the pending write rejects with an AbortError. */
  signal?: AbortSignal;
  maxPendingBytes?: number;
  checkEvery?: number;
}

export interface SheetOptions {
  /** Landscape, fit to one page wide, header row repeated on every page (default true). */
  landscape?: boolean;
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
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.book.creator = 'Schul-IT-Inventar';
  }

  /** Starts a sheet with a bold, frozen, filterable header row of the columns' headings. */
  addSheet<Row>(name: string, columns: ColumnDef<Row>[], options: SheetOptions = {}): SheetWriter<Row> {
    if (this.current && !this.current.committed) throw new Error(`Commit sheet ${this.current.name} before starting ${name}`);
    const landscape = options.landscape ?? true;
    const worksheet = this.book.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
      pageSetup: {
        orientation: landscape ? 'landscape' : 'portrait',
        paperSize: 9, // A4
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages long as needed
        printTitlesRow: '1:1',
      },
      autoFilter: columns.length ? `A1:${columnLetter(columns.length)}1` : undefined,
    } as Partial<ExcelJS.AddWorksheetOptions>);
    const sheet = new SheetWriter<Row>(name, worksheet, columns, this.out, this.options);
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
  /** Data rows written (the header row not counted). */
  rowCount = 0;
  committed = false;

  constructor(
    readonly name: string,
    private readonly worksheet: ExcelJS.Worksheet,
    readonly columns: ColumnDef<Row>[],
    private readonly out: Writable,
    private readonly options: PacedWorkbookOptions,
  ) {
    this.checkEvery = options.checkEvery ?? DEFAULT_CHECK_EVERY;
    this.maxPending = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;
    worksheet.columns = columns.map((c, i) => {
      const numFmt = numFmtOf(c.kind);
      return { key: `c${i}`, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const header = worksheet.addRow(columns.map((c) => c.header[options.lang]));
    header.eachCell((cell) => {
      // The header cells must not inherit the columns' number formats.
      cell.style = { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true } };
    });
    header.commit();
  }

  /** The 1-based sheet row of the first data row. */
  get firstDataRow(): number {
    return 2;
  }

  /** The sheet row of the last data row written so far (1 when none). */
  get lastDataRow(): number {
    return 1 + this.rowCount;
  }

  /** Writes one data row through the columns' value functions. Call `paced()` (or use `addRows`) to wait when needed. */
  addRow(row: Row): void {
    const values = new Array<CellValue>(this.columns.length);
    for (let i = 0; i < this.columns.length; i++) values[i] = this.columns[i].value(row);
    this.worksheet.addRow(values).commit();
    this.rowCount++;
  }

  /** Writes a row of raw cell values (totals, notes), optionally bold; does not count as a data row. */
  addExtraRow(values: CellValue[], options: { bold?: boolean } = {}): void {
    const row = this.worksheet.addRow(values);
    if (options.bold) row.eachCell((cell) => (cell.font = { bold: true }));
    row.commit();
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
    for (const pipe of pipes) {
      if (pendingBytes(pipe) > this.maxPending && needsDrain(pipe)) await once(pipe as never, 'drain', { signal });
    }
    const out = this.out as unknown as WritableLike;
    if (needsDrain(out) && !out.destroyed) await once(out as never, 'drain', { signal });
  }

  /** Ends the sheet; the next one may start. */
  commit(): void {
    this.worksheet.commit();
    this.committed = true;
  }
}
