import type { World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Audit log of device changes (GET /api/v1/audit)', () => {
  let t: TestApp;
  let w: World;
  let deviceId: string;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const created = await t.http().post('/api/v1/devices').set('Authorization', w.coordinatorA1.auth)
      .send({ schoolId: w.schoolA1, inventoryNumber: 'AUD-1', serialNumber: 'AUDSN1', type: 'laptop', manufacturer: 'Dell', model: 'Latitude 3440', purchasePriceCents: 69900 })
      .expect(201);
    deviceId = created.body.id;
    await t.http().patch(`/api/v1/devices/${deviceId}`).set('Authorization', w.coordinatorA1.auth).send({ version: 1, location: 'Raum 7', purchasePriceCents: 71900 }).expect(200);
    await t.http().post(`/api/v1/devices/${deviceId}/status`).set('Authorization', w.officeA.auth).send({ status: 'in_repair', reason: 'Tastatur defekt' }).expect(200);
    await t.http().post(`/api/v1/devices/${deviceId}/move`).set('Authorization', w.officeA.auth).send({ schoolId: w.schoolA2, reason: 'Umverteilung' }).expect(200);
    // A stale write changes nothing and so leaves no entry.
    await t.http().patch(`/api/v1/devices/${deviceId}`).set('Authorization', w.officeA.auth).send({ version: 1, notes: 'x' }).expect(409);
    // Authority B has its own trail.
    await t.http().post('/api/v1/devices').set('Authorization', w.officeB.auth)
      .send({ schoolId: w.schoolB1, inventoryNumber: 'AUD-B', type: 'tablet', manufacturer: 'Apple', model: 'iPad' }).expect(201);
  });
  afterAll(() => t.close());

  const audit = (auth: string, query: string) => t.http().get(`/api/v1/audit?${query}`).set('Authorization', auth);

  it('records every device change with actor, time, action and the changed fields before and after', async () => {
    const res = await audit(w.officeA.auth, `entityType=device&entityId=${deviceId}`).expect(200);
    const entries = res.body.items.reverse();
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['device.created', 'device.updated', 'device.status_changed', 'device.moved']);
    const [created, updated, status, moved] = entries;
    expect(created).toMatchObject({ entityType: 'device', entityId: deviceId, actorId: w.coordinatorA1.id, actorEmail: expect.stringContaining('@test.example'), createdAt: expect.any(String) });
    expect(created.changes.fields).toMatchObject({
      inventoryNumber: { before: null, after: 'AUD-1' },
      serialNumber: { before: null, after: 'AUDSN1' },
      purchasePriceCents: { before: null, after: 69900 },
      status: { before: null, after: 'available' },
      schoolId: { before: null, after: w.schoolA1 },
    });
    expect(updated.changes).toEqual({ fields: { location: { before: null, after: 'Raum 7' }, purchasePriceCents: { before: 69900, after: 71900 } } });
    expect(status).toMatchObject({ actorId: w.officeA.id, changes: { fields: { status: { before: 'available', after: 'in_repair' } }, meta: { via: 'manual' } } });
    expect(moved.changes).toEqual({ fields: { schoolId: { before: w.schoolA1, after: w.schoolA2 }, location: { before: 'Raum 7', after: null } }, meta: { reason: 'Umverteilung' } });
  });

  it('keeps the log append-only in the database', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'x' WHERE entity_id = $1`, [deviceId])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log WHERE entity_id = $1`, [deviceId])).rejects.toThrow(/append-only/);
  });

  it('filters by action and pages newest first', async () => {
    const res = await audit(w.officeA.auth, 'entityType=device&action=device.moved').expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ entityId: deviceId, action: 'device.moved' })]);
    const first = await audit(w.officeA.auth, 'entityType=device&limit=1').expect(200);
    const second = await audit(w.officeA.auth, `entityType=device&limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[0].id);
  });

  it('is scoped to the caller\'s authority', async () => {
    const b = await audit(w.officeB.auth, 'entityType=device').expect(200);
    expect(b.body.items.map((e: { action: string }) => e.action)).toEqual(['device.created']);
    expect(b.body.items[0].changes.fields.inventoryNumber.after).toBe('AUD-B');
    const foreign = await audit(w.officeB.auth, `entityId=${deviceId}`).expect(200);
    expect(foreign.body.items).toEqual([]);
  });

  it('is for office users only', async () => {
    await audit(w.coordinatorA1.auth, 'entityType=device').expect(403);
    await audit(w.viewerA.auth, 'entityType=device').expect(403);
    await audit(w.admin.auth, 'entityType=device').expect(403);
    await t.http().get('/api/v1/audit').expect(401);
  });
});
