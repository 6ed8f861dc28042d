import type { Actor } from '../src/common/actor';
import { LoanPrivacyService } from '../src/loans/loan-privacy.service';
import { loanListQuery } from '../src/loans/loans.queries';
import { createDevice, createSchool, createUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, binary, insertLoan, lendVia, loanRow, pdfText, shiftDays } from './loans-fixtures';

/** Data protection (DSGVO): who sees a borrower, and when the borrower's data go. */
describe('Loans and personal data', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();
  const PERSONAL = { borrowerName: 'Sophie Becker', borrowerReference: 'S-9001', guardianName: 'Thomas Becker', notes: 'Hat Sophie selbst abgeholt' };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
  });
  afterAll(() => t.close());

  describe('visibility by role', () => {
    let loanId: string;
    let deviceId: string;

    beforeAll(async () => {
      deviceId = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'P-001' });
      const res = await lendVia(t, w.coordinatorA1.auth, { deviceId, borrowerClass: '10a', ...PERSONAL }).expect(201);
      loanId = res.body.id;
    });

    const personal = (body: Record<string, unknown>) => ({
      borrowerName: body.borrowerName,
      borrowerReference: body.borrowerReference,
      guardianName: body.guardianName,
      notes: body.notes,
      personalDataVisible: body.personalDataVisible,
    });
    const withheld = { borrowerName: null, borrowerReference: null, guardianName: null, notes: null, personalDataVisible: false };

    it('shows the school\'s coordinator the borrower', async () => {
      const one = await t.http().get(`/api/v1/loans/${loanId}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(personal(one.body)).toEqual({ ...PERSONAL, personalDataVisible: true });
      const list = await t.http().get('/api/v1/loans').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(personal(list.body.items[0])).toEqual({ ...PERSONAL, personalDataVisible: true });
    });

    it.each(['officeA', 'viewerA'] as const)('withholds the borrower from %s in the list, the detail and the device detail, keeping class and terms', async (user) => {
      const auth = w[user].auth;
      const one = await t.http().get(`/api/v1/loans/${loanId}`).set('Authorization', auth).expect(200);
      expect(personal(one.body)).toEqual(withheld);
      expect(one.body).toMatchObject({ borrowerClass: '10a', borrowerKind: 'student', state: 'active' });
      const list = await t.http().get(`/api/v1/loans?deviceId=${deviceId}`).set('Authorization', auth).expect(200);
      expect(personal(list.body.items[0])).toEqual(withheld);
      const detail = await t.http().get(`/api/v1/devices/${deviceId}`).set('Authorization', auth).expect(200);
      expect(personal(detail.body.currentLoan)).toEqual(withheld);
      expect(JSON.stringify([one.body, list.body, detail.body])).not.toMatch(/Becker|S-9001|Sophie/);
    });

    it('hides the borrower from a coordinator of another school', async () => {
      const otherCoordinator = await createUser(t, { role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA2] });
      await t.http().get(`/api/v1/loans/${loanId}`).set('Authorization', otherCoordinator.auth).expect(404);
      const list = await t.http().get('/api/v1/loans').set('Authorization', otherCoordinator.auth).expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('prints the agreement for the office with blank borrower lines', async () => {
      const res = await t.http().get(`/api/v1/loans/${loanId}/agreement.pdf`).set('Authorization', w.officeA.auth).buffer(true).parse(binary).expect(200);
      const text = pdfText(res.body);
      expect(text).toContain('P-001');
      expect(text).toContain('10a');
      expect(text).toContain('_______________');
      expect(text).not.toMatch(/Becker|S-9001/);
    });

    it('gives the export the same rule: the shared query withholds the fields in SQL', async () => {
      const office: Actor = { id: w.officeA.id, role: 'office', authorityId: w.authorityA, schoolIds: [] };
      const q = loanListQuery(office, { deviceId }, { paginate: false });
      expect(q.personalFieldsVisible).toBe(false);
      const rows = await t.dataSource.query(q.sql, q.params);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: loanId, borrowerName: null, borrowerReference: null, guardianName: null, notes: null, inventoryNumber: 'P-001' });
      const coordinator: Actor = { id: w.coordinatorA1.id, role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA1] };
      const visible = loanListQuery(coordinator, { deviceId }, { paginate: false });
      expect(visible.personalFieldsVisible).toBe(true);
      expect((await t.dataSource.query(visible.sql, visible.params))[0].borrowerName).toBe('Sophie Becker');
    });
  });

  describe('retention job', () => {
    it('erases the personal fields of loans returned longer ago than the retention period, keeps the loans, and audits without personal data', async () => {
      const ds = t.dataSource;
      // City A: default 365 days. City B: 30 days.
      await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeB.auth).send({ retentionDays: 30 }).expect(200);
      const schoolA3 = await createSchool(ds, w.authorityA);
      const loan = async (authorityId: string, schoolId: string, returnedDaysAgo: number | null, name: string) =>
        insertLoan(ds, {
          authorityId,
          schoolId,
          deviceId: await createDevice(ds, authorityId, schoolId),
          borrowerName: name,
          borrowerReference: `REF-${name}`,
          guardianName: `Guardian ${name}`,
          borrowerClass: '7c',
          notes: `Note ${name}`,
          startedOn: shiftDays(today, -800),
          dueOn: shiftDays(today, -500),
          returnedOn: returnedDaysAgo === null ? null : shiftDays(today, -returnedDaysAgo),
          condition: 'damaged',
        });
      const ids = {
        a400: await loan(w.authorityA, schoolA3, 400, 'Alpha'),
        a365: await loan(w.authorityA, schoolA3, 365, 'Bravo'),
        a364: await loan(w.authorityA, schoolA3, 364, 'Charlie'),
        aActive: await loan(w.authorityA, schoolA3, null, 'Delta'),
        b31: await loan(w.authorityB, w.schoolB1, 31, 'Echo'),
        b29: await loan(w.authorityB, w.schoolB1, 29, 'Foxtrot'),
      };

      const result = await t.app.get(LoanPrivacyService).eraseExpired(today);
      expect(result.erasedLoans).toBe(3);
      for (const erased of [ids.a400, ids.a365, ids.b31]) {
        const row = await loanRow(ds, erased);
        // The class goes too: with the device and the dates it still points to the person.
        expect(row).toMatchObject({ borrower_name: null, borrower_reference: null, guardian_name: null, notes: null, return_notes: null, borrower_class: null, return_condition: 'damaged' });
        expect(row.personal_data_erased_at).toBeInstanceOf(Date);
        const audit = await ds.query(`SELECT actor_id, authority_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'loan.personal_data_erased'`, [erased]);
        expect(audit).toEqual([{ actor_id: null, authority_id: row.authority_id, changes: { meta: { reason: 'retention' } } }]);
      }
      for (const kept of [ids.a364, ids.aActive, ids.b29]) {
        const row = await loanRow(ds, kept);
        expect(row.borrower_name).not.toBeNull();
        expect(row.personal_data_erased_at).toBeNull();
      }
      // The loans still count, and the API says they were erased.
      const res = await t.http().get(`/api/v1/loans/${ids.a400}`).set('Authorization', w.officeA.auth).expect(200);
      expect(res.body).toMatchObject({ personalDataErased: true, state: 'returned', borrowerClass: null });
      // Running again finds nothing new.
      expect(await t.app.get(LoanPrivacyService).eraseExpired(today)).toEqual({ erasedLoans: 0 });
      // A day later the periods of Charlie (365 days) and Foxtrot (30 days) have passed too.
      expect(await t.app.get(LoanPrivacyService).eraseExpired(shiftDays(today, 1))).toEqual({ erasedLoans: 2 });
      expect((await loanRow(ds, ids.a364)).borrower_name).toBeNull();
      expect((await loanRow(ds, ids.b29)).borrower_name).toBeNull();
      expect((await loanRow(ds, ids.aActive)).borrower_name).toBe('Delta');
    });
  });

  describe('POST /api/v1/loans/erasures (right to erasure)', () => {
    const erase = (auth: string, body: Record<string, unknown>) => t.http().post('/api/v1/loans/erasures').set('Authorization', auth).send(body);
    let schoolId: string;
    const returned = async (name: string, reference: string | null, school = schoolId) =>
      insertLoan(t.dataSource, {
        authorityId: w.authorityA,
        schoolId: school,
        deviceId: await createDevice(t.dataSource, w.authorityA, school),
        borrowerName: name,
        borrowerReference: reference,
        startedOn: shiftDays(today, -90),
        dueOn: shiftDays(today, -10),
        returnedOn: shiftDays(today, -5),
      });

    beforeAll(async () => {
      schoolId = await createSchool(t.dataSource, w.authorityA, { name: 'Erasure School' });
    });

    it('erases every returned loan of the borrower at that school at once, and only those', async () => {
      const first = await returned('Lukas Brandt', 'S-777');
      const second = await returned('lukas brandt', 's-777');
      const otherPerson = await returned('Lukas Brandt', 'S-778');
      const otherSchool = await returned('Lukas Brandt', 'S-777', w.schoolA2);
      const res = await erase(w.officeA.auth, { schoolId, borrowerReference: 'S-777' }).expect(200);
      expect(res.body).toEqual({ erasedLoans: 2 });
      for (const id of [first, second]) expect(await loanRow(t.dataSource, id)).toMatchObject({ borrower_name: null, borrower_reference: null });
      for (const id of [otherPerson, otherSchool]) expect((await loanRow(t.dataSource, id)).borrower_name).toBe('Lukas Brandt');
      const audit = await t.dataSource.query(`SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'loan.personal_data_erased'`, [first]);
      expect(audit).toEqual([{ actor_id: w.officeA.id, changes: { meta: { reason: 'request' } } }]);
      // Matching by name and reference together.
      expect((await erase(w.officeA.auth, { schoolId, borrowerName: 'LUKAS BRANDT', borrowerReference: 'S-778' }).expect(200)).body).toEqual({ erasedLoans: 1 });
    });

    it('answers an active borrower exactly like an unknown name (200, same body), keeps the running loan and erases the returned one', async () => {
      const activeOnly = await createDevice(t.dataSource, w.authorityA, schoolId);
      const running = await insertLoan(t.dataSource, { authorityId: w.authorityA, schoolId, deviceId: activeOnly, borrowerName: 'Jonas Weber', borrowerReference: 'S-444', startedOn: shiftDays(today, -3), dueOn: shiftDays(today, 100) });
      const active = await erase(w.officeA.auth, { schoolId, borrowerName: 'Jonas Weber' });
      const unknown = await erase(w.officeA.auth, { schoolId, borrowerName: 'Niemand Unbekannt' });
      expect([active.status, active.body]).toEqual([200, { erasedLoans: 0 }]);
      expect([unknown.status, unknown.body]).toEqual([active.status, active.body]);
      expect((await loanRow(t.dataSource, running)).borrower_name).toBe('Jonas Weber');

      const done = await returned('Mara Klein', 'S-555');
      const deviceId = await createDevice(t.dataSource, w.authorityA, schoolId);
      const stillOut = await insertLoan(t.dataSource, { authorityId: w.authorityA, schoolId, deviceId, borrowerName: 'Mara Klein', borrowerReference: 'S-555', startedOn: shiftDays(today, -3), dueOn: shiftDays(today, 100) });
      expect((await erase(w.officeA.auth, { schoolId, borrowerName: 'Mara Klein' }).expect(200)).body).toEqual({ erasedLoans: 1 });
      expect((await loanRow(t.dataSource, done)).borrower_name).toBeNull();
      expect((await loanRow(t.dataSource, stillOut)).borrower_name).toBe('Mara Klein');
    });

    it('audits every erasure request, found or not, without the name or reference', async () => {
      const before = await t.dataSource.query(`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`);
      await erase(w.officeA.auth, { schoolId, borrowerName: 'Greta Unbekannt' }).expect(200);
      await erase(w.officeA.auth, { schoolId, borrowerReference: 'S-UNBEKANNT-1' }).expect(200);
      const entries = await t.dataSource.query(
        `SELECT authority_id, actor_id, action, entity_type, entity_id, changes FROM audit_log WHERE id > $1 ORDER BY id`,
        [before[0].id],
      );
      expect(entries).toEqual([
        { authority_id: w.authorityA, actor_id: w.officeA.id, action: 'loan.erasure_requested', entity_type: 'school', entity_id: schoolId, changes: { meta: { byReference: false, byName: true, erasedLoans: 0 } } },
        { authority_id: w.authorityA, actor_id: w.officeA.id, action: 'loan.erasure_requested', entity_type: 'school', entity_id: schoolId, changes: { meta: { byReference: true, byName: false, erasedLoans: 0 } } },
      ]);
      expect(JSON.stringify(entries)).not.toMatch(/Greta|UNBEKANNT/i);
    });

    it('needs a name or reference, an own school, the office role and a login', async () => {
      const none = await erase(w.officeA.auth, { schoolId }).expect(400);
      expect(none.body.fieldErrors[0].field).toBe('borrowerReference');
      await erase(w.officeA.auth, { schoolId: 'x', borrowerName: 'A' }).expect(400);
      await erase(w.officeB.auth, { schoolId, borrowerName: 'Lukas Brandt' }).expect(404);
      await erase(w.coordinatorA1.auth, { schoolId: w.schoolA1, borrowerName: 'Lukas Brandt' }).expect(403);
      await erase(w.viewerA.auth, { schoolId, borrowerName: 'Lukas Brandt' }).expect(403);
      await t.http().post('/api/v1/loans/erasures').send({ schoolId, borrowerName: 'A' }).expect(401);
    });
  });

  it('never writes a borrower\'s personal data into the audit log or the device history', async () => {
    const audit = await t.dataSource.query(`SELECT changes::text AS c FROM audit_log`);
    const events = await t.dataSource.query(`SELECT coalesce(reason, '') AS r FROM device_events`);
    const text = JSON.stringify([audit, events]);
    for (const secret of ['Sophie', 'Becker', 'S-9001', 'abgeholt', 'Lukas', 'Brandt', 'S-777', 'Mara', 'Jonas', 'S-555']) expect(text).not.toContain(secret);
  });
});
