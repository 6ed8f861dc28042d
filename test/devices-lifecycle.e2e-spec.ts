import { todayInBerlin } from '../src/common/dates';
import { illegalState } from '../src/common/errors';
import { TestExtensionsModule, TestLeaveServiceGuard } from './extension-points';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Device life cycle, moves and history', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld({}, { imports: [TestExtensionsModule] })));
  // The test guard refuses only inside the test that sets it.
  afterEach(() => {
    t.app.get(TestLeaveServiceGuard).use = undefined;
  });
  afterAll(() => t.close());

  const status = (auth: string, id: string, body: object) => t.http().post(`/api/v1/devices/${id}/status`).set('Authorization', auth).send(body);
  const move = (auth: string, id: string, body: object) => t.http().post(`/api/v1/devices/${id}/move`).set('Authorization', auth).send(body);
  const history = (auth: string, id: string, query = '') => t.http().get(`/api/v1/devices/${id}/history${query}`).set('Authorization', auth);

  describe('POST /api/v1/devices/{id}/status', () => {
    it('walks a device through repair and back, keeping who, when, from, to and why', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const repair = await status(w.coordinatorA1.auth, id, { status: 'in_repair', reason: 'Display flackert' }).expect(200);
      expect(repair.body).toMatchObject({ status: 'in_repair', version: 2 });
      await status(w.coordinatorA1.auth, id, { status: 'available', reason: 'Repariert' }).expect(200);
      const events = await t.dataSource.query(
        `SELECT kind, from_status, to_status, reason, actor_id, occurred_at IS NOT NULL AS has_time FROM device_events WHERE device_id = $1 ORDER BY id`,
        [id],
      );
      expect(events).toEqual([
        { kind: 'status_changed', from_status: 'available', to_status: 'in_repair', reason: 'Display flackert', actor_id: w.coordinatorA1.id, has_time: true },
        { kind: 'status_changed', from_status: 'in_repair', to_status: 'available', reason: 'Repariert', actor_id: w.coordinatorA1.id, has_time: true },
      ]);
    });

    it('retires a device with date and reason, and it never comes back', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await status(w.officeA.auth, id, { status: 'retired' }).expect(400); // reason required
      const res = await status(w.officeA.auth, id, { status: 'retired', reason: 'Akku defekt, Ersatz unwirtschaftlich', retiredOn: '2026-01-15' }).expect(200);
      expect(res.body).toMatchObject({ status: 'retired', retiredOn: '2026-01-15', retirementReason: 'Akku defekt, Ersatz unwirtschaftlich' });
      for (const to of ['available', 'in_use', 'in_repair', 'lost']) {
        const back = await status(w.officeA.auth, id, { status: to, reason: 'zurück?' }).expect(409);
        expect(back.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { currentStatus: 'retired', requestedStatus: to } });
      }
      const [row] = await t.dataSource.query(`SELECT status, retired_on, version FROM devices WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'retired', retired_on: '2026-01-15', version: 2 });
    });

    it('defaults the retirement date to today and refuses one in the future or with another status', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await status(w.officeA.auth, id, { status: 'retired', reason: 'Veraltet', retiredOn: '2999-01-01' }).expect(400);
      await status(w.officeA.auth, id, { status: 'in_use', retiredOn: '2025-01-01' }).expect(400);
      const res = await status(w.officeA.auth, id, { status: 'retired', reason: 'Veraltet' }).expect(200);
      expect(res.body.retiredOn).toBe(todayInBerlin());
    });

    it("takes today in German time: at 00:30 in Berlin (22:30 UTC) it is already the next day", async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const other = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      // Only the clock is faked; timers stay real (the database driver and HTTP need them).
      jest.useFakeTimers({ now: new Date('2026-03-31T22:30:00Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
      try {
        // 1 April in Berlin is not in the future, though it still is 31 March in UTC.
        await status(w.officeA.auth, other, { status: 'retired', reason: 'Veraltet', retiredOn: '2026-04-01' }).expect(200);
        const res = await status(w.officeA.auth, id, { status: 'retired', reason: 'Veraltet' }).expect(200);
        expect(res.body.retiredOn).toBe('2026-04-01');
      } finally {
        jest.useRealTimers();
      }
    });

    it('never sets or clears loaned by hand', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await status(w.officeA.auth, id, { status: 'loaned' }).expect(400); // not a manual target at all
      const loaned = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { status: 'loaned' });
      const res = await status(w.officeA.auth, loaned, { status: 'available' }).expect(409);
      expect(res.body.message).toContain('loan');
    });

    it('lets a lost device be found again, but not put straight into use', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { status: 'lost' });
      await status(w.officeA.auth, id, { status: 'in_use' }).expect(409);
      await status(w.officeA.auth, id, { status: 'available', reason: 'Im Schrank gefunden' }).expect(200);
    });

    it('checks a given version and runs the leave-service guards with the confirmation', async () => {
      const guarded = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'GUARDED-1' });
      t.app.get(TestLeaveServiceGuard).use = async (_em, device, change) => {
        if (device.inventoryNumber !== 'GUARDED-1') return;
        if (!change.confirmations?.earmarkingBreach) throw illegalState('Funded device inside its earmarking period');
        return { earmarkingConfirmed: true };
      };
      await status(w.officeA.auth, guarded, { status: 'lost', version: 7 }).expect(409);
      await status(w.officeA.auth, guarded, { status: 'lost' }).expect(409);
      await status(w.officeA.auth, guarded, { status: 'lost', confirmEarmarkingBreach: true, version: 1 }).expect(200);
      const [audit] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'device.status_changed'`, [guarded]);
      expect(audit.changes.meta).toEqual({ via: 'manual', earmarkingConfirmed: true });
    });

    it('answers 404 across schools and authorities, 403 for the viewer, 401 without login', async () => {
      const a1 = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const a2 = await createDevice(t.dataSource, w.authorityA, w.schoolA2);
      await status(w.coordinatorA1.auth, a2, { status: 'in_use' }).expect(404);
      await status(w.officeB.auth, a1, { status: 'in_use' }).expect(404);
      await status(w.viewerA.auth, a1, { status: 'in_use' }).expect(403);
      await t.http().post(`/api/v1/devices/${a1}/status`).send({ status: 'in_use' }).expect(401);
    });
  });

  describe('POST /api/v1/devices/{id}/move', () => {
    it('moves a device to another school of the authority and keeps it in the history', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const res = await move(w.officeA.auth, id, { schoolId: w.schoolA2, reason: 'Umverteilung', location: 'Raum 3' }).expect(200);
      expect(res.body).toMatchObject({ schoolId: w.schoolA2, location: 'Raum 3', version: 2 });
      const events = await t.dataSource.query(`SELECT kind, from_school_id, to_school_id, reason, actor_id FROM device_events WHERE device_id = $1`, [id]);
      expect(events).toEqual([{ kind: 'moved', from_school_id: w.schoolA1, to_school_id: w.schoolA2, reason: 'Umverteilung', actor_id: w.officeA.id }]);
    });

    it('needs write access to both schools: a coordinator cannot move a device away to a foreign school', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await move(w.coordinatorA1.auth, id, { schoolId: w.schoolA2 }).expect(404);
      await move(w.officeA.auth, id, { schoolId: w.schoolB1 }).expect(404);
      await move(w.officeA.auth, id, { schoolId: w.schoolA1 }).expect(400);
      const [row] = await t.dataSource.query(`SELECT school_id FROM devices WHERE id = $1`, [id]);
      expect(row.school_id).toBe(w.schoolA1);
    });

    it('refuses to move loaned or retired devices, and stale versions', async () => {
      const loaned = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { status: 'loaned' });
      const retired = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { status: 'retired' });
      await move(w.officeA.auth, loaned, { schoolId: w.schoolA2 }).expect(409);
      await move(w.officeA.auth, retired, { schoolId: w.schoolA2 }).expect(409);
      const fresh = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const stale = await move(w.officeA.auth, fresh, { schoolId: w.schoolA2, version: 5 }).expect(409);
      expect(stale.body.error).toBe('STALE_VERSION');
    });

    it('answers 404 across authorities, 403 for the viewer, 401 without login', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await move(w.officeB.auth, id, { schoolId: w.schoolB1 }).expect(404);
      await move(w.viewerA.auth, id, { schoolId: w.schoolA2 }).expect(403);
      await t.http().post(`/api/v1/devices/${id}/move`).send({ schoolId: w.schoolA2 }).expect(401);
    });
  });

  describe('GET /api/v1/devices/{id}/history', () => {
    it('lists the history newest first with the actor, paged by cursor', async () => {
      const created = await t.http().post('/api/v1/devices').set('Authorization', w.officeA.auth)
        .send({ schoolId: w.schoolA1, inventoryNumber: 'HIST-1', type: 'tablet', manufacturer: 'Apple', model: 'iPad 10.9' }).expect(201);
      const id = created.body.id;
      await status(w.officeA.auth, id, { status: 'in_use', reason: 'Klassensatz 5b' }).expect(200);
      await move(w.officeA.auth, id, { schoolId: w.schoolA2 }).expect(200);
      const first = await history(w.officeA.auth, id, '?limit=2').expect(200);
      expect(first.body.items.map((e: { kind: string }) => e.kind)).toEqual(['moved', 'status_changed']);
      expect(first.body.items[1]).toMatchObject({ fromStatus: 'available', toStatus: 'in_use', reason: 'Klassensatz 5b', actorId: w.officeA.id, actorName: 'Test office' });
      const second = await history(w.officeA.auth, id, `?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body).toEqual({ items: [expect.objectContaining({ kind: 'created', toStatus: 'available' })], nextCursor: null });
      await history(w.officeA.auth, id, '?cursor=bm9wZQ').expect(400);
    });

    it('is strictly newest first: events of one transaction (one time) by the order written, a back-dated one by its time', async () => {
      const id = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const insert = `INSERT INTO device_events (device_id, authority_id, kind, from_status, to_status, reason, occurred_at)
                      VALUES ($1, $2, 'status_changed', $3, $4, $5, coalesce($6::timestamptz, now())) RETURNING id::text AS id`;
      // Three events in one transaction share now(); a fourth, written later, happened long before.
      const ids = await t.dataSource.transaction(async (em) => {
        const written: string[] = [];
        for (const [from, to, reason] of [['available', 'in_use', 'eins'], ['in_use', 'in_repair', 'zwei'], ['in_repair', 'available', 'drei']]) {
          written.push((await em.query(insert, [id, w.authorityA, from, to, reason, null]))[0].id);
        }
        return written;
      });
      const [{ id: old }] = await t.dataSource.query(insert, [id, w.authorityA, 'available', 'available', 'früher', '2024-03-01T08:00:00.000001+01:00']);
      const [{ id: latest }] = await t.dataSource.query(insert, [id, w.authorityA, 'available', 'in_use', 'zuletzt', null]);
      const all = await history(w.officeA.auth, id).expect(200);
      const reasons = all.body.items.map((e: { reason: string | null }) => e.reason);
      expect(reasons).toEqual(['zuletzt', 'drei', 'zwei', 'eins', 'früher']);
      expect(all.body.items.slice(1, 4).map((e: { id: string }) => e.id)).toEqual([...ids].reverse());
      expect(all.body.items[4]).toMatchObject({ id: old, occurredAt: '2024-03-01T07:00:00.000Z' });
      expect(all.body.items[0].id).toBe(latest);
      // One per page: the cursor steps through equal times by id and finds the back-dated event after them.
      const paged: (string | null)[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const body: { items: { reason: string | null }[]; nextCursor: string | null } = (await history(w.officeA.auth, id, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
        paged.push(...body.items.map((e) => e.reason));
        cursor = body.nextCursor;
      }
      expect(paged).toEqual(reasons);
    });

    it('answers 404 across schools and authorities, 401 without login', async () => {
      const a2 = await createDevice(t.dataSource, w.authorityA, w.schoolA2);
      await history(w.coordinatorA1.auth, a2).expect(404);
      await history(w.officeB.auth, a2).expect(404);
      await history(w.viewerA.auth, a2).expect(200);
      await t.http().get(`/api/v1/devices/${a2}/history`).expect(401);
    });
  });
});
