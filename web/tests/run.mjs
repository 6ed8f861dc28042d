// `npm run test:browser`: the built app (server + web) on a fresh embedded PostgreSQL with the demo data, then the
// browser tests (node's test runner, web/tests/*.browser.mjs) in Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts `node dist/scripts/demo.js` on a fresh data folder; resolves with the base URL once the demo is loaded. */
export async function startDemoServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'inventar-browser-'));
  chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as another user that must reach its folder
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['dist/scripts/demo.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: join(dataDir, 'postgres'),
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_ACCOUNT_RATE_LIMIT: '1000',
      // The platform admin (created at the first start) with a known password, for the admin's screens.
      ADMIN_EMAIL: 'admin@plattform.example',
      ADMIN_PASSWORD: 'Demo-Passwort-2026',
      ACCESSIBILITY_CONTACT_NAME: 'IT-Service der Stadt Musterstadt',
      ACCESSIBILITY_CONTACT_EMAIL: 'barrierefreiheit@musterstadt.example',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start within 240 s:\n${output}`)), 240_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/Demo (loaded|data already present)/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the demo server exited with ${code}:\n${output}`)));
  });
  child.stdout.resume();
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startDemoServer();
  const only = process.argv.slice(2);
  const files = readdirSync(join(ROOT, 'web', 'tests'))
    .filter((f) => f.endsWith('.browser.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
    .map((f) => join('web', 'tests', f));
  // One file at a time: the 2-core machine runs one Chromium and the server.
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: ROOT, env: { ...process.env, BASE_URL: server.baseUrl }, stdio: 'inherit' });
  const code = await new Promise((resolve) => tests.on('exit', resolve));
  await server.stop();
  process.exit(code ?? 1);
}
