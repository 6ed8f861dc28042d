import { todayInBerlin } from '../src/common/dates';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthority, createDevice, createSchool, createUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { binaryParser, headings, readWorkbook, sheetRows, utcDate } from './xlsx-helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('Excel exports: inventory, loans, needs, coverage', () => {
  let t: TestApp;
  let w: World;

  const download = (path: string, auth?: string) => {
    const req = t.http().get(path).buffer(true).parse(binaryParser as never);
    return auth ? req.set('Authorization', auth) : req;
  };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const ds = t.dataSource;
    await createDevice(ds, w.authorityA, w.schoolA1, {
      inventoryNumber: 'A1-0001',
      serialNumber: 'SN-LAP-1',
      type: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad L13',
      purchaseDate: '2024-02-29',
      purchasePriceCents: 123456,
      commissionedOn: '2024-03-01',
      warrantyUntil: '2027-02-28',
    });
    await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'A1-0002', type: 'tablet', manufacturer: 'Apple', model: 'iPad 10', purchasePriceCents: 1, status: 'in_repair' });
    await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'A1-0003', type: 'tablet', manufacturer: 'Apple', model: 'iPad 10', purchasePriceCents: null, purchaseDate: null });
    await createDevice(ds, w.authorityA, w.schoolA2, { inventoryNumber: 'A2-0001', type: 'projector', manufacturer: 'Epson', model: 'EB-W51', purchasePriceCents: 49999 });
    await createDevice(ds, w.authorityB, w.schoolB1, { inventoryNumber: 'B1-0001', manufacturer: 'Dell', model: 'Latitude' });
  });
  afterAll(() => t.close());

  describe('GET /api/v1/exports/inventory.xlsx', () => {
    it('streams the office every device of its authority as a formatted sheet', async () => {
      const res = await download('/api/v1/exports/inventory.xlsx', w.officeA.auth).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Stadt_A_Inventar_${todayInBerlin()}.xlsx"; filename*=UTF-8''Stadt_A_Inventar_${todayInBerlin()}.xlsx`,
      );
      const book = await readWorkbook(res);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Inventar']);
      const sheet = book.getWorksheet('Inventar')!;
      expect(headings(sheet)).toEqual([
        'Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Betriebssystem', 'Schule', 'Schulnummer',
        'Standort', 'Status', 'Kaufdatum', 'Kaufpreis', 'Inbetriebnahme', 'Garantie bis',
      ]);
      const rows = sheetRows(sheet);
      expect(rows.map((r) => r[0])).toEqual(['Inventarnummer', 'A1-0001', 'A1-0002', 'A1-0003', 'A2-0001']);
      const first = sheet.getRow(2);
      expect(first.getCell(2).value).toBe('SN-LAP-1');
      expect(first.getCell(3).value).toBe('Laptop');
      expect(first.getCell(7).value).toBe('A1 Gymnasium');
      expect(first.getCell(10).value).toBe('verfügbar');
      expect(first.getCell(11).value).toEqual(utcDate('2024-02-29'));
      expect(first.getCell(11).numFmt).toBe('dd.mm.yyyy');
      expect(first.getCell(12).value).toBe(1234.56);
      expect(first.getCell(12).numFmt).toBe('#,##0.00 €');
      expect(first.getCell(14).value).toEqual(utcDate('2027-02-28'));
      expect(sheet.getRow(3).getCell(12).value).toBe(0.01);
      expect(sheet.getRow(3).getCell(10).value).toBe('in Reparatur');
      // unknown price and date stay empty cells, not 0 or a string
      expect(sheet.getRow(4).getCell(11).value).toBeNull();
      expect(sheet.getRow(4).getCell(12).value).toBeNull();
      expect(sheet.getRow(5).getCell(12).value).toBe(499.99);
      // bold, frozen, filterable header; printable landscape, one page wide, header repeated
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getRow(1).getCell(12).numFmt).toBeUndefined();
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBe('A1:N1');
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      // widths from the heading's longest word and the longest value (see export-layout.e2e-spec.ts for every export)
      expect(sheet.getColumn(1).width).toBe(Math.ceil('Inventarnummer'.length * 1.2 + 2));
      expect(sheet.getColumn(7).width).toBe(Math.ceil('A2 Grundschule'.length * 1.1 + 2));
    });

    it('uses English headings and sheet name with lang=en', async () => {
      const res = await download('/api/v1/exports/inventory.xlsx?lang=en', w.viewerA.auth).expect(200);
      expect(res.headers['content-disposition']).toContain(`filename="Stadt_A_Inventory_${todayInBerlin()}.xlsx"`);
      const book = await readWorkbook(res);
      const sheet = book.getWorksheet('Inventory')!;
      expect(headings(sheet).slice(0, 3)).toEqual(['Inventory number', 'Serial number', 'Type']);
      expect(sheet.getRow(3).getCell(10).value).toBe('in repair');
    });

    it('applies the device list filters and sort', async () => {
      const tablets = await download('/api/v1/exports/inventory.xlsx?type=tablet&sort=-inventoryNumber', w.officeA.auth).expect(200);
      expect(sheetRows((await readWorkbook(tablets)).worksheets[0]).slice(1).map((r) => r[0])).toEqual(['A1-0003', 'A1-0002']);
      const status = await download('/api/v1/exports/inventory.xlsx?status=in_repair,available&manufacturer=apple', w.officeA.auth).expect(200);
      expect(sheetRows((await readWorkbook(status)).worksheets[0]).slice(1).map((r) => r[0])).toEqual(['A1-0002', 'A1-0003']);
      const text = await download(`/api/v1/exports/inventory.xlsx?q=EB-W&schoolId=${w.schoolA2}`, w.officeA.auth).expect(200);
      expect(sheetRows((await readWorkbook(text)).worksheets[0]).slice(1).map((r) => r[0])).toEqual(['A2-0001']);
    });

    it('gives a coordinator only the assigned schools, and another authority none of A', async () => {
      const coordinator = await download('/api/v1/exports/inventory.xlsx', w.coordinatorA1.auth).expect(200);
      expect(sheetRows((await readWorkbook(coordinator)).worksheets[0]).slice(1).map((r) => r[0])).toEqual(['A1-0001', 'A1-0002', 'A1-0003']);
      // another school of the same authority, asked for explicitly: nothing, exactly as the list answers
      const foreign = await download(`/api/v1/exports/inventory.xlsx?schoolId=${w.schoolA2}`, w.coordinatorA1.auth).expect(200);
      expect(sheetRows((await readWorkbook(foreign)).worksheets[0])).toHaveLength(1);
      const officeB = await download(`/api/v1/exports/inventory.xlsx?schoolId=${w.schoolA1}`, w.officeB.auth).expect(200);
      expect(sheetRows((await readWorkbook(officeB)).worksheets[0])).toHaveLength(1);
      const allB = await download('/api/v1/exports/inventory.xlsx', w.officeB.auth).expect(200);
      expect(sheetRows((await readWorkbook(allB)).worksheets[0]).slice(1).map((r) => r[0])).toEqual(['B1-0001']);
    });

    it('answers bad filters with the normal JSON error, before any byte of a file', async () => {
      const res = await t.http().get('/api/v1/exports/inventory.xlsx?status=broken&lang=fr').set('Authorization', w.officeA.auth).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['lang', 'status']);
      await t.http().get('/api/v1/exports/inventory.xlsx?limit=5').set('Authorization', w.officeA.auth).expect(400);
    });

    it('needs a login and a tenant role', async () => {
      const anonymous = await t.http().get('/api/v1/exports/inventory.xlsx').expect(401);
      expect(anonymous.body.error).toBe('UNAUTHORIZED');
      await t.http().get('/api/v1/exports/inventory.xlsx').set('Authorization', w.admin.auth).expect(403);
    });

    it('spells the file name in ASCII and keeps the umlauts in filename*', async () => {
      const authority = await createAuthority(t.dataSource, { name: 'Stadt Münster' });
      const office = await createUser(t, { role: 'office', authorityId: authority });
      const res = await download('/api/v1/exports/inventory.xlsx', office.auth).expect(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Stadt_Muenster_Inventar_${todayInBerlin()}.xlsx"; filename*=UTF-8''Stadt_M%C3%BCnster_Inventar_${todayInBerlin()}.xlsx`,
      );
    });

    it('streams many batches completely and exactly', async () => {
      const authority = await createAuthority(t.dataSource, { name: 'Großstadt' });
      const school = await createSchool(t.dataSource, authority, { name: 'Gesamtschule Nord' });
      const office = await createUser(t, { role: 'office', authorityId: authority });
      await t.dataSource.query(
        `INSERT INTO devices (authority_id, school_id, inventory_number, type, manufacturer, model, purchase_date, purchase_price_cents)
         SELECT $1, $2, 'G-' || lpad(i::text, 6, '0'), 'tablet', 'Apple', 'iPad', DATE '2024-01-01' + (i % 365), 10000 + i
           FROM generate_series(1, 4321) i`,
        [authority, school],
      );
      const res = await download('/api/v1/exports/inventory.xlsx', office.auth).expect(200);
      const rows = sheetRows((await readWorkbook(res)).worksheets[0]).slice(1);
      expect(rows).toHaveLength(4321);
      expect(rows[0][0]).toBe('G-000001');
      expect(rows[4320][0]).toBe('G-004321');
      const cents = rows.reduce((sum, r) => sum + Math.round((r[11] as number) * 100), 0);
      expect(cents).toBe(4321 * 10000 + (4321 * 4322) / 2);
      expect(rows[9][10]).toEqual(utcDate('2024-01-11'));
    });

    it('stops the query and frees the connection when the client disconnects', async () => {
      const authority = await createAuthority(t.dataSource, { name: 'Abbruchstadt' });
      const school = await createSchool(t.dataSource, authority);
      const office = await createUser(t, { role: 'office', authorityId: authority });
      await t.dataSource.query(
        `INSERT INTO devices (authority_id, school_id, inventory_number, type, manufacturer, model)
         SELECT $1, $2, 'X-' || lpad(i::text, 7, '0'), 'laptop', 'Lenovo', 'ThinkPad' FROM generate_series(1, 60000) i`,
        [authority, school],
      );
      const exportBackends = async (): Promise<number[]> =>
        (await t.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%export:inventory%' AND pid <> pg_backend_pid()`)).map(
          (r: { pid: number }) => r.pid,
        );
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const pid = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/exports/inventory.xlsx', headers: { Authorization: office.auth } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            res.pause(); // the server is held back by backpressure until we hang up
            exportBackends()
              .then((pids) => {
                expect(pids).toHaveLength(1); // the cursor is open while the file streams
                req.destroy();
                resolve(pids[0]);
              })
              .catch(reject);
          });
        });
        req.on('error', () => undefined);
        req.end();
      });
      // A finished export would return its connection to the pool (the backend stays, idle); an aborted one
      // destroys it, so the backend process itself goes away.
      const backendAlive = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1`, [pid]))[0].n) > 0;
      const deadline = Date.now() + 10_000;
      while ((await backendAlive()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await backendAlive()).toBe(false);
      expect(await exportBackends()).toEqual([]);
      // the application keeps working (the pool lost one connection and made a new one)
      await download('/api/v1/exports/inventory.xlsx?q=A1-0001', w.officeA.auth).expect(200);
    });
  });

  describe('GET /api/v1/exports/loans.xlsx', () => {
    const insertLoan = async (o: { authority: string; school: string; device: string; name: string; guardian?: string; cls: string; started: string; due: string; returned?: string }) => {
      await t.dataSource.query(
        `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_reference, borrower_class, guardian_name,
                            agreement_signed, accessories, notes, started_on, due_on, returned_on, return_condition)
         VALUES ($1, $2, $3, 'student', $4::text, 'REF-' || $4::text, $5, $6, true, ARRAY['Ladegerät', 'Hülle'], 'Notiz zu ' || $4::text, $7, $8, $9, $10)`,
        [o.authority, o.school, o.device, o.name, o.cls, o.guardian ?? null, o.started, o.due, o.returned ?? null, o.returned ? 'damaged' : null],
      );
    };

    beforeAll(async () => {
      const ds = t.dataSource;
      const a1 = await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'L-A1-1', type: 'tablet', manufacturer: 'Apple', model: 'iPad' });
      const a1b = await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'L-A1-2' });
      const a2 = await createDevice(ds, w.authorityA, w.schoolA2, { inventoryNumber: 'L-A2-1' });
      const b1 = await createDevice(ds, w.authorityB, w.schoolB1, { inventoryNumber: 'L-B1-1' });
      await insertLoan({ authority: w.authorityA, school: w.schoolA1, device: a1, name: 'Mia Muster', guardian: 'Eva Muster', cls: '7b', started: '2025-08-20', due: '2099-07-15' });
      await insertLoan({ authority: w.authorityA, school: w.schoolA1, device: a1b, name: 'Ali Beispiel', cls: '8a', started: '2024-08-20', due: '2025-07-15', returned: '2025-07-10' });
      await insertLoan({ authority: w.authorityA, school: w.schoolA2, device: a2, name: 'Zoe Zweite', cls: '3c', started: '2025-09-01', due: '2099-07-16' });
      await insertLoan({ authority: w.authorityB, school: w.schoolB1, device: b1, name: 'Bea Bstadt', cls: '5a', started: '2025-09-01', due: '2099-07-15' });
    });

    /** Every text in the workbook, to prove what is NOT in the file. */
    const allTexts = (rows: unknown[][]) => rows.flat().filter((v): v is string => typeof v === 'string').join(' | ');

    it("gives the school's coordinator the personal fields of their school's loans", async () => {
      const res = await download('/api/v1/exports/loans.xlsx', w.coordinatorA1.auth).expect(200);
      expect(res.headers['content-disposition']).toContain(`filename="Stadt_A_Ausleihen_${todayInBerlin()}.xlsx"`);
      const book = await readWorkbook(res);
      const sheet = book.getWorksheet('Ausleihen')!;
      expect(headings(sheet)).toEqual([
        'Schule', 'Schulnummer', 'Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Modell', 'Ausleihende', 'Name', 'Kennung', 'Klasse',
        'Erziehungsberechtigte/r', 'Ausgegeben am', 'Rückgabe bis', 'Zurückgegeben am', 'Zustand bei Rückgabe', 'Stand',
        'Leihvertrag unterschrieben', 'Zubehör', 'Bemerkungen', 'Bemerkungen zur Rückgabe',
      ]);
      const rows = sheetRows(sheet).slice(1);
      // by due date: the returned loan (due 2025) first
      expect(rows.map((r) => r[2])).toEqual(['L-A1-2', 'L-A1-1']);
      expect(rows[0]).toEqual([
        'A1 Gymnasium', expect.any(String), 'L-A1-2', expect.any(String), 'Laptop', 'Lenovo ThinkPad L13', 'Schülerin/Schüler', 'Ali Beispiel', 'REF-Ali Beispiel', '8a',
        undefined, utcDate('2024-08-20'), utcDate('2025-07-15'), utcDate('2025-07-10'), 'beschädigt', 'zurückgegeben', 'ja', 'Ladegerät, Hülle', 'Notiz zu Ali Beispiel',
      ]);
      expect(rows[1].slice(7, 11)).toEqual(['Mia Muster', 'REF-Mia Muster', '7b', 'Eva Muster']);
      expect(rows[1][15]).toBe('ausgeliehen');
      expect(sheet.getRow(2).getCell(13).numFmt).toBe('dd.mm.yyyy');
    });

    it.each([
      ['office', 'officeA'],
      ['viewer', 'viewerA'],
    ] as const)('leaves the personal columns out entirely for the %s', async (_role, user) => {
      const res = await download('/api/v1/exports/loans.xlsx', w[user].auth).expect(200);
      const sheet = (await readWorkbook(res)).worksheets[0];
      const header = headings(sheet);
      expect(header).not.toEqual(expect.arrayContaining(['Name']));
      for (const personal of ['Name', 'Kennung', 'Erziehungsberechtigte/r', 'Bemerkungen', 'Bemerkungen zur Rückgabe']) expect(header).not.toContain(personal);
      expect(header).toContain('Klasse');
      const rows = sheetRows(sheet);
      expect(rows.slice(1).map((r) => r[2])).toEqual(['L-A1-2', 'L-A1-1', 'L-A2-1']);
      const texts = allTexts(rows);
      for (const secret of ['Mia', 'Muster', 'Ali', 'Zoe', 'REF-', 'Eva', 'Notiz']) expect(texts).not.toContain(secret);
    });

    it('applies the list filters and stays inside the authority', async () => {
      const active = await download(`/api/v1/exports/loans.xlsx?state=active&schoolId=${w.schoolA1}&lang=en`, w.officeA.auth).expect(200);
      const sheet = (await readWorkbook(active)).getWorksheet('Loans')!;
      expect(headings(sheet).slice(0, 3)).toEqual(['School', 'School number', 'Inventory number']);
      expect(sheetRows(sheet).slice(1).map((r) => r[2])).toEqual(['L-A1-1']);
      const officeB = await download('/api/v1/exports/loans.xlsx', w.officeB.auth).expect(200);
      expect(sheetRows((await readWorkbook(officeB)).worksheets[0]).slice(1).map((r) => r[2])).toEqual(['L-B1-1']);
      const foreignSchool = await download(`/api/v1/exports/loans.xlsx?schoolId=${w.schoolA2}`, w.coordinatorA1.auth).expect(200);
      expect(sheetRows((await readWorkbook(foreignSchool)).worksheets[0])).toHaveLength(1);
    });

    it('rejects bad filters, anonymous callers and the platform admin', async () => {
      const bad = await t.http().get('/api/v1/exports/loans.xlsx?state=lost&cursor=x').set('Authorization', w.officeA.auth).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['cursor', 'state']);
      await t.http().get('/api/v1/exports/loans.xlsx').expect(401);
      await t.http().get('/api/v1/exports/loans.xlsx').set('Authorization', w.admin.auth).expect(403);
    });
  });

  describe('GET /api/v1/needs.xlsx', () => {
    beforeAll(async () => {
      const create = async (auth: string, body: object) => {
        const res = await t.http().post('/api/v1/needs').set('Authorization', auth).send(body);
        if (res.status !== 201) throw new Error(`POST /needs: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body as { id: string; version: number };
      };
      const base = { justification: 'Die Jahrgangsstufe 5 arbeitet ab Herbst mit Tablets.' };
      const tablets = await create(w.coordinatorA1.auth, { ...base, schoolId: w.schoolA1, category: 'student_devices', title: '30 Tablets Jahrgang 5', quantity: 30, estimatedCostCents: 1_440_015, priority: 'high' });
      const submitted = await t.http().post(`/api/v1/needs/${tablets.id}/submit`).set('Authorization', w.coordinatorA1.auth).send({}).expect(200);
      await t.http()
        .post(`/api/v1/needs/${tablets.id}/decide`)
        .set('Authorization', w.officeA.auth)
        .send({ decision: 'partially_approved', approvedQuantity: 20, approvedCents: 960_010, reason: 'Zweite Hälfte im nächsten Jahr', version: submitted.body.version })
        .expect(200);
      const wlan = await create(w.officeA.auth, { ...base, schoolId: w.schoolA2, category: 'wlan', title: 'WLAN Altbau', quantity: 4, estimatedCostCents: 800_000 });
      await t.http().post(`/api/v1/needs/${wlan.id}/submit`).set('Authorization', w.officeA.auth).send({}).expect(200);
      const fibre = await create(w.officeA.auth, { ...base, schoolId: w.schoolA2, category: 'broadband', title: 'Glasfaseranschluss', quantity: 1, estimatedCostCents: 2_500_000 });
      const fibreSubmitted = await t.http().post(`/api/v1/needs/${fibre.id}/submit`).set('Authorization', w.officeA.auth).send({}).expect(200);
      await t.http()
        .post(`/api/v1/needs/${fibre.id}/decide`)
        .set('Authorization', w.officeA.auth)
        .send({ decision: 'rejected', reason: 'Über das Landesprogramm', version: fibreSubmitted.body.version })
        .expect(200);
      // A school's draft: the coordinators' own, never in the office's file.
      await create(w.coordinatorA1.auth, { ...base, schoolId: w.schoolA1, category: 'student_devices', title: 'Entwurf Klassensatz', quantity: 99, estimatedCostCents: 100_000 });
      await create(w.officeB.auth, { ...base, schoolId: w.schoolB1, category: 'displays', title: 'Displays B', quantity: 2, estimatedCostCents: 1_000 });
    });

    it("exports the office's submitted and decided needs with labels, quantities per category and money per status", async () => {
      const res = await download('/api/v1/needs.xlsx', w.officeA.auth).expect(200);
      expect(res.headers['content-disposition']).toContain(`filename="Stadt_A_Bedarfe_${todayInBerlin()}.xlsx"`);
      const book = await readWorkbook(res);
      const sheet = book.getWorksheet('Bedarfsmeldungen')!;
      expect(headings(sheet)).toEqual([
        'Schule', 'Schulnummer', 'Bereich', 'Titel', 'Menge', 'Geschätzte Kosten', 'Priorität', 'Status', 'Genehmigte Menge', 'Genehmigter Betrag',
        'Begründung', 'Entscheidungsgrund', 'Eingereicht am', 'Entschieden am',
      ]);
      const rows = sheetRows(sheet).slice(1);
      // newest first, without the school's draft and without a totals row adding up tablets, access points and a fibre line
      expect(rows.map((r) => r[3])).toEqual(['Glasfaseranschluss', 'WLAN Altbau', '30 Tablets Jahrgang 5']);
      expect(rows[2].slice(0, 10)).toEqual([
        'A1 Gymnasium', expect.any(String), 'Endgeräte für Schülerinnen/Schüler', '30 Tablets Jahrgang 5', 30, 14_400.15, 'hoch', 'teilweise genehmigt', 20, 9_600.1,
      ]);
      expect(rows[0][7]).toBe('abgelehnt');
      expect(rows[1].slice(2, 3)).toEqual(['WLAN']);
      expect(rows[2][12]).toEqual(utcDate(todayInBerlin()));
      expect(sheet.getCell('F2').numFmt).toBe('#,##0.00 €');

      const totals = sheetRows(book.getWorksheet('Summen')!);
      expect(totals).toEqual([
        ['Mengen nach Bereich'],
        ['Bereich', 'Meldungen', 'Menge beantragt', 'Menge genehmigt'],
        ['Endgeräte für Schülerinnen/Schüler', 1, 30, 20],
        ['WLAN', 1, 4, 0],
        ['Breitband', 1, 1, 0],
        [],
        ['Summen nach Status'],
        ['Status', 'Meldungen', undefined, undefined, 'Geschätzte Kosten', 'Genehmigter Betrag'],
        ['eingereicht', 1, undefined, undefined, 8_000, 0],
        ['teilweise genehmigt', 1, undefined, undefined, 14_400.15, 9_600.1],
        ['abgelehnt', 1, undefined, undefined, 25_000, 0],
      ]);
    });

    it('filters like the list, shows a school its drafts and scopes coordinators to their schools', async () => {
      const coordinator = await download('/api/v1/needs.xlsx?lang=en', w.coordinatorA1.auth).expect(200);
      const book = await readWorkbook(coordinator);
      const sheet = book.getWorksheet('Needs requests')!;
      expect(sheetRows(sheet).slice(1).map((r) => [r[3], r[7]])).toEqual([
        ['Entwurf Klassensatz', 'draft'],
        ['30 Tablets Jahrgang 5', 'partially approved'],
      ]);
      // one category, two requests: their quantities add up
      expect(sheetRows(book.getWorksheet('Totals')!)[2]).toEqual(['Student devices', 2, 129, 20]);
      const wlan = await download('/api/v1/needs.xlsx?category=wlan', w.viewerA.auth).expect(200);
      expect(sheetRows((await readWorkbook(wlan)).worksheets[0]).slice(1).map((r) => r[3])).toEqual(['WLAN Altbau']);
      const officeB = await download('/api/v1/needs.xlsx', w.officeB.auth).expect(200);
      expect(sheetRows((await readWorkbook(officeB)).worksheets[0]).slice(1).map((r) => r[3])).toEqual(['Displays B']);
    });

    it('rejects bad filters, anonymous callers and the platform admin', async () => {
      const bad = await t.http().get('/api/v1/needs.xlsx?status=maybe').set('Authorization', w.officeA.auth).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['status']);
      await t.http().get('/api/v1/needs.xlsx').expect(401);
      await t.http().get('/api/v1/needs.xlsx').set('Authorization', w.admin.auth).expect(403);
    });
  });

  describe('GET /api/v1/coverage.xlsx', () => {
    it('exports every school with its indicators, worst first, with totals', async () => {
      const res = await download('/api/v1/coverage.xlsx?sort=name&order=asc', w.officeA.auth).expect(200);
      expect(res.headers['content-disposition']).toContain(`filename="Stadt_A_Abdeckung_${todayInBerlin()}.xlsx"`);
      const sheet = (await readWorkbook(res)).getWorksheet('Abdeckung')!;
      const header = headings(sheet);
      expect(header.slice(0, 5)).toEqual(['Schule', 'Schulnummer', 'Schulform', 'Schüler/innen', 'Schülergeräte']);
      const rows = sheetRows(sheet).slice(1);
      expect(rows.map((r) => r[0])).toEqual(['A1 Gymnasium', 'A2 Grundschule', 'Summe']);
      // compare with the coverage list itself
      const list = (await t.http().get('/api/v1/coverage?sort=name&order=asc').set('Authorization', w.officeA.auth).expect(200)).body.items;
      const col = (name: string) => header.indexOf(name);
      expect(rows[0][col('Schüler/innen')]).toBe(list[0].students.count);
      expect(rows[0][col('Schülergeräte')]).toBe(list[0].students.devices);
      expect(rows[0][col('Fehlende Schülergeräte')]).toBe(list[0].students.shortfall);
      expect(rows[0][col('Kosten Fehlbedarf')]).toBe(list[0].shortfall.costCents / 100);
      expect(rows[0][col('WLAN-Abdeckung')]).toBe(0.8);
      expect(sheet.getRow(2).getCell(col('WLAN-Abdeckung') + 1).numFmt).toBe('0 %');
      const students = col('Schüler/innen') + 1;
      const letter = String.fromCharCode(64 + students);
      expect(sheet.getCell(`${letter}4`).value).toEqual({ formula: `SUM(${letter}2:${letter}3)`, result: list[0].students.count + list[1].students.count });
      const cost = col('Kosten Fehlbedarf') + 1;
      const costLetter = String.fromCharCode(64 + cost);
      expect(sheet.getCell(`${costLetter}4`).value).toEqual({ formula: `SUM(${costLetter}2:${costLetter}3)`, result: (list[0].shortfall.costCents + list[1].shortfall.costCents) / 100 });
    });

    it("gives a coordinator their schools only, in English on request", async () => {
      const res = await download('/api/v1/coverage.xlsx?lang=en', w.coordinatorA1.auth).expect(200);
      const sheet = (await readWorkbook(res)).getWorksheet('Coverage')!;
      expect(sheetRows(sheet).slice(1).map((r) => r[0])).toEqual(['A1 Gymnasium', 'Total']);
    });

    it('rejects bad parameters, anonymous callers and the platform admin', async () => {
      const bad = await t.http().get('/api/v1/coverage.xlsx?sort=colour').set('Authorization', w.officeA.auth).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['sort']);
      await t.http().get('/api/v1/coverage.xlsx').expect(401);
      await t.http().get('/api/v1/coverage.xlsx').set('Authorization', w.admin.auth).expect(403);
    });
  });

  it('documents every export as an xlsx download in the OpenAPI document', () => {
    for (const path of ['/api/v1/exports/inventory.xlsx', '/api/v1/exports/loans.xlsx', '/api/v1/coverage.xlsx', '/api/v1/needs.xlsx', '/api/v1/grants/{id}/report.xlsx']) {
      const get = t.document.paths[path]?.get;
      expect(get?.responses['200']).toMatchObject({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } });
      expect(get?.tags).toEqual(['exports']);
      expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
    const inventoryParams = (t.document.paths['/api/v1/exports/inventory.xlsx'].get!.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(inventoryParams).toEqual(expect.arrayContaining(['status', 'type', 'sort', 'lang']));
    expect(inventoryParams).not.toContain('cursor');
  });
});
