import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { pdfText } from './pdf-text.mjs';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser, screenshot } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const VIEWER = 'controlling@musterstadt.example';
const unique = () => `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
const rows = (page) => page.locator('table.device-table tbody tr');

/** Picks an option of the React Aria select labelled `field`. */
async function chooseOption(page, field, option) {
  await page.locator('main .select').filter({ hasText: new RegExp(`^${field}`) }).getByRole('button').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The Goethe-Gymnasium's coordinator: the school's devices. */
describe('Geräte (coordinator)', () => {
  let browser;
  let api;
  let schoolId;
  before(async () => {
    api = await apiAs();
    schoolId = (await api.get('/schools')).body.items[0].id;
    browser = await openBrowser();
    await login(browser.page);
  });
  after(() => browser.close());

  const createDevice = async (extra = {}) => {
    const res = await api.post('/devices', { schoolId, inventoryNumber: `TEST-${unique()}`, type: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad L13', location: 'Raum 101', ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  it('lists the school’s devices, filters by status through the URL, searches and loads more', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Geräte', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Geräte' }).waitFor();
    await rows(page).first().waitFor();
    assert.equal(await rows(page).count(), 50, 'the first page holds 50 devices');
    await expectNoAxeViolations(page, 'device list');
    await screenshot(page, 'devices');
    await page.getByRole('button', { name: 'Weitere laden' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.device-table tbody tr').length > 50);
    const expected = (await api.get('/devices?limit=100')).body.items.map((d) => d.inventoryNumber);
    const shown = await page.locator('table.device-table tbody th').allTextContents();
    assert.deepEqual(shown, expected.slice(0, shown.length), 'the second page follows the first, in inventory order');

    await chooseOption(page, 'Status', 'verliehen');
    await page.waitForURL(/status=loaned/);
    await page.waitForFunction(() => [...document.querySelectorAll('table.device-table tbody tr')].every((r) => r.textContent.includes('verliehen')));
    const loaned = (await api.get('/devices?status=loaned&limit=200')).body.items.length;
    assert.equal(await rows(page).count(), Math.min(loaned, 50));
    // The filter survives a reload (it is in the URL).
    await page.reload();
    await rows(page).first().waitFor();
    assert.match(await page.locator('.select').filter({ hasText: /^Status/ }).getByRole('button').textContent(), /verliehen/);

    const target = expected[3];
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.getByLabel('Suchen (Inventar-, Seriennummer, Modell)').fill(target);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(target)}`));
    await page.waitForFunction((n) => {
      const r = [...document.querySelectorAll('table.device-table tbody th')];
      return r.length >= 1 && r.every((th) => th.textContent.includes(n));
    }, target);
  });

  it('filters by room and "noch nicht etikettiert"', async () => {
    const { page } = browser;
    const room = `Raum T${unique()}`;
    const device = await createDevice({ location: room });
    await page.goto(`/geraete?location=${encodeURIComponent(room.toLowerCase())}&notLabelled=true`);
    await page.getByRole('rowheader', { name: device.inventoryNumber }).waitFor();
    assert.equal(await rows(page).count(), 1);
    assert.equal(await page.getByRole('checkbox', { name: 'noch nicht etikettiert' }).isChecked(), true);
  });

  it('prints labels for two selected devices: a PDF holding their inventory numbers', async () => {
    const { page } = browser;
    const a = await createDevice({ location: 'Etikettenraum' });
    const b = await createDevice({ location: 'Etikettenraum' });
    await page.goto('/geraete?location=Etikettenraum&notLabelled=true');
    await page.getByRole('rowheader', { name: a.inventoryNumber }).waitFor();
    await page.getByRole('checkbox', { name: `Auswählen: ${a.inventoryNumber}` }).check({ force: true });
    await page.getByRole('checkbox', { name: `Auswählen: ${b.inventoryNumber}` }).check({ force: true });
    await page.getByRole('button', { name: 'Etiketten drucken' }).click();
    await page.getByRole('radio', { name: 'die 2 ausgewählten Geräte' }).waitFor();
    await chooseOption(page, 'Etikettenbogen', 'Avery Zweckform L4736 (45,7 × 21,2 mm, 48 je Bogen)');
    await page.getByLabel('erstes freies Etikett').fill('5');
    await expectNoAxeViolations(page, 'labels panel');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF erzeugen' }).click()]);
    const pdf = await readFile(await download.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { text } = await pdfText(pdf);
    assert.ok(text.includes(a.inventoryNumber) && text.includes(b.inventoryNumber), `the labels name both devices: ${text.slice(0, 300)}`);
    await page.getByText('Das PDF mit den Etiketten wurde heruntergeladen.').waitFor();
    for (const d of [a, b]) assert.ok((await api.get(`/devices/${d.id}`)).body.labelledAt, 'the device is marked as labelled');
  });

  it('detail with history (newest first) and the current loan', async () => {
    const { page } = browser;
    const loaned = (await api.get('/devices?status=loaned&limit=1')).body.items[0];
    await page.goto(`/geraete?q=${encodeURIComponent(loaned.inventoryNumber)}`);
    const link = page.getByRole('link', { name: loaned.inventoryNumber, exact: true });
    assert.equal(await link.getAttribute('href'), `/geraete/${loaned.id}`);
    // The row's link navigates inside the app: the page is not loaded again (the mark set here survives).
    await page.evaluate(() => (window.__samePage = true));
    await link.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(loaned.inventoryNumber) }).waitFor();
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the detail opened without loading the page again');
    await page.getByRole('heading', { name: 'Aktuelle Ausleihe' }).waitFor();
    const loan = (await api.get(`/loans?deviceId=${loaned.id}&state=active`)).body.items[0];
    await page.getByText(loan.agreementNumber).waitFor();
    await page.getByText(loan.borrowerName, { exact: false }).first().waitFor();
    const history = (await api.get(`/devices/${loaned.id}/history`)).body.items;
    await page.locator('table.device-history tbody tr').first().waitFor();
    assert.equal(await page.locator('table.device-history tbody tr').count(), Math.min(history.length, 20));
    // In the API's order (newest recorded first), each row's event in German.
    const kinds = { created: 'angelegt', status_changed: 'Status geändert', moved: 'umgesetzt', loaned: 'Ausgabe', returned: 'Rückgabe', imported: 'importiert' };
    assert.deepEqual(await page.locator('table.device-history tbody tr td:nth-child(2)').allTextContents(), history.slice(0, 20).map((e) => kinds[e.kind]));
    await expectNoAxeViolations(page, 'device detail');
    await screenshot(page, 'device-detail');
  });

  it('edit: saves a change; a change by someone else in between is explained (reload)', async () => {
    const { page } = browser;
    const device = await createDevice();
    await page.goto(`/geraete/${device.id}`);
    await page.getByRole('heading', { name: 'Stammdaten bearbeiten' }).waitFor();
    await page.getByLabel('Raum', { exact: true }).fill('Raum 305');
    await page.getByLabel('Kaufpreis (brutto, €)').fill('1.234,56');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    let stored = (await api.get(`/devices/${device.id}`)).body;
    assert.equal(stored.location, 'Raum 305');
    assert.equal(stored.purchasePriceCents, 123456);

    // Someone else changes the device between loading and saving.
    await page.reload();
    await page.getByLabel('Modell').waitFor();
    stored = (await api.get(`/devices/${device.id}`)).body;
    assert.equal((await api.patch(`/devices/${device.id}`, { version: stored.version, notes: 'geändert von jemand anderem' })).status, 200);
    await page.getByLabel('Modell').fill('ThinkPad L14');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(/wurde inzwischen von jemand anderem geändert/).waitFor();
    await page.getByRole('button', { name: 'Neu laden' }).waitFor();
    assert.equal((await api.get(`/devices/${device.id}`)).body.model, 'ThinkPad L13', 'the stale change was not saved');
    await expectNoAxeViolations(page, 'stale version explained');
    await page.getByRole('button', { name: 'Neu laden' }).click();
    await page.getByLabel('Modell').fill('ThinkPad L14');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    stored = (await api.get(`/devices/${device.id}`)).body;
    assert.equal(stored.model, 'ThinkPad L14');
    assert.equal(stored.notes, 'geändert von jemand anderem');
  });

  it('retiring a funded device inside its earmarking period needs the confirmation', async () => {
    const { page } = browser;
    // A device of the school bought with a grant and commissioned this year: inside its earmarking period.
    const office = await apiAs(OFFICE);
    const grant = (await office.get('/grants?limit=50')).body.items.find((g) => g.status === 'approved');
    const funded = await createDevice({ commissionedOn: '2026-01-15', purchaseDate: '2024-06-01', purchasePriceCents: 49900 });
    const expenditure = await office.post(`/grants/${grant.id}/expenditures`, {
      category: 'devices',
      orderDate: '2024-06-01',
      grossCents: 49900,
      schoolId,
      vendor: 'Testhandel GmbH',
      description: 'Laptop für den Test',
      deviceIds: [funded.id],
      overrideBudget: true,
      overrideReason: 'Test der Zweckbindung',
    });
    assert.equal(expenditure.status, 201, JSON.stringify(expenditure.body));
    await page.goto(`/geraete/${funded.id}`);
    await page.getByRole('heading', { name: 'Status ändern' }).first().waitFor();
    await chooseOption(page, 'neuer Status', 'ausgesondert');
    await page.getByLabel(/^Grund/).fill('Displayschaden, Reparatur unwirtschaftlich');
    await page.getByRole('button', { name: 'Status ändern' }).click();
    const warning = page.locator('.notice-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /zweckgebunden/);
    assert.equal((await api.get(`/devices/${funded.id}`)).body.status, 'available', 'refused until confirmed');
    assert.equal(await page.getByRole('button', { name: 'Status ändern' }).isDisabled(), true);
    await expectNoAxeViolations(page, 'earmarking warning');
    await page.getByRole('checkbox', { name: /trotzdem/ }).check({ force: true });
    await page.getByRole('button', { name: 'Status ändern' }).click();
    await page.getByText('Status geändert: jetzt ausgesondert.').waitFor();
    const after = (await api.get(`/devices/${funded.id}`)).body;
    assert.equal(after.status, 'retired');
    assert.equal(after.retirementReason, 'Displayschaden, Reparatur unwirtschaftlich');
    // The change is the newest history entry, with its reason.
    await page.locator('table.device-history tbody tr').first().getByText('verfügbar → ausgesondert').waitFor();
    assert.match(await page.locator('table.device-history tbody tr').first().innerText(), /Displayschaden/);
  });

  it('at 375 px the list and the detail fit without horizontal scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/geraete');
    await rows(page).first().waitFor();
    await expectNoHorizontalScroll(page, 'device list at 375 px');
    await expectNoAxeViolations(page, 'device list at 375 px');
    await screenshot(page, 'devices-phone');
    const first = (await api.get('/devices?limit=1')).body.items[0];
    await page.goto(`/geraete/${first.id}`);
    await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
    await expectNoHorizontalScroll(page, 'device detail at 375 px');
    await screenshot(page, 'device-detail-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('Geräte (office and viewer)', () => {
  let browser;
  before(async () => (browser = await openBrowser()));
  after(() => browser.close());

  it('the office filters by school, moves a device and exports the filtered inventory', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const schools = (await api.get('/schools?limit=200')).body.items;
    const [from, to] = [schools.find((s) => s.name === 'Goethe-Gymnasium'), schools.find((s) => s.name !== 'Goethe-Gymnasium')];
    const device = (await api.post('/devices', { schoolId: from.id, inventoryNumber: `TEST-${unique()}`, type: 'tablet', manufacturer: 'Apple', model: 'iPad 10', location: 'Raum 7' })).body;
    await login(page, OFFICE);
    await page.goto('/geraete');
    await rows(page).first().waitFor();
    // The start script preloaded the list's code (the chunks index.html lists for /geraete) beside the app's entry,
    // and the app's import() took that module: the chunk was requested once.
    const listChunk = await page.evaluate(() => ({
      preloads: [...document.querySelectorAll('link[rel="modulepreload"]')].filter((l) => /\/assets\/DevicesPage-[^/]+\.js$/.test(l.href)).length,
      requests: performance.getEntriesByType('resource').filter((r) => /\/assets\/DevicesPage-[^/]+\.js$/.test(r.name)).length,
    }));
    assert.deepEqual(listChunk, { preloads: 1, requests: 1 });
    await chooseOption(page, 'Schule', 'Goethe-Gymnasium');
    await page.waitForURL(new RegExp(`schoolId=${from.id}`));
    await page.waitForFunction(() => [...document.querySelectorAll('table.device-table tbody tr')].every((r) => r.textContent.includes('Goethe-Gymnasium')));
    await expectNoAxeViolations(page, 'device list (office)');

    await page.goto(`/geraete/${device.id}`);
    await chooseOption(page, 'neue Schule', to.name);
    await page.getByLabel('Raum an der neuen Schule').fill('Raum 12');
    await page.getByLabel('Grund der Umsetzung').fill('Umverteilung nach Medienentwicklungsplan');
    await page.getByRole('button', { name: 'Umsetzen' }).click();
    await page.getByText(`Umgesetzt an ${to.name}.`).waitFor();
    const moved = (await api.get(`/devices/${device.id}`)).body;
    assert.equal(moved.schoolId, to.id);
    assert.equal(moved.location, 'Raum 12');
    await page.locator('table.device-history tbody tr').first().getByText(/umgesetzt/).waitFor();

    await page.goto(`/geraete?schoolId=${to.id}&type=tablet`);
    await rows(page).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportieren (Excel)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    assert.ok(cells.includes(device.inventoryNumber), 'the export holds the moved tablet');
    const expected = (await api.get(`/devices?schoolId=${to.id}&type=tablet&limit=200`)).body.items.map((d) => d.inventoryNumber);
    assert.ok(expected.every((n) => cells.includes(n)), 'every filtered device is in the export');
    const elsewhere = (await api.get(`/devices?schoolId=${from.id}&type=tablet&limit=5`)).body.items.map((d) => d.inventoryNumber);
    assert.ok(elsewhere.length > 0 && !elsewhere.some((n) => cells.includes(n)), 'no tablet of the other school');
  });

  it('the viewer sees the list and the detail without any write control', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await login(page, VIEWER);
    await page.goto('/geraete');
    await rows(page).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Etiketten drucken' }).count(), 0);
    assert.equal(await page.getByRole('checkbox', { name: /^Auswählen/ }).count(), 0);
    await page.getByRole('link', { name: 'Exportieren (Excel)' }).waitFor();
    await expectNoAxeViolations(page, 'device list (viewer)');
    await rows(page).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
    for (const name of ['Speichern', 'Status ändern', 'Umsetzen']) assert.equal(await page.getByRole('button', { name }).count(), 0, `no "${name}" for a viewer`);
    assert.equal(await page.locator('input:not([type=checkbox])').count(), 0, 'no input on the viewer’s detail');
    await expectNoAxeViolations(page, 'device detail (viewer)');
  });
});
