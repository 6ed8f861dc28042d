import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AUTHORITY_SLUG } from '../src/demo/base.seed';
import { loadDemo } from '../src/demo/demo';
import { labels } from '../src/i18n/labels';
import { createTestApp, TestApp } from './harness';
import { binaryParser } from './xlsx-helpers';

/**
 * Every export of the demo city, read back as a clerk's LibreOffice would print it: no value cut off (wider than its
 * column without wrapping), no heading broken inside a word, one font, no raw code, A4 with a print header and footer.
 * With EXPORT_LAYOUT_DIR set, the files are also written there (to render them: libreoffice --headless --convert-to pdf).
 */
describe('Export layout (widths, headings, print setup, labels) of every export', () => {
  let t: TestApp;
  let office: string;
  let coordinator: string;
  let grantId: string;
  const books = new Map<string, ExcelJS.Workbook>();

  /** Every code of every label table that is not also a label (a cell showing one is a raw code). */
  const codes = new Set<string>();
  const labelTexts = new Set<string>();
  for (const table of Object.values(labels)) {
    for (const [code, text] of Object.entries(table)) {
      codes.add(code);
      labelTexts.add(text);
    }
  }

  const get = async (name: string, path: string, auth: string) => {
    const res = await t.http().get(path).set('Authorization', auth).buffer(true).parse(binaryParser as never).expect(200);
    const dir = process.env.EXPORT_LAYOUT_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.xlsx`), res.body as Buffer);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    books.set(name, book);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo(t.dataSource);
    const [o] = await t.dataSource.query(
      `SELECT u.id FROM users u JOIN authorities a ON a.id = u.authority_id WHERE u.role = 'office' AND a.slug = $1 ORDER BY u.email LIMIT 1`,
      [DEMO_AUTHORITY_SLUG],
    );
    const [c] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'it@grundschulen-nord.example'`);
    office = `Bearer ${t.tokenFor(o.id)}`;
    coordinator = `Bearer ${t.tokenFor(c.id)}`;
    [{ id: grantId }] = await t.dataSource.query(
      `SELECT g.id FROM grants g JOIN authorities a ON a.id = g.authority_id WHERE g.program = 'digitalpakt_basis' AND a.slug = $1 ORDER BY g.created_at LIMIT 1`,
      [DEMO_AUTHORITY_SLUG],
    );
    await get('inventar', '/api/v1/exports/inventory.xlsx', office);
    await get('ausleihen', '/api/v1/exports/loans.xlsx', coordinator);
    await get('abdeckung', '/api/v1/coverage.xlsx', office);
    await get('bedarfe', '/api/v1/needs.xlsx', office);
    await get('verwendungsnachweis', `/api/v1/grants/${grantId}/report.xlsx`, office);
    await get('verwendungsnachweis-koordination', `/api/v1/grants/${grantId}/report.xlsx`, coordinator);
  }, 180_000);
  afterAll(() => t.close());

  const sheets = () => [...books].flatMap(([file, book]) => book.worksheets.map((sheet) => ({ file, sheet })));
  /** The first rows of a sheet (the demo inventory has thousands; its columns were measured over all of them). */
  const eachRow = (sheet: ExcelJS.Worksheet, fn: (row: ExcelJS.Row) => void) => {
    for (let n = 1; n <= Math.min(sheet.rowCount, 600); n++) fn(sheet.getRow(n));
  };

  it('prints every sheet on A4 with the title, the authority, the date and "Seite X von Y"', () => {
    for (const { file, sheet } of sheets()) {
      const where = `${file}/${sheet.name}`;
      expect([where, sheet.pageSetup.paperSize]).toEqual([where, 9]);
      expect([where, sheet.headerFooter.oddHeader]).toEqual([where, expect.stringMatching(/^&L&B.+&B&R.*Musterstadt/)]);
      expect([where, sheet.headerFooter.oddFooter]).toEqual([where, expect.stringMatching(/^&L(Stand|Stichtag) \d\d\.\d\d\.\d{4}&C&A&RSeite &P von &N$/)]);
    }
  });

  it('repeats the heading row of every list on each printed page and keeps it frozen', () => {
    for (const { file, sheet } of sheets()) {
      if (sheet.views?.[0]?.state !== 'frozen') continue;
      expect([`${file}/${sheet.name}`, sheet.pageSetup.printTitlesRow]).toEqual([`${file}/${sheet.name}`, '1:1']);
    }
  });

  it('prints wide sheets landscape, one page wide or split at a readable scale', () => {
    const coverage = books.get('abdeckung')!.worksheets[0];
    expect(coverage.columnCount).toBeGreaterThan(15);
    expect(coverage.pageSetup.orientation).toBe('landscape');
    // too wide for one readable page: split across pages at 75 %, the school column repeated
    expect(coverage.pageSetup).toMatchObject({ fitToPage: false, scale: 75, printTitlesColumn: 'A:A', printTitlesRow: '1:1' });
    for (const { file, sheet } of sheets()) {
      const setup = sheet.pageSetup;
      const readable = (setup.fitToPage && setup.fitToWidth === 1) || (setup.scale ?? 100) >= 60;
      expect([`${file}/${sheet.name}`, readable]).toEqual([`${file}/${sheet.name}`, true]);
    }
  });

  it('makes every column at least as wide as the longest word of its heading (headings wrap only between words)', () => {
    for (const { file, sheet } of sheets()) {
      if (sheet.views?.[0]?.state !== 'frozen') continue;
      sheet.getRow(1).eachCell((cell, col) => {
        const longest = Math.max(...String(cell.value).split(/\s+/).map((w) => w.length));
        const width = sheet.getColumn(col).width ?? 8.43;
        expect([`${file}/${sheet.name}/${cell.value}`, width >= longest + 2]).toEqual([`${file}/${sheet.name}/${cell.value}`, true]);
        expect(cell.alignment?.wrapText).toBe(true);
      });
    }
  });

  it('cuts no value: a text longer than its column wraps inside its cell, numbers and dates fit', () => {
    let checked = 0;
    for (const { file, sheet } of sheets()) {
      eachRow(sheet, (row) => {
        row.eachCell((cell, col) => {
          const width = sheet.getColumn(col).width ?? 8.43;
          const where = `${file}/${sheet.name}!${cell.address}`;
          if (typeof cell.value === 'string') {
            // A column holds about `width` digits of the body font; letters vary, so allow 10 % more room per character.
            const fits = cell.value.length * 1.1 + 1 <= width;
            // Long free-form lines (a title, the certification text) may run on over empty cells to their right.
            const runsOn = sheet.getRow(row.number).cellCount === col || !row.getCell(col + 1).value;
            expect([where, fits || cell.alignment?.wrapText === true || runsOn]).toEqual([where, true]);
            checked++;
          } else if (typeof cell.value === 'number' && cell.numFmt?.includes('€')) {
            // 1.234.567,89 €
            const shown = `${Math.abs(cell.value).toFixed(2)} €`.length + Math.floor(Math.log10(Math.max(1, Math.abs(cell.value))) / 3) + 1;
            expect([where, shown + 1 <= width]).toEqual([where, true]);
          } else if (cell.value instanceof Date) {
            expect([where, width >= 11]).toEqual([where, true]);
          }
        });
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('uses one font for headings and body', () => {
    for (const { file, sheet } of sheets()) {
      eachRow(sheet, (row) => {
        row.eachCell((cell) => {
          expect([`${file}/${sheet.name}!${cell.address}`, cell.font?.name, cell.font?.size]).toEqual([`${file}/${sheet.name}!${cell.address}`, 'Calibri', 11]);
        });
      });
    }
  });

  it('shows every code in German from the label tables, never raw', () => {
    for (const { file, sheet } of sheets()) {
      eachRow(sheet, (row) => {
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string') return;
          const raw = codes.has(cell.value) && !labelTexts.has(cell.value);
          expect([`${file}/${sheet.name}!${cell.address}`, cell.value, raw]).toEqual([`${file}/${sheet.name}!${cell.address}`, cell.value, false]);
          // A list of codes ("charger, case") is raw too.
          const parts = cell.value.split(', ');
          if (parts.length > 1) expect([cell.address, parts.every((p) => codes.has(p))]).toEqual([cell.address, false]);
        });
      });
    }
  });
});
