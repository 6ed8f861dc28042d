import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';

/**
 * What every benchmark shares: a database (DATABASE_URL, or an embedded PostgreSQL kept in ./data/bench-postgres
 * on port 54330), the API as a child process, bench users and tokens, an autocannon runner with exact
 * percentiles, and a plain `pg` loop as the baseline the API is compared with.
 */

export const ROOT = resolve(__dirname, '..', '..');
export const BENCH_PG_DIR = resolve(ROOT, 'data', 'bench-postgres');
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54330);
export const BENCH_API_PORT = Number(process.env.BENCH_API_PORT ?? 3100);

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, otherwise the persistent embedded bench server. Migrations are applied either way. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let url = process.env.DATABASE_URL;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    // Another benchmark run may have the bench server up already: share it (that run stops it when it ends).
    const running = `postgres://postgres:postgres@127.0.0.1:${BENCH_PG_PORT}/postgres`;
    if (await canConnect(running)) {
      log(`using the bench PostgreSQL already running on port ${BENCH_PG_PORT}`);
      url = running;
    }
  }
  if (!url) {
    log(`DATABASE_URL is not set: embedded PostgreSQL in ${BENCH_PG_DIR} on port ${BENCH_PG_PORT}`);
    const handle = await startEmbeddedPostgres({ dataDir: BENCH_PG_DIR, port: BENCH_PG_PORT, persistent: true });
    url = handle.url;
    stop = () => handle.stop();
  }
  const applied = await runMigrations(url);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  return { url, stop };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

// ---------------------------------------------------------------- users and tokens

/** A JWT secret kept beside the bench database, so tokens made by one run still work in the next. */
export function benchJwtSecret(): string {
  const file = resolve(ROOT, 'data', 'bench-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(ROOT, 'data'), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** An HS256 access token as the API issues it (`{ sub }`), valid for a day. */
export function tokenFor(secret: string, userId: string): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, iat: now, exp: now + 86_400 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** Creates (or finds) a bench user by email and sets its schools. Returns the user id. */
export async function ensureBenchUser(
  client: Client,
  user: { email: string; role: 'office' | 'coordinator' | 'viewer'; authorityId: string; schoolIds?: string[] },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO users (authority_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, 'bench-no-login')
     ON CONFLICT (lower(email)) DO UPDATE SET role = EXCLUDED.role, authority_id = EXCLUDED.authority_id RETURNING id`,
    [user.authorityId, user.email, `Bench ${user.role}`, user.role],
  );
  const id = rows[0].id;
  await client.query(`DELETE FROM user_schools WHERE user_id = $1`, [id]);
  for (const schoolId of user.schoolIds ?? []) {
    await client.query(`INSERT INTO user_schools (user_id, school_id, authority_id) VALUES ($1, $2, $3)`, [id, schoolId, user.authorityId]);
  }
  return id;
}

// ---------------------------------------------------------------- the API under test

export interface RunningApi {
  baseUrl: string;
  /** The API process (e.g. to read its CPU time from /proc). */
  pid: number | undefined;
  secret: string;
  stop(): Promise<void>;
}

/**
 * Starts the built API (`dist/src/main.js`) as a child process on the bench database, so the load generator
 * and the API do not share one event loop. Request logging is off (LOG_LEVEL=warn): we measure the API, not the terminal.
 */
export async function startApi(
  url: string,
  options: { port?: number; poolSize?: number; env?: Record<string, string>; /** e.g. ['--cpu-prof'] to profile the API */ nodeArgs?: string[] } = {},
): Promise<RunningApi> {
  const port = options.port ?? BENCH_API_PORT;
  const secret = benchJwtSecret();
  // BENCH_API_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the API process of any benchmark.
  const nodeArgs = options.nodeArgs ?? process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      PORT: String(port),
      JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: String(options.poolSize ?? 10),
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('The API did not become ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid,
    secret,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------- measuring

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Exact percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * HTTP load with autocannon. `path` is called for every request, so a scenario can spread over schools or fragments.
 * Latencies are collected per response, so p95 is exact (autocannon's own histogram has no p95).
 */
export async function runLoad(options: {
  baseUrl: string;
  path: () => string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds?: number;
}): Promise<LoadResult> {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((done, fail) => {
      const instance = autocannon(
        {
          url: options.baseUrl,
          connections: options.connections,
          duration: seconds,
          headers: options.headers,
          requests: [{ method: 'GET', setupRequest: (req: autocannon.Request) => ({ ...req, path: options.path() }) }],
        },
        (error, res) => (error ? fail(error) : done(res)),
      );
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    });
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      rps: round(latencies.length / seconds),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  };
  if (options.warmupSeconds) await run(options.warmupSeconds);
  return run(options.durationSeconds);
}

/**
 * The baseline: `concurrency` loops over a pg pool of `poolSize` connections, each running `statements()` (the SQL
 * one API request runs) back to back for the same duration. Nothing else: no HTTP, no JSON, no framework.
 */
export async function runPgBaseline(options: {
  url: string;
  statements: () => { sql: string; params: unknown[] }[];
  concurrency: number;
  poolSize: number;
  durationSeconds: number;
}): Promise<LoadResult> {
  const pool = new Pool({ connectionString: options.url, max: options.poolSize, application_name: 'bench-baseline' });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + options.durationSeconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      try {
        for (const { sql, params } of options.statements()) await pool.query(sql, params);
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await pool.end();
  }
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: round(latencies.length / options.durationSeconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors,
    non2xx: 0,
  };
}

/** A seeded PRNG (the demo's mulberry32) so scenarios pick the same schools and fragments every run. */
export { seededRandom as seeded } from '../src/demo/demo-context';

/** Writes a JSON result file under bench/out (ignored by git) for the record. */
export function saveResult(name: string, data: unknown): string {
  const dir = resolve(ROOT, 'bench', 'out');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}
