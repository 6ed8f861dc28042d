import type { World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Schools', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  const valid = { name: 'Neue Gesamtschule', schoolNumber: '187654', schoolType: 'gesamtschule', studentCount: 900, teacherCount: 70, classCount: 36, broadbandMbps: 250, hasFibre: true, wlanCoveragePercent: 60 };

  describe('POST /api/v1/schools', () => {
    it('lets the office create a school in its own authority and audits it', async () => {
      const res = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send(valid).expect(201);
      expect(res.body).toMatchObject({ ...valid, authorityId: w.authorityA, version: 1 });
      const audit = await t.dataSource.query(`SELECT action, actor_id, authority_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'school.created', actor_id: w.officeA.id, authority_id: w.authorityA }]);
    });

    it('answers 409 on a duplicate school number in the same authority, naming the field', async () => {
      const first = { ...valid, name: 'Erste', schoolNumber: '187001' };
      await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send(first).expect(201);
      const res = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ ...first, name: 'Zweite' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'CONFLICT', fieldErrors: [{ field: 'schoolNumber' }] });
      const rows = await t.dataSource.query(`SELECT name FROM schools WHERE school_number = '187001'`);
      expect(rows).toEqual([{ name: 'Erste' }]);
    });

    it('allows the same school number in another authority', async () => {
      const number = { ...valid, schoolNumber: '187002' };
      await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send(number).expect(201);
      await t.http().post('/api/v1/schools').set('Authorization', w.officeB.auth).send(number).expect(201);
      const rows = await t.dataSource.query(`SELECT authority_id FROM schools WHERE school_number = '187002' ORDER BY authority_id = $1 DESC`, [w.authorityA]);
      expect(rows).toEqual([{ authority_id: w.authorityA }, { authority_id: w.authorityB }]);
    });

    it('rejects unknown fields and bad values with field errors', async () => {
      const res = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ ...valid, schoolNumber: '12a', colour: 'red', wlanCoveragePercent: 101 }).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      const fields = res.body.fieldErrors.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['colour', 'schoolNumber', 'wlanCoveragePercent']);
    });

    it.each([
      ['coordinator', 'coordinatorA1', 403],
      ['viewer', 'viewerA', 403],
      ['admin', 'admin', 403],
    ] as const)('refuses the %s role', async (_role, user, status) => {
      await t.http().post('/api/v1/schools').set('Authorization', w[user].auth).send({ ...valid, schoolNumber: '199999' }).expect(status);
    });

    it('needs a login', async () => {
      const res = await t.http().post('/api/v1/schools').send(valid).expect(401);
      expect(res.body.error).toBe('UNAUTHORIZED');
    });
  });

  describe('GET /api/v1/schools', () => {
    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((s) => s.name);

    it('shows the office every school of its authority and none of another', async () => {
      const res = await t.http().get('/api/v1/schools?limit=200').set('Authorization', w.officeA.auth).expect(200);
      expect(names(res)).toEqual(expect.arrayContaining(['A1 Gymnasium', 'A2 Grundschule']));
      expect(names(res)).not.toContain('B1 Realschule');
    });

    it('shows a coordinator only the assigned schools', async () => {
      const res = await t.http().get('/api/v1/schools').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(names(res)).toEqual(['A1 Gymnasium']);
    });

    it('pages with a cursor and filters by type and text', async () => {
      const first = await t.http().get('/api/v1/schools?limit=1').set('Authorization', w.viewerA.auth).expect(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t.http().get(`/api/v1/schools?limit=1&cursor=${first.body.nextCursor}`).set('Authorization', w.viewerA.auth).expect(200);
      expect(second.body.items[0].name > first.body.items[0].name).toBe(true);
      const typed = await t.http().get('/api/v1/schools?schoolType=grundschule').set('Authorization', w.officeA.auth).expect(200);
      expect(names(typed)).toEqual(['A2 Grundschule']);
      const text = await t.http().get('/api/v1/schools?q=gymn').set('Authorization', w.officeA.auth).expect(200);
      expect(names(text)).toEqual(['A1 Gymnasium']);
    });

    it('rejects a page size over the cap and a malformed cursor', async () => {
      // A city's schools fit one page (the pickers load them at once); the cap is 1,000.
      await t.http().get('/api/v1/schools?limit=1000').set('Authorization', w.officeA.auth).expect(200);
      const big = await t.http().get('/api/v1/schools?limit=1001').set('Authorization', w.officeA.auth).expect(400);
      expect(big.body.fieldErrors[0].field).toBe('limit');
      const bad = await t.http().get('/api/v1/schools?cursor=nonsense').set('Authorization', w.officeA.auth).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('cursor');
    });
  });

  describe('GET /api/v1/schools/names', () => {
    it('gives the office the id and name of every school of its authority, in the list order, and nothing else', async () => {
      const full = await t.http().get('/api/v1/schools?limit=1000').set('Authorization', w.officeA.auth).expect(200);
      const res = await t.http().get('/api/v1/schools/names').set('Authorization', w.officeA.auth).expect(200);
      expect(res.body.items).toEqual(full.body.items.map((s: { id: string; name: string }) => ({ id: s.id, name: s.name })));
      expect(res.body.items.map((s: { name: string }) => s.name)).not.toContain('B1 Realschule');
      expect(res.body.nextCursor).toBeNull();
    });

    it('gives a coordinator only the assigned schools and refuses the platform admin and a visitor', async () => {
      const res = await t.http().get('/api/v1/schools/names').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(res.body.items).toEqual([{ id: w.schoolA1, name: 'A1 Gymnasium' }]);
      await t.http().get('/api/v1/schools/names').set('Authorization', w.admin.auth).expect(403);
      await t.http().get('/api/v1/schools/names').expect(401);
    });

    it('pages with the cursor and rejects a page size over 5,000 and a malformed cursor, naming the field', async () => {
      const first = await t.http().get('/api/v1/schools/names?limit=1').set('Authorization', w.viewerA.auth).expect(200);
      const second = await t.http().get(`/api/v1/schools/names?limit=1&cursor=${first.body.nextCursor}`).set('Authorization', w.viewerA.auth).expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].name > first.body.items[0].name).toBe(true);
      const big = await t.http().get('/api/v1/schools/names?limit=5001').set('Authorization', w.viewerA.auth).expect(400);
      expect(big.body.fieldErrors[0].field).toBe('limit');
      const bad = await t.http().get('/api/v1/schools/names?cursor=nonsense').set('Authorization', w.viewerA.auth).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('cursor');
    });
  });

  describe('GET /api/v1/schools/:id', () => {
    it('returns an own school', async () => {
      const res = await t.http().get(`/api/v1/schools/${w.schoolA1}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(res.body.name).toBe('A1 Gymnasium');
    });

    it("answers 404 for a coordinator asking for another school of the same city", async () => {
      const res = await t.http().get(`/api/v1/schools/${w.schoolA2}`).set('Authorization', w.coordinatorA1.auth).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    });

    it("answers 404 for an office user asking for another city's school", async () => {
      await t.http().get(`/api/v1/schools/${w.schoolB1}`).set('Authorization', w.officeA.auth).expect(404);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const res = await t.http().get('/api/v1/schools/123').set('Authorization', w.officeA.auth).expect(400);
      expect(res.body.fieldErrors).toEqual([{ field: 'id', code: 'isUuid', messages: ['id must be a UUID'] }]);
    });
  });

  describe('PATCH /api/v1/schools/:id', () => {
    it('lets a coordinator update the figures of an own school, with before and after in the audit log', async () => {
      const res = await t.http().patch(`/api/v1/schools/${w.schoolA1}`).set('Authorization', w.coordinatorA1.auth).send({ studentCount: 812, wlanCoveragePercent: 95 }).expect(200);
      expect(res.body).toMatchObject({ studentCount: 812, wlanCoveragePercent: 95, version: 2 });
      const [entry] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'school.updated'`, [w.schoolA1]);
      expect(entry.changes.fields).toEqual({ studentCount: { before: 500, after: 812 }, wlanCoveragePercent: { before: 80, after: 95 } });
    });

    it("refuses a coordinator's change of the official school number", async () => {
      await t.http().patch(`/api/v1/schools/${w.schoolA1}`).set('Authorization', w.coordinatorA1.auth).send({ schoolNumber: '111111' }).expect(403);
    });

    it('answers 404 for schools outside the scope', async () => {
      await t.http().patch(`/api/v1/schools/${w.schoolA2}`).set('Authorization', w.coordinatorA1.auth).send({ studentCount: 1 }).expect(404);
      await t.http().patch(`/api/v1/schools/${w.schoolB1}`).set('Authorization', w.officeA.auth).send({ studentCount: 1 }).expect(404);
      const [row] = await t.dataSource.query(`SELECT student_count FROM schools WHERE id = $1`, [w.schoolB1]);
      expect(row.student_count).toBe(500);
    });

    it('refuses a stale version with 409', async () => {
      const res = await t.http().patch(`/api/v1/schools/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ classCount: 9, version: 99 }).expect(409);
      expect(res.body).toMatchObject({ error: 'STALE_VERSION', details: { currentVersion: 1 } });
    });

    it('lets the viewer only read', async () => {
      await t.http().patch(`/api/v1/schools/${w.schoolA1}`).set('Authorization', w.viewerA.auth).send({ studentCount: 1 }).expect(403);
    });
  });

  describe('DELETE /api/v1/schools/:id', () => {
    it("answers 404 for another city's school and deletes an own empty one", async () => {
      const created = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ ...valid, schoolNumber: '188888' }).expect(201);
      await t.http().delete(`/api/v1/schools/${created.body.id}`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().delete(`/api/v1/schools/${created.body.id}`).set('Authorization', w.officeA.auth).expect(204);
      await t.http().get(`/api/v1/schools/${created.body.id}`).set('Authorization', w.officeA.auth).expect(404);
    });
  });
});
