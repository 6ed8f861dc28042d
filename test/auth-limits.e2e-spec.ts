import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { hashPassword } from '../src/auth/passwords';
import { createAuthority, createUser } from './factories';
import { createTestApp, TestApp } from './harness';
import { freePort } from './support/net';

const login = (t: TestApp, email: string, password: string, ip: string) =>
  t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

async function userWithPassword(t: TestApp, password: string, role: 'office' | 'viewer' = 'viewer') {
  const user = await createUser(t, { role, authorityId: await createAuthority(t.dataSource) });
  await t.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, await hashPassword(password)]);
  const [{ email }] = await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
  return { ...user, email: email as string };
}

function expectRetryAfter(res: { status: number; headers: Record<string, string>; body: { error: string } }, windowSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body.error).toBe('TOO_MANY_REQUESTS');
  const seconds = Number(res.headers['retry-after']);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= windowSeconds).toBe(true);
  expect(Object.keys(res.headers).filter((h) => h.startsWith('retry-after-'))).toEqual([]);
}

describe('Login and password-change limits (in memory)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '4', LOGIN_ACCOUNT_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('limits the attempts per account, whatever client IP they come from', async () => {
    const user = await userWithPassword(t, 'Herbst-Laub-Regen-7');
    for (let i = 1; i <= 3; i++) await login(t, user.email, 'falsch-geraten', `10.1.0.${i}`).expect(401);
    // A fresh IP, even the right password: the account's budget is used up.
    expectRetryAfter(await login(t, user.email.toUpperCase(), 'Herbst-Laub-Regen-7', '10.1.0.9'), 60);
    // Another account from one of those IPs is not affected.
    await login(t, 'someone-else@test.example', 'falsch-geraten', '10.1.0.1').expect(401);
  });

  it('limits the attempts per client IP, with a standard Retry-After header', async () => {
    for (let i = 1; i <= 4; i++) await login(t, `nobody-${i}@test.example`, 'falsch-geraten', '10.2.0.1').expect(401);
    expectRetryAfter(await login(t, 'nobody-5@test.example', 'falsch-geraten', '10.2.0.1'), 60);
    await login(t, 'nobody-5@test.example', 'falsch-geraten', '10.2.0.2').expect(401);
  });

  it('limits POST /auth/password per user', async () => {
    const user = await userWithPassword(t, 'Herbst-Laub-Regen-7');
    const change = (currentPassword: string) =>
      t.http().post('/api/v1/auth/password').set('Authorization', user.auth).send({ currentPassword, newPassword: 'Winter-Eis-Schnee-9' });
    for (let i = 0; i < 3; i++) await change('falsch-geraten').expect(400);
    expectRetryAfter(await change('Herbst-Laub-Regen-7'), 60);
    const [row] = await t.dataSource.query(`SELECT token_version FROM users WHERE id = $1`, [user.id]);
    expect(row.token_version).toBe(0);
  });
});

describe('With REDIS_URL: limits and caller-cache invalidation shared by two API instances', () => {
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix, TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '100', LOGIN_ACCOUNT_RATE_LIMIT: '3', AUTH_CACHE_SECONDS: '60' };
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    a = await createTestApp(env);
    // The second instance on the same database, as a second replica would be.
    b = await createTestApp({ ...env, DATABASE_URL: a.config.DATABASE_URL! });
    redis = new Redis('redis://127.0.0.1:6379');
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await b.close();
    await a.close();
  });

  it('counts the attempts on one account across both instances, in Redis', async () => {
    const user = await userWithPassword(a, 'Herbst-Laub-Regen-7');
    await login(a, user.email, 'falsch-geraten', '10.3.0.1').expect(401);
    await login(b, user.email, 'falsch-geraten', '10.3.0.2').expect(401);
    await login(a, user.email, 'falsch-geraten', '10.3.0.3').expect(401);
    expectRetryAfter(await login(b, user.email, 'Herbst-Laub-Regen-7', '10.3.0.4'), 60);
    expectRetryAfter(await login(a, user.email, 'Herbst-Laub-Regen-7', '10.3.0.5'), 60);
    expect(await redis.get(`${prefix}rl:account:email:${user.email}`)).toBe('5');
  });

  it('a deactivation through one instance ends the session on the other at once, despite its cache', async () => {
    const authorityId = await createAuthority(a.dataSource);
    const office = await createUser(a, { role: 'office', authorityId });
    const viewer = await createUser(a, { role: 'viewer', authorityId });
    await b.http().get('/api/v1/auth/me').set('Authorization', viewer.auth).expect(200);
    // Behind the API's back (no invalidation) instance b keeps its cached caller: the cache is on.
    await a.dataSource.query(`UPDATE users SET display_name = 'x', role = 'office' WHERE id = $1`, [viewer.id]);
    expect((await b.http().get('/api/v1/auth/me').set('Authorization', viewer.auth).expect(200)).body.role).toBe('viewer');
    await a.dataSource.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [viewer.id]);

    await a.http().patch(`/api/v1/users/${viewer.id}`).set('Authorization', office.auth).send({ active: false }).expect(200);
    // The invalidation travels through Redis pub/sub: wait for its delivery (not for a cache expiry, which is 60 s).
    let status = 200;
    for (let i = 0; i < 50 && status === 200; i++) {
      status = (await b.http().get('/api/v1/auth/me').set('Authorization', viewer.auth)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
  });
});

describe('With REDIS_URL but Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}`, TRUST_PROXY: 'true', LOGIN_ACCOUNT_RATE_LIMIT: '2', AUTH_CACHE_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('starts, limits in memory, and reads the caller on every request (no invalidation could reach it)', async () => {
    const user = await userWithPassword(t, 'Herbst-Laub-Regen-7');
    await login(t, user.email, 'falsch-geraten', '10.4.0.1').expect(401);
    await login(t, user.email, 'falsch-geraten', '10.4.0.2').expect(401);
    expectRetryAfter(await login(t, user.email, 'Herbst-Laub-Regen-7', '10.4.0.3'), 60);
    await t.http().get('/api/v1/auth/me').set('Authorization', user.auth).expect(200);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    await t.http().get('/api/v1/auth/me').set('Authorization', user.auth).expect(401);
  });
});
