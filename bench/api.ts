import 'reflect-metadata';
import type { Client } from 'pg';
import { coverageScenarios } from './api-coverage';
import { deviceScenarios } from './api-devices';
import { licenceScenarios } from './api-licences';
import { lendReturnStep, loanScenarios } from './api-loans';
import { log, machine, openBenchDatabase, runLoad, runPgBaseline, saveResult, startApi, withClient, type LoadResult, type RunningApi } from './common';
import { importBenchmark } from './import';

/**
 * `npm run bench:api`: HTTP load on the API (autocannon over loopback) against the seeded state-scale data set.
 * Per scenario: p50/p95/p99 at 8 connections, throughput at 32 connections, and a plain `pg` loop running the same
 * SQL at the same concurrency, the two alternating in 5-second slices so both meet the same background load
 * (the ratio API/pg is reported). Then the extra steps (e.g. the 10,000-row import).
 * Options: `--only=devices` (group or scenario name prefix), `--skip-steps`; env BENCH_DURATION (seconds, default 20), BENCH_API_WORKERS (API processes, default 2).
 */

export interface BenchContext {
  client: Client;
  url: string;
  api: RunningApi;
}

export interface Scenario {
  name: string;
  description: string;
  /** Bearer token of the user the scenario runs as. */
  token: string;
  /** The request path (with query); called per request so a scenario can vary schools, fragments or cursors. */
  path: () => string;
  /** The SQL one request runs, for the plain-pg baseline; the same generator state as `path` is not needed, only the same mix. */
  statements?: () => { sql: string; params: unknown[] }[];
  /** p95 target at 8 connections, in ms. */
  targetP95Ms?: number;
  /** Something that runs beside the requests for the whole scenario (e.g. writes elsewhere); started, then stopped. */
  meanwhile?: () => { stop(): Promise<void> };
}

export interface ScenarioGroup {
  name: string;
  scenarios(ctx: BenchContext): Promise<Scenario[]>;
}

export interface BenchStep {
  name: string;
  run(ctx: BenchContext): Promise<Record<string, unknown>>;
}

/** Scenario groups, in order. A feature adds its group here (one line). */
export const SCENARIO_GROUPS: ScenarioGroup[] = [deviceScenarios, loanScenarios, coverageScenarios, licenceScenarios];
/** Steps that are not request loops (imports, exports), run after the scenarios. */
export const BENCH_STEPS: BenchStep[] = [importBenchmark, lendReturnStep];

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const ROUNDS = Math.max(1, Math.round(DURATION / 5));
const POOL_SIZE = 10; // the API's default DB_POOL_SIZE; the baseline gets the same number of connections
/**
 * API processes (API_WORKERS): one per core of this 2-core machine by default, as README.md advises for a server of its
 * own. They share POOL_SIZE connections (DB_POOL_SIZE = POOL_SIZE / workers), so API and baseline use as many.
 */
const WORKERS = Math.max(1, Number(process.env.BENCH_API_WORKERS ?? 2));
const WORKER_POOL_SIZE = Math.max(1, Math.round(POOL_SIZE / WORKERS));

/** Slices of one measurement as one result: rates summed over the time, latencies the worst slice's (conservative). */
function combine(slices: LoadResult[]): LoadResult {
  const requests = slices.reduce((n, r) => n + r.requests, 0);
  const max = (key: 'p50' | 'p95' | 'p99') => Math.max(...slices.map((r) => r[key]));
  const sum = (key: 'errors' | 'non2xx') => slices.reduce((n, r) => n + r[key], 0);
  return { requests, rps: Math.round((requests / DURATION) * 100) / 100, p50: max('p50'), p95: max('p95'), p99: max('p99'), errors: sum('errors'), non2xx: sum('non2xx') };
}

interface ScenarioResult {
  name: string;
  description: string;
  at8: LoadResult;
  at32: LoadResult;
  pg32?: LoadResult;
  ratio?: number;
  targetP95Ms?: number;
}

function table(results: ScenarioResult[]): string {
  const lines = [
    '| scenario | p50 @8 | p95 @8 | p99 @8 | target p95 | rps @8 | rps @32 | pg rps @32 | API/pg | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const errors = r.at8.errors + r.at8.non2xx + r.at32.errors + r.at32.non2xx;
    lines.push(
      `| ${r.name} | ${r.at8.p50} ms | ${r.at8.p95} ms | ${r.at8.p99} ms | ${r.targetP95Ms ? `< ${r.targetP95Ms} ms` : '-'} | ${r.at8.rps} | ${r.at32.rps} | ${r.pg32?.rps ?? '-'} | ${r.ratio ?? '-'} | ${errors} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice(7).split(',') : undefined;
  // Scenario and step names start with their group's name (`devices.deep-page`), so a prefix selects a group or one scenario.
  const wanted = (name: string) => !only || only.some((o) => name.startsWith(o));
  const groupWanted = (group: string) => !only || only.some((o) => o.startsWith(group) || group.startsWith(o));
  const db = await openBenchDatabase();
  const api = await startApi(db.url, { poolSize: WORKER_POOL_SIZE, env: { API_WORKERS: String(WORKERS) } });
  const results: ScenarioResult[] = [];
  const steps: Record<string, unknown> = {};
  try {
    await withClient(db.url, async (client) => {
      const ctx: BenchContext = { client, url: db.url, api };
      for (const group of SCENARIO_GROUPS) {
        if (!groupWanted(group.name)) continue;
        for (const s of await group.scenarios(ctx)) {
          if (!wanted(s.name)) continue;
          log(`${s.name}: ${s.description}`);
          const headers = { authorization: `Bearer ${s.token}` };
          const beside = s.meanwhile?.();
          try {
            const at8 = await runLoad({ baseUrl: api.baseUrl, path: s.path, headers, connections: 8, durationSeconds: DURATION, warmupSeconds: 3 });
            log(`  8 connections: p50 ${at8.p50} ms, p95 ${at8.p95} ms, p99 ${at8.p99} ms, ${at8.rps} req/s`);
            // Throughput at 32: API and plain pg alternate in short slices, so both meet the same background load
            // (this machine is shared); each side's figures are summed over its slices.
            const apiSlices: LoadResult[] = [];
            const pgSlices: LoadResult[] = [];
            for (let round = 0; round < ROUNDS; round++) {
              apiSlices.push(await runLoad({ baseUrl: api.baseUrl, path: s.path, headers, connections: 32, durationSeconds: DURATION / ROUNDS }));
              if (s.statements) {
                pgSlices.push(await runPgBaseline({ url: db.url, statements: s.statements, concurrency: 32, poolSize: POOL_SIZE, durationSeconds: DURATION / ROUNDS }));
              }
            }
            const at32 = combine(apiSlices);
            log(`  32 connections: ${at32.rps} req/s (p95 ${at32.p95} ms)`);
            const result: ScenarioResult = { name: s.name, description: s.description, at8, at32, targetP95Ms: s.targetP95Ms };
            if (pgSlices.length) {
              result.pg32 = combine(pgSlices);
              result.ratio = Math.round((at32.rps / result.pg32.rps) * 100) / 100;
              log(`  plain pg, 32 loops on ${POOL_SIZE} connections: ${result.pg32.rps} req/s; API/pg = ${result.ratio}`);
            }
            results.push(result);
          } finally {
            await beside?.stop();
          }
        }
      }
      if (!process.argv.includes('--skip-steps')) {
        for (const step of BENCH_STEPS) {
          if (!wanted(step.name)) continue;
          log(`step ${step.name} ...`);
          steps[step.name] = await step.run(ctx);
          log(`  ${JSON.stringify(steps[step.name])}`);
        }
      }
    });
  } finally {
    await api.stop();
    await db.stop();
  }
  const file = saveResult('api', { machine: machine(), durationSeconds: DURATION, poolSize: POOL_SIZE, apiWorkers: WORKERS, workerPoolSize: WORKER_POOL_SIZE, results, steps });
  process.stdout.write(
    `\nMachine: ${machine()}; ${DURATION} s per measurement; API: ${WORKERS} worker(s) × ${WORKER_POOL_SIZE} connections; baseline pool: ${POOL_SIZE} connections\n\n${table(results)}\n\n`,
  );
  for (const [name, value] of Object.entries(steps)) process.stdout.write(`${name}: ${JSON.stringify(value)}\n`);
  process.stdout.write(`\nFull results: ${file}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
