import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const VIEWER = 'controlling@musterstadt.example';

describe('the office: overview, needs review, grants and the Verwendungsnachweis, schools', () => {
  let browser;
  before(async () => (browser = await openBrowser()));
  after(() => browser.close());

  it('the overview shows the authority at a glance, with its charts as tables', async () => {
    const { page } = browser;
    await login(page, OFFICE);
    await page.waitForURL(/\/uebersicht$/);
    await page.getByRole('heading', { level: 1, name: 'Startseite' }).waitFor();
    const api = await apiAs(OFFICE);
    const overview = (await api.get('/stats/overview')).body;
    const table = page.getByRole('table', { name: 'Geräte nach Status' });
    const available = table.getByRole('row', { name: /^verfügbar/ });
    assert.match(await available.innerText(), new RegExp(overview.devices.byStatus.available.toLocaleString('de-DE').replace('.', '\\.')));
    await page.getByRole('link', { name: String(overview.needs.awaitingDecision.count) }).first().waitFor();
    await expectNoAxeViolations(page, 'overview');
  });

  it('decides a submitted request and links it to a grant', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const queue = (await api.get('/needs?status=submitted&limit=200')).body.items;
    assert.ok(queue.length > 0, 'the demo has submitted requests');
    const grant = (await api.get('/grants?limit=200')).body.items[0];
    const oldest = [...queue].sort((a, b) => String(a.submittedAt).localeCompare(String(b.submittedAt)))[0];
    await page.getByRole('link', { name: 'Bedarfe prüfen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedarfe prüfen' }).waitFor();
    await expectNoAxeViolations(page, 'needs queue');
    // Oldest first: the first data row is the oldest submitted request.
    const firstRow = page.locator('tbody tr').first();
    assert.match(await firstRow.innerText(), new RegExp(oldest.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.getByRole('button', { name: `Entscheiden: ${oldest.title}` }).click();
    await page.getByRole('radio', { name: 'genehmigt', exact: true }).check({ force: true });
    await page.getByRole('button', { name: /Förderprogramm/ }).click();
    await page.getByRole('option', { name: new RegExp(grant.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await expectNoAxeViolations(page, 'decision form');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`Entschieden: ${oldest.title}`).waitFor({ state: 'attached' });
    const after = (await api.get(`/needs/${oldest.id}`)).body;
    assert.equal(after.status, 'approved');
    assert.equal(after.grantId, grant.id);
  });

  it('a grant page shows money, Prüfhinweise and downloads the Verwendungsnachweis naming the grant', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Förderprogramme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderprogramme' }).waitFor();
    await expectNoAxeViolations(page, 'grants list');
    const api = await apiAs(OFFICE);
    const grant = (await api.get('/grants?limit=200')).body.items[0];
    await page.getByRole('link', { name: grant.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: grant.title }).waitFor();
    await page.getByRole('heading', { name: 'Prüfhinweise' }).waitFor();
    await page.getByRole('heading', { name: 'Budgets je Schule' }).waitFor();
    await expectNoAxeViolations(page, 'grant detail');
    await page.getByLabel('Stichtag').fill('30.06.2026');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Verwendungsnachweis herunterladen/ }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const first = workbook.worksheets[0];
    const text = [];
    first.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value ?? ''))));
    assert.ok(text.some((v) => v.includes(grant.title)), `the overview sheet names "${grant.title}"`);
  });

  it('the schools list is searchable', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Schulen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schulen' }).waitFor();
    await page.getByLabel('Schule suchen').fill('Goethe');
    await page.getByRole('rowheader', { name: 'Goethe-Gymnasium' }).waitFor();
    await expectNoAxeViolations(page, 'schools');
  });

  it('the overview and the needs queue fit 375 px', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/uebersicht');
    await page.getByRole('heading', { level: 1, name: 'Startseite' }).waitFor();
    await expectNoHorizontalScroll(page, 'overview at 375 px');
    // The screens' list folds behind "Menü" (named with the current screen); it opens, leads on, and folds again.
    const menu = page.getByRole('button', { name: 'Menü · Startseite' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('link', { name: 'Bedarfe prüfen' }).isVisible(), false);
    await menu.click();
    await expectNoAxeViolations(page, 'menu open at 375 px');
    await page.getByRole('link', { name: 'Bedarfe prüfen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedarfe prüfen' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Menü · Bedarfe prüfen' }).getAttribute('aria-expanded'), 'false');
    await expectNoHorizontalScroll(page, 'needs queue at 375 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    // Wide: no "Menü", the list is there.
    assert.equal(await page.getByRole('button', { name: /^Menü/ }).count(), 0);
  });
});

describe('the viewer reads the office screens and changes nothing', () => {
  let browser;
  before(async () => (browser = await openBrowser()));
  after(() => browser.close());

  it('sees the overview and the queue without any write control', async () => {
    const { page } = browser;
    await login(page, VIEWER);
    await page.waitForURL(/\/uebersicht$/);
    await page.getByRole('heading', { level: 1, name: 'Startseite' }).waitFor();
    await page.goto('/bedarfe-pruefen');
    await page.getByRole('heading', { level: 1, name: 'Bedarfe prüfen' }).waitFor();
    await page.getByText('Sie haben Lesezugriff').waitFor();
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /^Entscheiden/ }).count(), 0);
    await expectNoAxeViolations(page, 'needs queue (viewer)');
    // The counter is not reachable by URL for a viewer.
    await page.goto('/ausgabe');
    await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  });
});
