// npm run bench:web-office: the office's screens in Debian's Chromium on the benchmark authority of 500 schools
// (issue #12, "Speed"): navigation → data shown for the overview and the Medienentwicklungsplan (target ≤ 1 s) and a
// list screen with 50 rows, the authority's devices (target ≤ 300 ms); p50/p95 over BENCH_WEB_NAVIGATIONS each.
// Needs the seeded set: DATABASE_URL=postgres://…/bench_office (npm run bench:seed, part `coverage` = bench-land).
// Two ways of navigating, both with an empty query cache (every navigation fetches its data):
// - load: the address typed (page.goto), from the navigation's start (performance.timeOrigin) to the first frame
//   that shows the data; scripts come from the browser's cache after the first load, as for a returning clerk;
// - in-app: a click on the main navigation from another screen, from the click to the first frame with the data.
// Each navigation starts once the screen before it is idle (see `settled`), as a person's next step does.
// Beside each figure: when the screen's data request left the browser (p50, same clock), which tells waiting for code and
// renders before the request apart from the request and the rendering of its answer.
// Figures go to bench/RESULTS.md by hand, with the machine's load at the time.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const URL_ = process.env.DATABASE_URL;
if (!URL_) throw new Error('DATABASE_URL (the seeded bench database, e.g. postgres://postgres@127.0.0.1:5432/bench_office) is required');
const RUNS = Number(process.env.BENCH_WEB_NAVIGATIONS ?? 20);
// BENCH_WEB_DETAIL=1: for each typed address also the p50 of its phases (document, each API request's start and end).
const DETAIL = process.env.BENCH_WEB_DETAIL === '1';
// BENCH_WEB_ONLY=devices: only the screens whose path contains it.
const ONLY = process.env.BENCH_WEB_ONLY;
const OFFICE = 'bench-land-office@bench.example';
const PASSWORD = 'Bench-Passwort-2026';

const { hashPassword } = createRequire(import.meta.url)(join(ROOT, 'dist', 'src', 'auth', 'passwords.js'));
const db = new pg.Client({ connectionString: URL_ });
await db.connect();
const { rowCount } = await db.query(`UPDATE users SET password_hash = $2, initial_password_pending = false, active = true WHERE lower(email) = $1`, [OFFICE, await hashPassword(PASSWORD)]);
const [{ schools }] = (await db.query(`SELECT count(*)::int AS schools FROM schools s JOIN authorities a ON a.id = s.authority_id WHERE a.slug = 'bench-land'`)).rows;
await db.end();
if (rowCount !== 1 || schools < 500) throw new Error(`bench-land is not seeded (office user ${rowCount}, ${schools} schools): npm run bench:seed`);

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: URL_, PORT: String(port), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000', LOGIN_ACCOUNT_RATE_LIMIT: '1000' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
  if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
  if (i > 1200) throw new Error('the server did not become healthy within 5 minutes');
  await new Promise((r) => setTimeout(r, 250));
}
process.env.BASE_URL = baseUrl;
// support.mjs reads BASE_URL when it is loaded: import it only now.
const { login, openBrowser } = await import('../web/tests/support.mjs');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const fmt = (v) => `${v.toFixed(0)} ms`;

/** The screens, each with the check that its data (not a spinner) is on the page: a selector and its text or count. */
const SCREENS = [
  {
    name: 'overview (/uebersicht)',
    path: '/uebersicht',
    nav: 'Startseite',
    target: 1000,
    request: '/api/v1/stats/overview',
    // The coverage summary's school count, the last figure the page renders from GET /stats/overview.
    shown: { selector: 'section[aria-labelledby="ov-coverage"] a[href="/schulen"]', text: '500' },
  },
  {
    name: 'Medienentwicklungsplan (/medienentwicklungsplan)',
    path: '/medienentwicklungsplan',
    nav: 'Medienentwicklungsplan',
    target: 1000,
    request: '/api/v1/coverage',
    // The first page of the 500 schools, worst first: 100 rows.
    shown: { selector: '.coverage-table tbody tr', count: 100 },
  },
  {
    name: 'devices, 50 rows (/geraete)',
    path: '/geraete',
    nav: 'Geräte',
    target: 300,
    request: '/api/v1/devices',
    shown: { selector: '.device-table tbody tr', count: 50 },
  },
];

/** The typed load's phases on the page's clock: the document, and start/end of each API request. */
async function phases(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const out = { document: nav.responseEnd, domInteractive: nav.domInteractive };
    // The app's own performance marks, if a build sets any (a diagnostic build: performance.mark('…')).
    for (const m of performance.getEntriesByType('mark')) if (!(`mark ${m.name}` in out)) out[`mark ${m.name}`] = m.startTime;
    for (const r of performance.getEntriesByType('resource')) {
      const path = new URL(r.name).pathname;
      if (!path.startsWith('/api/') || `${path} start` in out) continue;
      out[`${path} start`] = r.startTime;
      out[`${path} end`] = r.responseEnd;
    }
    return out;
  });
}

/** When the first request to `path` (the screen's data) started, on the same clock as shownAfter. */
async function requestSentAfter(page, path, sinceClick) {
  return page.evaluate(
    ({ path: p, sinceClick: fromClick }) => {
      const since = fromClick ? window.__clickAt : 0;
      const entry = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname === p && r.startTime >= since);
      return entry ? entry.startTime - since : NaN;
    },
    { path, sinceClick },
  );
}

/**
 * Waits for the first frame that shows the data and answers the page's clock then: since the navigation started, or
 * since the click (`window.__clickAt`). A function with arguments, not a string: the app's CSP forbids eval.
 */
async function shownAfter(page, shown, sinceClick) {
  const handle = await page.waitForFunction(
    ({ selector, text, count, sinceClick: fromClick }) => {
      const found = document.querySelectorAll(selector);
      const ok = text !== undefined ? found[0]?.textContent === text : found.length === count;
      return ok && performance.now() - (fromClick ? window.__clickAt : 0);
    },
    { ...shown, sinceClick },
    { polling: 'raf', timeout: 60_000 },
  );
  return handle.jsonValue();
}

/**
 * The typed load's watcher, in the page itself from its first script on (page.addInitScript): on every animation frame
 * it looks for the address's data, and in the first frame that shows it, it logs the page's clock. Waiting with
 * page.waitForFunction instead makes Playwright evaluate its own injected script in the new document (12–30 ms of the
 * page's main thread in a Chromium trace, right while the app starts): the harness's work in the measured time.
 * BENCH_WEB_WAIT=playwright measures the old way, for comparison.
 */
function watchShown(screens) {
  const screen = screens.find((s) => s.path === location.pathname);
  if (!screen) return;
  const { selector, text, count } = screen.shown;
  const check = () => {
    const found = document.querySelectorAll(selector);
    if (text !== undefined ? found[0]?.textContent === text : found.length === count) console.debug(`bench:shown ${performance.now()}`);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
const WAIT_IN_PAGE = process.env.BENCH_WEB_WAIT !== 'playwright';

/**
 * Waits until the screen on display has finished its work: the browser grants the page an idle period
 * (requestIdleCallback: no script, render, layout or paint pending). A clerk types an address or clicks a link seconds
 * after a screen appeared, not in the millisecond its data did; a navigation started at once ran beside the previous
 * screen's unfinished work (the device list's filter widgets render right after its rows, then layout and paint) and
 * counted it. BENCH_WEB_AT_ONCE=1 navigates at once, the old way, for comparison.
 */
const SETTLE = process.env.BENCH_WEB_AT_ONCE !== '1';
async function settled(page) {
  if (SETTLE) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 })));
}

/** A typed load of the screen's address: the page's clock when its data was first shown. */
async function typedLoad(page, screen) {
  if (!WAIT_IN_PAGE) {
    await page.goto(screen.path, { waitUntil: 'commit' });
    return shownAfter(page, screen.shown, false);
  }
  const logged = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench:shown '), timeout: 60_000 });
  await page.goto(screen.path, { waitUntil: 'commit' });
  return Number((await logged).text().slice('bench:shown '.length));
}

const browser = await openBrowser();
const { page } = browser;
const results = [];
try {
  await login(page, OFFICE, PASSWORD);
  if (WAIT_IN_PAGE) await page.addInitScript(watchShown, SCREENS.map(({ path, shown }) => ({ path, shown })));
  for (const screen of SCREENS.filter((s) => !ONLY || s.path.includes(ONLY))) {
    const load = [];
    const detail = [];
    const inApp = [];
    const sent = { load: [], inApp: [] };
    for (let i = 0; i < RUNS + 2; i++) {
      // Typed address: a full load; the time is the page's own clock since the navigation started.
      await settled(page);
      const t = await typedLoad(page, screen);
      const tSent = await requestSentAfter(page, screen.request, false);
      if (DETAIL && i >= 2) detail.push({ ...(await phases(page)), shown: t });
      // In-app: from another screen (a fresh load, so nothing is cached), a click on the navigation link.
      await page.goto('/barrierefreiheit');
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: screen.nav, exact: true }).waitFor();
      await settled(page);
      await page.evaluate(() => document.addEventListener('click', () => (window.__clickAt = performance.now()), { capture: true, once: true }));
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: screen.nav, exact: true }).click();
      const c = await shownAfter(page, screen.shown, true);
      const cSent = await requestSentAfter(page, screen.request, true);
      if (i >= 2) {
        // The first two warm the server's and the browser's caches.
        load.push(t);
        inApp.push(c);
        sent.load.push(tSent);
        sent.inApp.push(cSent);
      }
    }
    results.push({ screen, load, inApp, sent, detail });
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

console.log(`\nbench:web-office ${new Date().toISOString()} load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${RUNS} navigations each, typed loads watched ${WAIT_IN_PAGE ? 'in the page' : 'by Playwright'}, ${SETTLE ? 'each navigation from a settled screen' : 'each navigation at once'}`);
for (const { screen, load, inApp, sent, detail } of results) {
  const p95 = Math.max(percentile(load, 95), percentile(inApp, 95));
  console.log(
    `${screen.name}: load p50 ${fmt(percentile(load, 50))} p95 ${fmt(percentile(load, 95))} | in-app p50 ${fmt(percentile(inApp, 50))} p95 ${fmt(percentile(inApp, 95))} | target ${screen.target} ms ${p95 <= screen.target ? 'met' : 'MISSED'}`,
  );
  console.log(`  ${screen.request} sent (p50): load ${fmt(percentile(sent.load, 50))}, in-app ${fmt(percentile(sent.inApp, 50))} after the start`);
  if (detail.length) {
    const of = (k) => detail.map((d) => d[k]).filter((v) => v !== undefined);
    const keys = [...new Set(detail.flatMap((d) => Object.keys(d)))].sort((a, b) => percentile(of(a), 50) - percentile(of(b), 50));
    for (const k of keys) console.log(`    ${k}: p50 ${fmt(percentile(of(k), 50))} p95 ${fmt(percentile(of(k), 95))} (${of(k).length})`);
  }
}
