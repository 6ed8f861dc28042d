import { todayInBerlin } from '../src/common/dates';
import { inventoryLineColumns } from '../src/exports/grant-report-sheets';
import { columnWidth } from '../src/exports/xlsx-format';
import type ExcelJS from 'exceljs';
import { createDevice, createUser, TestUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { binaryParser, headings, readWorkbook, sheetRows, utcDate } from './xlsx-helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The row of a free-form sheet whose first cell is `text`. */
function rowLabelled(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === text) found = row;
  });
  if (!found) throw new Error(`No row labelled ${text}`);
  return found;
}

describe('Grant report (Verwendungsnachweis) GET /api/v1/grants/{id}/report.xlsx', () => {
  let t: TestApp;
  let w: World;
  let coordinatorA2: TestUser;
  let grantId: string;
  let cleanGrantId: string;

  const report = (id: string, auth?: string, query = '') => {
    const req = t.http().get(`/api/v1/grants/${id}/report.xlsx${query}`).buffer(true).parse(binaryParser as never);
    return auth ? req.set('Authorization', auth) : req;
  };
  const post = async (path: string, body: object) => {
    const res = await t.http().post(path).set('Authorization', w.officeA.auth).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    coordinatorA2 = await createUser(t, { role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA2] });
    const ds = t.dataSource;
    const laptop1 = await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'DP-0001', serialNumber: 'S-1', purchaseDate: '2023-03-10', purchasePriceCents: 89_850 });
    const laptop2 = await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'DP-0002', serialNumber: 'S-2', purchaseDate: '2023-03-10', purchasePriceCents: 89_851 });
    const display = await createDevice(ds, w.authorityA, w.schoolA2, { inventoryNumber: 'DP-0100', type: 'interactive_display', manufacturer: 'Promethean', model: 'ActivPanel 9', purchasePriceCents: 250_005 });
    const other = await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'CB-0001', purchaseDate: '2025-02-01' });
    await ds.query(`UPDATE devices SET location = 'Raum 101' WHERE id = $1`, [laptop1]);

    const grant = await post('/api/v1/grants', {
      program: 'digitalpakt_basis',
      title: 'DigitalPakt Schule – Basis',
      referenceNumber: '48.01-DP-2020-117',
      decisionDate: '2020-03-15',
      approvedCents: 10_000_000,
      fundingRatePercent: 90,
      eligibleFrom: '2019-05-17',
      eligibleUntil: '2099-12-31',
      status: 'approved',
    });
    grantId = grant.id;
    await t.http().put(`/api/v1/grants/${grantId}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 6_000_000 }).expect(200);
    await t.http().put(`/api/v1/grants/${grantId}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ amountCents: 4_000_000 }).expect(200);
    const expenditures = `/api/v1/grants/${grantId}/expenditures`;
    // 0.9 × 1,797.01 = 1,617.309 → 1,617.31 funded, 179.70 own
    await post(expenditures, { schoolId: w.schoolA1, category: 'devices', orderDate: '2023-03-01', invoiceNumber: 'RE-1', invoiceDate: '2023-03-10', paidOn: '2023-04-01', vendor: 'Bechtle', description: '2 Laptops', grossCents: 179_701, deviceIds: [laptop1, laptop2] });
    // ordered, not yet invoiced: 0.9 × 333.33 = 299.997 → 300.00 funded
    await post(expenditures, { schoolId: w.schoolA1, category: 'network', orderDate: '2023-05-01', vendor: 'Netzbau GmbH', description: 'WLAN Trakt B', grossCents: 33_333 });
    // half a cent rounds up: 0.9 × 2,500.05 = 2,250.045 → 2,250.05
    await post(expenditures, { schoolId: w.schoolA2, category: 'displays', orderDate: '2023-06-01', invoiceNumber: 'RE-3', invoiceDate: '2023-06-20', vendor: 'Medienhaus', description: 'Interaktives Display', grossCents: 250_005, deviceIds: [display] });
    // devices bought, but none linked
    await post(expenditures, { schoolId: w.schoolA1, category: 'devices', orderDate: '2023-07-01', invoiceNumber: 'RE-4', invoiceDate: '2023-07-02', vendor: 'Bechtle', description: 'Stifte', grossCents: 1_001 });

    const clean = await post('/api/v1/grants', { program: 'city_budget', title: 'Haushalt 2025', approvedCents: 500_000, fundingRatePercent: 100, eligibleFrom: '2025-01-01', eligibleUntil: '2099-12-31', status: 'approved' });
    cleanGrantId = clean.id;
    await t.http().put(`/api/v1/grants/${cleanGrantId}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 500_000 }).expect(200);
    await post(`/api/v1/grants/${cleanGrantId}/expenditures`, { schoolId: w.schoolA1, category: 'devices', orderDate: '2025-02-01', invoiceNumber: 'RE-9', invoiceDate: '2025-02-03', paidOn: '2025-02-10', vendor: 'Bechtle', description: 'Laptop', grossCents: 99_999, deviceIds: [other] });
  });
  afterAll(() => t.close());

  it('has the four sheets with German names and a file named after authority, subject and reference', async () => {
    const res = await report(grantId, w.officeA.auth).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename="Stadt_A_Verwendungsnachweis_48.01-DP-2020-117_${todayInBerlin()}.xlsx"`);
    const book = await readWorkbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Übersicht', 'Belegliste', 'Inventarliste', 'Prüfhinweise']);
  });

  it('lists every invoice with its shares to the cent and totals as formulas with exact cached values', async () => {
    const book = await readWorkbook(await report(grantId, w.officeA.auth).expect(200));
    const sheet = book.getWorksheet('Belegliste')!;
    expect(headings(sheet)).toEqual([
      'Lfd. Nr.', 'Bestelldatum', 'Rechnungsdatum', 'Rechnungsnummer', 'Lieferant', 'Gegenstand', 'Fördergegenstand', 'Schule', 'Schulnummer',
      'Gebunden (bestellt)', 'In Rechnung gestellt', 'Bezahlt', 'Bezahlt am', 'Förderanteil', 'Eigenanteil',
    ]);
    const rows = sheetRows(sheet).slice(1);
    expect(rows.slice(0, 4).map((r) => [r[0], r[3], r[9], r[13], r[14]])).toEqual([
      [1, 'RE-1', 1797.01, 1617.31, 179.7],
      [2, undefined, 333.33, 300, 33.33],
      [3, 'RE-3', 2500.05, 2250.05, 250],
      [4, 'RE-4', 10.01, 9.01, 1],
    ]);
    expect(rows[0]).toEqual([
      1, utcDate('2023-03-01'), utcDate('2023-03-10'), 'RE-1', 'Bechtle', '2 Laptops', 'Endgeräte', 'A1 Gymnasium', expect.any(String), 1797.01, 1797.01, 1797.01, utcDate('2023-04-01'), 1617.31, 179.7,
    ]);
    expect(sheet.getCell('B2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('J2').numFmt).toBe('#,##0.00 €');
    expect(sheet.getCell('A6').value).toBe('Summe');
    expect(sheet.getCell('J6').value).toEqual({ formula: 'SUM(J2:J5)', result: 4640.4 });
    // invoiced: RE-1, RE-3, RE-4; paid: RE-1
    expect(sheet.getCell('K6').value).toEqual({ formula: 'SUM(K2:K5)', result: 4307.07 });
    expect(sheet.getCell('L6').value).toEqual({ formula: 'SUM(L2:L5)', result: 1797.01 });
    expect(sheet.getCell('N6').value).toEqual({ formula: 'SUM(N2:N5)', result: 4176.37 });
    expect(sheet.getCell('O6').value).toEqual({ formula: 'SUM(O2:O5)', result: 464.03 });
    expect(sheet.getCell('J6').numFmt).toBe('#,##0.00 €');
    expect(sheet.getCell('J6').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:O1');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' });

    // the same figures as the grant summary
    const summary = (await t.http().get(`/api/v1/grants/${grantId}/summary`).set('Authorization', w.officeA.auth).expect(200)).body;
    expect(summary.totals).toMatchObject({ committedCents: 464_040, fundedCents: 417_637, ownCents: 46_403, paidCents: 179_701 });
  });

  it('sums up the grant on the overview: committed, invoiced and paid apart, one remaining, per cost type and school', async () => {
    const book = await readWorkbook(await report(grantId, w.officeA.auth).expect(200));
    const sheet = book.getWorksheet('Übersicht')!;
    expect(rowLabelled(sheet, 'Schulträger').getCell(2).value).toBe('Stadt A');
    expect(rowLabelled(sheet, 'Förderprogramm').getCell(2).value).toBe('DigitalPakt Schule (Basis)');
    expect(rowLabelled(sheet, 'Aktenzeichen').getCell(2).value).toBe('48.01-DP-2020-117');
    const decision = rowLabelled(sheet, 'Zuwendungsbescheid vom').getCell(2);
    expect(decision.value).toEqual(utcDate('2020-03-15'));
    expect(decision.numFmt).toBe('dd.mm.yyyy');
    expect(rowLabelled(sheet, 'Förderfähiger Zeitraum von').getCell(2).value).toEqual(utcDate('2019-05-17'));
    const approved = rowLabelled(sheet, 'Bewilligter Betrag');
    expect(approved.getCell(2).value).toBe(100_000);
    expect(approved.getCell(2).numFmt).toBe('#,##0.00 €');
    const rate = rowLabelled(sheet, 'Förderquote').getCell(2);
    expect(rate.value).toBe(0.9);
    expect(rate.numFmt).toBe('0.00 %');

    const committed = rowLabelled(sheet, 'Gebunden (bestellt)');
    expect(committed.getCell(2).value).toEqual({ formula: "SUM('Belegliste'!J2:J5)", result: 4640.4 });
    expect([committed.getCell(3).value, committed.getCell(4).value, committed.getCell(5).value]).toEqual([4176.37, 464.03, 4]);
    expect(rowLabelled(sheet, 'In Rechnung gestellt').getCell(2).value).toEqual({ formula: "SUM('Belegliste'!K2:K5)", result: 4307.07 });
    expect(rowLabelled(sheet, 'Bezahlt (Mittelabfluss)').getCell(2).value).toEqual({ formula: "SUM('Belegliste'!L2:L5)", result: 1797.01 });
    expect(rowLabelled(sheet, 'Verbleibend vom bewilligten Betrag (bewilligt − gebunden)').getCell(2).value).toEqual({
      formula: `B${approved.number}-B${committed.number}`,
      result: 95_359.6,
    });
    expect(() => rowLabelled(sheet, 'Verbleibend')).toThrow();
    expect(rowLabelled(sheet, 'Endgeräte').getCell(2).value).toBe(1807.02); // 1.797,01 + 10,01
    expect(rowLabelled(sheet, 'Netzwerk/WLAN').getCell(3).value).toBe(0);

    const a1 = rowLabelled(sheet, 'A1 Gymnasium');
    const n = a1.number;
    expect(a1.getCell(3).value).toBe(60_000);
    expect(a1.getCell(4).value).toBe(2140.35);
    expect(a1.getCell(7).value).toEqual({ formula: `C${n}-D${n}`, result: 57_859.65 });
    const a2 = rowLabelled(sheet, 'A2 Grundschule');
    expect([a2.getCell(4).value, a2.getCell(5).value, a2.getCell(6).value]).toEqual([2500.05, 2500.05, 0]);
    expect(rowLabelled(sheet, 'Bestätigung').getCell(1).font?.bold).toBe(true);
  });

  it('lists the devices bought with the grant, and the review notes', async () => {
    const book = await readWorkbook(await report(grantId, w.officeA.auth).expect(200));
    const inventory = book.getWorksheet('Inventarliste')!;
    expect(headings(inventory)).toEqual([
      'Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Schule', 'Standort', 'Kaufdatum', 'Kaufpreis', 'Rechnungsnummer',
      'Rechnungsdatum', 'Inbetriebnahme', 'Status am Stichtag', 'Prüfhinweis',
    ]);
    const devices = sheetRows(inventory).slice(1);
    expect(devices.map((r) => r[0])).toEqual(['DP-0001', 'DP-0002', 'DP-0100', 'Summe']);
    expect(devices[0].slice(0, 10)).toEqual(['DP-0001', 'S-1', 'Laptop', 'Lenovo', 'ThinkPad L13', 'A1 Gymnasium', 'Raum 101', utcDate('2023-03-10'), 898.5, 'RE-1']);
    expect(devices[2][2]).toBe('Interaktives Display');
    expect(inventory.getCell('I5').value).toEqual({ formula: 'SUM(I2:I4)', result: 4297.06 });
    // The widths are measured in the same pass as the rows: each measured column as wide as its longest value needs.
    inventoryLineColumns('de').forEach((column, i) => {
      if (!column.measure) return;
      const longest = Math.max(0, ...devices.slice(0, -1).map((r) => String(r[i] ?? '').length));
      expect([column.header.de, inventory.getColumn(i + 1).width]).toEqual([column.header.de, columnWidth(column as never, 'de', longest || null)]);
    });

    const notes = book.getWorksheet('Prüfhinweise')!;
    expect(headings(notes)).toEqual(['Nr.', 'Art', 'Hinweis', 'Schule', 'Betrag']);
    const texts = sheetRows(notes).slice(1);
    expect(texts).toEqual(
      expect.arrayContaining([
        [expect.any(Number), 'Keine Rechnung zum Stichtag', 'Beleg Nr. 2 (Netzbau GmbH, WLAN Trakt B): bestellt am 01.05.2023 über 333,33 €, bis zum Stichtag keine Rechnung', 'A1 Gymnasium', 333.33],
        [expect.any(Number), 'Nicht bezahlt zum Stichtag', 'Beleg Nr. 3 (Medienhaus, Interaktives Display): Rechnung RE-3 vom 20.06.2023 über 2.500,05 € bis zum Stichtag nicht bezahlt', 'A2 Grundschule', 2500.05],
        [expect.any(Number), 'Keine Geräte verknüpft', expect.stringContaining('Beleg Nr. 4'), 'A1 Gymnasium', 10.01],
      ]),
    );
    expect(texts.map((r) => r[0])).toEqual(texts.map((_, i) => i + 1));
  });

  it('says so when there is nothing to review', async () => {
    const book = await readWorkbook(await report(cleanGrantId, w.officeA.auth).expect(200));
    expect(sheetRows(book.getWorksheet('Prüfhinweise')!).slice(1)).toEqual([[undefined, undefined, 'Keine Prüfhinweise.']]);
    expect(book.getWorksheet('Belegliste')!.getCell('J3').value).toEqual({ formula: 'SUM(J2:J2)', result: 999.99 });
  });

  it('reports as of a date, and in English with lang=en', async () => {
    const res = await report(grantId, w.viewerA.auth, '?asOf=2023-05-15&lang=en').expect(200);
    expect(res.headers['content-disposition']).toContain(`filename="Stadt_A_ProofOfUse_48.01-DP-2020-117_${todayInBerlin()}.xlsx"`);
    const book = await readWorkbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Overview', 'Invoices', 'Inventory', 'Review notes']);
    const invoices = book.getWorksheet('Invoices')!;
    expect(headings(invoices).slice(9, 12)).toEqual(['Committed (ordered)', 'Invoiced', 'Paid']);
    expect(sheetRows(invoices).slice(1).map((r) => r[0])).toEqual([1, 2, 'Total']);
    expect(invoices.getCell('J4').value).toEqual({ formula: 'SUM(J2:J3)', result: 2130.34 });
    const overview = book.getWorksheet('Overview')!;
    expect(rowLabelled(overview, 'As of').getCell(2).value).toEqual(utcDate('2023-05-15'));
    expect(rowLabelled(overview, 'Committed (ordered)').getCell(2).value).toEqual({ formula: "SUM('Invoices'!J2:J3)", result: 2130.34 });
  });

  it("gives a coordinator their schools' lines and measures what remains against their allocation", async () => {
    const book = await readWorkbook(await report(grantId, w.coordinatorA1.auth).expect(200));
    expect(sheetRows(book.getWorksheet('Belegliste')!).slice(1).map((r) => r[3])).toEqual(['RE-1', undefined, 'RE-4', undefined]);
    expect(sheetRows(book.getWorksheet('Inventarliste')!).slice(1).map((r) => r[0])).toEqual(['DP-0001', 'DP-0002', 'Summe']);
    const overview = book.getWorksheet('Übersicht')!;
    const allocated = rowLabelled(overview, 'Budget Ihrer Schulen (zugewiesen)');
    expect(allocated.getCell(2).value).toBe(60_000);
    const committed = rowLabelled(overview, 'Gebunden (bestellt)');
    expect(rowLabelled(overview, 'Verbleibend vom Budget Ihrer Schulen (zugewiesen − gebunden)').getCell(2).value).toEqual({
      formula: `B${allocated.number}-B${committed.number}`,
      result: 57_859.65,
    });
    expect(() => rowLabelled(overview, 'A2 Grundschule')).toThrow();
    expect(() => rowLabelled(overview, 'Verbleibend vom bewilligten Betrag (bewilligt − gebunden)')).toThrow();
  });

  it('answers 404 for grants the caller may not see, before any byte of a file', async () => {
    const foreign = await t.http().get(`/api/v1/grants/${grantId}/report.xlsx`).set('Authorization', w.officeB.auth).expect(404);
    expect(foreign.headers['content-type']).toMatch(/application\/json/);
    expect(foreign.body.error).toBe('NOT_FOUND');
    // a coordinator of a school without allocation or spending in the grant
    await t.http().get(`/api/v1/grants/${cleanGrantId}/report.xlsx`).set('Authorization', coordinatorA2.auth).expect(404);
    await t.http().get(`/api/v1/grants/${cleanGrantId}/report.xlsx`).set('Authorization', w.coordinatorB1.auth).expect(404);
    await t.http().get('/api/v1/grants/6b0b5a0e-93a4-4c1c-9d55-2f4d1f4c0c11/report.xlsx').set('Authorization', w.officeA.auth).expect(404);
  });

  it('validates the id and the query, and needs a login and a tenant role', async () => {
    const badId = await t.http().get('/api/v1/grants/not-a-uuid/report.xlsx').set('Authorization', w.officeA.auth).expect(400);
    expect(badId.body.fieldErrors).toEqual([{ field: 'id', code: 'isUuid', messages: ['id must be a UUID'] }]);
    const badQuery = await t.http().get(`/api/v1/grants/${grantId}/report.xlsx?asOf=2023-02-30&lang=fr`).set('Authorization', w.officeA.auth).expect(400);
    expect(badQuery.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['asOf', 'lang']);
    await t.http().get(`/api/v1/grants/${grantId}/report.xlsx`).expect(401);
    await t.http().get(`/api/v1/grants/${grantId}/report.xlsx`).set('Authorization', w.admin.auth).expect(403);
  });
});
