import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser, screenshot } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const VIEWER = 'controlling@musterstadt.example';
const ADMIN = 'admin@plattform.example';
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for a success text; an error notice instead fails at once with its text. */
async function savedOrAlert(page, text) {
  const alert = page.getByRole('alert');
  await Promise.race([
    page.getByText(text).waitFor(),
    alert.waitFor().then(async () => assert.fail(`error instead of "${text}": ${await alert.innerText()}`)),
  ]);
}

/** A box (e.g. a table's wrapper) that does not scroll sideways: its content fits its width. */
async function expectNoSidewaysScroll(locator, what) {
  const { scrollWidth, clientWidth } = await locator.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${what}: ${scrollWidth} px of content in a ${clientWidth} px box`);
}

/** Every screen at 375 px: no horizontal scrolling of the page. */
async function fits375(page, path, heading) {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectNoHorizontalScroll(page, `${path} at 375 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the office: Medienentwicklungsplan', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('lists all schools worst first, sorts by an indicator, filters by type and opens a school', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    await page.getByRole('link', { name: 'Medienentwicklungsplan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medienentwicklungsplan' }).waitFor();
    const worst = (await api.get('/coverage?limit=5')).body.items;
    const firstRow = () => page.locator('tbody tr').first().getByRole('rowheader');
    assert.equal(await firstRow().innerText(), worst[0].name);
    await expectNoAxeViolations(page, 'coverage list');
    // Sorted by replacement cost (worst = highest first), then the other way round.
    const byCost = (await api.get('/coverage?limit=200&sort=replacementCost')).body.items;
    await page.getByRole('button', { name: 'Kosten Ersatz' }).click();
    await page.waitForURL(/sort=replacementCost/);
    await page.getByRole('columnheader', { name: /Kosten Ersatz/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
    await page.getByRole('rowheader').first().getByText(byCost[0].name, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Kosten Ersatz' }).click();
    await page.locator('[aria-sort="ascending"]').waitFor();
    await page.getByRole('rowheader').first().getByText(byCost.at(-1).name, { exact: true }).waitFor();
    // Filter by school type: only Gymnasien remain.
    await page.getByRole('button', { name: /Schulform/ }).click();
    await page.getByRole('option', { name: 'Gymnasium' }).click();
    await page.waitForURL(/schoolType=gymnasium/);
    const gymnasien = (await api.get('/coverage?limit=200&schoolType=gymnasium')).body.items;
    await page.locator('tbody tr').nth(gymnasien.length - 1).waitFor();
    assert.equal(await page.locator('.coverage-table tbody tr').count(), gymnasien.length);
    // The export carries the same filter and order.
    const href = await page.getByRole('link', { name: 'Exportieren (Excel)' }).getAttribute('href');
    assert.match(href, /coverage\.xlsx\?.*schoolType=gymnasium/);
    // A school's page: indicators and its devices past replacement age with their cost.
    const school = gymnasien[0];
    await page.getByRole('link', { name: school.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Ausstattung: ${school.name}` }).waitFor();
    const detail = (await api.get(`/schools/${school.schoolId}/coverage`)).body;
    const total = page.getByRole('row', { name: /^Gesamt/ });
    if (detail.replacement.pastAge > 0) {
      const text = await total.innerText();
      assert.match(text, new RegExp(String(detail.replacement.pastAge)));
      assert.match(text, new RegExp(escape((detail.replacement.costCents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 }))));
    }
    await expectNoAxeViolations(page, 'school coverage');
    await fits375(page, `/medienentwicklungsplan/${school.schoolId}`, `Ausstattung: ${school.name}`);
    await fits375(page, '/medienentwicklungsplan', 'Medienentwicklungsplan');
  });

  it('changes a target and a unit price', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    await page.goto('/medienentwicklungsplan');
    const panel = page.getByRole('region', { name: 'Zielwerte und Preise' });
    await panel.getByRole('group', { name: /Zielwert je Schulform/ }).getByLabel('Grundschule').fill('3,5');
    await panel.getByRole('group', { name: /Stückpreise/ }).getByLabel('Tablet').fill('499,90');
    await panel.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Zielwerte und Preise sind gespeichert.').waitFor();
    const settings = (await api.get('/coverage/settings')).body;
    assert.equal(settings.studentsPerDeviceTarget.grundschule, 3.5);
    assert.equal(settings.unitPriceCents.tablet, 49990);
  });
});

describe('the office: Benutzer', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('creates a coordinator with a school, changes the school, resets the password and deactivates', async () => {
    const { page, context } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const api = await apiAs(OFFICE);
    const schools = (await api.get('/schools?limit=200')).body.items;
    const [first, second] = [schools[0], schools[1]];
    const id = unique();
    const name = `Erika Şahin ${id}`;
    const email = `koordination-${id}@musterstadt.example`;
    await page.getByRole('link', { name: 'Benutzer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    await expectNoAxeViolations(page, 'users');
    const form = page.getByRole('region', { name: 'Benutzer anlegen' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('E-Mail-Adresse').fill(email);
    // A coordinator without a school is refused in the form, focus on the school list.
    await form.getByRole('button', { name: 'Anlegen' }).click();
    await form.getByText('Bitte mindestens eine Schule wählen').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'checkbox');
    assert.equal((await api.get(`/users?limit=200`)).body.items.filter((u) => u.email === email).length, 0);
    await form.getByRole('checkbox', { name: first.name, exact: true }).check({ force: true });
    await form.getByRole('button', { name: 'Anlegen' }).click();
    const initial = await form.getByTestId('once-password').innerText();
    assert.ok(initial.length >= 20);
    // The first password works.
    const login1 = await fetch(new URL('/api/v1/auth/login', page.url()), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: initial }) });
    assert.equal(login1.status, 200);
    let user = (await api.get('/users?limit=200')).body.items.find((u) => u.email === email);
    assert.equal(user.role, 'coordinator');
    assert.deepEqual(user.schoolIds, [first.id]);
    await form.getByRole('button', { name: 'Passwort kopieren' }).click();
    await form.getByText('Das Passwort ist in die Zwischenablage kopiert.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), initial);
    await form.getByRole('button', { name: 'Fertig' }).click();
    assert.equal(await form.getByTestId('once-password').count(), 0);

    // Assign another school instead.
    await page.getByRole('button', { name: `Bearbeiten: ${name}` }).click();
    const editor = page.getByRole('region', { name: `Benutzer bearbeiten: ${name}` });
    await editor.getByRole('checkbox', { name: first.name, exact: true }).uncheck({ force: true });
    await editor.getByRole('checkbox', { name: second.name, exact: true }).check({ force: true });
    await expectNoAxeViolations(page, 'user editor');
    await editor.getByRole('button', { name: 'Schulen speichern' }).click();
    await editor.getByText('Die Schulen sind zugeordnet.').waitFor();
    user = (await api.get(`/users/${user.id}`)).body;
    assert.deepEqual(user.schoolIds, [second.id]);

    // A new password, shown once; the old one stops working.
    // Asked first: cancelled, nothing happens; confirmed, the password is new.
    await editor.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    const ask = page.getByRole('alertdialog', { name: /Passwort von .* zurücksetzen\?/ });
    await expectNoAxeViolations(page, 'reset confirmation');
    await ask.getByRole('button', { name: 'Abbrechen' }).click();
    await ask.waitFor({ state: 'detached' });
    assert.equal((await fetch(new URL('/api/v1/auth/login', page.url()), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: initial }) })).status, 200);
    await editor.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await ask.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    const fresh = await editor.getByTestId('once-password').innerText();
    assert.notEqual(fresh, initial);
    const loginOld = await fetch(new URL('/api/v1/auth/login', page.url()), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: initial }) });
    assert.equal(loginOld.status, 401);
    await editor.getByRole('button', { name: 'Fertig' }).click();

    // Role change to viewer drops the schools; then deactivate.
    await editor.getByRole('button', { name: /IT-Koordination/ }).click();
    await page.getByRole('option', { name: 'Lesezugriff' }).click();
    await editor.getByRole('button', { name: 'Rolle speichern' }).click();
    await editor.getByText('Die Rolle ist gespeichert.').waitFor();
    await editor.getByRole('button', { name: 'Deaktivieren' }).click();
    await page.getByRole('alertdialog', { name: `${name} deaktivieren?` }).getByRole('button', { name: 'Deaktivieren' }).click();
    await editor.getByText(`${name} ist deaktiviert`).waitFor();
    user = (await api.get(`/users/${user.id}`)).body;
    assert.equal(user.role, 'viewer');
    assert.equal(user.active, false);
    assert.deepEqual(user.schoolIds, []);
    await fits375(page, '/benutzer', 'Benutzer');
  });
});

describe('the office: Schulen', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('creates a school, edits its figures, broadband and WLAN, and deletes it', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const number = String(900000 + Math.floor(Math.random() * 99999));
    const name = `Grundschule Testweg ${number}`;
    await page.goto('/schulen');
    await page.getByRole('link', { name: 'Schule anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Schule' }).waitFor();
    // Empty: both required fields say so, focus on the first; a filled field loses its message at once.
    await page.getByRole('button', { name: 'Schule anlegen' }).click();
    assert.equal(await page.getByText('Bitte ausfüllen.').count(), 2);
    assert.equal(await page.getByLabel('Name').evaluate((el) => el === document.activeElement), true, 'focus on Name');
    await page.getByLabel('Name').fill(name);
    assert.equal(await page.getByText('Bitte ausfüllen.').count(), 1);
    await page.getByLabel('Schulnummer').fill(number);
    await page.getByLabel('Schülerzahl').fill('zwölf');
    await page.getByRole('button', { name: 'Schule anlegen' }).click();
    await page.getByText('Bitte eine ganze Zahl eingeben.').waitFor();
    await page.getByLabel('Schülerzahl').fill('212');
    await page.getByLabel('Klassen').fill('9');
    await expectNoAxeViolations(page, 'new school');
    await page.getByRole('button', { name: 'Schule anlegen' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('Die Schule ist angelegt.').waitFor();
    const id = page.url().split('/').at(-1);
    let school = (await api.get(`/schools/${id}`)).body;
    assert.equal(school.studentCount, 212);
    assert.equal(school.schoolType, 'grundschule');
    await page.getByLabel('Breitband (Mbit/s)').fill('250');
    await page.getByLabel(/WLAN-Abdeckung/).fill('80');
    await page.getByRole('checkbox', { name: 'Glasfaseranschluss' }).check({ force: true });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();
    school = (await api.get(`/schools/${id}`)).body;
    assert.equal(school.broadbandMbps, 250);
    assert.equal(school.wlanCoveragePercent, 80);
    assert.equal(school.hasFibre, true);
    await expectNoAxeViolations(page, 'school page');
    await fits375(page, `/schulen/${id}`, name);
    await page.getByRole('button', { name: 'Schule löschen' }).click();
    await page.getByRole('button', { name: `Wirklich löschen: ${name}` }).click();
    await page.getByText(`Die Schule ${name} ist gelöscht.`).waitFor();
    assert.equal((await api.get(`/schools/${id}`)).status, 404);
  });

  it('refuses to delete a school that still has devices, in German', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const goethe = (await api.get('/schools?q=Goethe&limit=5')).body.items[0];
    await page.goto(`/schulen/${goethe.id}`);
    await page.getByText('Diese Schule hat noch Geräte und kann deshalb nicht gelöscht werden.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Schule löschen' }).count(), 0);
    assert.equal((await api.get(`/schools/${goethe.id}`)).status, 200);
  });
});

describe('the office: Förderprogramme bearbeiten', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('creates a grant, allocates a budget, adds an invoice with two scanned devices and reads the warnings', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const title = `Testprogramm ${unique()}`;
    const goethe = (await api.get('/schools?q=Goethe&limit=5')).body.items[0];
    // Two devices of the school that no expenditure has bought yet.
    const devices = (await api.get(`/devices?schoolId=${goethe.id}&limit=200`)).body.items;
    const linked = new Set();
    for (const g of (await api.get('/grants?limit=200')).body.items) {
      for (let cursor = ''; ; ) {
        const page = (await api.get(`/grants/${g.id}/expenditures?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body;
        page.items.forEach((e) => e.deviceIds.forEach((d) => linked.add(d)));
        if (!page.nextCursor) break;
        cursor = encodeURIComponent(page.nextCursor);
      }
    }
    const [d1, d2] = devices.filter((d) => !linked.has(d.id) && d.status === 'available');
    await page.goto('/foerderung');
    const form = page.getByRole('region', { name: 'Neues Förderprogramm' });
    await form.getByLabel('Bezeichnung').fill(title);
    await form.getByLabel('bewilligter Betrag (€)').fill('10.000,00');
    await form.getByLabel('förderfähig ab').fill('01.01.2026');
    await form.getByLabel('förderfähig bis').fill('31.12.2026');
    await expectNoAxeViolations(page, 'grants list with the create form');
    await form.getByRole('button', { name: 'Förderprogramm anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const grantId = page.url().split('/').at(-1);
    const grant = (await api.get(`/grants/${grantId}`)).body;
    assert.equal(grant.approvedCents, 1_000_000);
    assert.equal(grant.fundingRatePercent, 90);

    // A budget for the Goethe-Gymnasium.
    const add = page.getByRole('form', { name: 'Budget für eine Schule festlegen' });
    await add.getByRole('button', { name: /Schule wählen/ }).click();
    await page.getByRole('option', { name: goethe.name, exact: true }).click();
    await add.getByLabel('Budget (€)').fill('1.500,00');
    await add.getByRole('button', { name: 'Budget für eine Schule festlegen' }).click();
    await page.getByText(`Budget für ${goethe.name} gespeichert.`).waitFor();
    const row = page.getByRole('region', { name: 'Budgets je Schule' }).getByRole('row', { name: new RegExp(`^${escape(goethe.name)}`) });
    await row.getByText('1.500,00 €').first().waitFor();

    // An invoice with two scanned devices, more than the budget: the summary warns.
    await page.getByRole('button', { name: 'Bestellung oder Rechnung erfassen' }).click();
    const inv = page.getByRole('form', { name: 'Bestellung oder Rechnung erfassen' });
    await inv.getByRole('button', { name: /Schule wählen/ }).click();
    await page.getByRole('option', { name: goethe.name, exact: true }).click();
    await inv.getByLabel('Lieferant').fill('Bürotechnik Müller GmbH');
    await inv.getByLabel('Beschreibung').fill('Zwei Laptops für die Oberstufe');
    await inv.getByLabel('Betrag brutto (€)').fill('2.000,00');
    await inv.getByLabel('Bestelldatum').fill('15.03.2026');
    await inv.getByLabel('Rechnungsnummer').fill(`RE-${unique()}`);
    await inv.getByLabel('Rechnungsdatum').fill('20.03.2026');
    const scan = inv.getByLabel('Inventarnummer scannen');
    await scan.fill(d1.inventoryNumber);
    await scan.press('Enter');
    await inv.getByRole('list', { name: 'Geräte' }).getByText(d1.inventoryNumber).waitFor();
    await scan.fill(d2.inventoryNumber.toLowerCase());
    await scan.press('Enter');
    await inv.getByRole('list', { name: 'Geräte' }).getByText(d2.inventoryNumber).waitFor();
    await scan.fill('GIBT-ES-NICHT-1');
    await scan.press('Enter');
    await inv.getByText('Kein Gerät mit der Nummer „GIBT-ES-NICHT-1“ gefunden.').first().waitFor();
    await expectNoAxeViolations(page, 'expenditure form');
    await inv.getByRole('checkbox', { name: /Budget überschreiten/ }).check({ force: true });
    await inv.getByLabel('Grund für die Überschreitung').fill('Vorgriff auf das Budget 2027');
    await inv.getByRole('button', { name: 'Speichern' }).click();
    await savedOrAlert(page, 'Gespeichert: Zwei Laptops für die Oberstufe');
    const expenditures = (await api.get(`/grants/${grantId}/expenditures?limit=10`)).body.items;
    assert.equal(expenditures.length, 1);
    assert.equal(expenditures[0].grossCents, 200_000);
    assert.equal(expenditures[0].invoiceDate, '2026-03-20');
    assert.deepEqual([...expenditures[0].deviceIds].sort(), [d1.id, d2.id].sort());
    const summary = (await api.get(`/grants/${grantId}/summary`)).body;
    assert.ok(summary.warnings.length > 0, 'the overspent school budget is warned about');
    const warnings = page.getByRole('region', { name: 'Prüfhinweise' });
    // The school's warning names the school (its text says "the school's").
    await warnings.getByText(`Budget je Schule überschritten: ${goethe.name}`, { exact: true }).waitFor();
    await warnings.locator('li').nth(summary.warnings.length - 1).waitFor();
    assert.equal(await warnings.locator('li').count(), summary.warnings.length);
    await expectNoAxeViolations(page, 'grant page');
    // README's picture of the grant page: `SCREENSHOT_DIR=docs/screenshots` writes it (a plain run leaves the tree clean).
    await screenshot(page, 'office-grant');
    // At 1280 px the invoices table fits its box (order, invoice and payment share one column).
    await expectNoSidewaysScroll(page.getByRole('region', { name: 'Bestellungen und Rechnungen' }).locator('.table-wrap'), 'invoices table at 1280 px');
    const cell = await page.getByRole('row', { name: /Zwei Laptops für die Oberstufe/ }).getByRole('cell').nth(1).innerText();
    assert.match(cell, /bestellt am 15\.03\.2026\s+Rechnung RE-\S+ vom 20\.03\.2026\s+nicht bezahlt/);

    // Edit the amount, then delete it.
    await page.getByRole('button', { name: 'Bearbeiten: Zwei Laptops für die Oberstufe' }).click();
    const edit = page.getByRole('form', { name: 'Bestellung oder Rechnung bearbeiten' });
    await edit.getByLabel('Betrag brutto (€)').fill('1.900,00');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    // The form closes once the change is saved (the "Gespeichert" line is still there from the first save).
    await edit.waitFor({ state: 'detached' });
    assert.equal((await api.get(`/grants/${grantId}/expenditures/${expenditures[0].id}`)).body.grossCents, 190_000);
    await page.getByRole('button', { name: 'Löschen: Zwei Laptops für die Oberstufe' }).click();
    await page.getByRole('button', { name: 'Wirklich löschen: Zwei Laptops für die Oberstufe' }).click();
    await page.getByText('Gelöscht: Zwei Laptops für die Oberstufe').waitFor();
    assert.equal((await api.get(`/grants/${grantId}/expenditures?limit=10`)).body.items.length, 0);
    await fits375(page, `/foerderung/${grantId}`, title);
  });

  it("edits a grant's own facts (checked before sending), and refuses a stale version with a reload", async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const created = await api.post('/grants', { title: `Faktenprogramm ${unique()}`, program: 'digitalpakt_basis', approvedCents: 500_000, fundingRatePercent: 90, eligibleFrom: '2026-01-01', eligibleUntil: '2026-12-31', status: 'approved' });
    assert.equal(created.status, 201);
    const id = created.body.id;
    const title = `Sofortausstattung ${unique()}`;
    const reference = `AZ-${unique()}`;
    await page.goto(`/foerderung/${id}`);
    await page.getByRole('heading', { level: 1, name: created.body.title }).waitFor();
    await page.getByRole('button', { name: 'Eckdaten bearbeiten' }).click();
    const form = page.getByRole('form', { name: 'Eckdaten bearbeiten' });
    assert.equal(await form.getByLabel('bewilligter Betrag (€)').inputValue(), '5.000,00');
    await form.getByLabel('Bezeichnung').fill(title);
    await form.getByRole('button', { name: /Programm/ }).click();
    await page.getByRole('option', { name: 'DigitalPakt Sofortausstattungsprogramm' }).click();
    await form.getByLabel('Aktenzeichen').fill(reference);
    await form.getByLabel('Datum des Zuwendungsbescheids').fill('15.01.2026');
    await form.getByLabel('bewilligter Betrag (€)').fill('7.500,50');
    await form.getByLabel('Förderquote (%)').fill('120');
    await form.getByLabel('förderfähig bis').fill('30.06.2027');
    await form.getByLabel('Verwendungsnachweis fällig am').fill('31.12.2027');
    await form.getByLabel('Laptop (Jahre)').fill('3');
    await form.getByLabel('WLAN-Access-Point (Jahre)').fill('zehn');
    await form.getByLabel('Bemerkungen').fill('Bescheid vom 15.01.2026, Änderungsbescheid folgt');
    await form.getByRole('button', { name: 'Eckdaten speichern' }).click();
    // Checked in the browser first: nothing is sent while a field is wrong, each error stands at its field.
    await form.getByText('Bitte eine Zahl zwischen 0,01 und 100 eingeben.').waitFor();
    await form.getByText('Bitte eine ganze Zahl von 0 bis 30 eingeben.').waitFor();
    assert.equal((await api.get(`/grants/${id}`)).body.version, 1);
    await expectNoAxeViolations(page, 'grant facts form');
    await form.getByLabel('Förderquote (%)').fill('80');
    await form.getByLabel('WLAN-Access-Point (Jahre)').fill('10');
    await form.getByRole('button', { name: 'Eckdaten speichern' }).click();
    await savedOrAlert(page, 'Die Eckdaten sind gespeichert.');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const saved = (await api.get(`/grants/${id}`)).body;
    assert.deepEqual(
      { title: saved.title, program: saved.program, referenceNumber: saved.referenceNumber, decisionDate: saved.decisionDate, approvedCents: saved.approvedCents, fundingRatePercent: saved.fundingRatePercent, eligibleFrom: saved.eligibleFrom, eligibleUntil: saved.eligibleUntil, proofDueOn: saved.proofDueOn, earmarkingYears: saved.earmarkingYears, earmarkingYearsByType: saved.earmarkingYearsByType, notes: saved.notes, version: saved.version },
      { title, program: 'sofortausstattung', referenceNumber: reference, decisionDate: '2026-01-15', approvedCents: 750_050, fundingRatePercent: 80, eligibleFrom: '2026-01-01', eligibleUntil: '2027-06-30', proofDueOn: '2027-12-31', earmarkingYears: 5, earmarkingYearsByType: { laptop: 3, access_point: 10 }, notes: 'Bescheid vom 15.01.2026, Änderungsbescheid folgt', version: 2 },
    );
    const facts = page.getByRole('region', { name: 'Eckdaten' });
    await facts.getByText(reference).waitFor();
    await facts.getByText('5 (Laptop: 3, WLAN-Access-Point: 10)').waitFor();

    // Someone else saves in between: this form's version is stale, nothing of it is saved, the notice offers a reload.
    await page.getByRole('button', { name: 'Eckdaten bearbeiten' }).click();
    await form.getByLabel('Bezeichnung').fill(`${title} (geändert)`);
    assert.equal((await api.patch(`/grants/${id}`, { notes: 'Von jemand anderem', version: 2 })).status, 200);
    await form.getByRole('button', { name: 'Eckdaten speichern' }).click();
    await form.getByRole('alert').getByText(/wurde inzwischen von jemand anderem geändert/).waitFor();
    await form.getByRole('button', { name: 'Neu laden' }).waitFor();
    const after = (await api.get(`/grants/${id}`)).body;
    assert.equal(after.title, title);
    assert.equal(after.version, 3);
  });
});

describe('the office: Einstellungen', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('changes the default due date, retention and a clause of the loans, and the deadline window of the grants', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    const loans = page.getByRole('region', { name: 'Ausleihen' });
    await loans.getByLabel(/Rückgabe bis/).fill('15.07.');
    await loans.getByLabel(/Aufbewahrung/).fill('45');
    await loans.getByLabel('Überschrift der Bestimmung 1').fill('Zweck und Nutzung der Geräte');
    await expectNoAxeViolations(page, 'settings');
    await loans.getByRole('button', { name: 'Ausleihen speichern' }).click();
    await savedOrAlert(page, 'Die Einstellungen für Ausleihen sind gespeichert.');
    const settings = (await api.get('/loans/settings')).body;
    assert.equal(settings.defaultDueMonthDay, '07-15');
    assert.equal(settings.retentionDays, 45);
    assert.equal(settings.agreementClauses[0].title, 'Zweck und Nutzung der Geräte');
    const grants = page.getByRole('region', { name: 'Förderung' });
    await grants.getByLabel(/Fristen hervorheben/).fill('120');
    await grants.getByRole('button', { name: 'Förderung speichern' }).click();
    await savedOrAlert(page, 'Die Einstellungen für die Förderung sind gespeichert.');
    assert.equal((await api.get('/grants/settings')).body.deadlineWarningDays, 120);
    await page.getByText('barrierefreiheit@musterstadt.example').waitFor();
    await fits375(page, '/einstellungen', 'Einstellungen');
  });
});

describe('the office: Protokoll', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('filters by area, action, user and date and shows before and after', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const number = String(700000 + Math.floor(Math.random() * 99999));
    const school = (await api.post('/schools', { name: `Protokollschule ${number}`, schoolNumber: number, schoolType: 'realschule', studentCount: 300 })).body;
    assert.equal((await api.patch(`/schools/${school.id}`, { studentCount: 333, version: school.version })).status, 200);
    await page.getByRole('link', { name: 'Protokoll' }).click();
    await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await page.getByRole('button', { name: /Bereich/ }).click();
    await page.getByRole('option', { name: 'Schule', exact: true }).click();
    await page.getByRole('button', { name: /Aktion/ }).click();
    await page.getByRole('option', { name: 'Schule geändert' }).click();
    await page.locator('.filters').getByRole('button', { name: /Benutzer/ }).click();
    await page.getByRole('option', { name: /Sabine Becker/ }).click();
    await page.waitForURL(/bereich=school.*aktion=school\.updated.*benutzer=/);
    const first = page.locator('.audit-table tbody tr').first();
    await first.getByText('studentCount').waitFor();
    assert.match(await first.innerText(), /300\s*→\s*(nachher\s*)?333/);
    await expectNoAxeViolations(page, 'audit log');
    // The period goes to the API as Berlin days (from/to), not filtered in the loaded pages.
    const today = new Date().toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
    const todayIso = today.split('.').reverse().join('-');
    const asked = page.waitForRequest((r) => r.url().includes('/api/v1/audit?') && r.url().includes(`from=${todayIso}`));
    await page.getByLabel(/^von/).fill(today);
    assert.match((await asked).url(), /entityType=school.*action=school\.updated/);
    await first.getByText('studentCount').waitFor();
    // An end before the start is named at its field and asks nothing.
    await page.getByLabel(/^bis/).fill('01.01.2020');
    await page.getByText('„bis“ darf nicht vor „von“ liegen.').waitFor();
    assert.equal(await page.locator('.audit-table').count(), 0);
    const askedPast = page.waitForRequest((r) => r.url().includes('from=2019-01-01') && r.url().includes('to=2020-01-01'));
    await page.getByLabel(/^von/).fill('01.01.2019');
    await askedPast;
    await page.getByText('Keine Einträge für diese Filter.').waitFor();
    await fits375(page, '/protokoll', 'Protokoll');
  });
});

describe('the viewer reads the office screens and changes nothing', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, VIEWER);
  });
  after(() => browser.close());

  it('the Medienentwicklungsplan without a save button, its targets read-only', async () => {
    const { page } = browser;
    await page.goto('/medienentwicklungsplan');
    await page.getByRole('heading', { level: 1, name: 'Medienentwicklungsplan' }).waitFor();
    await page.locator('.coverage-table tbody tr').first().waitFor();
    const panel = page.getByRole('region', { name: 'Zielwerte und Preise' });
    await panel.getByText('Sie haben Lesezugriff').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Speichern' }).count(), 0);
    assert.equal(await panel.getByRole('group', { name: /Stückpreise/ }).getByLabel('Tablet').getAttribute('readonly'), '');
    await expectNoAxeViolations(page, 'coverage (viewer)');
  });

  it('reads a school without a form, and cannot create one by URL', async () => {
    const { page } = browser;
    const api = await apiAs(VIEWER);
    const school = (await api.get('/schools?limit=1')).body.items[0];
    await page.goto('/schulen');
    await page.getByRole('link', { name: school.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: school.name }).waitFor();
    await page.getByText('Sie haben Lesezugriff').waitFor();
    assert.equal(await page.getByRole('button').filter({ hasText: /Speichern|löschen/ }).count(), 0);
    assert.equal(await page.getByRole('textbox').count(), 0);
    await expectNoAxeViolations(page, 'school (viewer)');
    await page.goto('/schulen');
    assert.equal(await page.getByRole('link', { name: 'Schule anlegen' }).count(), 0);
    await page.goto('/schulen/neu');
    await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  });

  it('reads the settings without any save button', async () => {
    const { page } = browser;
    await page.goto('/einstellungen');
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    await page.getByRole('region', { name: 'Förderung' }).getByLabel(/Fristen hervorheben/).waitFor();
    assert.equal(await page.getByRole('button').filter({ hasText: /speichern|Speichern|hinzufügen|entfernen/ }).count(), 0);
    await expectNoAxeViolations(page, 'settings (viewer)');
  });

  it("reads a grant's facts without a button to edit them", async () => {
    const { page } = browser;
    const grant = (await (await apiAs(VIEWER)).get('/grants?limit=1')).body.items[0];
    await page.goto(`/foerderung/${grant.id}`);
    await page.getByRole('heading', { level: 1, name: grant.title }).waitFor();
    await page.getByRole('region', { name: 'Eckdaten' }).getByText(/Zweckbindungsfrist/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Eckdaten bearbeiten' }).count(), 0);
    assert.equal(await page.getByRole('form').count(), 0);
  });

  it('has no Protokoll, not even by URL', async () => {
    const { page } = browser;
    assert.equal(await page.getByRole('link', { name: 'Protokoll' }).count(), 0);
    await page.goto('/protokoll');
    await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  });

  it('has no Benutzer screen, not even by URL', async () => {
    const { page } = browser;
    assert.equal(await page.getByRole('link', { name: 'Benutzer' }).count(), 0);
    await page.goto('/benutzer');
    await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  });
});

describe('the platform admin: authorities and their first office users', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, ADMIN);
  });
  after(() => browser.close());

  it('creates an authority and its first office user, and sees no school data', async () => {
    const { page } = browser;
    await page.waitForURL(/\/plattform$/);
    await page.getByRole('heading', { level: 1, name: 'Plattform' }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allInnerTexts();
    assert.deepEqual(nav, ['Plattform']);
    const slug = `stadt-${unique()}`;
    const create = page.getByRole('region', { name: 'Schulträger anlegen' });
    await create.getByLabel(/^Name/).fill('Stadt Testhausen');
    await create.getByLabel(/Kurzname/).fill(slug);
    await create.getByLabel(/Land/).fill('NW');
    await expectNoAxeViolations(page, 'platform');
    await create.getByRole('button', { name: 'Schulträger anlegen' }).click();
    await page.getByText('Der Schulträger Stadt Testhausen ist angelegt.').waitFor();
    const office = page.getByRole('region', { name: 'Schulverwaltungsamt: Stadt Testhausen' });
    const email = `amt-${slug}@testhausen.example`;
    await office.getByLabel(/^Name/).fill('Erste Sachbearbeiterin');
    await office.getByLabel('E-Mail-Adresse').fill(email);
    await office.getByRole('button', { name: 'Erstes Konto des Schulverwaltungsamts anlegen' }).click();
    const password = await office.getByTestId('once-password').innerText();
    await office.getByText(email, { exact: false }).waitFor();
    const api = await apiAs(ADMIN);
    const authority = (await api.get('/authorities')).body.find((a) => a.slug === slug);
    assert.equal(authority.state, 'NW');
    const res = await fetch(new URL('/api/v1/auth/login', page.url()), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    assert.equal(res.status, 200);
    await expectNoAxeViolations(page, 'platform with office users');
    // A reload of the admin's screen asks for nothing the admin may not see (no 403 in the console).
    const refused = [];
    const onResponse = (r) => r.status() >= 400 && refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
    page.on('response', onResponse);
    await fits375(page, '/plattform', 'Plattform');
    await page.getByRole('region', { name: 'Schulträger anlegen' }).waitFor();
    page.off('response', onResponse);
    assert.deepEqual(refused, []);
    // No school data: the office's screens do not exist for the admin.
    await page.goto('/schulen');
    await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  });
});
