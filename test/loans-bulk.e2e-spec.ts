import { illegalState } from '../src/common/errors';
import { TestExtensionsModule, TestLeaveServiceGuard } from './extension-points';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, deviceStatus, shiftDays } from './loans-fixtures';

describe('Loans at the counter (bulk)', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();

  beforeAll(async () => {
    ({ t, w } = await createTestWorld({}, { imports: [TestExtensionsModule] }));
  });
  // The test guard refuses only inside the test that sets it.
  afterEach(() => {
    t.app.get(TestLeaveServiceGuard).use = undefined;
  });
  afterAll(() => t.close());

  const device = (inventoryNumber: string, o: { status?: string; school?: string } = {}) =>
    createDevice(t.dataSource, w.authorityA, o.school ?? w.schoolA1, { inventoryNumber, status: o.status });
  const bulkLend = (auth: string, body: Record<string, unknown>) => t.http().post('/api/v1/loans/bulk').set('Authorization', auth).send(body);
  const bulkReturn = (auth: string, body: Record<string, unknown>) => t.http().post('/api/v1/loans/bulk-return').set('Authorization', auth).send(body);
  const loansOf = (deviceId: string) => t.dataSource.query(`SELECT * FROM loans WHERE device_id = $1`, [deviceId]);

  describe('POST /api/v1/loans/bulk', () => {
    it('lends every good item and reports each bad one, leaving nothing half done', async () => {
      const ok1 = await device('B-001');
      const ok2 = await device('B-002');
      const inRepair = await device('B-003', { status: 'in_repair' });
      const datesBad = await device('B-004');
      const otherSchool = await device('B-005', { school: w.schoolA2 });
      const res = await bulkLend(w.coordinatorA1.auth, {
        startedOn: shiftDays(today, -1),
        dueOn: shiftDays(today, 200),
        accessories: ['charger'],
        agreementSigned: true,
        items: [
          { inventoryNumber: 'B-001', borrowerName: 'Ali Kaya', borrowerClass: '8a', borrowerReference: 'S-1' },
          { inventoryNumber: 'B-999', borrowerName: 'Niemand' },
          { inventoryNumber: 'B-003', borrowerName: 'Ben Vogt' },
          { inventoryNumber: 'B-004', borrowerName: 'Clara Ernst', dueOn: shiftDays(today, -30) },
          { inventoryNumber: 'B-005', borrowerName: 'Dana Roth' },
          { inventoryNumber: 'B-001', borrowerName: 'Doppelt Gescannt' },
          { inventoryNumber: 'B-002', borrowerName: 'Eva Lang', borrowerKind: 'teacher', accessories: ['case', 'pen'] },
        ],
      }).expect(200);
      expect(res.body).toMatchObject({ succeeded: 2, failed: 5 });
      const summary = res.body.results.map((r: { index: number; ok: boolean; error: { statusCode: number; error: string } | null }) => [r.index, r.ok, r.error?.statusCode ?? null, r.error?.error ?? null]);
      expect(summary).toEqual([
        [0, true, null, null],
        [1, false, 404, 'NOT_FOUND'],
        [2, false, 409, 'ILLEGAL_STATE'],
        [3, false, 400, 'VALIDATION_FAILED'],
        [4, false, 404, 'NOT_FOUND'],
        [5, false, 409, 'CONFLICT'],
        [6, true, null, null],
      ]);
      expect(res.body.results[3].error.fieldErrors).toEqual([{ field: 'dueOn', code: 'notBefore', params: { date: expect.any(String) }, messages: ['dueOn must not be before startedOn'] }]);
      expect(res.body.results[5].error.message).toBe('This device is already on loan');
      expect(res.body.results[0]).toMatchObject({ inventoryNumber: 'B-001', deviceStatus: 'loaned', loanId: expect.any(String) });

      const [first] = await loansOf(ok1);
      expect(first).toMatchObject({ id: res.body.results[0].loanId, borrower_name: 'Ali Kaya', borrower_kind: 'student', borrower_class: '8a', due_on: shiftDays(today, 200), accessories: ['charger'], agreement_signed: true });
      const [second] = await loansOf(ok2);
      expect(second).toMatchObject({ borrower_kind: 'teacher', accessories: ['case', 'pen'] });
      for (const failed of [inRepair, datesBad, otherSchool]) expect(await loansOf(failed)).toEqual([]);
      expect(await deviceStatus(t.dataSource, inRepair)).toBe('in_repair');
      expect(await deviceStatus(t.dataSource, datesBad)).toBe('available');
      expect(await deviceStatus(t.dataSource, otherSchool)).toBe('available');
      const events = await t.dataSource.query(`SELECT count(*)::int AS n FROM device_events WHERE device_id = ANY($1) AND kind = 'loaned'`, [[ok1, ok2, inRepair, datesBad, otherSchool]]);
      expect(events).toEqual([{ n: 2 }]);
    });

    it('restricts the scan to the counter\'s school', async () => {
      await device('B-101', { school: w.schoolA2 });
      const res = await bulkLend(w.officeA.auth, { schoolId: w.schoolA1, items: [{ inventoryNumber: 'B-101', borrowerName: 'X' }] }).expect(200);
      expect(res.body.results[0].error.statusCode).toBe(404);
    });

    it('finds scanned numbers in lower case and with spaces, lends and takes them back', async () => {
      const scanned = await device('Scan-LC-01');
      const lent = await bulkLend(w.officeA.auth, { items: [{ inventoryNumber: '  scan-lc-01 ', borrowerName: 'Kim Berg' }] }).expect(200);
      expect(lent.body.results[0]).toMatchObject({ ok: true, inventoryNumber: 'scan-lc-01', deviceStatus: 'loaned' });
      expect((await loansOf(scanned))[0]).toMatchObject({ id: lent.body.results[0].loanId, borrower_name: 'Kim Berg' });
      const back = await bulkReturn(w.officeA.auth, { items: [{ inventoryNumber: 'SCAN-LC-01' }] }).expect(200);
      expect(back.body.results[0]).toMatchObject({ ok: true, deviceStatus: 'available' });
      expect(await deviceStatus(t.dataSource, scanned)).toBe('available');
    });

    it('lends a whole class of 120 in one request', async () => {
      const numbers = Array.from({ length: 120 }, (_, i) => `CLASS-${String(i).padStart(3, '0')}`);
      for (const n of numbers) await device(n);
      const started = Date.now();
      const res = await bulkLend(w.coordinatorA1.auth, { items: numbers.map((n, i) => ({ inventoryNumber: n, borrowerName: `Kind ${i}`, borrowerClass: '5c' })) }).expect(200);
      expect(res.body).toMatchObject({ succeeded: 120, failed: 0 });
      expect(Date.now() - started).toBeLessThan(20_000);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM loans WHERE borrower_class = '5c' AND returned_on IS NULL`);
      expect(n).toBe(120);
    });

    it('validates the batch, its size and the caller', async () => {
      const empty = await bulkLend(w.officeA.auth, { items: [] }).expect(400);
      expect(empty.body.fieldErrors[0].field).toBe('items');
      const tooMany = await bulkLend(w.officeA.auth, { items: Array.from({ length: 501 }, (_, i) => ({ inventoryNumber: `X${i}`, borrowerName: 'X' })) }).expect(400);
      expect(tooMany.body.fieldErrors[0].field).toBe('items');
      const badItem = await bulkLend(w.officeA.auth, { items: [{ inventoryNumber: '', borrowerName: 'X', colour: 'red' }] }).expect(400);
      expect(badItem.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['items.0.colour', 'items.0.inventoryNumber']);
      await bulkLend(w.viewerA.auth, { items: [{ inventoryNumber: 'B-001', borrowerName: 'X' }] }).expect(403);
      await bulkLend(w.officeB.auth, { schoolId: w.schoolA1, items: [{ inventoryNumber: 'B-001', borrowerName: 'X' }] }).expect(404);
      await bulkLend(w.coordinatorA1.auth, { schoolId: w.schoolA2, items: [{ inventoryNumber: 'B-001', borrowerName: 'X' }] }).expect(404);
      await t.http().post('/api/v1/loans/bulk').send({ items: [{ inventoryNumber: 'B-001', borrowerName: 'X' }] }).expect(401);
    });

    it('does not let another city lend this city\'s devices by inventory number', async () => {
      await device('B-201');
      const res = await bulkLend(w.officeB.auth, { items: [{ inventoryNumber: 'B-201', borrowerName: 'X' }] }).expect(200);
      expect(res.body.results[0].error).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    });
  });

  describe('POST /api/v1/loans/bulk-return', () => {
    it('takes back every good item, reports each bad one, and rolls back an item that fails half-way', async () => {
      const numbers = ['R-001', 'R-002', 'R-003', 'R-004'];
      const ids: Record<string, string> = {};
      for (const n of numbers) ids[n] = await device(n);
      ids['R-005'] = await device('R-005'); // never lent
      await bulkLend(w.coordinatorA1.auth, { startedOn: shiftDays(today, -30), items: numbers.map((n) => ({ inventoryNumber: n, borrowerName: `Borrower ${n}` })) }).expect(200);

      // A guard of another feature refuses to book R-004 as lost, after the loan row was already updated in the item's transaction.
      t.app.get(TestLeaveServiceGuard).use = async (_em, locked) => {
        if (locked.id === ids['R-004']) throw illegalState('Refused by a test guard');
      };

      const res = await bulkReturn(w.coordinatorA1.auth, {
        items: [
          { inventoryNumber: 'R-001' },
          { inventoryNumber: 'R-002', condition: 'damaged', notes: 'Display gesprungen' },
          { inventoryNumber: 'R-005' },
          { inventoryNumber: 'R-999' },
          { inventoryNumber: 'R-001' },
          { inventoryNumber: 'R-004', condition: 'lost' },
          { inventoryNumber: 'R-003', condition: 'lost' },
        ],
      }).expect(200);
      const summary = res.body.results.map((r: { ok: boolean; deviceStatus: string | null; error: { statusCode: number; error: string } | null }) => [r.ok, r.deviceStatus, r.error?.statusCode ?? null, r.error?.error ?? null]);
      expect(summary).toEqual([
        [true, 'available', null, null],
        [true, 'in_repair', null, null],
        [false, null, 409, 'ILLEGAL_STATE'],
        [false, null, 404, 'NOT_FOUND'],
        [false, null, 409, 'ILLEGAL_STATE'],
        [false, null, 409, 'ILLEGAL_STATE'],
        [true, 'lost', null, null],
      ]);
      expect(res.body).toMatchObject({ succeeded: 3, failed: 4 });
      expect(res.body.results[5].error.message).toBe('Refused by a test guard');

      expect(await deviceStatus(t.dataSource, ids['R-001'])).toBe('available');
      expect(await deviceStatus(t.dataSource, ids['R-002'])).toBe('in_repair');
      expect(await deviceStatus(t.dataSource, ids['R-003'])).toBe('lost');
      expect(await deviceStatus(t.dataSource, ids['R-005'])).toBe('available');
      const [r2] = await loansOf(ids['R-002']);
      expect(r2).toMatchObject({ returned_on: today, return_condition: 'damaged', return_notes: 'Display gesprungen' });
      // nothing half done — the loan is still open, the device still loaned, no return in its history.
      const [r4] = await loansOf(ids['R-004']);
      expect(r4).toMatchObject({ returned_on: null, return_condition: null, version: 1 });
      expect(await deviceStatus(t.dataSource, ids['R-004'])).toBe('loaned');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM device_events WHERE device_id = $1 AND kind = 'returned'`, [ids['R-004']])).toEqual([{ n: 0 }]);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'loan.returned'`, [r4.id])).toEqual([{ n: 0 }]);
    });

    it('validates the batch and the caller', async () => {
      const bad = await bulkReturn(w.officeA.auth, { returnedOn: 'yesterday', items: [{ inventoryNumber: 'R-001', condition: 'broken' }] }).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['items.0.condition', 'returnedOn']);
      await bulkReturn(w.viewerA.auth, { items: [{ inventoryNumber: 'R-001' }] }).expect(403);
      await bulkReturn(w.officeB.auth, { schoolId: w.schoolA1, items: [{ inventoryNumber: 'R-001' }] }).expect(404);
      await t.http().post('/api/v1/loans/bulk-return').send({ items: [{ inventoryNumber: 'R-001' }] }).expect(401);
    });
  });
});
