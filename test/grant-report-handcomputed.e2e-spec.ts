import type ExcelJS from 'exceljs';
import { todayInBerlin } from '../src/common/dates';
import { CERTIFICATION_TEXT } from '../src/exports/grant-report-overview';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { binaryParser, readWorkbook, utcDate } from './xlsx-helpers';

/** A sheet's rows as values, formulas replaced by their cached results (what a reader sees). */
function shown(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as unknown[]).slice(1);
    rows.push(values.map((v) => (v !== null && typeof v === 'object' && 'formula' in v ? (v as unknown as { result: unknown }).result : v)));
  }
  return rows;
}

/**
 * The Verwendungsnachweis of a small grant with the reporting date 18.11.2026, compared cell by cell with the figures
 * worked out by hand below: an order paid, one invoiced but unpaid, one without invoice, one invoiced and paid only after
 * the reporting date, and one ordered after it; devices bought before the eligible period and after their invoice;
 * a device lost after the reporting date and one in repair on it.
 */
describe('Verwendungsnachweis against a hand-computed workbook', () => {
  let t: TestApp;
  let w: World;
  let book: ExcelJS.Workbook;
  const LINE = '_______________________________';

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const ds = t.dataSource;
    const post = async (path: string, body: object) => {
      const res = await t.http().post(path).set('Authorization', w.officeA.auth).send(body);
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const tablet = (n: number, purchaseDate: string) =>
      createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: `LP-T${n}`, serialNumber: `SN-${n}`, type: 'tablet', purchaseDate, purchasePriceCents: 50_000 });
    const t1 = await tablet(1, '2026-02-05');
    const t2 = await tablet(2, '2026-02-12'); // after its invoice of 10.02.2026
    const t3 = await tablet(3, '2025-12-20'); // before the eligible period
    const grant = await post('/api/v1/grants', {
      program: 'state_program',
      title: 'Landesprogramm Stichtag',
      referenceNumber: 'LP-2026-7',
      decisionDate: '2025-12-01',
      approvedCents: 2_000_000,
      fundingRatePercent: 80,
      eligibleFrom: '2026-01-01',
      eligibleUntil: '2027-12-31',
      status: 'approved',
    });
    await t.http().put(`/api/v1/grants/${grant.id}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 1_500_000 }).expect(200);
    await t.http().put(`/api/v1/grants/${grant.id}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ amountCents: 500_000 }).expect(200);
    const lines = `/api/v1/grants/${grant.id}/expenditures`;
    const base = { invoiceNumber: null, invoiceDate: null, paidOn: null };
    await post(lines, { ...base, schoolId: w.schoolA1, category: 'devices', orderDate: '2026-02-01', invoiceNumber: 'RE-100', invoiceDate: '2026-02-10', paidOn: '2026-03-01', vendor: 'Bechtle', description: '3 Tablets', grossCents: 150_000, deviceIds: [t1, t2, t3] });
    await post(lines, { ...base, schoolId: w.schoolA1, category: 'network', orderDate: '2026-03-01', invoiceNumber: 'RE-101', invoiceDate: '2026-04-01', vendor: 'Netzbau', description: 'WLAN Altbau', grossCents: 99_999 });
    await post(lines, { ...base, schoolId: w.schoolA2, category: 'software', orderDate: '2026-05-01', vendor: 'Lernsoft', description: 'Lizenzen', grossCents: 25_001 });
    await post(lines, { ...base, schoolId: w.schoolA1, category: 'training', orderDate: '2026-06-01', invoiceNumber: 'RE-103', invoiceDate: '2026-11-20', paidOn: '2026-11-25', vendor: 'Schulung KG', description: 'Fortbildung', grossCents: 40_000 });
    await post(lines, { ...base, schoolId: w.schoolA2, category: 'devices', orderDate: '2026-11-19', vendor: 'Bechtle', description: 'Nach dem Stichtag', grossCents: 10_000 });
    // History: T1 lost on 01.12.2026 (after the reporting date), T2 in repair from 01.10. to 30.11.2026.
    const event = (device: string, from: string, to: string, at: string) =>
      ds.query(`INSERT INTO device_events (device_id, authority_id, kind, from_status, to_status, occurred_at) VALUES ($1, $2, 'status_changed', $3, $4, $5)`, [device, w.authorityA, from, to, at]);
    await event(t1, 'available', 'lost', '2026-12-01T10:00:00+01:00');
    await ds.query(`UPDATE devices SET status = 'lost' WHERE id = $1`, [t1]);
    await event(t2, 'available', 'in_repair', '2026-10-01T09:00:00+02:00');
    await event(t2, 'in_repair', 'available', '2026-11-30T09:00:00+01:00');

    const res = await t.http().get(`/api/v1/grants/${grant.id}/report.xlsx?asOf=2026-11-18`).set('Authorization', w.officeA.auth).buffer(true).parse(binaryParser as never).expect(200);
    book = await readWorkbook(res);
  });
  afterAll(() => t.close());

  const [a1, a2] = ['A1 Gymnasium', 'A2 Grundschule'];

  it('Übersicht: facts, committed/invoiced/paid apart, one remaining, per cost type, per school, certification', async () => {
    const [{ a1Number, a2Number }] = await t.dataSource.query(
      `SELECT (SELECT school_number FROM schools WHERE id = $1) AS "a1Number", (SELECT school_number FROM schools WHERE id = $2) AS "a2Number"`,
      [w.schoolA1, w.schoolA2],
    );
    const rows = shown(book.getWorksheet('Übersicht')!);
    const cert = rows.find((r) => r[0] === CERTIFICATION_TEXT)!;
    expect(cert[0]).toBe(
      'Es wird bestätigt, dass die Ausgaben notwendig waren, dass wirtschaftlich und sparsam verfahren worden ist und die Angaben mit den Büchern und gegebenenfalls den Belegen übereinstimmen.',
    );
    expect(rows.map((r) => (r[0] === CERTIFICATION_TEXT ? [CERTIFICATION_TEXT] : r))).toEqual([
      ['Verwendungsnachweis – zahlenmäßiger Nachweis'],
      [],
      ['Schulträger', 'Stadt A'],
      ['Förderprogramm', 'Landesprogramm'],
      ['Bezeichnung', 'Landesprogramm Stichtag'],
      ['Aktenzeichen', 'LP-2026-7'],
      ['Zuwendungsbescheid vom', utcDate('2025-12-01')],
      ['Förderfähiger Zeitraum von', utcDate('2026-01-01')],
      ['Förderfähiger Zeitraum bis', utcDate('2027-12-31')],
      ['Bewilligter Betrag', 20_000],
      ['Förderquote', 0.8],
      ['Stichtag', utcDate('2026-11-18')],
      ['Erstellt am', utcDate(todayInBerlin())],
      [],
      ['Mittel zum Stichtag (Summen der Belegliste)'],
      ['Stand', 'Betrag (brutto)', 'Förderanteil', 'Eigenanteil', 'Anzahl Belege'],
      // 1.500,00 + 999,99 + 250,01 + 400,00 (ordered by 18.11.; the order of 19.11. is not there); 80 %: 1.200,00 + 799,99 + 200,01 + 320,00
      ['Gebunden (bestellt)', 3_150, 2_520, 630, 4],
      // invoiced by 18.11.: RE-100 and RE-101 (RE-103 is dated 20.11.)
      ['In Rechnung gestellt', 2_499.99, 1_999.99, 500, 2],
      // paid by 18.11.: RE-100 only
      ['Bezahlt (Mittelabfluss)', 1_500, 1_200, 300, 1],
      [],
      ['Verbleibend vom bewilligten Betrag (bewilligt − gebunden)', 16_850],
      [],
      ['Nach Fördergegenstand'],
      ['Fördergegenstand', 'Gebunden (bestellt)', 'In Rechnung gestellt', 'Bezahlt (Mittelabfluss)', 'Förderanteil (bezahlt)', 'Eigenanteil (bezahlt)'],
      ['Endgeräte', 1_500, 1_500, 1_500, 1_200, 300],
      ['Netzwerk/WLAN', 999.99, 999.99, 0, 0, 0],
      ['Software', 250.01, 0, 0, 0, 0],
      ['Schulung', 400, 0, 0, 0, 0],
      ['Summe', 3_150, 2_499.99, 1_500, 1_200, 300],
      [],
      ['Nach Schulen'],
      ['Schule', 'Schulnummer', 'Budget (zugewiesen)', 'Gebunden (bestellt)', 'In Rechnung gestellt', 'Bezahlt (Mittelabfluss)', 'Verbleibend vom Budget (zugewiesen − gebunden)'],
      [a1, a1Number, 15_000, 2_899.99, 2_499.99, 1_500, 12_100.01],
      [a2, a2Number, 5_000, 250.01, 0, 0, 4_749.99],
      ['Summe', undefined, 20_000, 3_150, 2_499.99, 1_500, 16_850],
      [],
      ['Bestätigung'],
      [CERTIFICATION_TEXT],
      [],
      [],
      ['Ort', LINE],
      [],
      ['Datum', LINE],
      [],
      ['Name', LINE],
      [],
      ['Unterschrift', LINE],
    ]);
  });

  it('Belegliste: the lines ordered by the reporting date, invoices and payments only as far as they happened by then', () => {
    const rows = shown(book.getWorksheet('Belegliste')!);
    expect(rows[0]).toEqual([
      'Lfd. Nr.', 'Bestelldatum', 'Rechnungsdatum', 'Rechnungsnummer', 'Lieferant', 'Gegenstand', 'Fördergegenstand', 'Schule', 'Schulnummer',
      'Gebunden (bestellt)', 'In Rechnung gestellt', 'Bezahlt', 'Bezahlt am', 'Förderanteil', 'Eigenanteil',
    ]);
    const d = utcDate;
    expect(rows.slice(1).map((r) => [...r.slice(0, 8), ...r.slice(9)])).toEqual([
      [1, d('2026-02-01'), d('2026-02-10'), 'RE-100', 'Bechtle', '3 Tablets', 'Endgeräte', a1, 1_500, 1_500, 1_500, d('2026-03-01'), 1_200, 300],
      [2, d('2026-03-01'), d('2026-04-01'), 'RE-101', 'Netzbau', 'WLAN Altbau', 'Netzwerk/WLAN', a1, 999.99, 999.99, undefined, undefined, 799.99, 200],
      [3, d('2026-05-01'), undefined, undefined, 'Lernsoft', 'Lizenzen', 'Software', a2, 250.01, undefined, undefined, undefined, 200.01, 50],
      [4, d('2026-06-01'), undefined, undefined, 'Schulung KG', 'Fortbildung', 'Schulung', a1, 400, undefined, undefined, undefined, 320, 80],
      ['Summe', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 3_150, 2_499.99, 1_500, undefined, 2_520, 630],
    ]);
  });

  it('Inventarliste: the status on the reporting date from the history, and the devices bought outside the period or after their invoice', () => {
    const rows = shown(book.getWorksheet('Inventarliste')!);
    expect(rows[0]).toEqual([
      'Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Schule', 'Standort', 'Kaufdatum', 'Kaufpreis', 'Rechnungsnummer',
      'Rechnungsdatum', 'Inbetriebnahme', 'Status am Stichtag', 'Prüfhinweis',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[7], r[8], r[9], r[10], r[12], r[13]])).toEqual([
      // lost on 01.12.2026: still available on 18.11.
      ['LP-T1', utcDate('2026-02-05'), 500, 'RE-100', utcDate('2026-02-10'), 'verfügbar', undefined],
      // in repair from 01.10. to 30.11.
      ['LP-T2', utcDate('2026-02-12'), 500, 'RE-100', utcDate('2026-02-10'), 'in Reparatur', 'Kaufdatum 12.02.2026 nach dem Rechnungsdatum 10.02.2026'],
      ['LP-T3', utcDate('2025-12-20'), 500, 'RE-100', utcDate('2026-02-10'), 'verfügbar', 'Kaufdatum 20.12.2025 vor dem förderfähigen Zeitraum (ab 01.01.2026)'],
      ['Summe', undefined, 1_500, undefined, undefined, undefined, undefined],
    ]);
  });

  it('Prüfhinweise: in German with German dates and amounts, wrapped, nothing of after the reporting date', () => {
    const sheet = book.getWorksheet('Prüfhinweise')!;
    expect(shown(sheet)).toEqual([
      ['Nr.', 'Art', 'Hinweis', 'Schule', 'Betrag'],
      [1, 'Nicht bezahlt zum Stichtag', 'Beleg Nr. 2 (Netzbau, WLAN Altbau): Rechnung RE-101 vom 01.04.2026 über 999,99 € bis zum Stichtag nicht bezahlt', a1, 999.99],
      [2, 'Keine Rechnung zum Stichtag', 'Beleg Nr. 3 (Lernsoft, Lizenzen): bestellt am 01.05.2026 über 250,01 €, bis zum Stichtag keine Rechnung', a2, 250.01],
      [3, 'Keine Rechnung zum Stichtag', 'Beleg Nr. 4 (Schulung KG, Fortbildung): bestellt am 01.06.2026 über 400,00 €, bis zum Stichtag keine Rechnung', a1, 400],
      [4, 'Kauf nach dem Rechnungsdatum', 'Gerät LP-T2: Kaufdatum 12.02.2026 nach dem Rechnungsdatum 10.02.2026', a1, 500],
      [5, 'Kauf außerhalb des Förderzeitraums', 'Gerät LP-T3: Kaufdatum 20.12.2025 vor dem förderfähigen Zeitraum (ab 01.01.2026)', a1, 500],
    ]);
    expect(sheet.getCell('C2').alignment?.wrapText).toBe(true);
    // the longest note fits the column's lines: the row is as high as its wrapped text
    const width = sheet.getColumn(3).width!;
    expect(width).toBeLessThanOrEqual(70);
    if (String(sheet.getCell('C2').value).length > width) expect(sheet.getRow(2).height).toBeGreaterThan(15);
  });
});
