import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { pdfText } from './pdf-text.mjs';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser, screenshot } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const VIEWER = 'controlling@musterstadt.example';
const unique = () => `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

/** Devices of the coordinator's school nobody else in this file takes (each call hands out fresh ones). */
async function availableDevices(api, count) {
  const items = (await api.get('/devices?status=available&sort=-updatedAt&limit=200')).body.items;
  availableDevices.taken ??= new Set();
  const free = items.filter((d) => !availableDevices.taken.has(d.id)).slice(-count);
  assert.equal(free.length, count, 'enough available demo devices');
  for (const d of free) availableDevices.taken.add(d.id);
  return free;
}

async function lend(api, device, borrowerName, extra = {}) {
  const res = await api.post('/loans', { deviceId: device.id, borrowerKind: 'student', borrowerName, borrowerClass: '9a', dueOn: '2027-07-31', agreementSigned: false, ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe('Ausleihen (coordinator)', () => {
  let browser;
  let api;
  before(async () => {
    api = await apiAs();
    browser = await openBrowser();
    await login(browser.page);
  });
  after(() => browser.close());

  it('lists running loans with the overdue ones marked, and the overdue count in the tab', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Ausleihen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausleihen' }).waitFor();
    await page.locator('table.loan-table tbody tr').first().waitFor();
    const overdue = (await api.get('/loans?state=overdue&limit=200')).body.items;
    assert.ok(overdue.length > 0, 'the demo has overdue loans');
    await page.getByRole('link', { name: `überfällig (${overdue.length})` }).waitFor();
    const first = (await api.get('/loans?state=active&limit=50')).body.items;
    const marked = await page.locator('table.loan-table tbody tr.overdue').count();
    assert.equal(marked, first.filter((l) => l.state === 'overdue').length, 'every overdue row of the page is marked');
    assert.ok(await page.getByText(first[0].borrowerName, { exact: false }).first().isVisible(), 'the coordinator sees the borrower');
    await expectNoAxeViolations(page, 'loans (coordinator)');
    await screenshot(page, 'loans');

    await page.getByRole('link', { name: `überfällig (${overdue.length})` }).click();
    await page.waitForURL(/state=overdue/);
    await page.waitForFunction((n) => document.querySelectorAll('table.loan-table tbody tr.overdue').length === Math.min(n, 50), overdue.length);
    assert.equal(await page.locator('table.loan-table tbody tr').count(), Math.min(overdue.length, 50));
    assert.equal(await page.locator('table.loan-table tbody tr:not(.overdue)').count(), 0);
  });

  it('extends a loan to a new due date', async () => {
    const { page } = browser;
    const [device] = await availableDevices(api, 1);
    const loan = await lend(api, device, `Verlängerung ${unique()}`);
    await page.goto(`/ausleihen?deviceId=${device.id}`);
    const extend = page.getByRole('button', { name: `Verlängern: ${loan.agreementNumber}` });
    await extend.click();
    const form = page.getByRole('form', { name: `Verlängern: ${loan.agreementNumber}` });
    // Opened with focus in its date; closed, focus back on "Verlängern".
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'spinbutton');
    await form.getByRole('spinbutton', { name: /^Tag/ }).click();
    await page.keyboard.type('15082027');
    await expectNoAxeViolations(page, 'extend form');
    await form.getByRole('button', { name: 'Verlängerung speichern' }).click();
    await page.getByText('Verlängert bis 15.08.2027.').waitFor();
    assert.equal((await api.get(`/loans/${loan.id}`)).body.dueOn, '2027-08-15');
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Verlängern: ${loan.agreementNumber}`);
  });

  it('marks the agreement as signed after the fact, and prints it again', async () => {
    const { page } = browser;
    const [device] = await availableDevices(api, 1);
    const loan = await lend(api, device, `Unterschrift ${unique()}`);
    await page.goto(`/ausleihen?deviceId=${device.id}`);
    const row = page.locator(`tr[data-loan="${loan.id}"]`);
    await row.getByText('nein', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Vereinbarung nachträglich als unterschrieben markieren: ${loan.agreementNumber}` }).click();
    await page.getByText(`Der Leihvertrag ${loan.agreementNumber} ist als unterschrieben vermerkt.`).waitFor();
    assert.equal((await api.get(`/loans/${loan.id}`)).body.agreementSigned, true);
    await row.getByText('ja', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: `Vereinbarung nachträglich als unterschrieben markieren: ${loan.agreementNumber}` }).count(), 0);
    const href = await page.getByRole('link', { name: `Leihvertrag drucken: ${loan.agreementNumber}` }).getAttribute('href');
    const pdf = await page.request.get(href);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.match((await pdfText(await pdf.body())).text, new RegExp(loan.agreementNumber));
  });

  it('class mode: one PDF with the agreements of the whole run, naming every borrower', async () => {
    const { page } = browser;
    const devices = await availableDevices(api, 3);
    const names = ['Şevval Yılmaz', 'Łucja Nowak', 'Jonas Müller'];
    await page.goto('/ausgabe');
    await page.getByRole('radio', { name: 'Klassensatz' }).click();
    await page.getByLabel('Klasse').fill('6d');
    await page.getByLabel('Name').focus();
    for (const [i, d] of devices.entries()) {
      await page.keyboard.type(names[i]);
      await page.keyboard.press('Enter');
      await page.keyboard.type(d.inventoryNumber, { delay: 10 });
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => document.querySelectorAll('.results li[data-state=ok]').length === 3, null, { timeout: 20_000 });
    await expectNoAxeViolations(page, 'class mode with the print button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Leihverträge der Klasse drucken (ein PDF)' }).click()]);
    assert.equal(download.suggestedFilename(), 'leihvertraege-6d.pdf');
    const { pages, text } = await pdfText(await readFile(await download.path()));
    for (const name of names) assert.ok(text.includes(name), `the PDF names ${name}`);
    for (const d of devices) assert.ok(text.includes(d.inventoryNumber), `the PDF names ${d.inventoryNumber}`);
    assert.ok(pages >= 3, 'one agreement per student');
  });

  it('at 375 px the loans fit without horizontal scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/ausleihen');
    await page.locator('table.loan-table tbody tr').first().waitFor();
    await expectNoHorizontalScroll(page, 'loans at 375 px');
    await expectNoAxeViolations(page, 'loans at 375 px');
    await screenshot(page, 'loans-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('Ausleihen (office and viewer)', () => {
  let browser;
  before(async () => (browser = await openBrowser()));
  after(() => browser.close());

  it('the office sees no personal data, erases a borrower after a confirmation, and exports with the filters', async () => {
    const { page } = browser;
    const coordinator = await apiAs();
    const office = await apiAs(OFFICE);
    const [device] = await availableDevices(coordinator, 1);
    const name = `Löschung ${unique()}`;
    const loan = await lend(coordinator, device, name);
    assert.equal((await coordinator.post(`/loans/${loan.id}/return`, { condition: 'ok' })).status, 200);

    await login(page, OFFICE);
    await page.goto(`/ausleihen?state=returned&schoolId=${loan.schoolId}&deviceId=${device.id}`);
    const row = page.locator(`tr[data-loan="${loan.id}"]`);
    await row.getByText('nur für die Schule sichtbar').waitFor();
    assert.equal(await page.getByText(name).count(), 0, 'no borrower names for the office');
    await expectNoAxeViolations(page, 'loans (office)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportieren (Excel)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    assert.ok(cells.includes(device.inventoryNumber), 'the export (filtered to the device) holds the returned loan');
    assert.ok(cells.includes('zurückgegeben'));
    assert.ok(!cells.some((c) => c.includes(name)), 'and no borrower name');

    const school = (await office.get(`/schools/${loan.schoolId}`)).body;
    await page.locator('main .select').filter({ hasText: /^Schule/ }).last().getByRole('button').click();
    await page.getByRole('option', { name: school.name, exact: true }).click();
    await page.getByLabel('Name der Person').fill(name);
    await page.getByRole('button', { name: 'Daten löschen …' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Daten wirklich löschen?' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(name));
    await expectNoAxeViolations(page, 'erasure confirmation');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await page.getByText('Gelöscht: die Angaben aus 1 zurückgegebenen Ausleihe(n).').waitFor();
    const erased = (await coordinator.get(`/loans/${loan.id}`)).body;
    assert.equal(erased.personalDataErased, true);
    assert.equal(erased.borrowerName, null);
  });

  it('the viewer reads the loans without any write control', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await login(page, VIEWER);
    await page.goto('/ausleihen');
    await page.locator('table.loan-table tbody tr').first().waitFor();
    for (const name of [/^Verlängern/, /^Vereinbarung nachträglich/, /^Daten löschen/]) assert.equal(await page.getByRole('button', { name }).count(), 0, `no ${name} for a viewer`);
    await page.getByRole('link', { name: 'Exportieren (Excel)' }).waitFor();
    await expectNoAxeViolations(page, 'loans (viewer)');
  });
});
