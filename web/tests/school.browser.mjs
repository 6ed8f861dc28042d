import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apiAs, expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser, screenshot } from './support.mjs';

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
    // A file that is no delivery list at all: why, in German, at the file field, with focus there.
    await page.locator('input[type=file]').setInputFiles({ name: 'text.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('Das ist nur Text.') });
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('Die Datei lässt sich nicht als Excel-Arbeitsmappe (.xlsx) lesen').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Datei auswählen …');
    await expectNoAxeViolations(page, 'import screen, file refused');
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
    assert.equal(rows[1][2], 'Das Feld ist leer.', 'the problems in German');
    assert.match(await page.getByText(/Probleme gefunden/).first().textContent(), /3 Probleme gefunden/);
    assert.equal(await page.getByRole('button', { name: /Geräte importieren/ }).count(), 0, 'no import while there are problems');
    await screenshot(page, 'import-problems');
    await expectNoAxeViolations(page, 'import dry run with problems');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalScroll(page, 'import problems at 375 px');
    await screenshot(page, 'import-problems-phone');
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
    // The form is gone: focus is on the result, not on the page.
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-import-done'));
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
    await screenshot(page, 'import-done');
    await page.getByLabel('erstes freies Etikett').fill('4');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF erzeugen' }).click();
    const pdfPath = await (await download).path();
    const pdf = readFileSync(pdfPath);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = await pdfText(pdf);
    for (const n of numbers) assert.ok(text.includes(n), `the labels name ${n}`);
    assert.deepEqual([...new Set(text.match(new RegExp(`NEU-${stamp}-\\d`, 'g')))].sort(), numbers, 'the labels of exactly these devices');
    for (const n of numbers) assert.ok((await api.get(`/devices/by-tag/${n}`)).body.labelledAt, `${n} is marked labelled`);
  });

  it('needs: create a draft with euros, submit it; the API holds cents and the status', async () => {
    const { page } = browser;
    const title = `Tablets Jahrgang 5 ${stamp}`;
    await page.getByRole('link', { name: 'Bedarfsmeldungen' }).click();
    await page.getByRole('heading', { name: 'Bedarfsmeldungen', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Neue Bedarfsmeldung' }).click();
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel('Menge').fill('30');
    await page.getByLabel('Geschätzte Kosten (€)').fill('14.400,50');
    await page.getByLabel(/^Begründung/).fill('Die Klassen 5a bis 5c arbeiten ab Februar mit Tablets.');
    await expectNoAxeViolations(page, 'needs form');
    await screenshot(page, 'needs-form');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Einreichen' }).click();
    await page.getByRole('button', { name: 'Zurückziehen' }).waitFor();
    const need = (await api.get(`/needs?schoolId=${schoolId}&limit=200`)).body.items.find((n) => n.title === title);
    assert.equal(need.status, 'submitted');
    assert.equal(need.estimatedCostCents, 1_440_050);
    assert.equal(need.quantity, 30);
    assert.equal(need.category, 'student_devices');
    const row = page.getByRole('row', { name: new RegExp(title) });
    assert.match(await row.textContent(), /14\.400,50\s€.*eingereicht/);
    await expectNoAxeViolations(page, 'needs list with a submitted request');
    await screenshot(page, 'needs');
  });

  it("needs: the office's partial approval shows quantity, euros and reason; a stale edit is explained", async () => {
    const { page } = browser;
    const office = await apiAs('schulamt@musterstadt.example');
    const created = await api.post('/needs', { schoolId, category: 'displays', title: `Displays ${stamp}`, quantity: 4, estimatedCostCents: 1_600_000, justification: 'Vier Räume ohne Anzeigegerät.' });
    assert.equal(created.status, 201);
    const submitted = await api.post(`/needs/${created.body.id}/submit`, { version: created.body.version });
    const decided = await office.post(`/needs/${created.body.id}/decide`, { decision: 'partially_approved', version: submitted.body.version, approvedQuantity: 2, approvedCents: 812_345, reason: 'Zwei Räume in diesem Jahr.' });
    assert.equal(decided.status, 200);
    const draft = await api.post('/needs', { schoolId, category: 'wlan', title: `WLAN Altbau ${stamp}`, quantity: 1, estimatedCostCents: 500_000, justification: 'Der Altbau hat kein WLAN.' });
    await page.reload();
    await page.getByRole('button', { name: `Öffnen: Displays ${stamp}` }).click();
    const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: `Displays ${stamp}` }) });
    const text = await panel.textContent();
    assert.match(text, /genehmigte Menge\s*2/);
    assert.match(text, /genehmigter Betrag\s*8\.123,45\s€/);
    assert.match(text, /Zwei Räume in diesem Jahr\./);
    assert.match(text, /teilweise genehmigt/);
    assert.equal(await panel.getByRole('button', { name: 'Bearbeiten' }).count(), 0, 'a decided request cannot change');
    await expectNoAxeViolations(page, 'a decided request');
    await screenshot(page, 'needs-decided');
    // Someone else changes the draft while it is open for editing.
    await page.getByRole('button', { name: `Öffnen: WLAN Altbau ${stamp}` }).click();
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await api.patch(`/needs/${draft.body.id}`, { quantity: 2, version: draft.body.version });
    await page.getByLabel('Menge').fill('3');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Diese Meldung wurde inzwischen geändert').waitFor();
    assert.equal((await api.get(`/needs/${draft.body.id}`)).body.quantity, 2, 'the stale edit was not saved');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalScroll(page, 'needs at 375 px');
    await screenshot(page, 'needs-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('my school: its figures, coverage and the devices past replacement age; a figure edited', async () => {
    const { page } = browser;
    const school = (await api.get(`/schools/${schoolId}`)).body;
    const coverage = (await api.get(`/schools/${schoolId}/coverage`)).body;
    await page.getByRole('link', { name: 'Meine Schule' }).click();
    await page.getByRole('heading', { name: `Meine Schule: ${school.name}`, level: 1 }).waitFor();
    const facts = await page.locator('section', { has: page.getByRole('heading', { name: 'Kennzahlen der Schule' }) }).textContent();
    assert.match(facts, new RegExp(`Schülerzahl${school.studentCount}`));
    assert.match(facts, new RegExp(`Schulnummer${school.schoolNumber}`));
    const studentsRow = await page.getByRole('row', { name: /Schülerinnen\/Schüler je Gerät/ }).textContent();
    assert.ok(studentsRow.includes(`${coverage.students.devices} Geräte für ${coverage.students.count}`), studentsRow);
    const replacementRows = page.getByRole('table', { name: 'Geräte über dem Ersatzalter' }).locator('tbody tr');
    await replacementRows.first().waitFor();
    assert.equal(await replacementRows.count(), Math.min(25, coverage.replacement.pastAge));
    await expectNoAxeViolations(page, 'my school');
    await screenshot(page, 'my-school');
    if (coverage.replacement.pastAge > 25) {
      await page.getByRole('button', { name: `Alle ${coverage.replacement.pastAge} anzeigen` }).click();
      assert.equal(await replacementRows.count(), coverage.replacement.pastAge, 'the list matches the coverage count');
    }
    await page.getByRole('button', { name: 'Angaben ändern' }).click();
    await page.getByLabel('WLAN-Abdeckung (%)').fill('150');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte eine ganze Zahl von 0 bis 100 eingeben.').waitFor();
    await page.getByLabel('WLAN-Abdeckung (%)').fill('85');
    await expectNoAxeViolations(page, 'my school, editing');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // Saved, or a notice that says why not (once seen in CI: neither within 15 s; the notice's text tells next time).
    await page.getByText('Die Angaben der Schule sind gespeichert.').or(page.locator('main .notice-error, main .notice-warning').first()).first().waitFor({ timeout: 30_000 });
    const notices = await page.locator('main .notice-error, main .notice-warning').allTextContents();
    assert.deepEqual(notices, [], 'no error notice after saving');
    await page.getByText('Die Angaben der Schule sind gespeichert.').waitFor();
    const after = (await api.get(`/schools/${schoolId}`)).body;
    assert.equal(after.wlanCoveragePercent, 85);
    assert.equal(after.studentCount, school.studentCount, 'the other figures stay');
    await page.getByRole('row', { name: /WLAN-Abdeckung/ }).getByText('85 %').waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await replacementRows.first().waitFor();
    await expectNoHorizontalScroll(page, 'my school at 375 px');
    await screenshot(page, 'my-school-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await api.patch(`/schools/${schoolId}`, { wlanCoveragePercent: school.wlanCoveragePercent, version: after.version });
  });
});
