import { IdempotencyScope, IdempotencyService } from '../src/common/idempotency';
import { createDevice, TestUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, shiftDays } from './loans-fixtures';

/**
 * Idempotency-Key on writes (issue #14, point 14): a request sent again with its key answers the first answer without
 * doing it again; the key is stored in the write's transaction (a failed or interrupted write leaves none), per user.
 */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();

  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  const device = (inventoryNumber: string, status?: string) => createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber, status });
  const post = (user: TestUser, path: string, body: object, key?: string) => {
    const req = t.http().post(`/api/v1${path}`).set('Authorization', user.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const loansOf = async (inventoryPrefix: string) =>
    t.dataSource.query(
      `SELECT d.inventory_number, l.id, l.borrower_name FROM loans l JOIN devices d ON d.id = l.device_id WHERE d.inventory_number LIKE $1 ORDER BY 1`,
      [`${inventoryPrefix}%`],
    );
  const keysOf = async (key: string) => t.dataSource.query(`SELECT user_id, part FROM idempotency_keys WHERE key = $1 ORDER BY part`, [key]);
  const bulkBody = (prefix: string) => ({
    dueOn: shiftDays(today, 200),
    items: [
      { inventoryNumber: `${prefix}-1`, borrowerName: 'Ali Kaya' },
      { inventoryNumber: `${prefix}-2`, borrowerName: 'Şule Yıldız' },
      { inventoryNumber: `${prefix}-3`, borrowerName: 'Ben Vogt' },
    ],
  });

  it('answers a bulk lend sent twice with its key with the first answer, lending each device once', async () => {
    for (const n of [1, 2, 3]) await device(`IK-${n}`);
    const first = await post(w.coordinatorA1, '/loans/bulk', bulkBody('IK'), 'bulk-key-1').expect(200);
    expect(first.body).toMatchObject({ succeeded: 3, failed: 0 });
    const again = await post(w.coordinatorA1, '/loans/bulk', bulkBody('IK'), 'bulk-key-1').expect(200);
    expect(again.body).toEqual(first.body);
    const loans = await loansOf('IK-');
    expect(loans.map((l: { inventory_number: string }) => l.inventory_number)).toEqual(['IK-1', 'IK-2', 'IK-3']);
    expect(first.body.results.map((r: { loanId: string }) => r.loanId)).toEqual(loans.map((l: { id: string }) => l.id));
    const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'loan.created' AND entity_id = ANY($1::uuid[])`, [loans.map((l: { id: string }) => l.id)]);
    expect(audit[0].n).toBe(3);
    // Without the key the same request is a new one: every device is on loan by now.
    const fresh = await post(w.coordinatorA1, '/loans/bulk', bulkBody('IK')).expect(200);
    expect(fresh.body).toMatchObject({ succeeded: 0, failed: 3 });
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    for (const n of [1, 2, 3]) await device(`RU-${n}`);
    await device('RU-9');
    await post(w.coordinatorA1, '/loans/bulk', bulkBody('RU'), 'bulk-key-2').expect(200);
    const other = { ...bulkBody('RU'), items: [{ inventoryNumber: 'RU-9', borrowerName: 'Clara Ernst' }] };
    const res = await post(w.coordinatorA1, '/loans/bulk', other, 'bulk-key-2').expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'IDEMPOTENCY_KEY_REUSED', fieldErrors: [{ field: 'Idempotency-Key' }] });
    expect((await loansOf('RU-9'))).toEqual([]);
    // Another route with the key is another request too.
    const device9 = (await t.dataSource.query(`SELECT id FROM devices WHERE inventory_number = 'RU-9'`))[0].id;
    await post(w.coordinatorA1, '/loans', { deviceId: device9, borrowerKind: 'student', borrowerName: 'Clara Ernst' }, 'bulk-key-2').expect(422);
    expect((await loansOf('RU-9'))).toEqual([]);
  });

  it("keeps keys per user: another user's same key is a request of its own", async () => {
    const a = await device('PU-1');
    const b = await device('PU-2');
    const byCoordinator = await post(w.coordinatorA1, '/loans', { deviceId: a, borrowerKind: 'student', borrowerName: 'Dana Roth' }, 'shared-key').expect(201);
    const byOffice = await post(w.officeA, '/loans', { deviceId: b, borrowerKind: 'teacher', borrowerName: 'Eva Lang' }, 'shared-key').expect(201);
    expect(byOffice.body.id).not.toBe(byCoordinator.body.id);
    expect((await loansOf('PU-')).map((l: { inventory_number: string }) => l.inventory_number)).toEqual(['PU-1', 'PU-2']);
    expect((await keysOf('shared-key')).map((k: { user_id: string }) => k.user_id).sort()).toEqual([w.coordinatorA1.id, w.officeA.id].sort());
  });

  it('replays a single lend and a return with the same status and body; concurrent replays lend once', async () => {
    const id = await device('SL-1');
    const body = { deviceId: id, borrowerKind: 'student', borrowerName: 'Fynn Groß', dueOn: shiftDays(today, 100) };
    const results = await Promise.all([1, 2, 3].map(() => post(w.coordinatorA1, '/loans', body, 'single-lend')));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results[1].body).toEqual(results[0].body);
    expect(results[2].body).toEqual(results[0].body);
    expect(await loansOf('SL-')).toHaveLength(1);

    const loanId = results[0].body.id;
    const back = await post(w.coordinatorA1, `/loans/${loanId}/return`, { condition: 'damaged', notes: 'Display gesprungen' }, 'single-return').expect(200);
    const backAgain = await post(w.coordinatorA1, `/loans/${loanId}/return`, { condition: 'damaged', notes: 'Display gesprungen' }, 'single-return').expect(200);
    expect(backAgain.body).toEqual(back.body);
    const events = await t.dataSource.query(`SELECT count(*)::int AS n FROM device_events WHERE device_id = $1 AND kind = 'returned'`, [id]);
    expect(events[0].n).toBe(1);
    // Without the key a second return is refused as before.
    await post(w.coordinatorA1, `/loans/${loanId}/return`, { condition: 'damaged' }).expect(409);
  });

  it('stores no key for a write that fails, so the request can be sent again once the cause is gone', async () => {
    const id = await device('FL-1', 'in_repair');
    const body = { deviceId: id, borrowerKind: 'student', borrowerName: 'Greta Heß' };
    await post(w.coordinatorA1, '/loans', body, 'failing-lend').expect(409);
    expect(await keysOf('failing-lend')).toEqual([]);
    await t.dataSource.query(`UPDATE devices SET status = 'available' WHERE id = $1`, [id]);
    const res = await post(w.coordinatorA1, '/loans', body, 'failing-lend').expect(201);
    expect(res.body.device.id).toBe(id);
    expect(await keysOf('failing-lend')).toHaveLength(1);
  });

  it('finishes a bulk lend interrupted after some items: the items done come back as done, the rest is done now', async () => {
    for (const n of [1, 2, 3]) await device(`CR-${n}`);
    // The process "dies" after the items were lent, before the whole answer is stored.
    const save = jest.spyOn(IdempotencyScope.prototype, 'save').mockRejectedValueOnce(new Error('crash'));
    try {
      await post(w.coordinatorA1, '/loans/bulk', bulkBody('CR'), 'crash-key').expect(500);
    } finally {
      save.mockRestore();
    }
    const lent = await loansOf('CR-');
    expect(lent).toHaveLength(3);
    expect((await keysOf('crash-key')).map((k: { part: string }) => k.part)).toEqual(['item 0', 'item 1', 'item 2']);
    const again = await post(w.coordinatorA1, '/loans/bulk', bulkBody('CR'), 'crash-key').expect(200);
    expect(again.body).toMatchObject({ succeeded: 3, failed: 0 });
    expect(again.body.results.map((r: { loanId: string }) => r.loanId)).toEqual(lent.map((l: { id: string }) => l.id));
    expect(await loansOf('CR-')).toEqual(lent);
  });

  it('replays a device create and an import', async () => {
    const body = { schoolId: w.schoolA1, inventoryNumber: 'DC-1', type: 'laptop', manufacturer: 'Dell', model: 'Latitude 5440' };
    const first = await post(w.officeA, '/devices', body, 'device-create').expect(201);
    const again = await post(w.officeA, '/devices', body, 'device-create').expect(201);
    expect(again.body).toEqual(first.body);
    const file = Buffer.from('Inventarnummer;Typ;Hersteller;Modell\nDI-1;Laptop;Dell;X\nDI-2;Tablet;Apple;iPad\n');
    const upload = (content: Buffer) =>
      t.http().post(`/api/v1/devices/import?schoolId=${w.schoolA1}`).set('Authorization', w.officeA.auth).set('Idempotency-Key', 'import-key').attach('file', content, 'liste.csv');
    const imported = await upload(file).expect(200);
    expect(imported.body).toMatchObject({ created: 2 });
    const replayed = await upload(file).expect(200);
    expect(replayed.body).toEqual(imported.body); // the first answer (created: 2), not "2 duplicates"
    await upload(Buffer.from('Inventarnummer;Typ;Hersteller;Modell\nDI-3;Laptop;Dell;X\n')).expect(422);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM devices WHERE inventory_number LIKE 'D_-%'`);
    expect(n).toBe(3);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await post(w.coordinatorA1, '/loans/bulk', bulkBody('NO'), 'x'.repeat(201)).expect(400);
    expect(res.body.fieldErrors[0].field).toBe('Idempotency-Key');
    await post(w.coordinatorA1, '/loans/bulk', bulkBody('NO'), 'mit leerzeichen').expect(400);
  });

  it('deletes expired keys, and an expired key no longer replays', async () => {
    const id = await device('EX-1');
    const body = { deviceId: id, borrowerKind: 'student', borrowerName: 'Hanna Öz' };
    await post(w.coordinatorA1, '/loans', body, 'old-key').expect(201);
    await t.dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = 'old-key'`);
    await post(w.coordinatorA1, '/loans', body, 'old-key').expect(409); // done again: the device is on loan already
    const service = t.app.get(IdempotencyService);
    const deleted = await service.deleteExpired();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await keysOf('old-key')).toEqual([]);
    expect(await keysOf('shared-key')).toHaveLength(2); // live keys stay
  });
});
