import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from './support/net';
import { childrenOf, until } from './support/processes';
import { createTestDatabase } from './test-database';

describe('API_WORKERS=2: a cluster of HTTP workers under one primary (src/cluster.ts)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let primary: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await db.drop();
  });

  /** The real entry point with API_WORKERS=2, run from the TypeScript sources. */
  function startPrimary(port: number): { child: ChildProcess; exited: Promise<number | null>; output: string } {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.cjs', 'src/main.ts'], {
      cwd: resolve(__dirname, '..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        API_WORKERS: '2',
        PORT: String(port),
        DATABASE_URL: db.url,
        JWT_SECRET: 'cluster-test-secret-with-at-least-32-characters',
        LOG_LEVEL: 'info',
        DB_POOL_SIZE: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = { child, exited: new Promise<number | null>((done) => child.once('exit', (code) => done(code))), output: '' };
    child.stdout!.on('data', (chunk: Buffer) => (started.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (started.output += chunk.toString()));
    return started;
  }

  it('serves from two workers, replaces a worker that dies, and stops every process on SIGTERM', async () => {
    const port = await freePort();
    const started = startPrimary(port);
    primary = started.child;
    const { exited } = started;
    const output = () => started.output;
    const pid = primary.pid!;
    const health = async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status;

    await until(() => `the API to answer; its output: ${output()}`, async () => ((await health()) === 200 ? true : undefined));
    const workers = await until('two workers', () => (childrenOf(pid).length === 2 ? childrenOf(pid) : undefined));
    // The primary made the first admin and prints its login once (not once per worker), after a worker serves.
    await until('the login block', () => (/Passwort:/.test(output()) ? true : undefined));
    expect(output().match(/Passwort: /g)).toHaveLength(1);
    // Printed once a worker serves. Its place among the workers' own lines is not asserted here: two processes write to
    // one pipe, and a worker's logger may still have a write in flight (seen once in CI); the order within
    // one process is test/first-start.e2e-spec.ts's.
    await until('a worker\'s start-up line', () => (output().includes('API on http://localhost') ? true : undefined));
    // Connections go round-robin to the workers; every request is served.
    const statuses = await Promise.all(Array.from({ length: 10 }, () => health()));
    expect(statuses).toEqual(Array(10).fill(200));

    process.kill(workers[0], 'SIGKILL');
    const replaced = await until('a replacement worker', () => {
      const now = childrenOf(pid);
      return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]);
    await until('the replacement to serve', async () => ((await health()) === 200 ? true : undefined));
    expect(output()).toMatch(/exited \(SIGKILL\); starting another/);

    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(childrenOf(pid)).toEqual([]);
    for (const worker of replaced) expect(() => process.kill(worker, 0)).toThrow();
  }, 120_000);

  it('stops with exit code 1 when the workers cannot start (the port is taken), instead of restarting them forever', async () => {
    const blocker = createServer().listen(0);
    await new Promise((done) => blocker.once('listening', done));
    try {
      const started = startPrimary((blocker.address() as { port: number }).port);
      primary = started.child;
      expect(await started.exited).toBe(1);
      expect(started.output).toMatch(/before the service ever served; stopping/);
      expect(childrenOf(started.child.pid!)).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
