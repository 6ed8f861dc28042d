import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COORDINATOR, apiAs, expectNoAxeViolations, login, openBrowser, screenshot } from './support.mjs';

const OFFICE = 'schulamt@musterstadt.example';
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The name of what has the keyboard focus: its label, else what labels it (a select's button), else its aria-label. */
const focusedName = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(the page)';
    const byIds = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return (el.labels?.[0]?.textContent ?? byIds ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

/** The focus comes to the field whose label starts with `label` (a text field, or a select's button). */
async function expectFocusOn(page, label, what) {
  for (let tries = 0; tries < 50; tries++) {
    if ((await focusedName(page)).startsWith(label)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: focus is on "${await focusedName(page)}", not on "${label}"`);
}

/** A request of the Goethe-Gymnasium, submitted to the office (this test's own). */
async function submittedNeed() {
  const coordinator = await apiAs(COORDINATOR);
  const school = (await coordinator.get('/schools?limit=5')).body.items[0];
  const created = await coordinator.post('/needs', {
    schoolId: school.id,
    category: 'student_devices',
    title: `Tablets Klasse 5 ${unique()}`,
    quantity: 12,
    estimatedCostCents: 600_000,
    justification: 'Die Klassen 5 arbeiten ab dem Halbjahr mit Tablets.',
    priority: 'high',
  });
  assert.equal(created.status, 201);
  const submitted = await coordinator.post(`/needs/${created.body.id}/submit`, { version: created.body.version });
  assert.equal(submitted.status, 200);
  return submitted.body;
}

describe('the office: wrong input is refused at its field, and focus goes there', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await login(browser.page, OFFICE);
  });
  after(() => browser.close());

  it('a partial approval takes whole quantities and euros, and a decision closes back into the queue', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const need = await submittedNeed();
    await page.goto('/bedarfe-pruefen');
    const opener = page.getByRole('button', { name: `Entscheiden: ${need.title}` });
    await opener.click();
    const panel = page.getByRole('region', { name: `Entscheiden: ${need.title}` });
    await panel.getByRole('radio', { name: 'teilweise genehmigt' }).check({ force: true });
    const quantity = panel.getByLabel('genehmigte Menge');
    const amount = panel.getByLabel('genehmigter Betrag (€)');
    for (const typed of ['2,5', '1e3', 'abc', '13']) {
      await quantity.fill(typed);
      await panel.getByRole('button', { name: 'Speichern' }).click();
      await panel.getByText('Bitte eine ganze Zahl von 0 bis 12 eingeben.').waitFor();
      await expectFocusOn(page, 'genehmigte Menge', `quantity "${typed}"`);
    }
    await quantity.fill('6');
    await amount.fill('-5');
    await panel.getByRole('button', { name: 'Speichern' }).click();
    await panel.getByText('Ein Betrag kann nicht negativ sein.').waitFor();
    await expectFocusOn(page, 'genehmigter Betrag', 'a negative amount');
    await amount.fill('7.000,00');
    await panel.getByRole('button', { name: 'Speichern' }).click();
    await panel.getByText('Höchstens 6.000,00 €.').waitFor();
    await expectNoAxeViolations(page, 'decision form with errors');
    await screenshot(page, 'forms-decision-errors');
    assert.equal((await api.get(`/needs/${need.id}`)).body.status, 'submitted', 'nothing was sent while a field was wrong');

    // A rejection needs a reason; switching the decision clears the message of the last attempt.
    await panel.getByRole('radio', { name: 'abgelehnt' }).check({ force: true });
    await panel.getByRole('button', { name: 'Speichern' }).click();
    await panel.getByText('Bitte eine Begründung angeben.').waitFor();
    await expectFocusOn(page, 'Begründung', 'a rejection without reason');
    await panel.getByRole('radio', { name: 'genehmigt', exact: true }).check({ force: true });
    await panel.getByText('Bitte eine Begründung angeben.').waitFor({ state: 'detached' });

    // Cancel: focus returns to the button that opened the panel.
    await panel.getByRole('button', { name: 'Abbrechen' }).click();
    await panel.waitFor({ state: 'detached' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus back on "Entscheiden"');

    // Decided in part: the row leaves the queue, focus stays in the table (not on the page's body).
    await opener.click();
    await panel.getByRole('radio', { name: 'teilweise genehmigt' }).check({ force: true });
    await quantity.fill('6');
    await amount.fill('3.000,00');
    await panel.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`Entschieden: ${need.title}`).waitFor({ state: 'attached' });
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !!document.activeElement?.closest('main'));
    assert.notEqual(await focusedName(page), `Entscheiden: ${need.title}`);
    const decided = (await api.get(`/needs/${need.id}`)).body;
    assert.deepEqual({ status: decided.status, approvedQuantity: decided.approvedQuantity, approvedCents: decided.approvedCents }, { status: 'partially_approved', approvedQuantity: 6, approvedCents: 300_000 });

    // The decided requests show what was granted.
    await page.goto('/bedarfe-pruefen?status=partially_approved');
    const row = page.getByRole('row', { name: new RegExp(need.title) });
    await row.getByRole('cell', { name: '12 Stück, 6.000,00 €' }).waitFor();
    await row.getByRole('cell', { name: '6 Stück, 3.000,00 €' }).waitFor();
    await row.getByRole('cell', { name: 'kein Förderprogramm' }).waitFor();
    // The button's name starts with what it says (WCAG 2.5.3).
    await row.getByRole('button', { name: `Zuordnen: Förderprogramm für ${need.title}` }).waitFor();
    await screenshot(page, 'forms-decided-requests');
  });

  it('a new grant refuses a day that does not exist, an empty title and an end before its start', async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const before = (await api.get('/grants?limit=200')).body.items.length;
    await page.goto('/foerderung');
    const form = page.getByRole('region', { name: 'Neues Förderprogramm' });
    await form.getByLabel('Bezeichnung').fill('   ');
    await form.getByLabel('bewilligter Betrag (€)').fill('10.000,00');
    await form.getByLabel('förderfähig ab').fill('31.02.2026');
    await form.getByLabel('förderfähig bis').fill('32.13.2026');
    await form.getByRole('button', { name: 'Förderprogramm anlegen' }).click();
    await form.getByText('Bitte ausfüllen.').waitFor();
    assert.equal(await form.getByText('Kein gültiges Datum: bitte TT.MM.JJJJ, z. B. 31.12.2026.').count(), 2);
    await expectFocusOn(page, 'Bezeichnung', 'the first wrong field');
    await form.getByLabel('Bezeichnung').fill(`Datumsprogramm ${unique()}`);
    await form.getByLabel('förderfähig ab').fill('01.07.2026');
    await form.getByLabel('förderfähig bis').fill('30.06.2026');
    await form.getByRole('button', { name: 'Förderprogramm anlegen' }).click();
    await form.getByText('Dieses Datum liegt vor „förderfähig ab“.').waitFor();
    await expectFocusOn(page, 'förderfähig bis', 'an end before the start');
    await expectNoAxeViolations(page, 'new grant with errors');
    await screenshot(page, 'forms-new-grant-errors');
    assert.equal((await api.get('/grants?limit=200')).body.items.length, before, 'nothing was created');
  });

  it("a grant's page: no focus grab on load, budgets and invoices refused at their fields, focus back where the form was opened", async () => {
    const { page } = browser;
    const api = await apiAs(OFFICE);
    const created = await api.post('/grants', { title: `Fokusprogramm ${unique()}`, program: 'digitalpakt_basis', approvedCents: 500_000, fundingRatePercent: 90, eligibleFrom: '2026-01-01', eligibleUntil: '2026-12-31', status: 'approved' });
    assert.equal(created.status, 201);
    await page.goto(`/foerderung/${created.body.id}`);
    await page.getByRole('heading', { level: 1, name: created.body.title }).waitFor();
    const budgets = page.getByRole('region', { name: 'Budgets je Schule' });
    await budgets.getByText('Noch keine Budgets für Schulen festgelegt.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'nothing takes the focus when the page opens');

    // A budget without a school, then a negative one.
    const add = page.getByRole('form', { name: 'Budget für eine Schule festlegen' });
    await add.getByLabel('Budget (€)').fill('-5');
    await add.getByRole('button', { name: 'Budget für eine Schule festlegen' }).click();
    await add.getByText('Bitte eine Schule wählen.').waitFor();
    await add.getByText('Ein Betrag kann nicht negativ sein.').waitFor();
    await expectFocusOn(page, 'Schule', 'a budget without a school');
    await expectNoAxeViolations(page, 'budget form with errors');

    // "erfassen" opens the form with focus in it; an empty save focuses the first wrong field; cancel returns.
    await page.getByRole('button', { name: 'Bestellung oder Rechnung erfassen' }).click();
    const inv = page.getByRole('form', { name: 'Bestellung oder Rechnung erfassen' });
    await expectFocusOn(page, 'Schule', 'the opened form');
    await inv.getByLabel('Betrag brutto (€)').fill('0');
    await inv.getByLabel('Bestelldatum').fill('32.13.2026');
    await inv.getByLabel('Rechnungsdatum').fill('31.04.2026');
    await inv.getByRole('button', { name: 'Speichern' }).click();
    await inv.getByText('Bitte einen Betrag über 0 € eingeben.').waitFor();
    assert.equal(await inv.getByText('Kein gültiges Datum: bitte TT.MM.JJJJ, z. B. 31.12.2026.').count(), 2);
    assert.equal(await inv.getByText('Bitte ausfüllen.').count(), 2, 'Lieferant and Beschreibung');
    await expectFocusOn(page, 'Schule', 'the first wrong field (no school)');
    await inv.getByLabel('Bestelldatum').fill('15.03.2026');
    await inv.getByLabel('Rechnungsdatum').fill('01.03.2026');
    await inv.getByRole('button', { name: 'Speichern' }).click();
    await inv.getByText('Dieses Datum liegt vor „Bestelldatum“.').waitFor();
    await expectNoAxeViolations(page, 'expenditure form with errors');
    await screenshot(page, 'forms-expenditure-errors');
    await inv.getByRole('button', { name: 'Abbrechen' }).click();
    await inv.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Bestellung oder Rechnung erfassen');
    assert.equal((await api.get(`/grants/${created.body.id}/expenditures?limit=10`)).body.items.length, 0);
  });
});
