import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './support/net';
import { until } from './support/processes';
import { createTestDatabase } from './test-database';

const ROOT = resolve(__dirname, '..');

interface Run {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** A script of the repository run as `npm start` / `npm run …` would, from the TypeScript sources. */
function run(script: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', './test/support/register-ts.cjs', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: 'info', AUTH_CACHE_SECONDS: '0', DB_POOL_SIZE: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, exited: new Promise((done) => child.once('exit', (code) => done(code))), output: () => output };
}

/** The email and password of the framed login block, or undefined while it is not printed (yet). */
function printedLogin(output: string): { email: string; password: string } | undefined {
  const match = /E-Mail:\s+(\S+)\s+║\s*\n\s*║\s+Passwort:\s+([A-Za-z0-9_-]+)\s+║/.exec(output);
  return match ? { email: match[1], password: match[2] } : undefined;
}

async function login(port: number, body: { email: string; password: string }): Promise<{ status: number; token?: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { accessToken?: string };
  return { status: res.status, token: json.accessToken };
}

const healthy = (port: number) => async () => ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status === 200 ? true : undefined);

describe('First start: the admin login on a fresh data folder (src/auth/first-admin.ts, src/server.ts, scripts/)', () => {
  const running: ChildProcess[] = [];
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'schul-it-first-start-'));
    // As root, PostgreSQL runs as the `postgres` user, who must reach the data folder inside (mkdtemp makes it 0700).
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('survives a failed first start, prints a working login after the server is up, resets it by command, and stops printing after the first login', async () => {
    const env = { EMBEDDED_PG_DIR: join(dataDir, 'postgres'), EMBEDDED_PG_PORT: String(await freePort()) };
    const start = (port: number) => {
      const r = run('src/main.ts', [], { ...env, PORT: String(port) });
      running.push(r.child);
      return r;
    };

    // 1. The first start fails after the database and the admin are made: its port is taken.
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((done) => blocker.once('listening', done));
    const failed = start((blocker.address() as { port: number }).port);
    expect(await failed.exited).toBe(1);
    blocker.close();
    expect(failed.output()).toMatch(/EADDRINUSE/);
    expect(printedLogin(failed.output())).toBeUndefined();

    // 2. The next start prints a new password, framed, after every start-up line; it logs in.
    const port = await freePort();
    const second = start(port);
    await until(() => `the server to be up; its output: ${second.output()}`, healthy(port));
    const first = await until(() => `the login block; output: ${second.output()}`, () => printedLogin(second.output()));
    expect(first.email).toBe('admin@inventar.local');
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    const out = second.output();
    expect(out.indexOf('Erster Start: Zugang der Plattform-Administration angelegt')).toBeGreaterThan(out.indexOf('API on http://localhost'));
    expect(out).toContain(`Anmelden:   http://localhost:${port}/`);
    // The password is on stdout once, never in a log line.
    expect(out.split(first.password)).toHaveLength(2);
    const session = await login(port, first);
    expect(session.status).toBe(200);
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(await me.json()).toMatchObject({ email: 'admin@inventar.local', role: 'admin', authorityId: null });
    // `/` serves the web app (or, before it is built, a German page pointing to /api/docs).
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toMatch(/<html lang="de"/);

    // 3. `npm run admin:reset-password -- EMAIL` beside the running server: a new password, the old one and its session end.
    const reset = run('scripts/reset-password.ts', ['ADMIN@inventar.local'], { ...env, PORT: String(port) });
    expect(await reset.exited).toBe(0);
    const renewed = printedLogin(reset.output())!;
    expect(renewed.email).toBe('admin@inventar.local');
    expect(renewed.password).not.toBe(first.password);
    expect(reset.output()).toContain('Passwort zurückgesetzt');
    const afterReset = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(afterReset.status).toBe(401);
    expect((await login(port, first)).status).toBe(401);
    expect((await login(port, renewed)).status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // 4. Without a running server the command starts the embedded database itself; an unknown email is refused.
    const unknown = run('scripts/reset-password.ts', ['niemand@inventar.local'], env);
    expect(await unknown.exited).toBe(1);
    expect(unknown.output()).toContain('Kein Benutzerkonto mit der E-Mail-Adresse niemand@inventar.local');
    const offline = run('scripts/reset-password.ts', ['admin@inventar.local'], env);
    expect(await offline.exited).toBe(0);
    const third = printedLogin(offline.output())!;

    // 5. The admin has logged in: a start prints no password any more, and the reset one works.
    const port2 = await freePort();
    const last = start(port2);
    await until(() => `the server to be up again; its output: ${last.output()}`, healthy(port2));
    expect((await login(port2, third)).status).toBe(200);
    expect(last.output()).not.toContain('Passwort:');
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
  }, 240_000);

  it('`npm run demo` on an empty database creates the platform admin too and prints its login', async () => {
    const db = await createTestDatabase();
    try {
      const port = await freePort();
      const demo = run('scripts/demo.ts', [], { DATABASE_URL: db.url, PORT: String(port), JWT_SECRET: 'first-start-test-secret-with-32-characters' });
      running.push(demo.child);
      const admin = await until(() => `the demo's login block; output: ${demo.output()}`, () => printedLogin(demo.output()), 180_000);
      expect(admin.email).toBe('admin@inventar.local');
      expect(demo.output()).toContain('Password for every demo user');
      expect((await login(port, admin)).status).toBe(200);
      demo.child.kill('SIGTERM');
      expect(await demo.exited).toBe(0);
    } finally {
      await db.drop();
    }
  }, 240_000);
});
