import { type World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';
import { binaryParser, readWorkbook, sheetRows, utcDate } from './xlsx-helpers';

/** A licence contract bought with grant money shows in the grant's summary and in its Verwendungsnachweis (Belegliste). */
describe('Grant link of licence contracts', () => {
  let t: TestApp;
  let w: World;
  let grantId: string;
  let platformA1: string;
  let mathsA2: string;
  let officeLate: string;

  const summary = (user = w.officeA, query = '') => t.http().get(`/api/v1/grants/${grantId}/summary${query}`).set('Authorization', user.auth).expect(200);
  const report = (user = w.officeA, query = '') =>
    t.http().get(`/api/v1/grants/${grantId}/report.xlsx${query}`).set('Authorization', user.auth).buffer(true).parse(binaryParser as never).expect(200);
  const post = async (path: string, body: object) => {
    const res = await t.http().post(`/api/v1/licences/${path}`).set('Authorization', w.officeA.auth).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const product = (name: string) =>
    post('products', { name, vendor: 'Lern GmbH', kind: 'learning_platform', processesStudentData: true, dpaSignedOn: '2022-01-10', dpaReference: 'AV-1', approved: true });

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const grant = await createGrant(t, w.officeA, { title: 'DigitalPakt mit Lizenzen', approvedCents: 1_000_000, fundingRatePercent: 90, eligibleUntil: '2099-12-31' });
    grantId = grant.id;
    await allocate(t, w.officeA, grantId, w.schoolA1, 500_000);
    await allocate(t, w.officeA, grantId, w.schoolA2, 500_000);
    const e1 = await spend(t, w.officeA, grantId, w.schoolA1, { category: 'software', orderDate: '2022-02-01', invoiceNumber: 'RE-L1', invoiceDate: '2022-02-15', paidOn: '2022-03-01', vendor: 'Lern GmbH', description: 'Lernplattform 3 Jahre', grossCents: 120_000 });
    const e2 = await spend(t, w.officeA, grantId, w.schoolA2, { category: 'software', orderDate: '2022-05-02', invoiceNumber: 'RE-L2', invoiceDate: '2022-07-15', paidOn: null, vendor: 'Mathe AG', description: 'Mathe-App', grossCents: 35_000 });
    const e3 = await spend(t, w.officeA, grantId, w.schoolA1, { category: 'software', orderDate: '2022-09-01', invoiceNumber: 'RE-L3', invoiceDate: '2022-09-10', paidOn: '2022-09-20', vendor: 'Büro AG', description: 'Office-Paket', grossCents: 9_999 });
    const platform = await product('Lernplattform');
    const maths = await product('Mathe-App');
    const office = await product('Office-Paket');
    const contract = (productId: string, expenditureId: string, o: object) =>
      post('contracts', { productId, allSchools: true, licenceModel: 'per_student', seatsBought: 500, termStart: '2022-03-01', termEnd: '2025-02-28', yearlyCents: 0, expenditureId, ...o });
    platformA1 = (await contract(platform.id, e1.id, {})).id;
    mathsA2 = (await contract(maths.id, e2.id, { licenceModel: 'per_device', seatsBought: 60, termStart: '2022-08-01', termEnd: '2023-07-31' })).id;
    officeLate = (await contract(office.id, e3.id, { licenceModel: 'per_teacher', seatsBought: 40, termStart: '2022-10-01', termEnd: '2023-09-30' })).id;
    // a contract without a grant stays out
    await contract(office.id, null as never, { termStart: '2024-01-01', termEnd: '2024-12-31', expenditureId: undefined });
  });
  afterAll(() => t.close());

  it('lists the licence contracts the grant paid for in its summary, with the invoice they came with', async () => {
    const { body } = await summary();
    expect(body.licences).toEqual([
      {
        contractId: platformA1, productId: expect.any(String), productName: 'Lernplattform', vendor: 'Lern GmbH', licenceModel: 'per_student', seatsBought: 500, yearlyCents: 0,
        expenditureId: expect.any(String), schoolId: w.schoolA1, invoiceNumber: 'RE-L1', grossCents: 120_000, termStart: '2022-03-01', termEnd: '2025-02-28',
      },
      {
        contractId: mathsA2, productId: expect.any(String), productName: 'Mathe-App', vendor: 'Lern GmbH', licenceModel: 'per_device', seatsBought: 60, yearlyCents: 0,
        expenditureId: expect.any(String), schoolId: w.schoolA2, invoiceNumber: 'RE-L2', grossCents: 35_000, termStart: '2022-08-01', termEnd: '2023-07-31',
      },
      {
        contractId: officeLate, productId: expect.any(String), productName: 'Office-Paket', vendor: 'Lern GmbH', licenceModel: 'per_teacher', seatsBought: 40, yearlyCents: 0,
        expenditureId: expect.any(String), schoolId: w.schoolA1, invoiceNumber: 'RE-L3', grossCents: 9_999, termStart: '2022-10-01', termEnd: '2023-09-30',
      },
    ]);
    const [row] = await t.dataSource.query(`SELECT e.invoice_number FROM licence_contracts c JOIN expenditures e ON e.id = c.expenditure_id WHERE c.id = $1`, [platformA1]);
    expect(row.invoice_number).toBe('RE-L1');
  });

  it('honours the reporting date: later orders are not there yet, later invoices have no number', async () => {
    const { body } = await summary(w.officeA, '?asOf=2022-06-30');
    expect(body.licences.map((l: { contractId: string; invoiceNumber: string | null }) => [l.contractId, l.invoiceNumber])).toEqual([
      [platformA1, 'RE-L1'],
      [mathsA2, null],
    ]);
  });

  it('shows a coordinator the licences of their schools only, and none of another authority', async () => {
    expect((await summary(w.coordinatorA1)).body.licences.map((l: { contractId: string }) => l.contractId)).toEqual([platformA1, officeLate]);
    expect((await summary(w.viewerA)).body.licences).toHaveLength(3);
    await t.http().get(`/api/v1/grants/${grantId}/summary`).set('Authorization', w.officeB.auth).expect(404);
  });

  it('names the licence contract under its invoice in the Belegliste, as of the reporting date', async () => {
    const sheet = (await readWorkbook(await report())).getWorksheet('Belegliste')!;
    const rows = sheetRows(sheet).slice(1, 4);
    expect(rows.map((r) => [r[0], r[3], r[5], r[6], r[7], r[9]])).toEqual([
      [1, 'RE-L1', 'Lernplattform 3 Jahre – Lizenzvertrag: Lernplattform (01.03.2022–28.02.2025)', 'Software', 'A1 Gymnasium', 1200],
      [2, 'RE-L2', 'Mathe-App – Lizenzvertrag: Mathe-App (01.08.2022–31.07.2023)', 'Software', expect.any(String), 350],
      [3, 'RE-L3', 'Office-Paket – Lizenzvertrag: Office-Paket (01.10.2022–30.09.2023)', 'Software', 'A1 Gymnasium', 99.99],
    ]);
    expect(sheet.getCell('B2').value).toEqual(utcDate('2022-02-01'));
    expect(sheet.getCell('J5').value).toEqual({ formula: 'SUM(J2:J4)', result: 1649.99 });
    // the column is wide enough for the longest description with its licence
    expect(sheet.getColumn(6).width).toBeGreaterThan(40);

    const asOf = (await readWorkbook(await report(w.officeA, '?asOf=2022-06-30'))).getWorksheet('Belegliste')!;
    expect(sheetRows(asOf).slice(1, 3).map((r) => [r[3], r[5]])).toEqual([
      ['RE-L1', 'Lernplattform 3 Jahre – Lizenzvertrag: Lernplattform (01.03.2022–28.02.2025)'],
      [undefined, 'Mathe-App – Lizenzvertrag: Mathe-App (01.08.2022–31.07.2023)'],
    ]);
    expect(asOf.getCell('A4').value).toBe('Summe');

    const en = (await readWorkbook(await report(w.coordinatorA1, '?lang=en'))).getWorksheet('Invoices')!;
    expect(sheetRows(en).slice(1, 3).map((r) => r[5])).toEqual([
      'Lernplattform 3 Jahre – Licence contract: Lernplattform (01.03.2022–28.02.2025)',
      'Office-Paket – Licence contract: Office-Paket (01.10.2022–30.09.2023)',
    ]);
  });
});
