import { createAuthority, type World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Users', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  const newUser = (over: Record<string, unknown> = {}) => ({
    email: `new-${Math.random().toString(36).slice(2)}@stadt-a.example`,
    displayName: 'Neue Kollegin',
    role: 'coordinator',
    password: 'a-long-enough-password',
    ...over,
  });

  it('lets the office create a coordinator for its schools, never returning the password', async () => {
    const res = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(newUser({ schoolIds: [w.schoolA2] })).expect(201);
    expect(res.body).toMatchObject({ role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA2], active: true });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    // the new coordinator sees exactly the assigned school
    const schools = await t.http().get('/api/v1/schools').set('Authorization', `Bearer ${t.tokenFor(res.body.id)}`).expect(200);
    expect(schools.body.items.map((s: { id: string }) => s.id)).toEqual([w.schoolA2]);
  });

  it("refuses to assign another city's school (400 on schoolIds) and writes nothing", async () => {
    const body = newUser({ schoolIds: [w.schoolB1] });
    const res = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(body).expect(400);
    expect(res.body.fieldErrors[0].field).toBe('schoolIds');
    const rows = await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [body.email]);
    expect(rows).toHaveLength(0);
  });

  it('refuses an office user creating an admin or a user in another authority', async () => {
    await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(newUser({ role: 'admin' })).expect(403);
    await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(newUser({ role: 'viewer', authorityId: w.authorityB })).expect(404);
  });

  it('refuses trivial and common passwords and ones with the email in them, naming the field, on create, reset and own change', async () => {
    for (const password of ['aaaaaaaaaaaa', 'password1234']) {
      const body = newUser({ role: 'viewer', password });
      const res = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(body).expect(400);
      expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['password']);
      expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).toEqual([]);
    }
    const withEmail = newUser({ role: 'viewer', email: 'hannah.vogel@stadt-a.example' });
    const own = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send({ ...withEmail, password: 'Hannah.Vogel-Sommer-77' }).expect(400);
    expect(own.body.fieldErrors[0].field).toBe('password');
    const created = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(withEmail).expect(201);
    const reset = await t.http().patch(`/api/v1/users/${created.body.id}`).set('Authorization', w.officeA.auth).send({ password: 'password1234' }).expect(400);
    expect(reset.body.fieldErrors[0].field).toBe('password');
    const [{ password_hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [created.body.id]);
    const change = await t.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${t.tokenFor(created.body.id)}`)
      .send({ currentPassword: withEmail.password, newPassword: 'aaaaaaaaaaaa' }).expect(400);
    expect(change.body.fieldErrors[0].field).toBe('newPassword');
    const [after] = await t.dataSource.query(`SELECT password_hash, token_version FROM users WHERE id = $1`, [created.body.id]);
    expect(after).toEqual({ password_hash, token_version: 0 });
  });

  it('answers 409 for a taken email (case-insensitive)', async () => {
    const body = newUser({ role: 'viewer' });
    await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(body).expect(201);
    const res = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send({ ...body, email: body.email.toUpperCase() }).expect(409);
    expect(res.body.fieldErrors).toEqual([{ field: 'email', code: 'taken', messages: ['A user with this email already exists'] }]);
  });

  it('lets the platform admin create the first office user of an authority', async () => {
    const fresh = await createAuthority(t.dataSource);
    const res = await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(newUser({ role: 'office', authorityId: fresh })).expect(201);
    expect(res.body.authorityId).toBe(fresh);
    const missing = await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(newUser({ role: 'office' })).expect(400);
    expect(missing.body.fieldErrors[0].field).toBe('authorityId');
  });

  it('lists only the own authority for office users', async () => {
    const res = await t.http().get('/api/v1/users?limit=200').set('Authorization', w.officeA.auth).expect(200);
    const authorities = new Set(res.body.items.map((u: { authorityId: string }) => u.authorityId));
    expect([...authorities]).toEqual([w.authorityA]);
    const coordinators = await t.http().get('/api/v1/users?role=coordinator').set('Authorization', w.officeA.auth).expect(200);
    expect(coordinators.body.items.every((u: { role: string }) => u.role === 'coordinator')).toBe(true);
  });

  it("answers 404 for another authority's user, on read and on write", async () => {
    await t.http().get(`/api/v1/users/${w.officeB.id}`).set('Authorization', w.officeA.auth).expect(404);
    await t.http().patch(`/api/v1/users/${w.officeB.id}`).set('Authorization', w.officeA.auth).send({ active: false }).expect(404);
    await t.http().put(`/api/v1/users/${w.coordinatorB1.id}/schools`).set('Authorization', w.officeA.auth).send({ schoolIds: [] }).expect(404);
    const [row] = await t.dataSource.query(`SELECT active FROM users WHERE id = $1`, [w.officeB.id]);
    expect(row.active).toBe(true);
  });

  it('is closed to coordinators and viewers', async () => {
    await t.http().get('/api/v1/users').set('Authorization', w.coordinatorA1.auth).expect(403);
    await t.http().get('/api/v1/users').set('Authorization', w.viewerA.auth).expect(403);
    await t.http().get('/api/v1/users').expect(401);
  });

  it("reassigns a coordinator's schools and deactivation takes effect at once", async () => {
    const created = await t.http().post('/api/v1/users').set('Authorization', w.officeA.auth).send(newUser({ schoolIds: [w.schoolA1] })).expect(201);
    const token = `Bearer ${t.tokenFor(created.body.id)}`;
    const res = await t.http().put(`/api/v1/users/${created.body.id}/schools`).set('Authorization', w.officeA.auth).send({ schoolIds: [w.schoolA2] }).expect(200);
    expect(res.body.schoolIds).toEqual([w.schoolA2]);
    await t.http().get(`/api/v1/schools/${w.schoolA1}`).set('Authorization', token).expect(404);
    await t.http().get(`/api/v1/schools/${w.schoolA2}`).set('Authorization', token).expect(200);
    await t.http().patch(`/api/v1/users/${created.body.id}`).set('Authorization', w.officeA.auth).send({ active: false }).expect(200);
    await t.http().get(`/api/v1/schools/${w.schoolA2}`).set('Authorization', token).expect(401);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.created', 'user.schools_assigned', 'user.updated']);
  });

  it('does not let users lock themselves out', async () => {
    const res = await t.http().patch(`/api/v1/users/${w.officeA.id}`).set('Authorization', w.officeA.auth).send({ active: false }).expect(400);
    expect(res.body.fieldErrors[0].field).toBe('active');
  });

  it('refuses school assignments for non-coordinators', async () => {
    const res = await t.http().put(`/api/v1/users/${w.viewerA.id}/schools`).set('Authorization', w.officeA.auth).send({ schoolIds: [w.schoolA1] }).expect(400);
    expect(res.body.fieldErrors[0].field).toBe('schoolIds');
  });
});

describe('Authorities', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  it('lets the platform admin register an authority; the slug is unique', async () => {
    const res = await t.http().post('/api/v1/authorities').set('Authorization', w.admin.auth).send({ name: 'Stadt Neuhausen', slug: 'neuhausen', state: 'BY' }).expect(201);
    expect(res.body).toMatchObject({ name: 'Stadt Neuhausen', slug: 'neuhausen', kind: 'city', state: 'BY', settings: {} });
    const dup = await t.http().post('/api/v1/authorities').set('Authorization', w.admin.auth).send({ name: 'Andere', slug: 'neuhausen' }).expect(409);
    expect(dup.body.fieldErrors[0].field).toBe('slug');
    const bad = await t.http().post('/api/v1/authorities').set('Authorization', w.admin.auth).send({ name: 'X Stadt', slug: 'Bad Slug', state: 'XX' }).expect(400);
    expect(bad.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['slug', 'state']);
  });

  it('shows every user their own authority only', async () => {
    const own = await t.http().get('/api/v1/authorities/current').set('Authorization', w.coordinatorA1.auth).expect(200);
    expect(own.body.id).toBe(w.authorityA);
    await t.http().get('/api/v1/authorities').set('Authorization', w.officeA.auth).expect(403);
    await t.http().get(`/api/v1/authorities/${w.authorityB}`).set('Authorization', w.officeA.auth).expect(403);
    await t.http().get('/api/v1/authorities/current').set('Authorization', w.admin.auth).expect(403);
    const all = await t.http().get('/api/v1/authorities').set('Authorization', w.admin.auth).expect(200);
    expect(all.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([w.authorityA, w.authorityB]));
  });

  it('keeps the platform admin out of the data of an authority', async () => {
    await t.http().get('/api/v1/schools').set('Authorization', w.admin.auth).expect(403);
    await t.http().get(`/api/v1/schools/${w.schoolA1}`).set('Authorization', w.admin.auth).expect(403);
  });
});
