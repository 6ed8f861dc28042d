import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser, screenshot } from './support.mjs';

/** A stocktaking of two rooms of the Goethe-Gymnasium, counted as its coordinator does it (devices made for the test). */
describe('Inventur (stocktaking)', () => {
  let browser;
  let api;
  let schoolId;
  const stamp = Date.now().toString(36).toUpperCase();
  const [roomA, roomB] = [`Raum A-${stamp}`, `Raum B-${stamp}`];
  const number = (n) => `INV-${stamp}-${n}`;
  let stocktakingId;

  before(async () => {
    api = await apiAs();
    schoolId = (await api.get('/schools?limit=5')).body.items[0].id;
    // Only one open stocktaking per school: close one a former run left open.
    for (const st of (await api.get(`/stocktakings?schoolId=${schoolId}&status=open`)).body.items) await api.post(`/stocktakings/${st.id}/close`, { missing: 'keep_open' });
    const devices = [
      [1, roomA],
      [2, roomA],
      [3, roomA],
      [4, roomB],
    ];
    for (const [n, location] of devices) {
      const res = await api.post('/devices', { schoolId, inventoryNumber: number(n), type: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad L13', location });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    browser = await openBrowser();
    await login(browser.page);
  });
  after(() => browser.close());

  it('lists stocktakings and schools due; starts one for two rooms', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Inventur' }).click();
    await page.getByRole('heading', { name: 'Inventur', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Schulen mit fälliger Inventur' }).waitFor();
    await page.getByRole('table', { name: 'Schulen mit fälliger Inventur' }).waitFor();
    await expectNoAxeViolations(page, 'stocktakings list');
    await screenshot(page, 'stocktakings');
    await page.getByLabel(/^Nur diese Räume/).fill(`${roomA}\n${roomB}`);
    await page.getByRole('button', { name: 'Inventur beginnen' }).click();
    await page.getByRole('heading', { name: /^Inventur: / , level: 1 }).waitFor();
    stocktakingId = page.url().split('/inventur/')[1];
    const st = (await api.get(`/stocktakings/${stocktakingId}`)).body;
    assert.deepEqual(st.rooms, [roomA, roomB]);
    assert.equal(st.expected, 4);
  });

  it('scans at scanner speed: found, other room, unknown, duplicate; the counts follow; the focus stays in the field', async () => {
    const { page } = browser;
    const field = page.getByLabel('Inventar- oder Seriennummer scannen');
    await field.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'scan', 'the scan field has the focus');
    // The room select starts on the first room (A).
    const unknown = `UNBEKANNT-${stamp}`;
    for (const code of [number(1).toLowerCase(), number(4), unknown, number(1)]) {
      await page.keyboard.type(code, { delay: 10 });
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => document.querySelectorAll('.scans li[data-state=done]').length === 4, null, { timeout: 20_000 });
    const results = await page.locator('.scans li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.scan-tag').textContent, li.dataset.result, li.querySelector('strong').textContent]));
    assert.deepEqual(
      results.map(([tag, result]) => [tag, result]),
      [
        [number(1), 'duplicate'],
        [unknown, 'unknown'],
        [number(4), 'found_elsewhere'],
        [number(1).toLowerCase(), 'found'],
      ],
    );
    assert.equal(results[2][2], `an anderem Ort gefunden (gehört in ${roomB})`);
    assert.equal(results[0][2], 'schon gezählt');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'scan', 'the focus stayed in the scan field');
    assert.match(await page.locator('[role=status][aria-live=polite]').first().textContent(), new RegExp(`${number(1)}: schon gezählt`));
    // The running counts on the screen are the API's.
    const api_ = (await api.get(`/stocktakings/${stocktakingId}`)).body;
    const rowA = page.locator(`tr[data-room="${roomA}"]`);
    await page.waitForFunction((room) => document.querySelector(`tr[data-room="${room}"] td.found`)?.textContent === '1', roomA);
    const progressA = api_.progress.find((p) => p.room === roomA);
    assert.deepEqual(
      await rowA.locator('td').allTextContents(),
      [progressA.expected, progressA.found, progressA.missing, progressA.foundElsewhere, progressA.unknown].map(String),
    );
    assert.deepEqual([progressA.expected, progressA.found, progressA.missing, progressA.unknown], [3, 1, 2, 1]);
    await expectNoAxeViolations(page, 'counting screen with results');
    await screenshot(page, 'stocktaking');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalScroll(page, 'counting screen at 375 px');
    await expectNoAxeViolations(page, 'counting screen at 375 px');
    await screenshot(page, 'stocktaking-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('closes with one missing device marked lost and one kept open; the Inventurliste says so', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Abschluss vorbereiten' }).click();
    await page.getByRole('table', { name: 'Inventur abschließen' }).waitFor();
    const missing = await page.getByRole('table', { name: 'Inventur abschließen' }).locator('tbody th').allTextContents();
    assert.deepEqual(missing, [number(2), number(3)]);
    await page.getByRole('radiogroup', { name: `Entscheidung: ${number(2)}` }).getByRole('radio', { name: 'als verloren buchen' }).check({ force: true });
    await expectNoAxeViolations(page, 'closing a stocktaking');
    await screenshot(page, 'stocktaking-close');
    await page.getByRole('button', { name: 'Inventur abschließen' }).click();
    // Asked first, naming how many devices are booked lost.
    await page.getByRole('alertdialog', { name: '1 Geräte als verloren buchen?' }).getByRole('button', { name: 'Abschließen und 1 als verloren buchen' }).click();
    await page.getByText('Die Inventur ist abgeschlossen: 1 Geräte als verloren gebucht.').waitFor();
    assert.equal((await api.get(`/devices/by-tag/${number(2)}`)).body.status, 'lost');
    assert.equal((await api.get(`/devices/by-tag/${number(3)}`)).body.status, 'available');
    assert.equal((await api.get(`/stocktakings/${stocktakingId}`)).body.status, 'closed');
    // Read-only now: no scan field, no close.
    assert.equal(await page.getByLabel('Inventar- oder Seriennummer scannen').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Abschluss vorbereiten' }).count(), 0);
    await page.getByText('Diese Inventur ist abgeschlossen und kann nicht mehr geändert werden.').waitFor();
    await expectNoAxeViolations(page, 'a closed stocktaking');
    await screenshot(page, 'stocktaking-closed');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Inventurliste herunterladen (Excel)' }).click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file));
    const rows = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => rows.push(row.values.slice(1).map((v) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v)))));
    const rowOf = (n) => rows.find((r) => r.includes(number(n)));
    assert.ok(rowOf(1).includes('gefunden'), JSON.stringify(rowOf(1)));
    assert.ok(rowOf(2).includes('als verloren gemeldet'), JSON.stringify(rowOf(2)));
    assert.ok(rowOf(3).includes('offen gelassen'), JSON.stringify(rowOf(3)));
    assert.ok(rowOf(4).includes(roomB) && rowOf(4).includes(roomA), `expected in room B, found in room A: ${JSON.stringify(rowOf(4))}`);
    assert.ok(rows.some((r) => r.includes(`UNBEKANNT-${stamp}`)), 'the unknown scan is listed');
  });

  it('a viewer reads the stocktakings but cannot start, scan or close', async () => {
    const viewer = await openBrowser();
    try {
      await login(viewer.page, 'controlling@musterstadt.example');
      await viewer.page.goto('/inventur');
      await viewer.page.getByRole('heading', { name: 'Inventur', level: 1 }).waitFor();
      await viewer.page.getByText('Sie haben Lesezugriff').first().waitFor();
      assert.equal(await viewer.page.getByRole('button', { name: 'Inventur beginnen' }).count(), 0);
      await viewer.page.goto(`/inventur/${stocktakingId}`);
      await viewer.page.getByRole('heading', { name: /^Inventur: /, level: 1 }).waitFor();
      await viewer.page.getByRole('link', { name: 'Inventurliste herunterladen (Excel)' }).waitFor();
      assert.equal(await viewer.page.getByLabel('Inventar- oder Seriennummer scannen').count(), 0);
      assert.equal(await viewer.page.getByRole('button', { name: 'Abschluss vorbereiten' }).count(), 0);
      await expectNoAxeViolations(viewer.page, 'a stocktaking for a viewer');
    } finally {
      await viewer.close();
    }
  });
});
