import { createAuthority, type World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('The platform admin starts an authority and stays out of its school data', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  let n = 0;
  const user = (role: string, authorityId: string, over: Record<string, unknown> = {}) => ({
    email: `admin-made-${++n}-${Math.random().toString(36).slice(2, 8)}@stadt.example`,
    displayName: 'Neue Person',
    role,
    password: 'Kastanie-Fähre-Lupe-3',
    authorityId,
    ...over,
  });
  const usersOf = async (authorityId: string) =>
    (await t.dataSource.query(`SELECT role FROM users WHERE authority_id = $1 ORDER BY role`, [authorityId])).map((r: { role: string }) => r.role);

  it("creates only an authority's first office users: no coordinator or viewer, no office user once the office has logged in", async () => {
    const fresh = await createAuthority(t.dataSource);
    await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('coordinator', fresh)).expect(403);
    await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('viewer', fresh)).expect(403);
    expect(await usersOf(fresh)).toEqual([]);
    const first = await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('office', fresh)).expect(201);
    await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('office', fresh)).expect(201);
    // Once an office user has logged in, the office has taken over: no further users by the admin,
    // not even after the admin deactivated the office (that would be a way in).
    await t.dataSource.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [first.body.id]);
    const third = await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('office', fresh)).expect(403);
    expect(third.body.error).toBe('FORBIDDEN');
    await t.http().patch(`/api/v1/users/${first.body.id}`).set('Authorization', w.admin.auth).send({ active: false }).expect(200);
    await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('office', fresh)).expect(403);
    expect(await usersOf(fresh)).toEqual(['office', 'office']);
    // An unknown authority is a 404, not a user without a home.
    await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('office', '00000000-0000-4000-8000-000000000000')).expect(404);
  });

  it('cannot make itself a way into school data: no coordinator with all schools, no school assignment, no reset, no role change', async () => {
    const allSchools = [w.schoolA1, w.schoolA2];
    const coordinator = user('coordinator', w.authorityA, { schoolIds: allSchools });
    await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(coordinator).expect(403);
    expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [coordinator.email])).toEqual([]);
    await t.http().put(`/api/v1/users/${w.coordinatorA1.id}/schools`).set('Authorization', w.admin.auth).send({ schoolIds: allSchools }).expect(403);
    await t.http().patch(`/api/v1/users/${w.officeA.id}`).set('Authorization', w.admin.auth).send({ password: 'Kastanie-Fähre-Lupe-3' }).expect(403);
    await t.http().patch(`/api/v1/users/${w.coordinatorA1.id}`).set('Authorization', w.admin.auth).send({ password: 'Kastanie-Fähre-Lupe-3' }).expect(403);
    await t.http().patch(`/api/v1/users/${w.viewerA.id}`).set('Authorization', w.admin.auth).send({ role: 'coordinator' }).expect(403);
    await t.http().patch(`/api/v1/users/${w.viewerA.id}`).set('Authorization', w.admin.auth).send({ active: false }).expect(403);
    const [{ schools }] = await t.dataSource.query(`SELECT count(*)::int AS schools FROM user_schools WHERE user_id = $1`, [w.coordinatorA1.id]);
    expect(schools).toBe(1);
    const [viewer] = await t.dataSource.query(`SELECT role, active, token_version FROM users WHERE id = $1`, [w.viewerA.id]);
    expect(viewer).toEqual({ role: 'viewer', active: true, token_version: 0 });
    for (const path of ['/api/v1/schools', '/api/v1/loans', '/api/v1/devices', `/api/v1/schools/${w.schoolA1}`]) {
      await t.http().get(path).set('Authorization', w.admin.auth).expect(403);
    }
  });

  it("everything the admin does in an authority is in that office's audit log, and only there", async () => {
    const created = await t.http().post('/api/v1/authorities').set('Authorization', w.admin.auth).send({ name: 'Stadt Auditdorf', slug: `auditdorf-${n}`, state: 'NW' }).expect(201);
    const authorityId = created.body.id;
    const office = await t.http().post('/api/v1/users').set('Authorization', w.admin.auth).send(user('office', authorityId)).expect(201);
    await t.http().patch(`/api/v1/authorities/${authorityId}`).set('Authorization', w.admin.auth).send({ name: 'Stadt Auditdorf am See' }).expect(200);
    const colleague = await t.http().post('/api/v1/users').set('Authorization', `Bearer ${t.tokenFor(office.body.id)}`).send(user('office', authorityId)).expect(201);
    await t.http().patch(`/api/v1/users/${colleague.body.id}`).set('Authorization', w.admin.auth).send({ active: false }).expect(200);

    const log = await t.http().get('/api/v1/audit').set('Authorization', `Bearer ${t.tokenFor(office.body.id)}`).expect(200);
    const byAdmin = log.body.items.filter((e: { actorId: string }) => e.actorId === w.admin.id).map((e: { action: string; entityId: string }) => [e.action, e.entityId]);
    expect(byAdmin).toEqual([
      ['user.updated', colleague.body.id],
      ['authority.updated', authorityId],
      ['user.created', office.body.id],
      ['authority.created', authorityId],
    ]);
    const other = await t.http().get('/api/v1/audit').set('Authorization', w.officeA.auth).expect(200);
    expect(other.body.items.filter((e: { entityId: string }) => [authorityId, office.body.id].includes(e.entityId))).toEqual([]);
  });
});
