import { todayInBerlin } from '../src/common/dates';
import { addMonthsKeepingMonthEnd as addMonths } from '../src/common/dates';
import { lastDayToCancel } from '../src/licences/licence-rules';
import { createSchool, type TestUser, type World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { binaryParser, headings, readWorkbook, sheetRows, utcDate } from './xlsx-helpers';

describe('Licences: figures per school and the licence list (xlsx)', () => {
  let t: TestApp;
  let w: World;
  const today = todayInBerlin();
  const termEnd = addMonths(today, 8);
  let platform: string;
  let mathe: string;

  const post = async (user: TestUser, path: string, body: object) =>
    (await t.http().post(`/api/v1/licences/${path}`).set('Authorization', user.auth).send(body).expect(201)).body;
  const download = (user: TestUser, path = '/api/v1/licences.xlsx') => t.http().get(path).set('Authorization', user.auth).buffer(true).parse(binaryParser as never);

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    // A1 and A2 have 500 students each (factory default); A3 has 250.
    await createSchool(t.dataSource, w.authorityA, { name: 'A3 Realschule', studentCount: 250, schoolNumber: '130003' });
    platform = (await post(w.officeA, 'products', { name: 'Lernplattform', vendor: 'Plattform AG', kind: 'learning_platform', platforms: ['web'], processesStudentData: true, dpaSignedOn: '2024-06-01', dpaReference: 'AV-1', approved: true })).id;
    mathe = (await post(w.officeA, 'products', { name: 'Mathe-App', vendor: 'Lern GmbH', kind: 'learning_app', processesStudentData: true, approved: false })).id;
    await post(w.officeA, 'products', { name: 'Office', vendor: 'Büro AG', kind: 'office_suite', forStudents: false, processesStudentData: false });
    // Authority-wide, no seats assigned: 1.000,00 € split by students 500 : 500 : 250.
    await post(w.officeA, 'contracts', { productId: platform, allSchools: true, licenceModel: 'per_school', seatsBought: 3, termStart: '2025-01-01', termEnd, autoRenewal: true, noticePeriod: 3, noticeUnit: 'months', yearlyCents: 100_000, oneOffCents: 25_000, orderReference: 'B-1' });
    // For A1 and A2 with seats 300 and 100: 400,01 € split 3 : 1.
    const m = await post(w.officeA, 'contracts', { productId: mathe, allSchools: false, schoolIds: [w.schoolA1, w.schoolA2], licenceModel: 'per_student', seatsBought: 400, termStart: '2025-08-01', termEnd: addMonths(today, 2), yearlyCents: 40_001 });
    await t.http().put(`/api/v1/licences/contracts/${m.id}/seats/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ seatsAssigned: 300 }).expect(200);
    await t.http().put(`/api/v1/licences/contracts/${m.id}/seats/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ seatsAssigned: 100 }).expect(200);
    await t.http().put(`/api/v1/licences/contracts/${m.id}/seats/${w.schoolA1}/use`).set('Authorization', w.coordinatorA1.auth).send({ seatsInUse: 250 }).expect(200);
    // Ended: no cost share any more.
    await post(w.officeA, 'contracts', { productId: mathe, allSchools: true, licenceModel: 'volume', seatsBought: 10, termStart: '2023-01-01', termEnd: '2023-12-31', yearlyCents: 99_999 });
  });
  afterAll(() => t.close());

  it('writes contracts, cost per school and products in German, read back', async () => {
    const res = await download(w.officeA).expect(200);
    expect(res.headers['content-disposition']).toContain('Lizenzen');
    const book = await readWorkbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Lizenzverträge', 'Kosten je Schule', 'Produkte']);

    const contracts = book.getWorksheet('Lizenzverträge')!;
    expect(headings(contracts)).toEqual([
      'Produkt', 'Anbieter', 'Lizenzmodell', 'Für', 'Plätze gekauft', 'Plätze zugewiesen', 'Plätze genutzt', 'Laufzeit von', 'Laufzeit bis',
      'Automatische Verlängerung', 'Kündigungsfrist', 'Letzter Kündigungstag', 'Einmalige Kosten', 'Kosten je Jahr', 'Bestellnummer', 'Rechnungsnummer', 'Förderprogramm', 'Datenschutz',
    ]);
    const rows = sheetRows(contracts);
    expect(rows[1]).toEqual(['Lernplattform', 'Plattform AG', 'je Schule', 'alle Schulen', 3, 0, undefined, utcDate('2025-01-01'), utcDate(termEnd), 'ja', '3 Monate',
      utcDate(lastDayToCancel(termEnd, 3, 'months')), 250, 1000, 'B-1', undefined, undefined, 'in Ordnung']);
    expect(rows.slice(2, 4).map((r) => [r[0], r[2], r[3], r[5], r[6], r[13], r[17]])).toEqual(expect.arrayContaining([
      ['Mathe-App', 'je Schülerin/Schüler', '2 Schulen', 400, 250, 400.01, 'AV-Vertrag fehlt, Nicht freigegeben'],
      ['Mathe-App', 'Volumen', 'alle Schulen', 0, undefined, 999.99, 'AV-Vertrag fehlt, Nicht freigegeben'],
    ]));
    const totals = rows[4];
    expect(totals[0]).toBe('Summe');
    expect((totals[13] as { result: number }).result).toBe(2400);

    const costs = sheetRows(book.getWorksheet('Kosten je Schule')!);
    expect(costs.slice(1, -1)).toEqual([
      ['A1 Gymnasium', expect.any(String), 'Lernplattform', 0, undefined, 400],
      ['A1 Gymnasium', expect.any(String), 'Mathe-App', 300, 250, 300.01],
      ['A2 Grundschule', expect.any(String), 'Lernplattform', 0, undefined, 400],
      ['A2 Grundschule', expect.any(String), 'Mathe-App', 100, undefined, 100],
      ['A3 Realschule', '130003', 'Lernplattform', 0, undefined, 200],
    ]);
    expect((costs[costs.length - 1][5] as { result: number }).result).toBe(1400.01);

    const products = sheetRows(book.getWorksheet('Produkte')!);
    expect(products.slice(1).map((r) => [r[0], r[4], r[5], r[6], r[11], r[12]])).toEqual([
      ['Lernplattform', 'ja', 'ja', utcDate('2024-06-01'), 'in Ordnung', 1],
      ['Mathe-App', 'ja', 'ja', undefined, 'AV-Vertrag fehlt, Nicht freigegeben', 2],
      ['Office', 'nein', 'nein', undefined, 'keine Schülerdaten', 0],
    ]);
  });

  it('gives a coordinator their schools’ share only, and refuses other roles and strangers', async () => {
    const book = await readWorkbook(await download(w.coordinatorA1).expect(200));
    const costs = sheetRows(book.getWorksheet('Kosten je Schule')!);
    expect(costs.slice(1, -1).map((r) => [r[0], r[2], r[5]])).toEqual([['A1 Gymnasium', 'Lernplattform', 400], ['A1 Gymnasium', 'Mathe-App', 300.01]]);
    expect(sheetRows(book.getWorksheet('Produkte')!).slice(1).map((r) => r[0])).toEqual(['Lernplattform', 'Mathe-App']);
    const english = await readWorkbook(await download(w.viewerA, '/api/v1/licences.xlsx?lang=en').expect(200));
    expect(english.worksheets.map((s) => s.name)).toEqual(['Contracts', 'Cost per school', 'Products']);
    const other = await readWorkbook(await download(w.officeB).expect(200));
    expect(sheetRows(other.getWorksheet('Lizenzverträge')!)).toHaveLength(2); // headings and the totals row
    await download(w.admin).expect(403);
    await t.http().get('/api/v1/licences.xlsx').expect(401);
  });
});
