import { hashPassword } from '../src/auth/passwords';
import { createAuthority, createUser } from './factories';
import { createTestApp, TEST_ADMIN, TestApp } from './harness';

describe('Authentication', () => {
  let t: TestApp;
  let authorityId: string;
  const password = 'correct-horse-battery';

  beforeAll(async () => {
    t = await createTestApp();
    authorityId = await createAuthority(t.dataSource);
  });
  afterAll(() => t.close());

  async function userWithPassword(role: 'office' | 'viewer', active = true) {
    const user = await createUser(t, { role, authorityId });
    await t.dataSource.query(`UPDATE users SET password_hash = $2, active = $3 WHERE id = $1`, [user.id, await hashPassword(password), active]);
    const [{ email }] = await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
    return { ...user, email: email as string };
  }

  it('created the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, with an argon2id hash', async () => {
    const [admin] = await t.dataSource.query(`SELECT role, authority_id, password_hash FROM users WHERE email = $1`, [TEST_ADMIN.email]);
    expect(admin.role).toBe('admin');
    expect(admin.authority_id).toBeNull();
    expect(admin.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('logs in with email (any case) and password and returns a bearer token that works for /auth/me', async () => {
    const user = await userWithPassword('office');
    const login = await t.http().post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password }).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600, accessToken: expect.any(String) });
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toEqual({ id: user.id, email: user.email, displayName: 'Test office', role: 'office', authorityId, schoolIds: [] });
    expect(JSON.stringify(me.body)).not.toMatch(/password/i);
    const [{ last_login_at }] = await t.dataSource.query(`SELECT last_login_at FROM users WHERE id = $1`, [user.id]);
    expect(last_login_at).not.toBeNull();
  });

  it('answers 401 with the same message for a wrong password, an unknown email and a deactivated user', async () => {
    const user = await userWithPassword('viewer');
    const inactive = await userWithPassword('viewer', false);
    for (const body of [
      { email: user.email, password: 'wrong-password' },
      { email: 'nobody@test.example', password },
      { email: inactive.email, password },
    ]) {
      const res = await t.http().post('/api/v1/auth/login').send(body).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED', message: 'Email or password is wrong' });
    }
  });

  it('rejects tokens that are missing, malformed, signed with another secret, or belong to a deactivated user', async () => {
    const user = await userWithPassword('viewer');
    await t.http().get('/api/v1/auth/me').expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', 'Basic abc').expect(401);
    const forged = user.token.slice(0, user.token.lastIndexOf('.') + 1) + 'AAAA';
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', user.auth).expect(200);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    await t.http().get('/api/v1/auth/me').set('Authorization', user.auth).expect(401);
  });

  it('changes the own password only with the current one', async () => {
    const user = await userWithPassword('office');
    const wrong = await t.http().post('/api/v1/auth/password').set('Authorization', user.auth).send({ currentPassword: 'nope', newPassword: 'a-new-password-42' }).expect(400);
    expect(wrong.body.fieldErrors[0].field).toBe('currentPassword');
    await t.http().post('/api/v1/auth/password').set('Authorization', user.auth).send({ currentPassword: password, newPassword: 'a-new-password-42' }).expect(204);
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'a-new-password-42' }).expect(200);
    const [entry] = await t.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1`, [user.id]);
    expect(entry).toEqual({ action: 'user.password_changed', changes: null });
  });

  it('validates the login body', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'password']);
  });
});

describe('Login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('answers 429 after LOGIN_RATE_LIMIT attempts per window', async () => {
    for (let i = 0; i < 3; i++) await t.http().post('/api/v1/auth/login').send({ email: 'x@test.example', password: 'guess' }).expect(401);
    const res = await t.http().post('/api/v1/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
    // Other routes are not limited by it.
    await t.http().get('/api/health').expect(200);
  });
});

describe('Caller cache (AUTH_CACHE_SECONDS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_CACHE_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('reuses the caller between requests, but a change through the API takes effect at once', async () => {
    const authorityId = await createAuthority(t.dataSource);
    const office = await createUser(t, { role: 'office', authorityId });
    const viewer = await createUser(t, { role: 'viewer', authorityId });
    await t.http().get('/api/v1/auth/me').set('Authorization', viewer.auth).expect(200);
    // A change behind the API's back is seen only when the entry expires...
    await t.dataSource.query(`UPDATE users SET role = 'office' WHERE id = $1`, [viewer.id]);
    const cached = await t.http().get('/api/v1/auth/me').set('Authorization', viewer.auth).expect(200);
    expect(cached.body.role).toBe('viewer');
    await t.dataSource.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [viewer.id]);
    // ...while deactivation through the API ends access on the next request.
    await t.http().patch(`/api/v1/users/${viewer.id}`).set('Authorization', office.auth).send({ active: false }).expect(200);
    await t.http().get('/api/v1/auth/me').set('Authorization', viewer.auth).expect(401);
  });
});
