import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from './support/net';
import { until } from './support/processes';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * `npm start` with the embedded PostgreSQL, killed with SIGKILL: its PostgreSQL runs on without it. The next start
 * recognises that server as its own orphan (src/database/embedded-postgres.ts), stops it cleanly and starts.
 */
describe('The embedded PostgreSQL after a kill -9 of the server', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'schul-it-orphan-'));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    const pid = existsSync(join(dataDir, 'postmaster.pid')) ? Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : 0;
    if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    await until('the test server to stop', () => (pid && alive(pid) ? undefined : true));
    await rm(dataDir, { recursive: true, force: true });
  });

  function start(port: number, pgPort: number) {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.cjs', 'src/main.ts'], {
      cwd: resolve(__dirname, '..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        EMBEDDED_PG_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        JWT_SECRET: 'orphan-test-secret-with-at-least-32-characters',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const started = { child, output: '', exited: new Promise<number | null>((done) => child.once('exit', (code) => done(code))) };
    child.stdout!.on('data', (chunk: Buffer) => (started.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (started.output += chunk.toString()));
    return started;
  }
  const healthy = async (port: number) => ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status === 200 ? true : undefined);
  const sql = async (pgPort: number, text: string) => {
    const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres` });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  it('stops the orphaned server of its data folder and starts, keeping the data', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = start(port, pgPort);
    await until(() => `the first start to answer; its output: ${first.output}`, () => healthy(port), 90_000);
    await sql(pgPort, `CREATE TABLE orphan_marker AS SELECT 'written before the kill'::text AS note`);
    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    // What the issue saw: the server is gone, its PostgreSQL is not.
    expect(alive(orphan)).toBe(true);

    const second = start(port, pgPort);
    await until(() => `the second start to answer; its output: ${second.output}`, () => healthy(port), 90_000);
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    expect(second.output).toContain(`Stopping the embedded PostgreSQL left running by an earlier start (process ${orphan})`);
    expect(second.output).not.toContain('is in use by process');
    // The same cluster and data: what the first run wrote is there.
    expect(await sql(pgPort, `SELECT note FROM orphan_marker`)).toEqual([{ note: 'written before the kill' }]);

    const running = postmasterPid();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(alive(running)).toBe(false);
  }, 200_000);
});
