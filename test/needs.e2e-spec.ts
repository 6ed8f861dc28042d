import type { World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Needs requests', () => {
  let t: TestApp;
  let w: World;
  let grantA: string;
  let grantB: string;

  const valid = () => ({
    schoolId: w.schoolA1,
    category: 'student_devices',
    title: '30 Tablets für die Jahrgangsstufe 5',
    quantity: 30,
    estimatedCostCents: 1_440_000,
    justification: 'Die Jahrgangsstufe 5 arbeitet ab dem Schuljahr 2026/27 mit Tablets im Unterricht.',
    priority: 'high',
  });

  async function createGrant(authorityId: string): Promise<string> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO grants (authority_id, program, title, approved_cents, funding_rate_bp, eligible_from, eligible_until)
       VALUES ($1, 'digitalpakt_basis', 'DigitalPakt Schule', 100000000, 9000, '2019-05-17', '2024-12-31') RETURNING id`,
      [authorityId],
    );
    return id;
  }

  const create = async (user: { auth: string }, body: Record<string, unknown> = {}) =>
    (await t.http().post('/api/v1/needs').set('Authorization', user.auth).send({ ...valid(), ...body }).expect(201)).body;
  const submit = async (id: string) => (await t.http().post(`/api/v1/needs/${id}/submit`).set('Authorization', w.coordinatorA1.auth).expect(200)).body;
  const decide = (id: string, body: Record<string, unknown>) => t.http().post(`/api/v1/needs/${id}/decide`).set('Authorization', w.officeA.auth).send(body);

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    grantA = await createGrant(w.authorityA);
    grantB = await createGrant(w.authorityB);
  });
  afterAll(() => t.close());

  describe('POST /api/v1/needs', () => {
    it('lets a coordinator start a draft for an own school, and audits it', async () => {
      const res = await t.http().post('/api/v1/needs').set('Authorization', w.coordinatorA1.auth).send(valid()).expect(201);
      expect(res.body).toMatchObject({ ...valid(), status: 'draft', version: 1, createdBy: w.coordinatorA1.id, schoolName: 'A1 Gymnasium', approvedQuantity: null, grantId: null });
      const [row] = await t.dataSource.query(`SELECT status, quantity, estimated_cost_cents, authority_id FROM need_requests WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ status: 'draft', quantity: 30, estimated_cost_cents: 1_440_000, authority_id: w.authorityA });
      const audit = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'need.created', actor_id: w.coordinatorA1.id }]);
    });

    it('lets the office ask on behalf of any school of its authority, with priority medium by default', async () => {
      const { priority: _p, ...body } = valid();
      const res = await t.http().post('/api/v1/needs').set('Authorization', w.officeA.auth).send({ ...body, schoolId: w.schoolA2, category: 'wlan' }).expect(201);
      expect(res.body).toMatchObject({ schoolId: w.schoolA2, category: 'wlan', priority: 'medium' });
    });

    it('answers 404 for a school outside the scope', async () => {
      await t.http().post('/api/v1/needs').set('Authorization', w.coordinatorA1.auth).send({ ...valid(), schoolId: w.schoolA2 }).expect(404);
      await t.http().post('/api/v1/needs').set('Authorization', w.officeA.auth).send({ ...valid(), schoolId: w.schoolB1 }).expect(404);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM need_requests WHERE school_id = ANY($1::uuid[])`, [[w.schoolB1]]);
      expect(n).toBe(0);
    });

    it('rejects bad input with field errors', async () => {
      const res = await t.http().post('/api/v1/needs').set('Authorization', w.officeA.auth)
        .send({ ...valid(), quantity: 0, category: 'spaceships', estimatedCostCents: -1, priority: 'urgent', colour: 'red', justification: undefined })
        .expect(400);
      const fields = res.body.fieldErrors.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['category', 'colour', 'estimatedCostCents', 'justification', 'priority', 'quantity']);
    });

    it.each([['viewer', 'viewerA'], ['admin', 'admin']] as const)('refuses the %s role', async (_role, user) => {
      await t.http().post('/api/v1/needs').set('Authorization', w[user].auth).send(valid()).expect(403);
    });

    it('needs a login', async () => {
      await t.http().post('/api/v1/needs').send(valid()).expect(401);
    });
  });

  describe('workflow', () => {
    it('runs draft → submitted → draft → submitted → approved and audits every step', async () => {
      const draft = await create(w.coordinatorA1);
      const edited = await t.http().patch(`/api/v1/needs/${draft.id}`).set('Authorization', w.coordinatorA1.auth).send({ quantity: 28, estimatedCostCents: 1_344_000, version: 1 }).expect(200);
      expect(edited.body).toMatchObject({ quantity: 28, estimatedCostCents: 1_344_000, version: 2, status: 'draft' });

      const submitted = await submit(draft.id);
      expect(submitted).toMatchObject({ status: 'submitted', submittedBy: w.coordinatorA1.id, submittedAt: expect.any(String), version: 3 });
      const withdrawn = await t.http().post(`/api/v1/needs/${draft.id}/withdraw`).set('Authorization', w.coordinatorA1.auth).send({ version: 3 }).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'draft', submittedBy: null, submittedAt: null });
      await submit(draft.id);

      const approved = await decide(draft.id, { decision: 'approved', reason: 'Passt zum Medienentwicklungsplan' }).expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approvedQuantity: 28,
        approvedCents: 1_344_000,
        decisionReason: 'Passt zum Medienentwicklungsplan',
        decidedBy: w.officeA.id,
        decidedAt: expect.any(String),
      });
      const audit = await t.dataSource.query(`SELECT action, actor_id, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [draft.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['need.created', 'need.updated', 'need.submitted', 'need.withdrawn', 'need.submitted', 'need.approved']);
      expect(audit[5].actor_id).toBe(w.officeA.id);
      expect(audit[5].changes.fields.status).toEqual({ before: 'submitted', after: 'approved' });
    });

    it('approves part of a request with quantity and amount', async () => {
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      const res = await decide(id, { decision: 'partially_approved', approvedQuantity: 20, approvedCents: 960_000, reason: 'Budget 2026 reicht für 20' }).expect(200);
      expect(res.body).toMatchObject({ status: 'partially_approved', approvedQuantity: 20, approvedCents: 960_000 });
      const [row] = await t.dataSource.query(`SELECT approved_quantity, approved_cents, decided_by FROM need_requests WHERE id = $1`, [id]);
      expect(row).toEqual({ approved_quantity: 20, approved_cents: 960_000, decided_by: w.officeA.id });
    });

    it('checks a decision: partial approvals need figures within the request, rejections a reason', async () => {
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      const missing = await decide(id, { decision: 'partially_approved', approvedQuantity: 10 }).expect(400);
      expect(missing.body.fieldErrors[0].field).toBe('approvedCents');
      const tooMuch = await decide(id, { decision: 'partially_approved', approvedQuantity: 31, approvedCents: 1 }).expect(400);
      expect(tooMuch.body.fieldErrors[0].field).toBe('approvedQuantity');
      const noReason = await decide(id, { decision: 'rejected' }).expect(400);
      expect(noReason.body.fieldErrors[0].field).toBe('reason');
      const unknown = await decide(id, { decision: 'maybe' }).expect(400);
      expect(unknown.body.fieldErrors[0].field).toBe('decision');
      const rejected = await decide(id, { decision: 'rejected', reason: 'Schule wurde 2024 bereits ausgestattet' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', approvedQuantity: null, approvedCents: null, decisionReason: 'Schule wurde 2024 bereits ausgestattet' });
    });

    it('refuses illegal transitions with 409 naming the current status', async () => {
      const { id } = await create(w.coordinatorA1);
      const early = await decide(id, { decision: 'approved' }).expect(409);
      expect(early.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { currentStatus: 'draft' } });
      const notSubmitted = await t.http().post(`/api/v1/needs/${id}/withdraw`).set('Authorization', w.coordinatorA1.auth).expect(409);
      expect(notSubmitted.body.details.currentStatus).toBe('draft');
      await submit(id);
      const again = await t.http().post(`/api/v1/needs/${id}/submit`).set('Authorization', w.coordinatorA1.auth).expect(409);
      expect(again.body.details.currentStatus).toBe('submitted');
      const edit = await t.http().patch(`/api/v1/needs/${id}`).set('Authorization', w.coordinatorA1.auth).send({ quantity: 5 }).expect(409);
      expect(edit.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { currentStatus: 'submitted' } });
      const link = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: grantA }).expect(409);
      expect(link.body.details.currentStatus).toBe('submitted');
      await decide(id, { decision: 'rejected', reason: 'Kein Budget' }).expect(200);
      const redecide = await decide(id, { decision: 'approved' }).expect(409);
      expect(redecide.body.details.currentStatus).toBe('rejected');
      const withdraw = await t.http().post(`/api/v1/needs/${id}/withdraw`).set('Authorization', w.coordinatorA1.auth).expect(409);
      expect(withdraw.body.details.currentStatus).toBe('rejected');
      const remove = await t.http().delete(`/api/v1/needs/${id}`).set('Authorization', w.coordinatorA1.auth).expect(409);
      expect(remove.body.details.currentStatus).toBe('rejected');
      const linkRejected = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: grantA }).expect(409);
      expect(linkRejected.body.details.currentStatus).toBe('rejected');
      const [row] = await t.dataSource.query(`SELECT status, grant_id FROM need_requests WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'rejected', grant_id: null });
    });

    it('refuses a stale version', async () => {
      const { id } = await create(w.coordinatorA1);
      const res = await t.http().patch(`/api/v1/needs/${id}`).set('Authorization', w.coordinatorA1.auth).send({ quantity: 5, version: 7 }).expect(409);
      expect(res.body).toMatchObject({ error: 'STALE_VERSION', details: { currentVersion: 1 } });
    });

    it('keeps decisions to the office', async () => {
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      await t.http().post(`/api/v1/needs/${id}/decide`).set('Authorization', w.coordinatorA1.auth).send({ decision: 'approved' }).expect(403);
      await t.http().post(`/api/v1/needs/${id}/decide`).set('Authorization', w.viewerA.auth).send({ decision: 'approved' }).expect(403);
      await t.http().post(`/api/v1/needs/${id}/submit`).set('Authorization', w.viewerA.auth).expect(403);
      await t.http().post(`/api/v1/needs/${id}/decide`).send({ decision: 'approved' }).expect(401);
      await t.http().post(`/api/v1/needs/${id}/decide`).set('Authorization', w.officeB.auth).send({ decision: 'approved' }).expect(404);
      const [row] = await t.dataSource.query(`SELECT status FROM need_requests WHERE id = $1`, [id]);
      expect(row.status).toBe('submitted');
    });

    it('links a decided request to a grant of its authority, and unlinks it', async () => {
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      await decide(id, { decision: 'approved' }).expect(200);
      await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.coordinatorA1.auth).send({ grantId: grantA }).expect(403);
      const foreign = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: grantB }).expect(404);
      expect(foreign.body.message).toBe('Grant not found');
      const bad = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: 'x' }).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('grantId');
      const linked = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: grantA }).expect(200);
      expect(linked.body).toMatchObject({ grantId: grantA, status: 'approved' });
      const unlinked = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: null }).expect(200);
      expect(unlinked.body.grantId).toBeNull();
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'need.grant%' ORDER BY id`, [id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['need.grant_linked', 'need.grant_unlinked']);
    });

    it('links no request to a grant already reported or closed: 409 GRANT_READ_ONLY', async () => {
      const grant = await createGrant(w.authorityA);
      await t.dataSource.query(`UPDATE grants SET status = 'reported' WHERE id = $1`, [grant]);
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      await decide(id, { decision: 'approved' }).expect(200);
      const refused = await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: grant }).expect(409);
      expect(refused.body).toMatchObject({ reason: 'GRANT_READ_ONLY' });
      const [row] = await t.dataSource.query(`SELECT grant_id FROM need_requests WHERE id = $1`, [id]);
      expect(row.grant_id).toBeNull();
    });

    it('keeps a grant that a request names as its funding: 409 GRANT_HAS_NEEDS until it is unlinked', async () => {
      const grant = await createGrant(w.authorityA);
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      await decide(id, { decision: 'approved' }).expect(200);
      await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: grant }).expect(200);
      const refused = await t.http().delete(`/api/v1/grants/${grant}`).set('Authorization', w.officeA.auth).expect(409);
      expect(refused.body).toMatchObject({ reason: 'GRANT_HAS_NEEDS', details: { needs: 1 } });
      await t.http().post(`/api/v1/needs/${id}/link-grant`).set('Authorization', w.officeA.auth).send({ grantId: null }).expect(200);
      await t.http().delete(`/api/v1/grants/${grant}`).set('Authorization', w.officeA.auth).expect(204);
    });

    it('deletes a draft', async () => {
      const { id } = await create(w.coordinatorA1);
      await t.http().delete(`/api/v1/needs/${id}`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().delete(`/api/v1/needs/${id}`).set('Authorization', w.viewerA.auth).expect(403);
      await t.http().delete(`/api/v1/needs/${id}?version=1`).set('Authorization', w.coordinatorA1.auth).expect(204);
      const rows = await t.dataSource.query(`SELECT 1 FROM need_requests WHERE id = $1`, [id]);
      expect(rows).toEqual([]);
      const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
      expect(audit[0].action).toBe('need.deleted');
    });

    it('backs the decision rules with database constraints', async () => {
      const { id } = await create(w.coordinatorA1);
      await submit(id);
      const attempt = (sql: string) => t.dataSource.query(sql, [id, w.officeA.id]).then(() => 'ok', (e: { driverError?: { constraint?: string } }) => e.driverError?.constraint);
      expect(await attempt(`UPDATE need_requests SET status = 'approved', decided_by = $2, decided_at = now() WHERE id = $1`)).toBe('ck_need_requests_approved_amounts');
      expect(await attempt(`UPDATE need_requests SET status = 'rejected', decided_by = $2, decided_at = now() WHERE id = $1`)).toBe('ck_need_requests_rejection_reason');
      expect(
        await attempt(`UPDATE need_requests SET status = 'partially_approved', approved_quantity = 40, approved_cents = 1, decided_by = $2, decided_at = now() WHERE id = $1`),
      ).toBe('ck_need_requests_partial');
      expect(await attempt(`UPDATE need_requests SET status = 'approved', approved_quantity = quantity, approved_cents = estimated_cost_cents WHERE id = $1 AND $2::uuid IS NOT NULL`)).toBe(
        'ck_need_requests_decided',
      );
    });
  });

  describe('GET /api/v1/needs', () => {
    // The lists' own data (the tests also pass alone, without the workflow tests above): a submitted request of B1,
    // a submitted one of A2, and in A1 a submitted and two rejected ones.
    let b1Need: string;
    let a1Rejected: string[];
    beforeAll(async () => {
      b1Need = (await create(w.coordinatorB1, { schoolId: w.schoolB1, category: 'displays' })).id;
      await t.http().post(`/api/v1/needs/${b1Need}/submit`).set('Authorization', w.coordinatorB1.auth).expect(200);
      const training = await create(w.officeA, { schoolId: w.schoolA2, category: 'training' });
      await t.http().post(`/api/v1/needs/${training.id}/submit`).set('Authorization', w.officeA.auth).expect(200);
      await submit((await create(w.coordinatorA1, { title: 'Eingereicht für die Liste' })).id);
      a1Rejected = [];
      for (const reason of ['Kein Budget', 'Bereits ausgestattet']) {
        const { id } = await create(w.coordinatorA1);
        await submit(id);
        await decide(id, { decision: 'rejected', reason }).expect(200);
        a1Rejected.push(id);
      }
    });

    const list = (user: { auth: string }, query = '') => t.http().get(`/api/v1/needs${query}`).set('Authorization', user.auth);

    it('shows a coordinator only their schools and a city only its own', async () => {
      const coordinator = await list(w.coordinatorA1, '?limit=200').expect(200);
      expect(coordinator.body.items.length).toBeGreaterThan(0);
      expect(new Set(coordinator.body.items.map((n: { schoolId: string }) => n.schoolId))).toEqual(new Set([w.schoolA1]));
      const office = await list(w.officeA, '?limit=200').expect(200);
      expect(new Set(office.body.items.map((n: { schoolId: string }) => n.schoolId))).toEqual(new Set([w.schoolA1, w.schoolA2]));
      const other = await list(w.officeB).expect(200);
      expect(other.body.items.map((n: { id: string }) => n.id)).toEqual([b1Need]);
    });

    it("lists a school's drafts to its coordinators only; the office sees them once submitted", async () => {
      const draft = await create(w.coordinatorA1, { title: 'Entwurf der Schule' });
      const ids = async (user: { auth: string }) => (await list(user, '?limit=200').expect(200)).body.items.map((n: { id: string }) => n.id);
      expect(await ids(w.coordinatorA1)).toContain(draft.id);
      expect(await ids(w.officeA)).not.toContain(draft.id);
      expect(await ids(w.viewerA)).not.toContain(draft.id);
      expect((await list(w.officeA, '?status=draft&limit=200').expect(200)).body.items.map((n: { createdBy: string }) => n.createdBy)).toEqual(
        expect.not.arrayContaining([w.coordinatorA1.id]),
      );
      // The office's own draft stays visible to the office user who started it.
      const own = await create(w.officeA, { schoolId: w.schoolA2, title: 'Entwurf des Amts' });
      expect(await ids(w.officeA)).toContain(own.id);
      expect(await ids(w.viewerA)).not.toContain(own.id);
      await submit(draft.id);
      expect(await ids(w.officeA)).toContain(draft.id);
      expect(await ids(w.viewerA)).toContain(draft.id);
      await t.http().delete(`/api/v1/needs/${own.id}?version=1`).set('Authorization', w.officeA.auth).expect(204);
    });

    it('filters by school, status and category', async () => {
      const training = await list(w.viewerA, '?category=training').expect(200);
      expect(training.body.items).toHaveLength(1);
      expect(training.body.items[0]).toMatchObject({ schoolId: w.schoolA2, category: 'training', schoolName: 'A2 Grundschule' });
      const rejected = await list(w.viewerA, `?status=rejected&schoolId=${w.schoolA1}&limit=200`).expect(200);
      const [{ r }] = await t.dataSource.query(`SELECT count(*)::int AS r FROM need_requests WHERE school_id = $1 AND status = 'rejected'`, [w.schoolA1]);
      expect(rejected.body.items).toHaveLength(r);
      expect(rejected.body.items.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(a1Rejected));
      expect(rejected.body.items.every((n: { status: string; schoolId: string }) => n.status === 'rejected' && n.schoolId === w.schoolA1)).toBe(true);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM need_requests WHERE authority_id = $1 AND status = 'submitted'`, [w.authorityA]);
      const submitted = await list(w.officeA, '?status=submitted').expect(200);
      expect(submitted.body.items).toHaveLength(n);
      await list(w.officeA, '?status=pending').expect(400);
    });

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const all = await list(w.officeA, '?limit=200').expect(200);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await list(w.officeA, query).expect(200);
        seen.push(...page.body.items.map((n: { id: string }) => n.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.body.items.map((n: { id: string }) => n.id));
      expect(seen.length).toBeGreaterThan(3); // more than one page
      const created = all.body.items.map((n: { createdAt: string }) => n.createdAt);
      expect([...created].sort().reverse()).toEqual(created);
      await list(w.officeA, '?cursor=bm9wZQ').expect(400);
    });

    it('gets one request, 404 outside the scope', async () => {
      const [mine] = (await list(w.coordinatorA1).expect(200)).body.items;
      await t.http().get(`/api/v1/needs/${mine.id}`).set('Authorization', w.viewerA.auth).expect(200);
      await t.http().get(`/api/v1/needs/${mine.id}`).set('Authorization', w.officeB.auth).expect(404);
      const a2 = (await list(w.officeA, `?schoolId=${w.schoolA2}`).expect(200)).body.items[0];
      await t.http().get(`/api/v1/needs/${a2.id}`).set('Authorization', w.coordinatorA1.auth).expect(404);
      await t.http().get(`/api/v1/needs/${a2.id}`).expect(401);
      await t.http().get(`/api/v1/needs/${a2.id}`).set('Authorization', w.admin.auth).expect(403);
      await t.http().get('/api/v1/needs/123').set('Authorization', w.officeA.auth).expect(400);
    });
  });
});
