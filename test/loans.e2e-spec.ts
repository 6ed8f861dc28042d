import { labels } from '../src/i18n/labels';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, binary, deviceStatus, lendVia, loanRow, pdfText, shiftDays } from './loans-fixtures';

describe('Loans', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
  });
  afterAll(() => t.close());

  const device = (o: Parameters<typeof createDevice>[3] = {}, school?: string) => createDevice(t.dataSource, w.authorityA, school ?? w.schoolA1, o);

  describe('POST /api/v1/loans', () => {
    it('lends an available device: the loan is stored, the device loaned, its history and the audit log written without personal data', async () => {
      const deviceId = await device({ inventoryNumber: 'L-0001', serialNumber: 'PF-123' });
      const res = await lendVia(t, w.coordinatorA1.auth, {
        deviceId,
        borrowerName: 'Lena Schneider',
        borrowerReference: 'S-4711',
        borrowerClass: 'Q1-Kurs',
        guardianName: 'Petra Schneider',
        startedOn: '2025-09-01',
        agreementSigned: true,
        accessories: ['charger', 'case'],
        notes: 'Ladekabel leicht geknickt',
      }).expect(201);
      expect(res.body).toMatchObject({
        schoolId: w.schoolA1,
        authorityId: w.authorityA,
        device: { id: deviceId, inventoryNumber: 'L-0001', serialNumber: 'PF-123', status: 'loaned' },
        borrowerKind: 'student',
        borrowerName: 'Lena Schneider',
        borrowerReference: 'S-4711',
        borrowerClass: 'Q1-Kurs',
        guardianName: 'Petra Schneider',
        personalDataVisible: true,
        personalDataErased: false,
        startedOn: '2025-09-01',
        // Default due date: the next end of the school year after the start.
        dueOn: '2026-07-31',
        returnedOn: null,
        agreementSigned: true,
        accessories: ['charger', 'case'],
        notes: 'Ladekabel leicht geknickt',
        state: '2026-07-31' < today ? 'overdue' : 'active',
      });
      expect(await deviceStatus(t.dataSource, deviceId)).toBe('loaned');
      const events = await t.dataSource.query(`SELECT kind, from_status, to_status, loan_id FROM device_events WHERE device_id = $1`, [deviceId]);
      expect(events).toEqual([{ kind: 'loaned', from_status: 'available', to_status: 'loaned', loan_id: res.body.id }]);
      const audit = await t.dataSource.query(`SELECT action, entity_id, actor_id, changes FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`, [res.body.id, deviceId]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['device.status_changed', 'loan.created']);
      expect(audit[1]).toMatchObject({ entity_id: res.body.id, actor_id: w.coordinatorA1.id });
      expect(audit[1].changes.fields).toMatchObject({ deviceId: { after: deviceId }, dueOn: { after: '2026-07-31' }, borrowerKind: { after: 'student' } });
      const auditText = JSON.stringify(audit);
      for (const secret of ['Schneider', 'S-4711', 'Q1-Kurs', 'geknickt']) expect(auditText).not.toContain(secret);
    });

    it('lets the office lend too, but answers it without the personal fields', async () => {
      const deviceId = await device();
      const res = await lendVia(t, w.officeA.auth, { deviceId, borrowerKind: 'teacher', borrowerName: 'Herr Yilmaz', startedOn: today, dueOn: shiftDays(today, 30) }).expect(201);
      expect(res.body).toMatchObject({ borrowerKind: 'teacher', borrowerName: null, personalDataVisible: false, state: 'active' });
      expect((await loanRow(t.dataSource, res.body.id)).borrower_name).toBe('Herr Yilmaz');
    });

    it('uses the configured end of the school year for the default due date', async () => {
      await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeA.auth).send({ defaultDueMonthDay: '06-30' }).expect(200);
      try {
        const res = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device(), startedOn: '2025-07-15' }).expect(201);
        expect(res.body.dueOn).toBe('2026-06-30');
      } finally {
        await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeA.auth).send({ defaultDueMonthDay: '07-31' }).expect(200);
      }
    });

    it('refuses a device that is already on loan, or not available', async () => {
      const deviceId = await device();
      await lendVia(t, w.coordinatorA1.auth, { deviceId }).expect(201);
      const again = await lendVia(t, w.coordinatorA1.auth, { deviceId, borrowerName: 'Zweite Person' }).expect(409);
      expect(again.body).toMatchObject({ error: 'CONFLICT', message: 'This device is already on loan' });
      const inRepair = await device({ status: 'in_repair' });
      const res = await lendVia(t, w.coordinatorA1.auth, { deviceId: inRepair }).expect(409);
      expect(res.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { deviceStatus: 'in_repair' } });
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM loans WHERE device_id = $1`, [inRepair])).toEqual([{ n: 0 }]);
    });

    it('rejects bad input with the field', async () => {
      const deviceId = await device();
      const missing = await t.http().post('/api/v1/loans').set('Authorization', w.coordinatorA1.auth).send({ deviceId, borrowerKind: 'pupil', extra: 1 }).expect(400);
      expect(missing.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['borrowerKind', 'borrowerName', 'extra']);
      const dates = await lendVia(t, w.coordinatorA1.auth, { deviceId, startedOn: '2025-09-01', dueOn: '2025-08-31' }).expect(400);
      expect(dates.body.fieldErrors).toEqual([{ field: 'dueOn', code: 'notBefore', params: { date: '2025-09-01' }, messages: ['dueOn must not be before startedOn'] }]);
      const future = await lendVia(t, w.coordinatorA1.auth, { deviceId, startedOn: shiftDays(today, 2) }).expect(400);
      expect(future.body.fieldErrors[0].field).toBe('startedOn');
      const typo = await lendVia(t, w.coordinatorA1.auth, { deviceId, startedOn: '2025-09-01', dueOn: '2206-07-31' }).expect(400);
      expect(typo.body.fieldErrors).toEqual([{ field: 'dueOn', code: 'maxYearsAfter', params: { years: 10, date: '2025-09-01' }, messages: ['dueOn must be within ten years of startedOn'] }]);
      const badDate = await lendVia(t, w.coordinatorA1.auth, { deviceId, dueOn: '2026-02-30' }).expect(400);
      expect(badDate.body.fieldErrors[0].field).toBe('dueOn');
      expect(await deviceStatus(t.dataSource, deviceId)).toBe('available');
    });

    it('answers 404 for a device outside the caller\'s schools or authority, 403 for viewer and admin, 401 without login', async () => {
      const inA2 = await device({}, w.schoolA2);
      await lendVia(t, w.coordinatorA1.auth, { deviceId: inA2 }).expect(404);
      await lendVia(t, w.officeB.auth, { deviceId: inA2 }).expect(404);
      await lendVia(t, w.viewerA.auth, { deviceId: inA2 }).expect(403);
      await lendVia(t, w.admin.auth, { deviceId: inA2 }).expect(403);
      await t.http().post('/api/v1/loans').send({ deviceId: inA2, borrowerKind: 'student', borrowerName: 'X' }).expect(401);
      expect(await deviceStatus(t.dataSource, inA2)).toBe('available');
    });

    it('gives exactly one loan when a hundred requests lend the same device at once', async () => {
      const deviceId = await device();
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => lendVia(t, i % 2 ? w.coordinatorA1.auth : w.officeA.auth, { deviceId, borrowerName: `Person ${i}` })),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(99);
      for (const r of responses.filter((x) => x.status === 409)) expect(r.body.message).toBe('This device is already on loan');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM loans WHERE device_id = $1`, [deviceId])).toEqual([{ n: 1 }]);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM device_events WHERE device_id = $1 AND kind = 'loaned'`, [deviceId])).toEqual([{ n: 1 }]);
    });

    it('is backed by the partial unique index even when the code check is bypassed', async () => {
      const deviceId = await device();
      await lendVia(t, w.coordinatorA1.auth, { deviceId }).expect(201);
      const insert = () =>
        t.dataSource.query(
          `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, started_on, due_on) VALUES ($1, $2, $3, 'student', 'X', $4, $4)`,
          [w.authorityA, w.schoolA1, deviceId, today],
        );
      await expect(insert()).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'uq_loans_active_device' } });
    });

    it('refuses by the database a loan whose school or device belongs to another authority', async () => {
      const deviceB = await createDevice(t.dataSource, w.authorityB, w.schoolB1);
      await expect(
        t.dataSource.query(
          `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, started_on, due_on) VALUES ($1, $2, $3, 'student', 'X', $4, $4)`,
          [w.authorityA, w.schoolA1, deviceB, today],
        ),
      ).rejects.toMatchObject({ driverError: { code: '23503', constraint: 'fk_loans_device' } });
    });
  });

  describe('POST /api/v1/loans/:id/return', () => {
    const lendNew = async () => {
      const deviceId = await device();
      const res = await lendVia(t, w.coordinatorA1.auth, { deviceId, startedOn: shiftDays(today, -10) }).expect(201);
      return { deviceId, loanId: res.body.id as string };
    };

    it.each([
      ['ok', 'available'],
      ['damaged', 'in_repair'],
      ['defective', 'in_repair'],
      ['lost', 'lost'],
    ])('takes the device back in condition %s: it becomes %s', async (condition, status) => {
      const { deviceId, loanId } = await lendNew();
      const res = await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.coordinatorA1.auth).send({ condition, notes: 'Rückgabe von Lena' }).expect(200);
      expect(res.body).toMatchObject({ returnedOn: today, returnCondition: condition, state: 'returned', returnNotes: 'Rückgabe von Lena', device: { status } });
      expect(await deviceStatus(t.dataSource, deviceId)).toBe(status);
      const [event] = await t.dataSource.query(`SELECT kind, from_status, to_status, loan_id, reason FROM device_events WHERE device_id = $1 AND kind = 'returned'`, [deviceId]);
      expect(event).toEqual({ kind: 'returned', from_status: 'loaned', to_status: status, loan_id: loanId, reason: `Rückgabe: ${labels.returnCondition[condition as 'ok']}` });
      const [audit] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'loan.returned'`, [loanId]);
      expect(audit.changes.fields).toEqual({ returnedOn: { before: null, after: today }, returnCondition: { before: null, after: condition } });
      expect(JSON.stringify(audit)).not.toContain('Lena');
    });

    it('answers 409 on a second return and leaves the first one alone', async () => {
      const { deviceId, loanId } = await lendNew();
      await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.officeA.auth).send({ condition: 'damaged' }).expect(200);
      const res = await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.officeA.auth).send({ condition: 'ok' }).expect(409);
      expect(res.body.error).toBe('ILLEGAL_STATE');
      expect(await deviceStatus(t.dataSource, deviceId)).toBe('in_repair');
      expect((await loanRow(t.dataSource, loanId)).return_condition).toBe('damaged');
    });

    it('rejects a return date before the start or in the future, and a bad condition', async () => {
      const { loanId } = await lendNew();
      const early = await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.officeA.auth).send({ condition: 'ok', returnedOn: shiftDays(today, -11) }).expect(400);
      expect(early.body.fieldErrors[0].field).toBe('returnedOn');
      await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.officeA.auth).send({ condition: 'ok', returnedOn: shiftDays(today, 1) }).expect(400);
      const bad = await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.officeA.auth).send({ condition: 'broken' }).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('condition');
      expect((await loanRow(t.dataSource, loanId)).returned_on).toBeNull();
    });

    it('answers 404 across schools and authorities, 403 for the viewer, 401 without login, 400 for a bad id', async () => {
      const { loanId } = await lendNew();
      const other = await createDevice(t.dataSource, w.authorityA, w.schoolA2);
      const inA2 = await lendVia(t, w.officeA.auth, { deviceId: other }).expect(201);
      await t.http().post(`/api/v1/loans/${inA2.body.id}/return`).set('Authorization', w.coordinatorA1.auth).send({ condition: 'ok' }).expect(404);
      await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.officeB.auth).send({ condition: 'ok' }).expect(404);
      await t.http().post(`/api/v1/loans/${loanId}/return`).set('Authorization', w.viewerA.auth).send({ condition: 'ok' }).expect(403);
      await t.http().post(`/api/v1/loans/${loanId}/return`).send({ condition: 'ok' }).expect(401);
      await t.http().post(`/api/v1/loans/nope/return`).set('Authorization', w.officeA.auth).send({ condition: 'ok' }).expect(400);
      expect((await loanRow(t.dataSource, loanId)).returned_on).toBeNull();
    });
  });

  describe('POST /api/v1/loans/:id/extend', () => {
    it('sets a new due date and audits it; a returned loan or a date before the start is refused', async () => {
      const deviceId = await device();
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId, startedOn: shiftDays(today, -5), dueOn: shiftDays(today, -1) }).expect(201);
      expect(loan.state).toBe('overdue');
      const res = await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: shiftDays(today, 60) }).expect(200);
      expect(res.body).toMatchObject({ dueOn: shiftDays(today, 60), state: 'active', version: 2 });
      const [audit] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'loan.extended'`, [loan.id]);
      expect(audit.changes.fields).toEqual({ dueOn: { before: shiftDays(today, -1), after: shiftDays(today, 60) } });
      const early = await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: shiftDays(today, -6) }).expect(400);
      expect(early.body.fieldErrors[0].field).toBe('dueOn');
      // An extension does not shorten the loan, nor end it in the past (it would be overdue at once).
      const shorter = await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: shiftDays(today, 30) }).expect(400);
      expect(shorter.body.fieldErrors[0]).toMatchObject({ field: 'dueOn', code: 'notBefore', params: { date: shiftDays(today, 61) } });
      const { body: overdue } = await lendVia(t, w.coordinatorA1.auth, { deviceId: await device(), startedOn: shiftDays(today, -30), dueOn: shiftDays(today, -10) }).expect(201);
      const past = await t.http().post(`/api/v1/loans/${overdue.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: shiftDays(today, -2) }).expect(400);
      expect(past.body.fieldErrors[0]).toMatchObject({ field: 'dueOn', code: 'notBefore', params: { date: today } });
      await t.http().post(`/api/v1/loans/${overdue.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: today }).expect(200);
      expect((await t.dataSource.query(`SELECT due_on::text AS due FROM loans WHERE id = $1`, [loan.id]))[0].due).toBe(shiftDays(today, 60));
      await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.officeB.auth).send({ dueOn: shiftDays(today, 90) }).expect(404);
      await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.viewerA.auth).send({ dueOn: shiftDays(today, 90) }).expect(403);
      await t.http().post(`/api/v1/loans/${loan.id}/extend`).send({ dueOn: shiftDays(today, 90) }).expect(401);
      await t.http().post(`/api/v1/loans/${loan.id}/return`).set('Authorization', w.coordinatorA1.auth).send({ condition: 'ok' }).expect(200);
      await t.http().post(`/api/v1/loans/${loan.id}/extend`).set('Authorization', w.coordinatorA1.auth).send({ dueOn: shiftDays(today, 90) }).expect(409);
    });
  });

  describe('GET /api/v1/devices/:id', () => {
    it('shows the current loan, and the history keeps past loans', async () => {
      const deviceId = await device();
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId, borrowerName: 'Mia Wagner' }).expect(201);
      const detail = await t.http().get(`/api/v1/devices/${deviceId}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(detail.body.currentLoan).toMatchObject({ id: loan.id, borrowerName: 'Mia Wagner', personalDataVisible: true });
      const forOffice = await t.http().get(`/api/v1/devices/${deviceId}`).set('Authorization', w.officeA.auth).expect(200);
      expect(forOffice.body.currentLoan).toMatchObject({ id: loan.id, borrowerName: null, personalDataVisible: false });
      await t.http().post(`/api/v1/loans/${loan.id}/return`).set('Authorization', w.coordinatorA1.auth).send({ condition: 'ok' }).expect(200);
      const after = await t.http().get(`/api/v1/devices/${deviceId}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(after.body.currentLoan).toBeNull();
      const history = await t.http().get(`/api/v1/devices/${deviceId}/history`).set('Authorization', w.coordinatorA1.auth).expect(200);
      const loanEvents = history.body.items.filter((e: { loanId: string | null }) => e.loanId === loan.id).map((e: { kind: string }) => e.kind);
      expect(loanEvents).toEqual(['returned', 'loaned']);
    });
  });

  describe('GET /api/v1/loans/:id/agreement.pdf', () => {
    it('prints the agreement with school, borrower, device, accessories, duration, rules and signature lines', async () => {
      const deviceId = await device({ inventoryNumber: 'MS-2025-00042', serialNumber: 'SN-ABC-777', manufacturer: 'Apple', model: 'iPad 10', type: 'tablet' });
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, {
        deviceId,
        borrowerName: 'Jonas Müller',
        borrowerReference: 'S-2024-0815',
        borrowerClass: '9c',
        guardianName: 'Anke Müller',
        startedOn: '2025-09-01',
        accessories: ['charger', 'pen', 'Tastaturhülle'],
      }).expect(201);
      const res = await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.coordinatorA1.auth).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      // The file is named by its agreement number, never by the borrower.
      expect(res.headers['content-disposition']).toBe(`attachment; filename="Leihvertrag-${loan.agreementNumber}.pdf"`);
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toContain('%%EOF');
      const text = pdfText(pdf);
      for (const expected of [
        'Leihvertrag über ein digitales Endgerät',
        'A1 Gymnasium',
        'Jonas Müller',
        'S-2024-0815',
        '9c',
        'Anke Müller',
        'Tablet',
        'Apple iPad 10',
        'MS-2025-00042',
        'SN-ABC-777',
        'Ladegerät, Stift, Tastaturhülle',
        '01.09.2025',
        '31.07.2026',
        'Sorgfaltspflichten',
        'Verlust und Diebstahl',
        'Unterschriften',
        'Ort, Datum',
        // The signers' labels wrap in their narrow columns.
        'Für die Schule (Unterschrift,',
        'Schülerin / Schüler',
      ]) {
        expect(text).toContain(expected);
      }
      // The PDF's metadata carries no personal data.
      expect(pdf.toString('latin1')).not.toMatch(/Title \([^)]*M.ller/);
    });

    it('prints the rule texts of the authority settings', async () => {
      await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeA.auth).send({ agreementClauses: [{ title: 'Besondere Regel', text: 'Das Gerät bleibt nachts im Schließfach. Löschung nach {retentionDays} Tagen.' }] }).expect(200);
      const deviceId = await device();
      const { body: loan } = await lendVia(t, w.coordinatorA1.auth, { deviceId }).expect(201);
      const res = await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.coordinatorA1.auth).buffer(true).parse(binary).expect(200);
      const text = pdfText(res.body);
      expect(text).toContain('Besondere Regel');
      expect(text).toContain('Löschung nach 365 Tagen.');
      expect(text).not.toContain('Sorgfaltspflichten');
    });

    it('answers 404 across schools and authorities, 401 without login', async () => {
      const other = await createDevice(t.dataSource, w.authorityA, w.schoolA2);
      const { body: loan } = await lendVia(t, w.officeA.auth, { deviceId: other }).expect(201);
      await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.coordinatorA1.auth).expect(404);
      await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).set('Authorization', w.admin.auth).expect(403);
      await t.http().get(`/api/v1/loans/${loan.id}/agreement.pdf`).expect(401);
    });
  });

  describe('GET/PUT /api/v1/loans/settings', () => {
    it('shows the defaults, lets the office change them (audited) and validates them', async () => {
      const res = await t.http().get('/api/v1/loans/settings').set('Authorization', w.viewerA.auth).expect(200);
      expect(res.body).toMatchObject({ defaultDueMonthDay: '07-31', retentionDays: 365 });
      expect(res.body.agreementClauses.length).toBeGreaterThan(0);
      const put = await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeA.auth).send({ retentionDays: 200 }).expect(200);
      expect(put.body).toMatchObject({ defaultDueMonthDay: '07-31', retentionDays: 200 });
      const [{ settings }] = await t.dataSource.query(`SELECT settings FROM authorities WHERE id = $1`, [w.authorityA]);
      expect(settings.loans.retentionDays).toBe(200);
      const other = await t.http().get('/api/v1/loans/settings').set('Authorization', w.officeB.auth).expect(200);
      expect(other.body.retentionDays).toBe(365);
      const bad = await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeA.auth).send({ defaultDueMonthDay: '02-29', retentionDays: -1, agreementClauses: [{ title: '' }] }).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['agreementClauses.0.text', 'agreementClauses.0.title', 'defaultDueMonthDay', 'retentionDays']);
      await t.http().put('/api/v1/loans/settings').set('Authorization', w.coordinatorA1.auth).send({ retentionDays: 10 }).expect(403);
      await t.http().get('/api/v1/loans/settings').set('Authorization', w.admin.auth).expect(403);
      await t.http().get('/api/v1/loans/settings').expect(401);
      await t.http().put('/api/v1/loans/settings').set('Authorization', w.officeA.auth).send({ retentionDays: 365 }).expect(200);
    });
  });
});
