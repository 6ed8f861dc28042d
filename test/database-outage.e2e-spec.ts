import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../src/database/migrate';
import { createTestApp, TEST_ADMIN, TestApp } from './harness';
import { freePort } from './support/net';
import { startTestPostgres, TestPostgres } from './support/pg-server';
import { childrenOf, until } from './support/processes';

/**
 * The database stopped, and frozen (SIGSTOP): requests fail fast with 503 DATABASE_UNAVAILABLE and Retry-After,
 * health says what failed, and the API recovers by itself once the database is back. On a PostgreSQL server of
 * this test's own, so stopping it touches no other test.
 */
describe('When the database is stopped or frozen', () => {
  let dataDir: string;
  let port: number;
  let pg: TestPostgres;
  let t: TestApp;
  let auth: string;

  const startPg = async () => {
    pg = await startTestPostgres(dataDir, port);
  };
  /** The postmaster and every backend of it: what "the database process" is. */
  const serverProcesses = () => {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return [postmaster, ...childrenOf(postmaster)];
  };
  const list = () => t.http().get('/api/v1/authorities').set('Authorization', auth);
  const expectUnavailable = async () => {
    const res = await list();
    expect([res.status, res.headers['retry-after'], res.body.error]).toEqual([503, '5', 'DATABASE_UNAVAILABLE']);
  };
  const recovered = async () => ((await list()).status === 200 ? true : undefined);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'schul-it-outage-'));
    port = await freePort();
    await startPg();
    await runMigrations(pg.url);
    t = await createTestApp({ DB_POOL_SIZE: '4', DB_STATEMENT_TIMEOUT_MS: '1000', DB_CONNECT_TIMEOUT_MS: '1000' }, { databaseUrl: pg.url });
    const login = await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    auth = `Bearer ${login.body.accessToken}`;
  }, 120_000);
  afterAll(async () => {
    for (const pid of pg ? serverProcesses() : []) process.kill(pid, 'SIGCONT');
    await t?.close();
    await pg?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 with Retry-After and DATABASE_UNAVAILABLE while it is stopped, health names the database, and recovers when it is back', async () => {
    await list().expect(200);
    await pg.stop();
    await expectUnavailable();
    await expectUnavailable(); // not only the first request: the pool has no good connection left either
    const health = await t.http().get('/api/health').expect(503);
    expect(health.headers['retry-after']).toBe('5');
    expect(health.body).toMatchObject({ error: 'DATABASE_UNAVAILABLE', message: 'Not ready: database down (unreachable)', details: { checks: { database: { status: 'down', reason: 'unreachable' } } } });

    await startPg();
    await until('the API to answer again', recovered);
    await t.http().get('/api/health').expect(200);
  }, 120_000);

  it('fails fast with 503 while it is frozen (SIGSTOP) instead of hanging, and recovers after SIGCONT', async () => {
    await list().expect(200);
    const processes = serverProcesses();
    for (const pid of processes) process.kill(pid, 'SIGSTOP');
    try {
      // A pooled connection (its query unanswered), then new connections (no answer to the startup): all 503.
      for (let i = 0; i < 6; i++) await expectUnavailable();
      const health = await t.http().get('/api/health').expect(503);
      expect(health.body).toMatchObject({ error: 'DATABASE_UNAVAILABLE', details: { checks: { database: { status: 'down' } } } });
    } finally {
      for (const pid of processes) process.kill(pid, 'SIGCONT');
    }
    await until('the API to answer again', recovered);
  }, 120_000);
});
