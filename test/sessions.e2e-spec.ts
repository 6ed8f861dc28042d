import { hashPassword } from '../src/auth/passwords';
import { createAuthority, createUser } from './factories';
import { createTestApp, TestApp } from './harness';

// With the caller cache on (as in production), so that every ending is shown to take effect at once.
describe('Sessions end on password change, reset, deactivation, role change and logout', () => {
  let t: TestApp;
  let authorityId: string;
  let office: { auth: string };
  const password = 'Herbst-Laub-Regen-7';

  beforeAll(async () => {
    t = await createTestApp({ AUTH_CACHE_SECONDS: '60' });
    authorityId = await createAuthority(t.dataSource);
    office = await createUser(t, { role: 'office', authorityId });
  });
  afterAll(() => t.close());

  /** A user with a real password and two sessions (two logins, as on two devices), both checked to work and cached. */
  async function userWithSessions(role: 'viewer' | 'coordinator' = 'viewer') {
    const user = await createUser(t, { role, authorityId });
    await t.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, await hashPassword(password)]);
    const [{ email }] = await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const login = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
      sessions.push(`Bearer ${login.body.accessToken}`);
      await t.http().get('/api/v1/auth/me').set('Authorization', sessions[i]).expect(200);
    }
    return { id: user.id, email: email as string, sessions };
  }

  async function expectEnded(sessions: string[]) {
    for (const auth of sessions) await t.http().get('/api/v1/auth/me').set('Authorization', auth).expect(401);
  }

  it('a token carries the token version; a new user starts at 0', async () => {
    const user = await userWithSessions();
    const payload = JSON.parse(Buffer.from(user.sessions[0].split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ sub: user.id, ver: 0 });
  });

  it('changing the own password ends every session of the user, the new password logs in', async () => {
    const user = await userWithSessions();
    await t.http().post('/api/v1/auth/password').set('Authorization', user.sessions[0]).send({ currentPassword: password, newPassword: 'Winter-Eis-Schnee-9' }).expect(204);
    await expectEnded(user.sessions);
    const login = await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'Winter-Eis-Schnee-9' }).expect(200);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    const [{ token_version }] = await t.dataSource.query(`SELECT token_version FROM users WHERE id = $1`, [user.id]);
    expect(token_version).toBe(1);
  });

  it('a password reset by the office ends every session', async () => {
    const user = await userWithSessions();
    await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', office.auth).send({ password: 'Fluss-Brücke-Turm-4' }).expect(200);
    await expectEnded(user.sessions);
  });

  it('deactivation ends every session, and reactivation does not bring them back', async () => {
    const user = await userWithSessions();
    await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', office.auth).send({ active: false }).expect(200);
    await expectEnded(user.sessions);
    await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', office.auth).send({ active: true }).expect(200);
    await expectEnded(user.sessions);
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password }).expect(200);
  });

  it('a role change ends every session; a change of the name does not', async () => {
    const user = await userWithSessions();
    await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', office.auth).send({ displayName: 'Umbenannt' }).expect(200);
    await t.http().get('/api/v1/auth/me').set('Authorization', user.sessions[0]).expect(200);
    await t.http().patch(`/api/v1/users/${user.id}`).set('Authorization', office.auth).send({ role: 'coordinator' }).expect(200);
    await expectEnded(user.sessions);
  });

  it('logout ends the session for real (and the other sessions of the user)', async () => {
    const user = await userWithSessions();
    await t.http().post('/api/v1/auth/logout').set('Authorization', user.sessions[0]).expect(204);
    await expectEnded(user.sessions);
    await t.http().post('/api/v1/auth/logout').expect(401);
  });
});
