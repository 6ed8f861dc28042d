import { Logger } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './config/app-config';
import { prepareDatabase, printFirstLogin, SERVING_MESSAGE } from './server';

/** The longest wait before replacing a worker that died without ever serving (e.g. while the database is down). */
const MAX_RESTART_DELAY_MS = 30_000;
/** How long the primary waits for its workers to finish their requests on shutdown before it kills them. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * API_WORKERS > 1: this process (the cluster's primary) prepares the database once (embedded server, migrations,
 * development JWT secret), then forks that many HTTP workers, which share PORT; node:cluster hands each new
 * connection to the next worker. A worker that dies is replaced (with a growing delay while replacements keep dying
 * before they serve); if none has served yet, the start failed and the whole service stops (the error would only
 * repeat). SIGINT/SIGTERM: the workers finish their requests and exit, then the embedded server stops.
 */
export async function runClusterPrimary(validated: AppConfig): Promise<void> {
  const log = new Logger('Cluster');
  const { config, embedded, firstLogin } = await prepareDatabase(validated);
  // The workers use the database and secret prepared here; they find no migration left to run.
  const env = { DATABASE_URL: config.DATABASE_URL, JWT_SECRET: config.JWT_SECRET };
  const listening = new Set<number>();
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    const force = setTimeout(() => workers.forEach((w) => w.process.kill('SIGKILL')), SHUTDOWN_GRACE_MS).unref();
    await Promise.all(
      workers.map((w) => {
        const exited = new Promise((done) => w.once('exit', done));
        w.process.kill('SIGTERM');
        return exited;
      }),
    );
    clearTimeout(force);
    await embedded?.stop();
    process.exit(code);
  };

  // Until the first worker serves, a worker that dies means the start failed (it would only fail again): stop.
  // Afterwards a dead worker is replaced; replacements that keep dying are started with a growing delay.
  let served = false;
  let delayMs = 0;
  let printed = false;
  cluster.on('message', (_worker, message) => {
    if (message !== SERVING_MESSAGE || printed) return;
    printed = true;
    printFirstLogin(config, firstLogin);
  });
  cluster.on('listening', (worker) => {
    served = true;
    listening.add(worker.id);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const why = signal ?? `code ${code}`;
    if (!served) {
      log.error(`Worker ${worker.process.pid} exited (${why}) before the service ever served; stopping`);
      void stop(1);
      return;
    }
    delayMs = listening.has(worker.id) ? 0 : Math.min(Math.max(delayMs * 2, 1000), MAX_RESTART_DELAY_MS);
    log.warn(`Worker ${worker.process.pid} exited (${why}); starting another${delayMs ? ` in ${delayMs / 1000} s` : ''}`);
    // Not unref'd: while every worker is down, this timer is what keeps the primary alive.
    setTimeout(() => stopping || cluster.fork(env), delayMs);
  });
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  for (let i = 0; i < config.API_WORKERS; i++) cluster.fork(env);
  log.log(`Started ${config.API_WORKERS} API workers on port ${config.PORT}`);
}

/** True in the process that should run the cluster's primary rather than serve HTTP itself. */
export function isClusterPrimary(config: AppConfig): boolean {
  return config.API_WORKERS > 1 && cluster.isPrimary;
}
