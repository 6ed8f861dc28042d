import { hashPassword } from '../src/auth/passwords';
import { createAuthority, createUser } from './factories';
import { createTestApp, TestApp } from './harness';

/** The web app's session: the login's HttpOnly cookie, the CSRF header for cookie writes, logout; and `/` serving the app. */
describe('Web session cookie and the web app at /', () => {
  let t: TestApp;
  let proxied: TestApp;
  const password = 'correct-horse-battery';
  let email: string;

  beforeAll(async () => {
    t = await createTestApp({ ACCESSIBILITY_CONTACT_EMAIL: 'barrierefrei@musterstadt.example', ACCESSIBILITY_CONTACT_NAME: 'IT-Service Musterstadt' });
    proxied = await createTestApp({ TRUST_PROXY: 'true' });
    const authorityId = await createAuthority(t.dataSource);
    const user = await createUser(t, { role: 'office', authorityId });
    await t.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, await hashPassword(password)]);
    [{ email }] = await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  async function loginCookie(app = t) {
    let login = email;
    if (app !== t) {
      const authorityId = await createAuthority(app.dataSource);
      const user = await createUser(app, { role: 'viewer', authorityId });
      await app.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, await hashPassword(password)]);
      [{ email: login }] = await app.dataSource.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
    }
    const res = await app.http().post('/api/v1/auth/login').set('X-Forwarded-Proto', 'https').send({ email: login, password }).expect(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookie).toHaveLength(1);
    return { header: setCookie[0], cookie: setCookie[0].split(';')[0], body: res.body };
  }

  it('login sets the session as an HttpOnly, SameSite=Strict cookie on /api, not Secure over plain http', async () => {
    const { header, cookie, body } = await loginCookie();
    expect(cookie).toBe(`inventar_session=${body.accessToken}`);
    const attributes = header.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api', `max-age=${8 * 3600}`]));
    expect(attributes).not.toContain('secure');
  });

  it('the cookie is Secure when the request came over https through a trusted proxy', async () => {
    const { header } = await loginCookie(proxied);
    expect(header.split(';').map((a) => a.trim().toLowerCase())).toContain('secure');
  });

  it('reads with the cookie work; cookie writes without X-Requested-With are refused with 403, with it they pass the guard', async () => {
    const { cookie } = await loginCookie();
    const me = await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.email).toBe(email);
    const refused = await t.http().post('/api/v1/auth/password').set('Cookie', cookie).send({ currentPassword: 'wrong-password', newPassword: 'a-new-password-123' }).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN', message: expect.stringContaining('X-Requested-With') });
    // With the header the request reaches the service, which checks the current password.
    const checked = await t.http().post('/api/v1/auth/password').set('Cookie', cookie).set('X-Requested-With', 'fetch')
      .send({ currentPassword: 'wrong-password', newPassword: 'a-new-password-123' }).expect(400);
    expect(checked.body.fieldErrors[0].field).toBe('currentPassword');
    const [{ password_hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE lower(email) = lower($1)`, [email]);
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('a bearer token needs no custom header for writes (scripts keep working), and wins over a cookie', async () => {
    const { body } = await loginCookie();
    await t.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${body.accessToken}`)
      .send({ currentPassword: 'wrong-password', newPassword: 'a-new-password-123' }).expect(400);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${body.accessToken}`).set('Cookie', 'inventar_session=garbage').expect(200);
  });

  it('a forged or expired cookie answers 401', async () => {
    await t.http().get('/api/v1/auth/me').set('Cookie', 'inventar_session=not-a-jwt').expect(401);
    await t.http().get('/api/v1/auth/me').set('Cookie', 'other=1').expect(401);
  });

  it('logout (a cookie write, so with the header) clears the cookie, and the old cookie no longer works', async () => {
    const { cookie } = await loginCookie();
    await t.http().post('/api/v1/auth/logout').set('Cookie', cookie).expect(403);
    const res = await t.http().post('/api/v1/auth/logout').set('Cookie', cookie).set('X-Requested-With', 'fetch').expect(204);
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
    expect(header).toMatch(/^inventar_session=;/);
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(header.toLowerCase()).toContain('path=/api');
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
  });

  it('GET /api/v1/site gives the accessibility feedback contact without a login', async () => {
    const res = await t.http().get('/api/v1/site').expect(200);
    expect(res.body).toEqual({ accessibilityContactName: 'IT-Service Musterstadt', accessibilityContactEmail: 'barrierefrei@musterstadt.example', privacyUrl: null, imprintUrl: null });
  });

  it('serves the web app (an HTML page in German) at / and at its own routes; /api and /api/docs stay the API', async () => {
    for (const path of ['/', '/ausgabe', '/geraete/123']) {
      const res = await t.http().get(path).set('Accept', 'text/html').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<html lang="de"');
    }
    const unknownApi = await t.http().get('/api/v1/nothing-here').set('Accept', 'text/html').expect(404);
    expect(unknownApi.body).toMatchObject({ statusCode: 404 });
    const docs = await t.http().get('/api/docs/').expect(200);
    expect(docs.text).toContain('swagger');
    await t.http().post('/somewhere').expect(404);
  });
});
