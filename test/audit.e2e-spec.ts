import { randomUUID } from 'node:crypto';
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

  it('filters by period in Berlin calendar days (from and to inclusive, winter and summer time)', async () => {
    // Entries written straight into the log at the edges of Berlin days: 22:59:59 UTC in March is 23:59:59 CET,
    // 23:00 UTC the next day's midnight; in July (CEST) the day ends at 21:59:59 UTC.
    const entityId = randomUUID();
    const stamps = ['2026-03-01T22:59:59Z', '2026-03-01T23:00:00Z', '2026-07-14T21:59:59Z', '2026-07-14T22:00:00Z'];
    const ids: number[] = [];
    for (const [i, at] of stamps.entries()) {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO audit_log (authority_id, actor_id, action, entity_type, entity_id, changes, created_at) VALUES ($1, $2, 'grant.updated', 'grant', $3, $4, $5) RETURNING id`,
        [w.authorityA, w.officeA.id, entityId, { fields: { title: { before: `T${i}`, after: `T${i + 1}` } } }, at],
      );
      ids.push(Number(id));
    }
    const period = async (query: string) => (await audit(w.officeA.auth, `entityId=${entityId}&${query}`).expect(200)).body.items.map((e: { id: number }) => e.id);
    expect(await period('from=2026-03-02&to=2026-07-14')).toEqual([ids[2], ids[1]]);
    expect(await period('from=2026-03-01&to=2026-03-01')).toEqual([ids[0]]);
    expect(await period('to=2026-03-01')).toEqual([ids[0]]);
    expect(await period('from=2026-07-15')).toEqual([ids[3]]);
    expect(await period('from=2026-07-16')).toEqual([]);
    expect(await period('from=2026-03-01')).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    // Paging keeps the period.
    const first = await audit(w.officeA.auth, `entityId=${entityId}&from=2026-03-02&to=2026-07-15&limit=2`).expect(200);
    expect(first.body.items.map((e: { id: number }) => e.id)).toEqual([ids[3], ids[2]]);
    const next = await audit(w.officeA.auth, `entityId=${entityId}&from=2026-03-02&to=2026-07-15&limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(next.body.items.map((e: { id: number }) => e.id)).toEqual([ids[1]]);
    expect(next.body.nextCursor).toBeNull();
    // Another authority's office sees none of them in the same period.
    expect((await audit(w.officeB.auth, `entityId=${entityId}&from=2026-03-01&to=2026-07-15`).expect(200)).body.items).toEqual([]);
  });

  it('refuses an invalid period with 400 naming the field', async () => {
    const fieldsOf = async (query: string) => {
      const res = await audit(w.officeA.auth, query).expect(400);
      return res.body.fieldErrors.map((f: { field: string; code: string }) => [f.field, f.code]);
    };
    expect(await fieldsOf('from=2026-02-30')).toEqual([['from', 'isDateOnly']]);
    expect(await fieldsOf('to=01.03.2026')).toEqual([['to', 'isDateOnly']]);
    expect(await fieldsOf('from=2026-03-02&to=2026-03-01')).toEqual([['to', 'notBefore']]);
    const res = await audit(w.officeA.auth, 'from=2026-03-02&to=2026-03-01').expect(400);
    expect(res.body.fieldErrors[0].params).toEqual({ date: '2026-03-02' });
  });

  it('is for office users only', async () => {
    await audit(w.coordinatorA1.auth, 'entityType=device').expect(403);
    await audit(w.viewerA.auth, 'entityType=device').expect(403);
    await audit(w.admin.auth, 'entityType=device').expect(403);
    await t.http().get('/api/v1/audit').expect(401);
  });
});
