import { todayInBerlin } from '../src/common/dates';
import { addDays } from '../src/common/dates';
import type { World } from './factories';
import { allocate, createGrant, grantBody, setStatus, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';

/** A date relative to today in German time, the calendar the grant deadlines run on. */
const daysFromToday = (days: number) => addDays(todayInBerlin(), days);

describe('Grants', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  describe('POST /api/v1/grants', () => {
    it('lets the office create a grant, stores the rate in basis points and audits it', async () => {
      const body = grantBody({ title: 'Sofortausstattung', program: 'sofortausstattung', fundingRatePercent: 66.67, referenceNumber: 'AZ-2020-1', decisionDate: '2020-09-01', proofDueOn: '2022-06-30', earmarkingYears: 5, earmarkingYearsByType: { laptop: 3, tablet: 3 } });
      const res = await t.http().post('/api/v1/grants').set('Authorization', w.officeA.auth).send(body).expect(201);
      expect(res.body).toMatchObject({ ...body, version: 1 });
      const [row] = await t.dataSource.query(`SELECT authority_id, funding_rate_bp, approved_cents, earmarking_years_by_type FROM grants WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ authority_id: w.authorityA, funding_rate_bp: 6667, approved_cents: 10_000_000, earmarking_years_by_type: { laptop: 3, tablet: 3 } });
      const audit = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'grant.created', actor_id: w.officeA.id }]);
    });

    it('rejects bad values with the field: rate, period, cents, earmarking types, unknown fields', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ fundingRatePercent: 0 }, 'fundingRatePercent'],
        [{ fundingRatePercent: 100.5 }, 'fundingRatePercent'],
        [{ fundingRatePercent: 87.555 }, 'fundingRatePercent'],
        [{ approvedCents: 10.5 }, 'approvedCents'],
        [{ approvedCents: -1 }, 'approvedCents'],
        [{ eligibleUntil: '2019-01-01' }, 'eligibleUntil'],
        [{ eligibleFrom: '2019-02-30' }, 'eligibleFrom'],
        [{ program: 'lottery' }, 'program'],
        [{ earmarkingYearsByType: { smartphone: 3 } }, 'earmarkingYearsByType.smartphone'],
        [{ earmarkingYearsByType: { laptop: 2.5 } }, 'earmarkingYearsByType.laptop'],
        [{ status: 'closed' }, 'status'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [override, field] of cases) {
        const res = await t.http().post('/api/v1/grants').set('Authorization', w.officeA.auth).send(grantBody(override)).expect(400);
        expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toContain(field);
      }
    });

    it('answers 409 on a duplicate reference number in the authority, but allows it in another', async () => {
      await createGrant(t, w.officeA, { referenceNumber: 'AZ-DUP' });
      const res = await t.http().post('/api/v1/grants').set('Authorization', w.officeA.auth).send(grantBody({ referenceNumber: 'AZ-DUP' })).expect(409);
      expect(res.body.fieldErrors).toEqual([expect.objectContaining({ field: 'referenceNumber' })]);
      await createGrant(t, w.officeB, { referenceNumber: 'AZ-DUP' });
    });

    it.each([['coordinatorA1'], ['viewerA'], ['admin']] as const)('refuses %s with 403', async (user) => {
      await t.http().post('/api/v1/grants').set('Authorization', w[user].auth).send(grantBody()).expect(403);
    });

    it('needs a login', async () => {
      await t.http().post('/api/v1/grants').send(grantBody()).expect(401);
    });
  });

  describe('reading grants and access per role', () => {
    let g1: string; // allocation at A1
    let g2: string; // expenditure at A2 only
    let gB: string;

    beforeAll(async () => {
      g1 = (await createGrant(t, w.officeA, { title: 'Access G1', approvedCents: 1_000_000 })).id;
      await allocate(t, w.officeA, g1, w.schoolA1, 300_000);
      await allocate(t, w.officeA, g1, w.schoolA2, 200_000);
      await spend(t, w.officeA, g1, w.schoolA1, { grossCents: 120_000 });
      await spend(t, w.officeA, g1, w.schoolA2, { grossCents: 50_000, paidOn: null });
      g2 = (await createGrant(t, w.officeA, { title: 'Access G2' })).id;
      await allocate(t, w.officeA, g2, w.schoolA2, 500_000);
      gB = (await createGrant(t, w.officeB, { title: 'Access GB' })).id;
    });

    it('lists for the office with spent, paid and remaining of the whole grant', async () => {
      const res = await t.http().get('/api/v1/grants?limit=200').set('Authorization', w.officeA.auth).expect(200);
      const item = res.body.items.find((g: { id: string }) => g.id === g1);
      expect(item).toMatchObject({ approvedCents: 1_000_000, allocatedCents: 500_000, spentCents: 170_000, paidCents: 120_000, remainingCents: 830_000, deadlineSoon: false });
      expect(res.body.items.map((g: { id: string }) => g.id)).not.toContain(gB);
    });

    it('shows a coordinator only grants touching their schools, with their schools figures', async () => {
      const res = await t.http().get('/api/v1/grants?limit=200').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(res.body.items.map((g: { id: string }) => g.id)).toEqual([g1]);
      expect(res.body.items[0]).toMatchObject({ allocatedCents: 300_000, spentCents: 120_000, remainingCents: 180_000 });
      await t.http().get(`/api/v1/grants/${g1}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      await t.http().get(`/api/v1/grants/${g2}`).set('Authorization', w.coordinatorA1.auth).expect(404);
      const alloc = await t.http().get(`/api/v1/grants/${g1}/allocations`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(alloc.body.map((a: { schoolId: string }) => a.schoolId)).toEqual([w.schoolA1]);
      expect(alloc.body[0]).toMatchObject({ amountCents: 300_000, committedCents: 120_000, remainingCents: 180_000 });
    });

    it('lets the viewer read every grant of the authority but change none', async () => {
      const res = await t.http().get('/api/v1/grants?limit=200').set('Authorization', w.viewerA.auth).expect(200);
      expect(res.body.items.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([g1, g2]));
      await t.http().get(`/api/v1/grants/${g2}`).set('Authorization', w.viewerA.auth).expect(200);
      await t.http().patch(`/api/v1/grants/${g2}`).set('Authorization', w.viewerA.auth).send({ title: 'x' }).expect(403);
      await t.http().put(`/api/v1/grants/${g2}/allocations/${w.schoolA1}`).set('Authorization', w.viewerA.auth).send({ amountCents: 1 }).expect(403);
    });

    it('answers 404 for another authority and 403 for the platform admin', async () => {
      for (const path of [`/api/v1/grants/${gB}`, `/api/v1/grants/${gB}/allocations`, `/api/v1/grants/${gB}/summary`, `/api/v1/grants/${gB}/expenditures`]) {
        await t.http().get(path).set('Authorization', w.officeA.auth).expect(404);
      }
      await t.http().patch(`/api/v1/grants/${gB}`).set('Authorization', w.officeA.auth).send({ title: 'Mine now' }).expect(404);
      await t.http().put(`/api/v1/grants/${gB}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 1 }).expect(404);
      await t.http().get('/api/v1/grants').set('Authorization', w.admin.auth).expect(403);
      await t.http().get(`/api/v1/grants/${g1}`).set('Authorization', w.admin.auth).expect(403);
    });

    it('filters by status and program and pages with a cursor', async () => {
      const approved = await t.http().get('/api/v1/grants?status=planned').set('Authorization', w.officeA.auth).expect(200);
      expect(approved.body.items).toEqual([]);
      const first = await t.http().get('/api/v1/grants?limit=1&program=digitalpakt_basis').set('Authorization', w.officeA.auth).expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await t.http().get(`/api/v1/grants?limit=1&program=digitalpakt_basis&cursor=${first.body.nextCursor}`).set('Authorization', w.officeA.auth).expect(200);
      expect(second.body.items[0].title > first.body.items[0].title || second.body.items[0].id !== first.body.items[0].id).toBe(true);
      await t.http().get('/api/v1/grants?limit=201').set('Authorization', w.officeA.auth).expect(400);
      await t.http().get('/api/v1/grants?cursor=nonsense').set('Authorization', w.officeA.auth).expect(400);
      await t.http().get('/api/v1/grants/not-a-uuid').set('Authorization', w.officeA.auth).expect(400);
      await t.http().get('/api/v1/grants').expect(401);
    });
  });

  describe('deadlines in the list', () => {
    it('flags a proof of use due within 90 days and the end of the eligible period, not later ones', async () => {
      const soon = await createGrant(t, w.officeB, { title: 'Deadline soon', eligibleFrom: '2024-01-01', eligibleUntil: daysFromToday(30), proofDueOn: daysFromToday(89) });
      const later = await createGrant(t, w.officeB, { title: 'Deadline later', eligibleFrom: '2024-01-01', eligibleUntil: daysFromToday(200), proofDueOn: daysFromToday(400) });
      const res = await t.http().get('/api/v1/grants?limit=200').set('Authorization', w.officeB.auth).expect(200);
      const bySoon = res.body.items.find((g: { id: string }) => g.id === soon.id);
      expect(bySoon.deadlineSoon).toBe(true);
      expect(bySoon.deadlines).toEqual([
        { kind: 'eligible_period_end', date: daysFromToday(30), daysLeft: 30 },
        { kind: 'proof_of_use', date: daysFromToday(89), daysLeft: 89 },
      ]);
      expect(res.body.items.find((g: { id: string }) => g.id === later.id)).toMatchObject({ deadlineSoon: false, deadlines: [] });
    });

    it('uses the window the authority configures', async () => {
      await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeB.auth).send({ deadlineWarningDays: 365 }).expect(200);
      const res = await t.http().get('/api/v1/grants?limit=200').set('Authorization', w.officeB.auth).expect(200);
      expect(res.body.items.find((g: { title: string }) => g.title === 'Deadline later').deadlineSoon).toBe(true);
      await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeB.auth).send({ deadlineWarningDays: 90 }).expect(200);
    });
  });

  describe('settings', () => {
    it('validates and stores the configured rules; only the office changes them', async () => {
      const rules = [{ category: 'software', maxSharePercent: 20, scope: 'grant', label: 'Software (Nr. 2.3)' }];
      const res = await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeA.auth).send({ categoryShareRules: rules }).expect(200);
      expect(res.body).toEqual({ deadlineWarningDays: 90, categoryShareRules: rules });
      const [row] = await t.dataSource.query(`SELECT settings -> 'grants' AS grants FROM authorities WHERE id = $1`, [w.authorityA]);
      expect(row.grants.categoryShareRules).toEqual(rules);
      const bad = await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeA.auth).send({ categoryShareRules: [{ category: 'snacks', maxSharePercent: 120, scope: 'x' }] }).expect(400);
      expect(bad.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['categoryShareRules.0.category', 'categoryShareRules.0.maxSharePercent', 'categoryShareRules.0.scope']);
      await t.http().put('/api/v1/grants/settings').set('Authorization', w.coordinatorA1.auth).send({}).expect(403);
      await t.http().get('/api/v1/grants/settings').set('Authorization', w.viewerA.auth).expect(200);
      await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeA.auth).send({ categoryShareRules: [] }).expect(200);
    });
  });

  describe('PATCH /api/v1/grants/:id and status', () => {
    it('updates with a version check and audits the change', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Patch me' });
      const res = await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ title: 'Patched', fundingRatePercent: 87.5, version: 1 }).expect(200);
      expect(res.body).toMatchObject({ title: 'Patched', fundingRatePercent: 87.5, version: 2 });
      const stale = await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ title: 'Again', version: 1 }).expect(409);
      expect(stale.body.error).toBe('STALE_VERSION');
      const [audit] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'grant.updated'`, [g.id]);
      expect(audit.changes.fields.title).toEqual({ before: 'Patch me', after: 'Patched' });
    });

    it('follows the status rules and makes reported and closed grants read-only', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Status', status: 'planned' });
      await allocate(t, w.officeA, g.id, w.schoolA1, 100_000);
      const skip = await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ status: 'closed' }).expect(409);
      expect(skip.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { currentStatus: 'planned', requestedStatus: 'closed' } });
      for (const status of ['approved', 'reported']) {
        await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ status }).expect(200);
      }
      // read-only now: money and budget refused, notes allowed
      const edits = [
        t.http().patch(`/api/v1/grants/${g.id}`).send({ approvedCents: 1 }),
        t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).send({ amountCents: 1 }),
        t.http().delete(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`),
        t.http().post(`/api/v1/grants/${g.id}/expenditures`).send({ schoolId: w.schoolA1, category: 'devices', orderDate: '2021-01-01', vendor: 'X', description: 'Y', grossCents: 1 }),
        t.http().delete(`/api/v1/grants/${g.id}`),
      ];
      for (const req of edits) {
        const res = await req.set('Authorization', w.officeA.auth).expect(409);
        expect(res.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { status: 'reported' } });
      }
      await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ notes: 'Sent to the state on 2025-01-15' }).expect(200);
      // reopen and report again, then close: nothing leaves closed
      await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ status: 'approved' }).expect(200);
      await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ status: 'reported' }).expect(200);
      await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ status: 'closed' }).expect(200);
      await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ status: 'approved' }).expect(409);
      await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ amountCents: 1 }).expect(409);
      const [row] = await t.dataSource.query(`SELECT status, approved_cents FROM grants WHERE id = $1`, [g.id]);
      expect(row).toEqual({ status: 'closed', approved_cents: 10_000_000 });
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'grant.status_changed'`, [g.id]);
      expect(actions).toHaveLength(5);
    });

    it('keeps the approved amount above allocations and spending, and the period around every invoice', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Budget change', approvedCents: 500_000 });
      await allocate(t, w.officeA, g.id, w.schoolA1, 400_000);
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 300_000, invoiceDate: '2022-05-05', paidOn: '2022-05-20' });
      const low = await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ approvedCents: 399_999 }).expect(409);
      expect(low.body.details).toEqual({ allocatedCents: 400_000, approvedCents: 399_999 });
      await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ approvedCents: 400_000 }).expect(200);
      const period = await t.http().patch(`/api/v1/grants/${g.id}`).set('Authorization', w.officeA.auth).send({ eligibleUntil: '2022-05-04' }).expect(409);
      expect(period.body.details).toEqual({ invoicesOutside: 1 });
    });

    it('deletes a grant without expenditures, refuses one with expenditures', async () => {
      const empty = await createGrant(t, w.officeA, { title: 'Delete me' });
      await allocate(t, w.officeA, empty.id, w.schoolA1, 1000);
      await t.http().delete(`/api/v1/grants/${empty.id}`).set('Authorization', w.officeA.auth).expect(204);
      expect(await t.dataSource.query(`SELECT 1 FROM grant_allocations WHERE grant_id = $1`, [empty.id])).toEqual([]);
      const used = await createGrant(t, w.officeA, { title: 'Keep me' });
      await spend(t, w.officeA, used.id, w.schoolA1, { overrideBudget: true, overrideReason: 'Test without allocation' });
      await t.http().delete(`/api/v1/grants/${used.id}`).set('Authorization', w.officeA.auth).expect(409);
      await t.http().delete(`/api/v1/grants/${used.id}`).set('Authorization', w.coordinatorA1.auth).expect(403);
    });
  });

  describe('allocations', () => {
    it('never lets the allocations exceed the approved amount, also under concurrent requests', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Alloc race', approvedCents: 1_000 });
      const results = await Promise.all([
        t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 600 }),
        t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ amountCents: 600 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [{ sum }] = await t.dataSource.query(`SELECT sum(amount_cents)::int AS sum FROM grant_allocations WHERE grant_id = $1`, [g.id]);
      expect(sum).toBe(600);
      const over = results.find((r) => r.status === 409)!;
      expect(over.body).toMatchObject({ error: 'CONFLICT', details: { approvedCents: 1_000, otherAllocatedCents: 600, requestedCents: 600, availableCents: 400 } });
    });

    it('changes an allocation, refuses to lower it below committed spending, removes an unused one', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Alloc change', approvedCents: 1_000_000 });
      await allocate(t, w.officeA, g.id, w.schoolA1, 500_000);
      const changed = await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 400_000, note: 'Kürzung' }).expect(200);
      expect(changed.body).toMatchObject({ schoolId: w.schoolA1, amountCents: 400_000, note: 'Kürzung', committedCents: 0, remainingCents: 400_000 });
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 300_000 });
      await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: 299_999 }).expect(409);
      await t.http().delete(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).expect(409);
      await allocate(t, w.officeA, g.id, w.schoolA2, 1000);
      await t.http().delete(`/api/v1/grants/${g.id}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).expect(204);
      await t.http().delete(`/api/v1/grants/${g.id}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).expect(404);
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'grant.allocation%' ORDER BY id`, [g.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['grant.allocation_created', 'grant.allocation_changed', 'grant.allocation_created', 'grant.allocation_deleted']);
    });

    it('answers 404 for a school of another authority, 400 for a bad amount, 403 for coordinators', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Alloc access' });
      await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolB1}`).set('Authorization', w.officeA.auth).send({ amountCents: 1 }).expect(404);
      await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).set('Authorization', w.officeA.auth).send({ amountCents: -5 }).expect(400);
      await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).set('Authorization', w.coordinatorA1.auth).send({ amountCents: 5 }).expect(403);
      await t.http().put(`/api/v1/grants/${g.id}/allocations/${w.schoolA1}`).send({ amountCents: 5 }).expect(401);
    });
  });

  describe('read-only grants keep their figures', () => {
    it('still serves summary and lists of a closed grant', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Closed figures' });
      await allocate(t, w.officeA, g.id, w.schoolA1, 200_000);
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 150_000 });
      await setStatus(t, g.id, 'closed');
      const s = await t.http().get(`/api/v1/grants/${g.id}/summary`).set('Authorization', w.viewerA.auth).expect(200);
      expect(s.body.totals).toMatchObject({ committedCents: 150_000, fundedCents: 135_000, ownCents: 15_000 });
      await t.http().get(`/api/v1/grants/${g.id}/expenditures`).set('Authorization', w.coordinatorA1.auth).expect(200);
    });
  });
});
