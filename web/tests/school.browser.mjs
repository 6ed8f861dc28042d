import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser } from './support.mjs';

/** SCREENSHOT_DIR=… keeps a PNG of each screen (to look at them; the tests do not need them). */
async function shot(page, name) {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function pdfText(buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) text += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => i.str ?? '').join(' ');
  return text;
}

const csv = (lines) => Buffer.from(lines.map((l) => l.join(';')).join('\r\n'), 'utf8');

/** The coordinator's import, needs and school screens, on the demo data (each test makes its own records). */
describe('Lieferliste, Bedarfsmeldungen, Meine Schule (the coordinator)', () => {
  let browser;
  let api;
  let schoolId;
  const stamp = Date.now().toString(36).toUpperCase();
  before(async () => {
    api = await apiAs();
    schoolId = (await api.get('/schools?limit=5')).body.items[0].id;
    browser = await openBrowser();
    await login(browser.page);
  });
  after(() => browser.close());

  it('import: the dry run shows the problems of bad rows by row and column, and imports nothing', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Lieferliste importieren' }).click();
    await page.getByRole('heading', { name: 'Lieferliste importieren', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'import screen');
    const file = csv([
      ['Inventarnummer', 'Typ', 'Hersteller', 'Modell', 'Preis'],
      [`BAD-${stamp}-1`, 'Laptop', 'Lenovo', 'ThinkPad L13', '1.234,56'],
      [`BAD-${stamp}-2`, 'Toaster', 'Lenovo', 'ThinkPad L13', '899,00'],
      [`BAD-${stamp}-3`, 'Tablet', 'Apple', '', 'teuer'],
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: 'lieferung-fehler.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Probelauf' }).click();
    const table = page.getByRole('table', { name: 'Probleme' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(
      rows.map(([row, column]) => [row, column]),
      [['3', 'Typ'], ['4', 'Modell'], ['4', 'Preis']],
    );
    assert.match(rows[0][2], /Toaster/);
    assert.match(await page.getByText(/Probleme gefunden/).first().textContent(), /3 Probleme gefunden/);
    assert.equal(await page.getByRole('button', { name: /Geräte importieren/ }).count(), 0, 'no import while there are problems');
    await shot(page, 'import-problems');
    await expectNoAxeViolations(page, 'import dry run with problems');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalScroll(page, 'import problems at 375 px');
    await shot(page, 'import-problems-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    const device = await api.get(`/devices/by-tag/BAD-${stamp}-1`);
    assert.equal(device.status, 404, 'the dry run wrote nothing');
  });

  it('import: a good list is imported; the labels PDF of exactly its devices holds their inventory numbers', async () => {
    const { page } = browser;
    const numbers = [1, 2, 3].map((n) => `NEU-${stamp}-${n}`);
    const file = csv([
      ['Inventarnummer', 'Seriennummer', 'Typ', 'Hersteller', 'Modell', 'Kaufdatum', 'Preis', 'Raum'],
      ...numbers.map((n, i) => [n, `SN${stamp}${i}`, 'Tablet', 'Apple', 'iPad 10.9', '15.08.2026', '479,00', 'Raum 12']),
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: 'lieferung.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('Keine Probleme gefunden. Sie können jetzt importieren.').first().waitFor();
    await page.getByRole('button', { name: '3 Geräte importieren' }).click();
    await page.getByText('3 Geräte wurden angelegt.').waitFor();
    const created = await page.getByRole('table', { name: 'Angelegte Geräte' }).locator('tbody td:nth-child(2)').allTextContents();
    assert.deepEqual(created, numbers);
    for (const n of numbers) {
      const d = await api.get(`/devices/by-tag/${n}`);
      assert.equal(d.status, 200);
      assert.equal(d.body.schoolId, schoolId);
      assert.equal(d.body.purchasePriceCents, 47900);
      assert.equal(d.body.location, 'Raum 12');
    }
    await expectNoAxeViolations(page, 'import result with labels');
    await shot(page, 'import-done');
    await page.getByLabel('Beginnen bei Etikett').fill('4');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Etiketten drucken' }).click();
    const pdfPath = await (await download).path();
    const pdf = readFileSync(pdfPath);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = await pdfText(pdf);
    for (const n of numbers) assert.ok(text.includes(n), `the labels name ${n}`);
    assert.deepEqual([...new Set(text.match(new RegExp(`NEU-${stamp}-\\d`, 'g')))].sort(), numbers, 'the labels of exactly these devices');
    for (const n of numbers) assert.ok((await api.get(`/devices/by-tag/${n}`)).body.labelledAt, `${n} is marked labelled`);
  });
});
