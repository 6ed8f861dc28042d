import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { pendingBytes } from '../common/stream-backlog';
import { compressorInputs, PacedWorkbook } from './paced-workbook';
import { ColumnDef, euros, excelDate } from './xlsx-format';

interface Row {
  n: number;
  cents: number;
  date: string;
}

const columns: ColumnDef<Row>[] = [
  { header: { de: 'Nummer', en: 'Number' }, width: 10, kind: 'integer', value: (r) => r.n },
  { header: { de: 'Betrag', en: 'Amount' }, width: 12, kind: 'euro', value: (r) => euros(r.cents), total: (r) => r.cents },
  { header: { de: 'Datum', en: 'Date' }, width: 12, kind: 'date', value: (r) => excelDate(r.date) },
  { header: { de: 'Text', en: 'Text' }, width: 40, kind: 'text', value: (r) => `Zeile ${r.n} mit etwas Text, damit die Datei wächst` },
];

const rows = (count: number): Row[] => Array.from({ length: count }, (_, i) => ({ n: i + 1, cents: i * 7 + 1, date: '2025-12-31' }));

/** A sink that keeps every byte, and that can be stalled: while stalled it takes writes but never completes them. */
class StallableSink extends Writable {
  readonly chunks: Buffer[] = [];
  private stalled: (() => void)[] | null = [];
  maxBuffered = 0;

  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    if (this.stalled) this.stalled.push(callback);
    else setImmediate(callback);
  }

  release(): void {
    const waiting = this.stalled ?? [];
    this.stalled = null;
    for (const callback of waiting) callback();
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('PacedWorkbook', () => {
  it('stops writing rows while the output does not drain, and continues when it does', async () => {
    const sink = new StallableSink();
    const book = new PacedWorkbook(sink, { lang: 'de', maxPendingBytes: 64 * 1024, checkEvery: 16 });
    const sheet = book.addSheet('Daten', columns);
    let done = false;
    const writing = sheet.addRows(rows(30_000)).then(() => (done = true));
    for (let i = 0; i < 10; i++) await tick();
    // The stalled client holds the writer back: only a small part of the rows is written, the rest waits.
    expect(done).toBe(false);
    const whileStalled = sheet.rowCount;
    expect(whileStalled).toBeGreaterThan(0);
    expect(whileStalled).toBeLessThan(10_000);
    await tick();
    expect(sheet.rowCount).toBe(whileStalled);

    sink.release();
    await writing;
    expect(sheet.rowCount).toBe(30_000);
    sheet.commit();
    await book.commit();

    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.concat(sink.chunks) as never);
    const ws = read.getWorksheet('Daten')!;
    expect(ws.rowCount).toBe(30_001);
    expect(ws.getCell('A30001').value).toBe(30_000);
    expect(ws.getCell('B30001').value).toBe(euros(29_999 * 7 + 1));
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00 €');
    expect(ws.getCell('C2').value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(ws.getCell('C2').numFmt).toBe('dd.mm.yyyy');
  });

  it('rejects the pending write when the client goes away', async () => {
    const sink = new StallableSink();
    const controller = new AbortController();
    const book = new PacedWorkbook(sink, { lang: 'de', signal: controller.signal, checkEvery: 16 });
    const sheet = book.addSheet('Daten', columns);
    const writing = sheet.addRows(rows(30_000));
    await tick();
    controller.abort(new Error('client gone'));
    await expect(writing).rejects.toThrow('client gone');
    expect(sheet.rowCount).toBeLessThan(30_000);
    book.abort();
  });

  it('keeps the XML waiting for the compressor bounded even when the output is fast', async () => {
    /** What ExcelJS's sheet buffer has handed to archiver but the compressor has not taken yet. */
    const pendingOf = (sheet: unknown) => {
      const pipes = compressorInputs((sheet as { worksheet: ExcelJS.Worksheet }).worksheet);
      // ExcelJS's private part this relies on: an open sheet's buffer is piped to the compressor (see compressorInputs).
      expect(pipes.length).toBeGreaterThan(0);
      return pipes.reduce((sum, p) => sum + pendingBytes(p), 0);
    };
    const measure = async (paced: boolean) => {
      const sink = new StallableSink();
      sink.release();
      const book = new PacedWorkbook(sink, { lang: 'de', maxPendingBytes: 128 * 1024, checkEvery: 16 });
      const sheet = book.addSheet('Daten', columns);
      let max = 0;
      const all = rows(20_000);
      for (let i = 0; i < all.length; i += 500) {
        const chunk = all.slice(i, i + 500);
        if (paced) await sheet.addRows(chunk);
        else for (const row of chunk) sheet.addRow(row);
        max = Math.max(max, pendingOf(sheet));
        await new Promise((resolve) => setImmediate(resolve)); // a database round trip would yield like this
      }
      sheet.commit();
      await book.commit();
      return max;
    };
    const unpaced = await measure(false);
    const paced = await measure(true);
    // Unpaced, the backlog grows with the file; paced, it stays near the limit (plus one 64 KB buffer of ExcelJS and one check interval).
    expect(unpaced).toBeGreaterThan(1024 * 1024);
    expect(paced).toBeLessThan(128 * 1024 + 64 * 1024 + 16 * 200);
  });

  it('writes one sheet after another and refuses a second open sheet', async () => {
    const sink = new StallableSink();
    sink.release();
    const book = new PacedWorkbook(sink, { lang: 'en' });
    const first = book.addSheet('One', columns);
    await first.addRows(rows(3));
    expect(first.addTotalsRow('Sum')).toBe(5);
    expect(() => book.addSheet('Two', columns)).toThrow(/Commit sheet One/);
    first.commit();
    const second = book.addSheet('Two', columns, { landscape: false });
    second.addCells(['Total', { formula: 'SUM(B2:B4)', result: 0.24 }], { bold: true });
    second.commit();
    await book.commit();

    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.concat(sink.chunks) as never);
    expect(read.worksheets.map((s) => s.name)).toEqual(['One', 'Two']);
    const one = read.getWorksheet('One')!;
    expect(one.getCell('A1').value).toBe('Number');
    // 0.01 + 0.08 + 0.15: the cached value is the integer cent sum, not a float sum
    expect(one.getCell('B5').value).toEqual({ formula: 'SUM(B2:B4)', result: 0.24 });
    expect(one.getCell('B5').numFmt).toBe('#,##0.00 €');
    expect(one.getCell('A5').value).toBe('Sum');
    expect(one.getCell('A5').font?.bold).toBe(true);
    const two = read.getWorksheet('Two')!;
    expect(two.pageSetup.orientation).toBe('portrait');
    expect(two.getCell('B2').value).toEqual({ formula: 'SUM(B2:B4)', result: 0.24 });
    expect(two.getCell('A2').font?.bold).toBe(true);
  });
});
