import { createDevice, World } from './factories';
import { allocate, createGrant, expenditureBody, setStatus, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';

describe('Grant expenditures', () => {
  let t: TestApp;
  let w: World;
  let grantId: string;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    grantId = (await createGrant(t, w.officeA, { approvedCents: 1_000_000, fundingRatePercent: 87.5, eligibleFrom: '2020-01-01', eligibleUntil: '2024-12-31' })).id;
    await allocate(t, w.officeA, grantId, w.schoolA1, 600_000);
    await allocate(t, w.officeA, grantId, w.schoolA2, 300_000);
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>, user = w.officeA, id = grantId) => t.http().post(`/api/v1/grants/${id}/expenditures`).set('Authorization', user.auth).send(body);

  describe('POST', () => {
    it('records an invoice with its funded and own share and the devices it bought, and audits it', async () => {
      const d1 = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'tablet' });
      const d2 = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'tablet' });
      const body = expenditureBody(w.schoolA1, { grossCents: 10_001, deviceIds: [d1, d2], invoiceNumber: 'RE-1' });
      const res = await post(body).expect(201);
      // 10,001 × 87.5 % = 8,750.875 → 8,751; own 1,250
      expect(res.body).toMatchObject({ grantId, schoolId: w.schoolA1, grossCents: 10_001, fundedCents: 8_751, ownCents: 1_250, budgetOverride: false, overrideReason: null, version: 1 });
      expect(res.body.deviceIds.sort()).toEqual([d1, d2].sort());
      const links = await t.dataSource.query(`SELECT device_id FROM expenditure_devices WHERE expenditure_id = $1 ORDER BY device_id`, [res.body.id]);
      expect(links.map((l: { device_id: string }) => l.device_id)).toEqual([d1, d2].sort());
      const [audit] = await t.dataSource.query(`SELECT action, actor_id, changes FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({ action: 'grant.expenditure_created', actor_id: w.officeA.id, changes: { meta: { grantId } } });
    });

    it('accepts invoice dates on the first and last eligible day and refuses them outside, naming the field', async () => {
      await post(expenditureBody(w.schoolA1, { orderDate: '2019-12-01', invoiceDate: '2020-01-01', paidOn: '2020-01-10', grossCents: 100 })).expect(201);
      await post(expenditureBody(w.schoolA1, { invoiceDate: '2024-12-31', paidOn: null, grossCents: 100 })).expect(201);
      for (const invoiceDate of ['2019-12-31', '2025-01-01']) {
        const res = await post(expenditureBody(w.schoolA1, { orderDate: '2019-12-01', invoiceDate, paidOn: null })).expect(400);
        expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', fieldErrors: [{ field: 'invoiceDate' }] });
      }
    });

    it('refuses inconsistent invoice and payment data and bad values', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ invoiceNumber: null }, 'invoiceNumber'],
        [{ invoiceDate: null, paidOn: null }, 'invoiceDate'],
        [{ invoiceNumber: null, invoiceDate: null, paidOn: '2021-05-01' }, 'paidOn'],
        [{ paidOn: '2021-02-01' }, 'paidOn'],
        [{ grossCents: 0 }, 'grossCents'],
        [{ grossCents: 12.5 }, 'grossCents'],
        [{ category: 'snacks' }, 'category'],
        [{ schoolId: 'nope' }, 'schoolId'],
        [{ deviceIds: ['x'] }, 'deviceIds'],
        [{ overrideBudget: true, overrideReason: 'x' }, 'overrideReason'],
      ];
      for (const [override, field] of cases) {
        const res = await post(expenditureBody(w.schoolA1, override)).expect(400);
        expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toContain(field);
      }
    });

    it('refuses a second invoice with the same number from the same vendor (409), accepts it from another vendor', async () => {
      await post(expenditureBody(w.schoolA1, { invoiceNumber: 'DUP-7', grossCents: 100 })).expect(201);
      const res = await post(expenditureBody(w.schoolA1, { invoiceNumber: 'DUP-7', vendor: 'BECHTLE GMBH', grossCents: 100 })).expect(409);
      expect(res.body.fieldErrors).toEqual([expect.objectContaining({ field: 'invoiceNumber' })]);
      await post(expenditureBody(w.schoolA1, { invoiceNumber: 'DUP-7', vendor: 'Cancom', grossCents: 100 })).expect(201);
    });
  });

  describe('budget rules and the override', () => {
    let g: string;
    beforeAll(async () => {
      g = (await createGrant(t, w.officeA, { title: 'Budget', approvedCents: 100_000 })).id;
      await allocate(t, w.officeA, g, w.schoolA1, 60_000);
      await allocate(t, w.officeA, g, w.schoolA2, 40_000);
    });

    it("refuses spending beyond the school's allocation with the figures", async () => {
      await post(expenditureBody(w.schoolA1, { grossCents: 50_000 }), w.officeA, g).expect(201);
      const res = await post(expenditureBody(w.schoolA1, { grossCents: 10_001 }), w.officeA, g).expect(409);
      expect(res.body).toMatchObject({
        error: 'CONFLICT',
        details: { exceeded: [{ limit: 'school_allocation', limitCents: 60_000, committedCents: 50_000, requestedCents: 10_001 }] },
      });
      await post(expenditureBody(w.schoolA1, { grossCents: 10_000 }), w.officeA, g).expect(201);
    });

    it('accepts it with an explicit override, stores the reason and keeps it in the audit log', async () => {
      const res = await post(expenditureBody(w.schoolA1, { grossCents: 5_000, overrideBudget: true, overrideReason: 'Ersatz für Wasserschaden, Beschluss 12/2024' }), w.officeA, g).expect(201);
      expect(res.body).toMatchObject({ budgetOverride: true, overrideReason: 'Ersatz für Wasserschaden, Beschluss 12/2024' });
      const [audit] = await t.dataSource.query(`SELECT changes -> 'meta' AS meta FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit.meta.budgetOverride).toEqual({
        reason: 'Ersatz für Wasserschaden, Beschluss 12/2024',
        exceeded: [{ limit: 'school_allocation', limitCents: 60_000, committedCents: 60_000, requestedCents: 5_000 }],
      });
      const s = await t.http().get(`/api/v1/grants/${g}/summary`).set('Authorization', w.officeA.auth).expect(200);
      expect(s.body.warnings).toContainEqual(expect.objectContaining({ code: 'over_allocation', schoolId: w.schoolA1, amountCents: 5_000 }));
    });

    it('refuses spending beyond the grant even within an allocation (allocation raised later is not enough)', async () => {
      // grant: 100,000 approved, 65,000 committed; A2 has 40,000 allocated → 36,000 fits A2 but not the grant
      const res = await post(expenditureBody(w.schoolA2, { grossCents: 36_000 }), w.officeA, g).expect(409);
      expect(res.body.details.exceeded).toEqual([{ limit: 'grant', limitCents: 100_000, committedCents: 65_000, requestedCents: 36_000 }]);
      await post(expenditureBody(w.schoolA2, { grossCents: 35_000 }), w.officeA, g).expect(201);
    });

    it('checks a school without an allocation as a zero budget', async () => {
      const g2 = (await createGrant(t, w.officeA, { title: 'No allocation' })).id;
      const res = await post(expenditureBody(w.schoolA1, { grossCents: 1 }), w.officeA, g2).expect(409);
      expect(res.body.details.exceeded[0]).toMatchObject({ limit: 'school_allocation', limitCents: 0 });
    });

    it('holds the allocation under concurrent requests (the grant row is locked)', async () => {
      const g3 = (await createGrant(t, w.officeA, { title: 'Race', approvedCents: 10_000 })).id;
      await allocate(t, w.officeA, g3, w.schoolA1, 10_000);
      const results = await Promise.all(Array.from({ length: 5 }, () => post(expenditureBody(w.schoolA1, { grossCents: 3_000 }), w.officeA, g3)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      expect(results.filter((r) => r.status === 409)).toHaveLength(2);
      const [{ sum }] = await t.dataSource.query(`SELECT sum(gross_cents)::int AS sum FROM expenditures WHERE grant_id = $1`, [g3]);
      expect(sum).toBe(9_000);
    });
  });

  describe('devices', () => {
    it('links a device to at most one expenditure', async () => {
      const d = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await post(expenditureBody(w.schoolA1, { grossCents: 100, deviceIds: [d] })).expect(201);
      const res = await post(expenditureBody(w.schoolA1, { grossCents: 100, deviceIds: [d] })).expect(409);
      expect(res.body.details.devices).toEqual([{ deviceId: d, expenditureId: expect.any(String) }]);
    });

    it('refuses unknown devices and devices of another authority alike (400)', async () => {
      const foreign = await createDevice(t.dataSource, w.authorityB, w.schoolB1);
      for (const id of [foreign, '00000000-0000-4000-8000-000000000000']) {
        const res = await post(expenditureBody(w.schoolA1, { grossCents: 100, deviceIds: [id] })).expect(400);
        expect(res.body.fieldErrors).toEqual([expect.objectContaining({ field: 'deviceIds' })]);
      }
    });

    it('keeps the rule under concurrent requests', async () => {
      const d = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      const results = await Promise.all([
        post(expenditureBody(w.schoolA1, { grossCents: 100, deviceIds: [d] })),
        post(expenditureBody(w.schoolA2, { grossCents: 100, deviceIds: [d] })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const links = await t.dataSource.query(`SELECT count(*)::int AS n FROM expenditure_devices WHERE device_id = $1`, [d]);
      expect(links).toEqual([{ n: 1 }]);
    });

    it('replaces the list on update and frees the devices when the expenditure is deleted', async () => {
      const [a, b, c] = [await createDevice(t.dataSource, w.authorityA, w.schoolA1), await createDevice(t.dataSource, w.authorityA, w.schoolA1), await createDevice(t.dataSource, w.authorityA, w.schoolA1)];
      const e = await spend(t, w.officeA, grantId, w.schoolA1, { grossCents: 300, deviceIds: [a, b] });
      const res = await t.http().patch(`/api/v1/grants/${grantId}/expenditures/${e.id}`).set('Authorization', w.officeA.auth).send({ deviceIds: [b, c], version: 1 }).expect(200);
      expect(res.body.deviceIds.sort()).toEqual([b, c].sort());
      expect(res.body.version).toBe(2);
      await t.http().delete(`/api/v1/grants/${grantId}/expenditures/${e.id}`).set('Authorization', w.officeA.auth).expect(204);
      expect(await t.dataSource.query(`SELECT 1 FROM expenditure_devices WHERE device_id = ANY($1::uuid[])`, [[a, b, c]])).toEqual([]);
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [e.id]);
      expect(actions.map((x: { action: string }) => x.action)).toEqual(['grant.expenditure_created', 'grant.expenditure_updated', 'grant.expenditure_deleted']);
    });

    it('keeps a linked device from being deleted (409)', async () => {
      const d = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await spend(t, w.officeA, grantId, w.schoolA1, { grossCents: 100, deviceIds: [d] });
      await expect(t.dataSource.query(`DELETE FROM devices WHERE id = $1`, [d])).rejects.toMatchObject({ code: '23503' });
    });
  });

  describe('PATCH', () => {
    it('needs an override again only when the change adds spending', async () => {
      const g = (await createGrant(t, w.officeA, { title: 'Patch budget', approvedCents: 10_000 })).id;
      await allocate(t, w.officeA, g, w.schoolA1, 1_000);
      const e = await spend(t, w.officeA, g, w.schoolA1, { grossCents: 1_500, overrideBudget: true, overrideReason: 'Dringend benötigt' });
      const path = `/api/v1/grants/${g}/expenditures/${e.id}`;
      const desc = await t.http().patch(path).set('Authorization', w.officeA.auth).send({ description: 'Korrigierte Beschreibung' }).expect(200);
      expect(desc.body).toMatchObject({ budgetOverride: true, overrideReason: 'Dringend benötigt' });
      await t.http().patch(path).set('Authorization', w.officeA.auth).send({ grossCents: 1_400 }).expect(200);
      await t.http().patch(path).set('Authorization', w.officeA.auth).send({ grossCents: 1_600 }).expect(409);
      await t.http().patch(path).set('Authorization', w.officeA.auth).send({ schoolId: w.schoolA2 }).expect(409);
      await t.http().patch(path).set('Authorization', w.officeA.auth).send({ invoiceDate: '2030-01-01' }).expect(400);
      const stale = await t.http().patch(path).set('Authorization', w.officeA.auth).send({ description: 'x', version: 1 }).expect(409);
      expect(stale.body.error).toBe('STALE_VERSION');
    });

    it('is refused on reported and closed grants', async () => {
      const g = (await createGrant(t, w.officeA, { title: 'Frozen' })).id;
      await allocate(t, w.officeA, g, w.schoolA1, 1_000);
      const e = await spend(t, w.officeA, g, w.schoolA1, { grossCents: 500 });
      for (const status of ['reported', 'closed']) {
        await setStatus(t, g, status);
        await t.http().patch(`/api/v1/grants/${g}/expenditures/${e.id}`).set('Authorization', w.officeA.auth).send({ description: 'x' }).expect(409);
        await t.http().delete(`/api/v1/grants/${g}/expenditures/${e.id}`).set('Authorization', w.officeA.auth).expect(409);
        await post(expenditureBody(w.schoolA1, { grossCents: 1 }), w.officeA, g).expect(409);
      }
      const [row] = await t.dataSource.query(`SELECT description, version FROM expenditures WHERE id = $1`, [e.id]);
      expect(row).toEqual({ description: '30 Tablets', version: 1 });
    });
  });

  describe('access', () => {
    let eA1: string;
    let eA2: string;
    beforeAll(async () => {
      eA1 = (await spend(t, w.officeA, grantId, w.schoolA1, { grossCents: 100, description: 'A1 line' })).id;
      eA2 = (await spend(t, w.officeA, grantId, w.schoolA2, { grossCents: 100, description: 'A2 line' })).id;
    });

    it("shows a coordinator only their schools' lines and lets them change nothing", async () => {
      const list = await t.http().get(`/api/v1/grants/${grantId}/expenditures?limit=200`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(new Set(list.body.items.map((e: { schoolId: string }) => e.schoolId))).toEqual(new Set([w.schoolA1]));
      await t.http().get(`/api/v1/grants/${grantId}/expenditures/${eA1}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      await t.http().get(`/api/v1/grants/${grantId}/expenditures/${eA2}`).set('Authorization', w.coordinatorA1.auth).expect(404);
      await t.http().patch(`/api/v1/grants/${grantId}/expenditures/${eA1}`).set('Authorization', w.coordinatorA1.auth).send({ description: 'x' }).expect(403);
      await post(expenditureBody(w.schoolA1), w.coordinatorA1).expect(403);
      await t.http().delete(`/api/v1/grants/${grantId}/expenditures/${eA1}`).set('Authorization', w.coordinatorA1.auth).expect(403);
    });

    it('lets the viewer read all lines and write none', async () => {
      const list = await t.http().get(`/api/v1/grants/${grantId}/expenditures?limit=200&schoolId=${w.schoolA2}`).set('Authorization', w.viewerA.auth).expect(200);
      expect(list.body.items.map((e: { id: string }) => e.id)).toContain(eA2);
      expect(list.body.items.every((e: { schoolId: string }) => e.schoolId === w.schoolA2)).toBe(true);
      await post(expenditureBody(w.schoolA1), w.viewerA).expect(403);
    });

    it('answers 404 across authorities, also for a school of another authority in the body', async () => {
      await t.http().get(`/api/v1/grants/${grantId}/expenditures/${eA1}`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().patch(`/api/v1/grants/${grantId}/expenditures/${eA1}`).set('Authorization', w.officeB.auth).send({ description: 'x' }).expect(404);
      await t.http().delete(`/api/v1/grants/${grantId}/expenditures/${eA1}`).set('Authorization', w.officeB.auth).expect(404);
      await post(expenditureBody(w.schoolB1), w.officeA).expect(404);
      await t.http().get(`/api/v1/grants/${grantId}/expenditures`).expect(401);
      await t.http().get(`/api/v1/grants/${grantId}/expenditures`).set('Authorization', w.admin.auth).expect(403);
    });

    it('pages by order date with a cursor and filters by category', async () => {
      const first = await t.http().get(`/api/v1/grants/${grantId}/expenditures?limit=2`).set('Authorization', w.officeA.auth).expect(200);
      const second = await t.http().get(`/api/v1/grants/${grantId}/expenditures?limit=2&cursor=${first.body.nextCursor}`).set('Authorization', w.officeA.auth).expect(200);
      const ids = [...first.body.items, ...second.body.items].map((e: { id: string }) => e.id);
      expect(new Set(ids).size).toBe(4);
      const none = await t.http().get(`/api/v1/grants/${grantId}/expenditures?category=training`).set('Authorization', w.officeA.auth).expect(200);
      expect(none.body.items).toEqual([]);
    });
  });
});
