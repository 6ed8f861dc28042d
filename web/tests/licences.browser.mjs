import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, COORDINATOR, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser, screenshot } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const VIEWER = 'controlling@musterstadt.example';
const MATHS = 'Mathe-Trainer 5–10';
const PLATFORM = 'LernraumPlus';

const germanDate = (iso) => iso.split('-').reverse().join('.');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Lizenzen: the office, the viewer and a school', () => {
  let browser;
  before(async () => (browser = await openBrowser()));
  after(() => browser.close());

  it("the office sees the demo's contract whose cancellation deadline is next month flagged, and the warnings in German", async () => {
    const { page } = browser;
    await login(page, OFFICE);
    await page.getByRole('link', { name: 'Lizenzen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lizenzen' }).waitFor();
    const api = await apiAs(OFFICE);
    const maths = (await api.get('/licences/contracts?limit=200')).body.items.find((c) => c.productName === MATHS);
    // the demo's maths app: its last day to cancel is the end of the month after the demo's day, within the warning window
    const due = (await api.get('/licences/warnings')).body.items.filter((w) => w.code === 'cancellation_due').map((w) => w.contractId);
    assert.deepEqual(due, [maths.id]);
    const row = page.getByRole('row', { name: new RegExp(escape(MATHS)) });
    await row.getByText(`Kündigung bis ${germanDate(maths.lastDayToCancel)}`).waitFor();
    await page.getByText(new RegExp(`${escape(MATHS)}: letzter Kündigungstag ist der ${escape(germanDate(maths.lastDayToCancel))}`)).waitFor();
    // the product without an AV-Vertrag, in the catalogue and the warnings
    await page.getByRole('heading', { name: 'Produktkatalog' }).waitFor();
    assert.ok((await page.locator('.badge-danger', { hasText: 'fehlt' }).count()) >= 1, 'a product lacks its AV-Vertrag');
    await page.getByText('AV-Vertrag fehlt', { exact: true }).first().waitFor();
    // costs in euros
    await row.getByText(/\d\s€/).first().waitFor();
    await screenshot(page, 'licences-office');
    await expectNoAxeViolations(page, 'licences (office)');
  });

  it("the office changes a school's seats of a contract (checked through the API)", async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const maths = (await api.get('/licences/contracts?limit=200')).body.items.find((c) => c.productName === MATHS);
    const [seat] = (await api.get(`/licences/contracts/${maths.id}/seats`)).body;
    const next = seat.seatsAssigned - 10;
    await page.getByRole('button', { name: `Plätze je Schule: ${MATHS}` }).click();
    await page.getByRole('heading', { name: `Plätze je Schule: ${MATHS}` }).waitFor();
    await page.getByRole('button', { name: `Plätze bearbeiten: ${seat.schoolName}` }).click();
    const field = page.getByLabel(`Zugewiesene Plätze für ${seat.schoolName}`);
    await field.fill('zehn');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte eine ganze Zahl ab 0 eingeben.').waitFor();
    await expectNoAxeViolations(page, 'seats form with an error');
    await field.fill(String(next));
    await screenshot(page, 'licences-seats-form');
    await field.press('Enter');
    await page.getByText(`Plätze für ${seat.schoolName} gespeichert.`).waitFor();
    const after = (await api.get(`/licences/contracts/${maths.id}/seats`)).body.find((s) => s.schoolId === seat.schoolId);
    assert.equal(after.seatsAssigned, next);
    await page.getByRole('row', { name: new RegExp(escape(seat.schoolName)) }).getByText(new RegExp(`^${escape(next.toLocaleString('de-DE'))}\\b`)).waitFor();
    await expectNoAxeViolations(page, 'seats per school');
  });

  it('fits 375 px without horizontal scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Lizenzen' }).waitFor();
    await page.getByRole('heading', { name: 'Produktkatalog' }).waitFor();
    await screenshot(page, 'licences-office-375');
    await expectNoHorizontalScroll(page, 'licences at 375 px');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a viewer reads the licences without changing seats', async () => {
    const viewer = await openBrowser();
    try {
      const { page } = viewer;
      await login(page, VIEWER);
      await page.goto('/lizenzen');
      await page.getByRole('heading', { level: 1, name: 'Lizenzen' }).waitFor();
      await page.getByRole('button', { name: `Plätze je Schule: ${MATHS}` }).click();
      await page.getByRole('heading', { name: `Plätze je Schule: ${MATHS}` }).waitFor();
      await page.locator('#licence-seats ~ .table-wrap tbody tr').first().waitFor();
      assert.equal(await page.getByRole('button', { name: /^Plätze bearbeiten/ }).count(), 0);
      await expectNoAxeViolations(page, 'licences (viewer)');
    } finally {
      await viewer.close();
    }
  });

  it("a coordinator sees their school's licences and enters the seats in use", async () => {
    const school = await openBrowser({ width: 375, height: 800 });
    try {
      const { page } = school;
      await login(page, COORDINATOR);
      await page.goto('/lizenzen');
      await page.getByRole('heading', { level: 1, name: /^Lizenzen der Schule/ }).waitFor();
      await page.getByRole('heading', { level: 3, name: PLATFORM }).waitFor();
      await expectNoAxeViolations(page, 'licences (school)');
      await expectNoHorizontalScroll(page, 'school licences at 375 px');
      const api = await apiAs(COORDINATOR);
      const me = (await api.get('/auth/me')).body;
      const [schoolId] = me.schoolIds;
      const platform = (await api.get(`/licences/contracts?schoolId=${schoolId}&limit=200`)).body.items.find((c) => c.productName === PLATFORM);
      const entered = (platform.seatsInUse ?? 0) + 7;
      const field = page.getByLabel(`Genutzte Plätze (${PLATFORM})`);
      await field.fill(String(entered));
      await page.getByRole('form', { name: `Genutzte Plätze eintragen: ${PLATFORM}` }).getByRole('button', { name: 'Speichern' }).click();
      await page.getByText(`Genutzte Plätze für ${PLATFORM} gespeichert.`).waitFor();
      await screenshot(page, 'licences-school-375');
      const seat = (await api.get(`/licences/contracts/${platform.id}/seats`)).body.find((s) => s.schoolId === schoolId);
      assert.equal(seat.seatsInUse, entered);
      assert.equal(seat.inUseSource, 'school');
      await expectNoAxeViolations(page, 'licences (school) after saving');
      // the school's coverage names its licence seats and cost per student
      await page.goto('/meine-schule');
      await page.getByText('Lizenzkosten je Schülerin/Schüler und Jahr').waitFor();
      await page.getByText(/^\d+,\d\d\s€ \(.+ im Jahr\)$/).waitFor();
      await expectNoAxeViolations(page, 'my school with licences');
    } finally {
      await school.close();
    }
  });
});
