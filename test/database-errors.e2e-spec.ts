import { Writable } from 'node:stream';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, lendVia, shiftDays } from './loans-fixtures';

/**
 * Database errors: one mapping to HTTP answers (src/common/database-errors.ts) for the single routes and the bulk
 * items, and a log line that names the error's code, constraint and table but never the request's values.
 */
describe('Database errors', () => {
  let t: TestApp;
  let w: World;
  const log: string[] = [];
  const today = berlinToday();

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log.push(chunk.toString());
        done();
      },
    });
    ({ t, w } = await createTestWorld({ LOG_LEVEL: 'info' }, { logDestination: destination }));
  });
  afterAll(() => t.close());

  /** Makes every loan insert fail with this SQLSTATE (a fault the validation cannot foresee). */
  const failLoanInserts = async (sqlstate: string) => {
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_fail_loans() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced: %', NEW.borrower_name USING ERRCODE = '${sqlstate}', TABLE = TG_TABLE_NAME, DETAIL = NEW.borrower_name; END $$`);
    await t.dataSource.query(`DROP TRIGGER IF EXISTS test_fail_loans ON loans`);
    await t.dataSource.query(`CREATE TRIGGER test_fail_loans BEFORE INSERT ON loans FOR EACH ROW EXECUTE FUNCTION test_fail_loans()`);
  };
  const stopFailing = () => t.dataSource.query(`DROP TRIGGER IF EXISTS test_fail_loans ON loans`);
  const waitForLog = async (text: string) => {
    for (let i = 0; i < 100 && !log.some((l) => l.includes(text)); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('logs a database error by code, constraint and table only: the borrower name, reference and guardian appear nowhere', async () => {
    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'DBE-1' });
    await failLoanInserts('XX000');
    try {
      log.length = 0;
      const res = await lendVia(t, w.coordinatorA1.auth, {
        deviceId: device,
        borrowerName: 'Zora Geheimname',
        borrowerReference: 'REF-Geheim-4711',
        guardianName: 'Vormund Verborgen',
        dueOn: shiftDays(today, 30),
      }).expect(500);
      expect(res.body).toMatchObject({ statusCode: 500, error: 'INTERNAL_ERROR', message: 'Internal server error' });
      await waitForLog('Database error');
      const lines = log.map((l) => JSON.parse(l) as Record<string, unknown>);
      const line = lines.find((l) => l.msg === 'Database error');
      expect(line).toMatchObject({ level: 50, db: { type: 'QueryFailedError', code: 'XX000', table: 'loans' }, requestId: res.body.requestId });
      const all = log.join('\n');
      for (const secret of ['Zora', 'Geheimname', 'REF-Geheim', 'Vormund', 'Verborgen', 'INSERT INTO']) expect(all).not.toContain(secret);
    } finally {
      await stopFailing();
    }
  });

  it('answers 409 for deleting a school that still has devices (restrict violation), naming why', async () => {
    const school = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ schoolNumber: '998877', name: 'Restschule', schoolType: 'grundschule' }).expect(201);
    await createDevice(t.dataSource, w.authorityA, school.body.id, { inventoryNumber: 'DBE-R1' });
    const res = await t.http().delete(`/api/v1/schools/${school.body.id}`).set('Authorization', w.officeA.auth).expect(409);
    expect(res.body).toMatchObject({ error: 'CONFLICT', message: 'The school still has devices; move or delete them first', details: { constraint: 'fk_devices_school' } });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM schools WHERE id = $1`, [school.body.id]))[0].n).toBe(1);
  });

  it.each([
    ['22007', 400, 'BAD_REQUEST'],
    ['23001', 409, 'CONFLICT'],
    ['23505', 409, 'CONFLICT'],
    ['23514', 400, 'VALIDATION_FAILED'],
  ])('answers SQLSTATE %s with %d %s on the single route and the same on a bulk item', async (sqlstate, status, code) => {
    const single = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: `DBE-S-${sqlstate}` });
    await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: `DBE-B-${sqlstate}` });
    await failLoanInserts(sqlstate);
    try {
      const one = await lendVia(t, w.coordinatorA1.auth, { deviceId: single, dueOn: shiftDays(today, 30) }).expect(status);
      expect(one.body.error).toBe(code);
      const bulk = await t
        .http()
        .post('/api/v1/loans/bulk')
        .set('Authorization', w.coordinatorA1.auth)
        .send({ dueOn: shiftDays(today, 30), items: [{ inventoryNumber: `DBE-B-${sqlstate}`, borrowerName: 'Bulk Person' }] })
        .expect(200);
      expect(bulk.body).toMatchObject({ succeeded: 0, failed: 1 });
      const { requestId: _requestId, ...singleBody } = one.body;
      expect(bulk.body.results[0].error).toEqual(singleBody);
    } finally {
      await stopFailing();
    }
  });
});
