import type { TestUser, World } from './factories';
import { allocate, createGrant, expenditureBody, grantBody, spend } from './grants-fixtures';
import { createTestWorld, type TestApp } from './harness';

/**
 * What a write request sends and what it leaves out: a field left out keeps its value, a null where none is allowed and
 * an element of the wrong shape are a 400 naming the field (never a 500 later, when the stored value is read), a body
 * must be JSON, ids count in either case. Found by probing the running API from outside.
 */
describe('Request bodies', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  const put = (path: string, user: TestUser, body: unknown) => t.http().put(`/api/v1${path}`).set('Authorization', user.auth).send(body as object);
  const patch = (path: string, user: TestUser, body: unknown) => t.http().patch(`/api/v1${path}`).set('Authorization', user.auth).send(body as object);
  const get = (path: string, user: TestUser) => t.http().get(`/api/v1${path}`).set('Authorization', user.auth);
  const fields = (res: { body: { fieldErrors?: { field: string }[] } }) => (res.body.fieldErrors ?? []).map((f) => f.field);

  describe('settings: a field left out keeps its value', () => {
    it('grant settings', async () => {
      const rule = { category: 'devices', maxSharePercent: 30, scope: 'grant' };
      await put('/grants/settings', w.officeA, { deadlineWarningDays: 89, categoryShareRules: [rule] }).expect(200);
      expect((await put('/grants/settings', w.officeA, { deadlineWarningDays: 70 }).expect(200)).body).toEqual({ deadlineWarningDays: 70, categoryShareRules: [rule] });
      expect((await put('/grants/settings', w.officeA, { categoryShareRules: [] }).expect(200)).body).toEqual({ deadlineWarningDays: 70, categoryShareRules: [] });
      expect((await put('/grants/settings', w.officeA, {}).expect(200)).body).toEqual({ deadlineWarningDays: 70, categoryShareRules: [] });
    });

    it('licence settings', async () => {
      await patch('/licences/settings', w.officeA, { deadlineWarningDays: 45, lowUsePercent: 20 }).expect(200);
      const res = await patch('/licences/settings', w.officeA, { lowUseAfterMonths: 6 }).expect(200);
      expect(res.body).toMatchObject({ deadlineWarningDays: 45, lowUsePercent: 20, lowUseAfterMonths: 6 });
      expect((await get('/licences/settings', w.officeA).expect(200)).body).toMatchObject({ deadlineWarningDays: 45, lowUsePercent: 20, lowUseAfterMonths: 6 });
    });

    it("an authority's name alone (admin): kind and state stay; a null state clears it", async () => {
      await patch(`/authorities/${w.authorityB}`, w.admin, { kind: 'district', state: 'BY' }).expect(200);
      const renamed = await patch(`/authorities/${w.authorityB}`, w.admin, { name: 'Kreis B (umbenannt)' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Kreis B (umbenannt)', kind: 'district', state: 'BY' });
      expect((await patch(`/authorities/${w.authorityB}`, w.admin, { state: null }).expect(200)).body).toMatchObject({ name: 'Kreis B (umbenannt)', state: null });
      const refused = await patch(`/authorities/${w.authorityB}`, w.admin, { name: null }).expect(400);
      expect(fields(refused)).toEqual(['name']);
    });
  });

  describe('null and wrong shapes: a 400 naming the field, nothing stored', () => {
    it('a nested array as a category-share rule, a string as the warning window; the summary still answers', async () => {
      const before = (await get('/grants/settings', w.officeA).expect(200)).body;
      for (const [body, field] of [
        [{ categoryShareRules: [[]] }, 'categoryShareRules'],
        [{ categoryShareRules: [null] }, 'categoryShareRules'],
        [{ categoryShareRules: null }, 'categoryShareRules'],
        [{ deadlineWarningDays: '12' }, 'deadlineWarningDays'],
        [{ deadlineWarningDays: [1] }, 'deadlineWarningDays'],
        [{ deadlineWarningDays: null }, 'deadlineWarningDays'],
      ] as const) {
        const res = await put('/grants/settings', w.officeA, body).expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        expect(fields(res)[0]).toBe(field);
      }
      expect((await get('/grants/settings', w.officeA).expect(200)).body).toEqual(before);
      // A section stored before the validation caught nested arrays: the summary skips the broken rule.
      const grant = await createGrant(t, w.officeA);
      await t.dataSource.query(`UPDATE authorities SET settings = jsonb_set(coalesce(settings, '{}'), '{grants}', '{"categoryShareRules": [[]]}') WHERE id = $1`, [w.authorityA]);
      await get(`/grants/${grant.id}/summary`, w.officeA).expect(200);
      await put('/grants/settings', w.officeA, { categoryShareRules: [] }).expect(200);
    });

    it('loan settings: null clauses, retention or due day are refused, not reset', async () => {
      await put('/loans/settings', w.officeA, { retentionDays: 400, defaultDueMonthDay: '07-15' }).expect(200);
      for (const field of ['agreementClauses', 'retentionDays', 'defaultDueMonthDay']) {
        const res = await put('/loans/settings', w.officeA, { [field]: null }).expect(400);
        expect(fields(res)).toEqual([field]);
      }
      expect(fields(await put('/loans/settings', w.officeA, { agreementClauses: [['Titel', 'Text']] }).expect(400))[0]).toBe('agreementClauses');
      expect((await get('/loans/settings', w.officeA).expect(200)).body).toMatchObject({ retentionDays: 400, defaultDueMonthDay: '07-15' });
    });

    it('a school: null for a count or a required field is a field error; null clears what may be empty', async () => {
      const created = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ name: 'Null-Schule', schoolNumber: '990011', schoolType: 'grundschule', studentCount: null }).expect(400);
      expect(fields(created)).toEqual(['studentCount']);
      const school = (await get(`/schools/${w.schoolA2}`, w.officeA).expect(200)).body;
      for (const field of ['name', 'schoolNumber', 'teacherCount', 'hasFibre']) {
        expect(fields(await patch(`/schools/${w.schoolA2}`, w.officeA, { [field]: null }).expect(400))).toEqual([field]);
      }
      const cleared = await patch(`/schools/${w.schoolA2}`, w.officeA, { broadbandMbps: null, version: school.version }).expect(200);
      expect(cleared.body).toMatchObject({ name: school.name, broadbandMbps: null });
      // A save without a change writes nothing, and logs nothing.
      const logged = async () => Number((await t.dataSource.query(`SELECT count(*) FROM audit_log WHERE entity_id = $1 AND action = 'school.updated'`, [w.schoolA2]))[0].count);
      const entries = await logged();
      await patch(`/schools/${w.schoolA2}`, w.officeA, {}).expect(200);
      await patch(`/schools/${w.schoolA2}`, w.officeA, { broadbandMbps: null }).expect(200);
      expect(await logged()).toBe(entries);
    });

    it('an expenditure: null for its school or category is a field error, not a budget conflict', async () => {
      const grant = await createGrant(t, w.officeA);
      await allocate(t, w.officeA, grant.id, w.schoolA1, 1_000_000);
      const e = await spend(t, w.officeA, grant.id, w.schoolA1);
      for (const field of ['schoolId', 'category', 'grossCents']) {
        expect(fields(await patch(`/grants/${grant.id}/expenditures/${e.id}`, w.officeA, { [field]: null, version: e.version }).expect(400))).toEqual([field]);
      }
    });
  });

  it('a grant title of spaces only is empty', async () => {
    const res = await t.http().post('/api/v1/grants').set('Authorization', w.officeA.auth).send(grantBody({ title: '   ' })).expect(400);
    expect(fields(res)).toEqual(['title']);
    expect((await t.http().post('/api/v1/grants').set('Authorization', w.officeA.auth).send(grantBody({ title: '  Basis 2026  ' })).expect(201)).body.title).toBe('Basis 2026');
  });

  it('an expenditure: the invoice not before the order, the payment not before the invoice', async () => {
    const grant = await createGrant(t, w.officeA);
    await allocate(t, w.officeA, grant.id, w.schoolA1, 1_000_000);
    const post = (o: Record<string, unknown>) => t.http().post(`/api/v1/grants/${grant.id}/expenditures`).set('Authorization', w.officeA.auth).send(expenditureBody(w.schoolA1, o));
    const early = await post({ orderDate: '2021-06-01', invoiceDate: '2021-05-01', paidOn: '2021-06-02' }).expect(400);
    expect(early.body.fieldErrors).toEqual([expect.objectContaining({ field: 'invoiceDate', code: 'notBefore' })]);
    const unpaid = await post({ orderDate: '2021-03-01', invoiceDate: '2021-05-01', paidOn: '2021-04-01' }).expect(400);
    expect(unpaid.body.fieldErrors).toEqual([expect.objectContaining({ field: 'paidOn', code: 'notBefore' })]);
    await post({ orderDate: '2021-03-01', invoiceDate: '2021-03-01', paidOn: '2021-03-01' }).expect(201);
  });

  it('a body that is not JSON is a 415, and nothing changes', async () => {
    await put('/grants/settings', w.officeA, { deadlineWarningDays: 33 }).expect(200);
    const res = await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeA.auth).set('Content-Type', 'text/plain').send('{"deadlineWarningDays":77}').expect(415);
    expect(res.body).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', reason: 'BODY_NOT_JSON' });
    await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).type('form').send('name=Formular-Schule').expect(415);
    expect((await get('/grants/settings', w.officeA).expect(200)).body.deadlineWarningDays).toBe(33);
    // Without a body (a withdrawal, a logout) the media type does not matter.
    await t.http().post('/api/v1/auth/logout').set('Authorization', w.viewerA.auth).set('Content-Type', 'text/plain').expect(204);
  });

  it('ids in upper case are the same ids: in the path, in a body and in a list', async () => {
    const grant = await createGrant(t, w.officeA);
    const res = await put(`/grants/${grant.id.toUpperCase()}/allocations/${w.schoolA2.toUpperCase()}`, w.officeA, { amountCents: 5_000 }).expect(200);
    expect(res.body).toMatchObject({ schoolId: w.schoolA2, amountCents: 5_000 });
    const coordinator = (await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send({ email: 'upper@a.example', displayName: 'Groß', role: 'coordinator', password: 'Lange-Passphrase-mit-Zahl-42' }).expect(201)).body;
    const assigned = await put(`/users/${coordinator.id}/schools`, w.officeA, { schoolIds: [w.schoolA1.toUpperCase()] }).expect(200);
    expect(assigned.body.schoolIds).toEqual([w.schoolA1]);
  });

  it("an office user's own password only with the current one (POST /auth/password), not through the user list", async () => {
    const res = await patch(`/users/${w.officeA.id}`, w.officeA, { password: 'Neues-Passwort-Kiesel-99' }).expect(400);
    expect(res.body.fieldErrors).toEqual([expect.objectContaining({ field: 'password', code: 'ownPassword' })]);
    await get('/auth/me', w.officeA).expect(200);
  });
});
