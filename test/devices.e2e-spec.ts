import { TestDetailExtension, TestExtensionsModule } from './extension-points';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Devices', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld({}, { imports: [TestExtensionsModule] })));
  afterAll(() => t.close());

  const base = {
    inventoryNumber: 'A1-2024-0001',
    serialNumber: 'PF3XK9ZQ',
    type: 'laptop',
    manufacturer: 'Lenovo',
    model: 'ThinkPad L13 Gen 4',
    operatingSystem: 'Windows 11 Education',
    purchaseDate: '2024-08-01',
    purchasePriceCents: 74900,
    commissionedOn: '2024-08-20',
    warrantyUntil: '2027-08-01',
    location: 'Raum 204',
    notes: 'Lieferung 1',
  };
  const post = (auth: string, body: object) => t.http().post('/api/v1/devices').set('Authorization', auth).send(body);

  describe('POST /api/v1/devices', () => {
    it('creates a device with every field, a created history entry and an audit entry', async () => {
      const res = await post(w.officeA.auth, { ...base, schoolId: w.schoolA1 }).expect(201);
      expect(res.body).toMatchObject({ ...base, schoolId: w.schoolA1, authorityId: w.authorityA, status: 'available', version: 1, retiredOn: null });
      const [row] = await t.dataSource.query(`SELECT inventory_number, purchase_price_cents, commissioned_on, status, created_at FROM devices WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ inventory_number: 'A1-2024-0001', purchase_price_cents: 74900, commissioned_on: '2024-08-20', status: 'available', created_at: expect.any(Date) });
      // Timestamps in the same ISO form JSON gives a Date, to the millisecond.
      expect(res.body.createdAt).toBe(row.created_at.toISOString());
      const events = await t.dataSource.query(`SELECT kind, to_status, to_school_id, actor_id FROM device_events WHERE device_id = $1`, [res.body.id]);
      expect(events).toEqual([{ kind: 'created', to_status: 'available', to_school_id: w.schoolA1, actor_id: w.officeA.id }]);
    });

    it('answers 409 on a duplicate inventory number and on a duplicate serial of the same manufacturer', async () => {
      const first = { ...base, inventoryNumber: 'DUP-0001', serialNumber: 'DUPSERIAL1' };
      await post(w.officeA.auth, { ...first, schoolId: w.schoolA1 }).expect(201);
      const dupInv = await post(w.officeA.auth, { ...first, serialNumber: 'OTHER1', schoolId: w.schoolA2 }).expect(409);
      expect(dupInv.body.fieldErrors).toEqual([{ field: 'inventoryNumber', code: 'taken', messages: [expect.stringContaining('inventory number')] }]);
      const dupSerial = await post(w.officeA.auth, { ...first, inventoryNumber: 'DUP-0002', manufacturer: 'LENOVO', schoolId: w.schoolA1 }).expect(409);
      expect(dupSerial.body.fieldErrors[0].field).toBe('serialNumber');
      // The same serial number from another manufacturer is another device.
      await post(w.officeA.auth, { ...first, inventoryNumber: 'DUP-0003', manufacturer: 'Dell', schoolId: w.schoolA1 }).expect(201);
      // The same inventory number in another authority is fine.
      await post(w.officeB.auth, { ...first, schoolId: w.schoolB1 }).expect(201);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM devices WHERE inventory_number LIKE 'DUP-%'`);
      expect(n).toBe(3);
    });

    it('rejects bad values and unknown fields with field errors', async () => {
      const res = await post(w.officeA.auth, {
        ...base,
        inventoryNumber: ' padded ',
        schoolId: w.schoolA1,
        type: 'smartphone',
        purchasePriceCents: 12.5,
        warrantyUntil: '2027-02-30',
        status: 'loaned',
        colour: 'red',
      }).expect(400);
      const fields = res.body.fieldErrors.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['colour', 'inventoryNumber', 'purchasePriceCents', 'status', 'type', 'warrantyUntil']);
    });

    it('lets a coordinator create devices only at their schools', async () => {
      await post(w.coordinatorA1.auth, { ...base, inventoryNumber: 'C-1', serialNumber: null, schoolId: w.schoolA1 }).expect(201);
      await post(w.coordinatorA1.auth, { ...base, inventoryNumber: 'C-2', serialNumber: null, schoolId: w.schoolA2 }).expect(404);
      await post(w.officeA.auth, { ...base, inventoryNumber: 'C-3', serialNumber: null, schoolId: w.schoolB1 }).expect(404);
    });

    it.each([
      ['viewer', 'viewerA'],
      ['admin', 'admin'],
    ] as const)('refuses the %s role', async (_role, user) => {
      await post(w[user].auth, { ...base, inventoryNumber: 'X-1', schoolId: w.schoolA1 }).expect(403);
    });

    it('needs a login', async () => {
      await t.http().post('/api/v1/devices').send({ ...base, schoolId: w.schoolA1 }).expect(401);
    });
  });

  describe('GET /api/v1/devices/{id} and by-tag', () => {
    let id: string;
    beforeAll(async () => {
      id = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'TAG-0001', serialNumber: 'SERIAL-TAG-1' });
    });

    it('reads a device with its school name', async () => {
      const res = await t.http().get(`/api/v1/devices/${id}`).set('Authorization', w.viewerA.auth).expect(200);
      expect(res.body).toMatchObject({ id, inventoryNumber: 'TAG-0001', schoolId: w.schoolA1, schoolName: 'A1 Gymnasium' });
    });

    it('answers 404 across schools and authorities, 400 for a bad id, 401 without login', async () => {
      const a2 = await createDevice(t.dataSource, w.authorityA, w.schoolA2);
      await t.http().get(`/api/v1/devices/${a2}`).set('Authorization', w.coordinatorA1.auth).expect(404);
      await t.http().get(`/api/v1/devices/${id}`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().get(`/api/v1/devices/${id}`).set('Authorization', w.admin.auth).expect(403);
      await t.http().get(`/api/v1/devices/not-a-uuid`).set('Authorization', w.officeA.auth).expect(400);
      await t.http().get(`/api/v1/devices/${id}`).expect(401);
    });

    it('finds a device by inventory number or serial number in one call', async () => {
      const byInv = await t.http().get('/api/v1/devices/by-tag/TAG-0001').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(byInv.body).toMatchObject({ id, schoolName: 'A1 Gymnasium' });
      const bySerial = await t.http().get('/api/v1/devices/by-tag/SERIAL-TAG-1').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(bySerial.body.id).toBe(id);
      await t.http().get('/api/v1/devices/by-tag/NOPE').set('Authorization', w.officeA.auth).expect(404);
      await t.http().get('/api/v1/devices/by-tag/TAG-0001').set('Authorization', w.officeB.auth).expect(404);
      await t.http().get('/api/v1/devices/by-tag/TAG-0001').expect(401);
    });

    it('prefers the inventory number, and asks to choose when two manufacturers share a serial', async () => {
      await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'SHARED-1', serialNumber: 'TAG-0001', manufacturer: 'HP' });
      const res = await t.http().get('/api/v1/devices/by-tag/TAG-0001').set('Authorization', w.officeA.auth).expect(200);
      expect(res.body.id).toBe(id);
      await createDevice(t.dataSource, w.authorityA, w.schoolA1, { serialNumber: 'TWIN', manufacturer: 'HP' });
      await createDevice(t.dataSource, w.authorityA, w.schoolA1, { serialNumber: 'TWIN', manufacturer: 'Dell' });
      const twin = await t.http().get('/api/v1/devices/by-tag/TWIN').set('Authorization', w.officeA.auth).expect(409);
      expect(twin.body.details.candidates).toHaveLength(2);
    });

    it('finds a scanned number whatever its case and surrounding spaces, by the expression indexes', async () => {
      const lc = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'LC-Gym-0042', serialNumber: 'Sn-LcScan-99' });
      for (const tag of ['lc-gym-0042', 'LC-GYM-0042', '%20lc-gym-0042%20', 'sn-lcscan-99', 'SN-LCSCAN-99']) {
        const res = await t.http().get(`/api/v1/devices/by-tag/${tag}`).set('Authorization', w.coordinatorA1.auth).expect(200);
        expect([tag, res.body.id, res.body.inventoryNumber]).toEqual([tag, lc, 'LC-Gym-0042']);
      }
      await t.http().get('/api/v1/devices/by-tag/lc-gym-0042').set('Authorization', w.officeB.auth).expect(404);
      // Two numbers that differ only in case: the exact spelling wins, another spelling asks to choose.
      const upper = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'CASE-7' });
      const lower = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'case-7' });
      expect((await t.http().get('/api/v1/devices/by-tag/CASE-7').set('Authorization', w.officeA.auth).expect(200)).body.id).toBe(upper);
      expect((await t.http().get('/api/v1/devices/by-tag/case-7').set('Authorization', w.officeA.auth).expect(200)).body.id).toBe(lower);
      const both = await t.http().get('/api/v1/devices/by-tag/Case-7').set('Authorization', w.officeA.auth).expect(409);
      expect(both.body.details.candidates.map((c: { id: string }) => c.id).sort()).toEqual([upper, lower].sort());
      // Both branches are index lookups (sequential scans off, so the tiny table's plan shows what is possible).
      const plan = await t.dataSource.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await em.query(
          `EXPLAIN (SELECT id FROM devices d WHERE lower(d.inventory_number) = lower($1) AND d.authority_id = $2 LIMIT 10)
           UNION ALL (SELECT id FROM devices d WHERE d.serial_number IS NOT NULL AND lower(d.serial_number) = lower($1) AND d.authority_id = $2 LIMIT 10)`,
          ['lc-gym-0042', w.authorityA],
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/ix_devices_inventory_lower/);
      expect(plan).toMatch(/ix_devices_serial_lower/);
    });

    it('shows what other features register in the detail', async () => {
      const extension = t.app.get(TestDetailExtension);
      extension.use = async (_em, actor, deviceId) => ({ deviceId, role: actor.role });
      try {
        const res = await t.http().get(`/api/v1/devices/${id}`).set('Authorization', w.officeA.auth).expect(200);
        expect(res.body.testExtra).toEqual({ deviceId: id, role: 'office' });
      } finally {
        extension.use = undefined;
      }
    });
  });

  describe('PATCH /api/v1/devices/{id} (optimistic locking)', () => {
    /** A device of its own for every test (version 1), so each test runs alone as well as in file order. */
    const fresh = () => createDevice(t.dataSource, w.authorityA, w.schoolA1);
    const patch = (id: string, auth: string, body: object) => t.http().patch(`/api/v1/devices/${id}`).set('Authorization', auth).send(body);

    it('updates with the current version and bumps it', async () => {
      const id = await fresh();
      const res = await patch(id, w.coordinatorA1.auth, { version: 1, location: 'Raum 12', notes: null }).expect(200);
      expect(res.body).toMatchObject({ location: 'Raum 12', notes: null, version: 2 });
    });

    it('refuses a stale version with 409 STALE_VERSION and leaves the row alone', async () => {
      const id = await fresh();
      await patch(id, w.officeA.auth, { version: 1, location: 'Raum 12' }).expect(200);
      const res = await patch(id, w.officeA.auth, { version: 1, location: 'Raum 99' }).expect(409);
      expect(res.body).toMatchObject({ error: 'STALE_VERSION', details: { currentVersion: 2 } });
      const [row] = await t.dataSource.query(`SELECT location, version FROM devices WHERE id = $1`, [id]);
      expect(row).toEqual({ location: 'Raum 12', version: 2 });
    });

    it('lets only one of two concurrent writers with the same version win', async () => {
      const id = await fresh();
      const results = await Promise.all(['Raum A', 'Raum B'].map((location) => patch(id, w.officeA.auth, { version: 1, location })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [row] = await t.dataSource.query(`SELECT version FROM devices WHERE id = $1`, [id]);
      expect(row.version).toBe(2);
    });

    it('needs the version, refuses emptying required fields and status/school changes', async () => {
      const id = await fresh();
      await patch(id, w.officeA.auth, { location: 'x' }).expect(400);
      const empty = await patch(id, w.officeA.auth, { version: 1, model: null }).expect(400);
      expect(empty.body.fieldErrors[0].field).toBe('model');
      await patch(id, w.officeA.auth, { version: 1, status: 'retired' }).expect(400);
      await patch(id, w.officeA.auth, { version: 1, schoolId: w.schoolA2 }).expect(400);
      const [row] = await t.dataSource.query(`SELECT version, status, school_id FROM devices WHERE id = $1`, [id]);
      expect(row).toEqual({ version: 1, status: 'available', school_id: w.schoolA1 });
    });

    it('answers 404 across schools and authorities, 403 for the viewer, 401 without login', async () => {
      const id = await fresh();
      const a2 = await createDevice(t.dataSource, w.authorityA, w.schoolA2);
      await patch(a2, w.coordinatorA1.auth, { version: 1, location: 'x' }).expect(404);
      await patch(id, w.officeB.auth, { version: 1, location: 'x' }).expect(404);
      await patch(id, w.viewerA.auth, { version: 1, location: 'x' }).expect(403);
      await t.http().patch(`/api/v1/devices/${id}`).send({ version: 1, location: 'x' }).expect(401);
      const [row] = await t.dataSource.query(`SELECT version FROM devices WHERE id = $1`, [id]);
      expect(row.version).toBe(1);
    });
  });
});
