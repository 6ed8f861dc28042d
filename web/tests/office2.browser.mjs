import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const VIEWER = 'controlling@musterstadt.example';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
});
