import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { binary, insertLoan, lendVia, pdfPages } from './loans-fixtures';

describe('Loan agreements: numbers, a class in one PDF, signed after the fact', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
  });
  afterAll(() => t.close());

  const device = (o: Parameters<typeof createDevice>[3] = {}, school?: string, authority?: string) =>
    createDevice(t.dataSource, authority ?? w.authorityA, school ?? w.schoolA1, o);
  const year = () => new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date());
  const seqOf = (agreementNumber: string) => Number(agreementNumber.slice(8));

  describe('agreement numbers', () => {
    it('numbers each authority on its own, in the year of lending, shown in the loan JSON and the database', async () => {
      const { body: a1 } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device() }).expect(201);
      const { body: a2 } = await lendVia(t, w.officeA.auth, { deviceId: await device() }).expect(201);
      const { body: b1 } = await lendVia(t, w.coordinatorB1.auth, { deviceId: await device({}, w.schoolB1, w.authorityB) }).expect(201);
      expect(a1.agreementNumber).toMatch(new RegExp(`^LV-${year()}-\\d{6}$`));
      expect(seqOf(a2.agreementNumber)).toBe(seqOf(a1.agreementNumber) + 1);
      // Authority B counts from its own start.
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM loans WHERE authority_id = $1`, [w.authorityB]);
      expect(b1.agreementNumber).toBe(`LV-${year()}-${String(n).padStart(6, '0')}`);
      const [row] = await t.dataSource.query(`SELECT agreement_number FROM loans WHERE id = $1`, [a1.id]);
      expect(row.agreement_number).toBe(a1.agreementNumber);
      const { body: listed } = await t.http().get(`/api/v1/loans/${a1.id}`).set('Authorization', w.officeA.auth).expect(200);
      expect(listed.agreementNumber).toBe(a1.agreementNumber);
    });

    it('gives concurrent lends of one authority distinct numbers without gaps', async () => {
      const devices = await Promise.all(Array.from({ length: 16 }, () => device()));
      const [{ before }] = await t.dataSource.query(
        `SELECT coalesce(max(agreement_seq), 0)::int AS before FROM loans WHERE authority_id = $1 AND agreement_year = $2`,
        [w.authorityA, Number(year())],
      );
      const responses = await Promise.all(devices.map((deviceId) => lendVia(t, w.coordinatorA1.auth, { deviceId })));
      expect(responses.map((r) => r.status)).toEqual(devices.map(() => 201));
      const seqs = responses.map((r) => seqOf(r.body.agreementNumber)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 16 }, (_, i) => before + 1 + i));
    });

    it('a failed lend leaves no gap and loans inserted without the API get numbers too', async () => {
      const { body: first } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device() }).expect(201);
      await lendVia(t, w.coordinatorA1.auth, { deviceId: await device({ status: 'in_repair' }) }).expect(409);
      const direct = await insertLoan(t.dataSource, { authorityId: w.authorityA, schoolId: w.schoolA1, deviceId: await device(), startedOn: '2025-09-01', dueOn: '2026-07-31' });
      const [row] = await t.dataSource.query(`SELECT agreement_number FROM loans WHERE id = $1`, [direct]);
      expect(seqOf(row.agreement_number)).toBe(seqOf(first.agreementNumber) + 1);
    });
  });

  describe('the printed agreement', () => {
    const NAMES = ['Ayşe Özdemir', 'Łukasz Wiśniewski', 'Nguyễn Thị Minh Khai', 'Çağla Yıldız', 'Zoë Ørsted-Müller'];

    it('prints every name as written (embedded Unicode font), with number, value, German accessories and page numbers', async () => {
      for (const [i, borrowerName] of NAMES.entries()) {
        const guardianName = NAMES[(i + 1) % NAMES.length];
        const deviceId = await device({ inventoryNumber: `UNI-${i}`, purchasePriceCents: 123456 });
        const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId, borrowerName, guardianName, accessories: ['charger', 'case', 'Tastaturhülle'] }).expect(201);
        const res = await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.coordinatorA1.auth).buffer(true).parse(binary).expect(200);
        const pages = pdfPages(res.body);
        const text = pages.join('\n');
        expect({ borrowerName, found: text.includes(borrowerName) }).toEqual({ borrowerName, found: true });
        expect({ guardianName, found: text.includes(guardianName) }).toEqual({ guardianName, found: true });
        expect(text).toContain(loan.agreementNumber);
        expect(text).toContain('1.234,56 €');
        expect(text).toContain('Ladegerät, Schutzhülle, Tastaturhülle');
        expect(text).toContain('Stadt A als Schulträger, vertreten durch die');
        pages.forEach((page, n) => expect(page).toContain(`Seite ${n + 1} von ${pages.length}`));
        // The font is embedded (a subset), not one of the 14 standard fonts.
        expect(res.body.toString('latin1')).toMatch(/\/FontFile2/);
        expect(res.body.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
      }
    }, 180_000);
  });

  describe('POST /api/v1/loans/agreements.pdf', () => {
    it('prints a class: one agreement per loan, in the order given, in one file', async () => {
      const names = ['Ayşe Özdemir', 'Łukasz Wiśniewski', 'Nguyễn Thị Minh Khai'];
      const loans = [];
      for (const [i, borrowerName] of names.entries()) {
        const deviceId = await device({ inventoryNumber: `KL-7B-${i + 1}` });
        loans.push((await lendVia(t, w.coordinatorA1.auth, { deviceId, borrowerName, borrowerClass: '7b' }).expect(201)).body);
      }
      const order = [loans[2], loans[0], loans[1]];
      const res = await t
        .http()
        .post('/api/v1/loans/agreements.pdf')
        .set('Authorization', w.coordinatorA1.auth)
        .send({ loanIds: order.map((l) => l.id) })
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Leihvertraege-7b-\d{4}-\d{2}-\d{2}\.pdf"$/);
      const text = pdfPages(res.body).join('\n');
      const positions = order.map((l) => text.indexOf(l.agreementNumber));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const l of order) expect(text).toContain(l.device.inventoryNumber);
      expect(text.match(/Leihvertrag über ein digitales Endgerät/g)).toHaveLength(3);
      expect(text.match(/Ort, Datum/g)).toHaveLength(3);
    });

    it('prints blank borrower lines for the office; validates the ids', async () => {
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device(), borrowerName: 'Zoë Ørsted-Müller' }).expect(201);
      const res = await t.http().post('/api/v1/loans/agreements.pdf').set('Authorization', w.officeA.auth).send({ loanIds: [loan.id] }).buffer(true).parse(binary).expect(200);
      const text = pdfPages(res.body).join('\n');
      expect(text).toContain(loan.agreementNumber);
      expect(text).not.toContain('Ørsted');
      const empty = await t.http().post('/api/v1/loans/agreements.pdf').set('Authorization', w.officeA.auth).send({ loanIds: [] }).expect(400);
      expect(empty.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['loanIds']);
      const bad = await t.http().post('/api/v1/loans/agreements.pdf').set('Authorization', w.officeA.auth).send({ loanIds: ['nope'] }).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['loanIds']);
    });

    it('answers 401, 403 for the admin, and 404 when any loan is of another school or authority', async () => {
      const { body: own } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device() }).expect(201);
      const { body: otherSchool } = await lendVia(t, w.officeA.auth, { deviceId: await device({}, w.schoolA2) }).expect(201);
      const { body: otherAuthority } = await lendVia(t, w.coordinatorB1.auth, { deviceId: await device({}, w.schoolB1, w.authorityB) }).expect(201);
      const send = (auth: string | undefined, loanIds: string[]) => {
        const req = t.http().post('/api/v1/loans/agreements.pdf');
        if (auth) req.set('Authorization', auth);
        return req.send({ loanIds });
      };
      await send(undefined, [own.id]).expect(401);
      await send(w.admin.auth, [own.id]).expect(403);
      await send(w.coordinatorA1.auth, [own.id, otherSchool.id]).expect(404);
      await send(w.officeA.auth, [own.id, otherAuthority.id]).expect(404);
      await send(w.officeB.auth, [own.id]).expect(404);
      await send(w.viewerA.auth, [own.id, otherSchool.id]).expect(200);
    });
  });

  describe('POST /api/v1/loans/:id/agreement-signed', () => {
    it('marks the agreement signed with the version read, audited without personal data', async () => {
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device(), borrowerName: 'Çağla Yıldız' }).expect(201);
      expect(loan.agreementSigned).toBe(false);
      const res = await t.http().post(`/api/v1/loans/${loan.id}/agreement-signed`).set('Authorization', w.coordinatorA1.auth).send({ version: loan.version }).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({ id: loan.id, agreementSigned: true, version: loan.version + 1, borrowerName: 'Çağla Yıldız' });
      const [row] = await t.dataSource.query(`SELECT agreement_signed, version FROM loans WHERE id = $1`, [loan.id]);
      expect(row).toEqual({ agreement_signed: true, version: loan.version + 1 });
      const audit = await t.dataSource.query(`SELECT action, actor_id, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [loan.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['loan.created', 'loan.agreement_signed']);
      expect(audit[1]).toMatchObject({ actor_id: w.coordinatorA1.id, changes: { fields: { agreementSigned: { before: false, after: true } } } });
      expect(JSON.stringify(audit)).not.toContain('Yıldız');
    });

    it('refuses a stale version and a second marking with 409, a missing version with 400', async () => {
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device() }).expect(201);
      await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: '2030-07-31' }).expect(200);
      const stale = await t.http().post(`/api/v1/loans/${loan.id}/agreement-signed`).set('Authorization', w.coordinatorA1.auth).send({ version: loan.version }).expect(409);
      expect(stale.body).toMatchObject({ error: 'STALE_VERSION', details: { currentVersion: loan.version + 1 } });
      await t.http().post(`/api/v1/loans/${loan.id}/agreement-signed`).set('Authorization', w.coordinatorA1.auth).send({ version: loan.version + 1 }).expect(200);
      const twice = await t.http().post(`/api/v1/loans/${loan.id}/agreement-signed`).set('Authorization', w.coordinatorA1.auth).send({ version: loan.version + 2 }).expect(409);
      expect(twice.body.error).toBe('ILLEGAL_STATE');
      const missing = await t.http().post(`/api/v1/loans/${loan.id}/agreement-signed`).set('Authorization', w.coordinatorA1.auth).send({}).expect(400);
      expect(missing.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['version']);
      const [row] = await t.dataSource.query(`SELECT agreement_signed, version FROM loans WHERE id = $1`, [loan.id]);
      expect(row).toEqual({ agreement_signed: true, version: loan.version + 2 });
    });

    it('answers 401, 403 for viewer and admin, 404 across schools and authorities, and changes nothing then', async () => {
      const { body: loan } = await lendVia(t, w.officeA.auth, { deviceId: await device({}, w.schoolA2) }).expect(201);
      const mark = (auth?: string) => {
        const req = t.http().post(`/api/v1/loans/${loan.id}/agreement-signed`);
        if (auth) req.set('Authorization', auth);
        return req.send({ version: loan.version });
      };
      await mark().expect(401);
      await mark(w.viewerA.auth).expect(403);
      await mark(w.admin.auth).expect(403);
      await mark(w.coordinatorA1.auth).expect(404);
      await mark(w.officeB.auth).expect(404);
      await mark(w.coordinatorB1.auth).expect(404);
      const [row] = await t.dataSource.query(`SELECT agreement_signed FROM loans WHERE id = $1`, [loan.id]);
      expect(row.agreement_signed).toBe(false);
      await mark(w.officeA.auth).expect(200);
    });
  });

  describe('Cache-Control: no-store on personal data', () => {
    it('marks loan JSON, the device detail with its current loan and the agreement PDF as not to be stored', async () => {
      const deviceId = await device();
      const created = await lendVia(t, w.coordinatorA1.auth, { deviceId, borrowerName: 'Ayşe Özdemir' }).expect(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const loan = created.body;
      for (const path of [`/api/v1/loans/${loan.id}`, '/api/v1/loans?state=active', `/api/v1/devices/${deviceId}`]) {
        const res = await t.http().get(path).set('Authorization', w.coordinatorA1.auth).expect(200);
        expect({ path, cacheControl: res.headers['cache-control'] }).toEqual({ path, cacheControl: 'no-store' });
      }
      const pdf = await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.coordinatorA1.auth).buffer(true).parse(binary).expect(200);
      expect(pdf.headers['cache-control']).toBe('no-store');
      const bulk = await t.http().post('/api/v1/loans/bulk').set('Authorization', w.coordinatorA1.auth).send({ items: [{ inventoryNumber: 'nope', borrowerName: 'X' }] }).expect(200);
      expect(bulk.headers['cache-control']).toBe('no-store');
    });
  });
});
