// npm run bench:web: the counter in Debian's Chromium against the built app on a fresh demo database (issue #11).
// - the JavaScript the counter page loads on first visit, gzipped (target ≤ 200 KB);
// - Enter on a scanned number → the device shown (painted), p95 over BENCH_WEB_SCANS scans (target ≤ 100 ms);
// - class mode: 30 students and devices typed at scanner speed (10 ms a key, then Enter): none lost.
// Figures go to bench/RESULTS.md by hand, with the machine's load at the time.
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { startDemoServer } from '../web/tests/run.mjs';

const SCANS = Number(process.env.BENCH_WEB_SCANS ?? 100);
const CLASS_SIZE = 30;

const server = await startDemoServer();
process.env.BASE_URL = server.baseUrl;
// support.mjs reads BASE_URL when it is loaded: import it only now.
const { apiAs, login, openBrowser } = await import('../web/tests/support.mjs');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v) => `${v.toFixed(1)} ms`;

try {
  const api = await apiAs();
  const available = (await api.get('/devices?status=available&limit=200')).body.items.map((d) => d.inventoryNumber);
  if (available.length < CLASS_SIZE + 10) throw new Error(`only ${available.length} available demo devices`);

  // 1. First load of the counter: every script the page fetched, from the login page on (a fresh profile, no cache).
  const browser = await openBrowser();
  const { page } = browser;
  const scripts = new Map();
  page.on('response', async (response) => {
    const url = response.url();
    if (response.request().resourceType() !== 'script' || scripts.has(url)) return;
    scripts.set(url, response.body().then((b) => ({ raw: b.length, gzip: gzipSync(b, { level: 9 }).length })));
  });
  await login(page);
  await page.goto('/ausgabe');
  await page.getByLabel('Inventarnummer scannen').waitFor();
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all([...scripts.entries()].map(async ([url, size]) => ({ file: new URL(url).pathname, ...(await size) })));
  const gzipTotal = sizes.reduce((s, f) => s + f.gzip, 0);
  const rawTotal = sizes.reduce((s, f) => s + f.raw, 0);

  // 2. Scan → device shown: Enter's keydown stamps the time in the page; the first animation frame that shows the card
  //    with the scanned number stops it. Alternating devices, so every scan is a new lookup.
  const field = page.getByLabel('Inventarnummer scannen');
  await page.evaluate(() => {
    document.addEventListener('keydown', (e) => e.key === 'Enter' && (window.__enterAt = performance.now()), { capture: true });
  });
  const latencies = [];
  for (let i = 0; i < SCANS + 5; i++) {
    const code = available[CLASS_SIZE + (i % 10)];
    await field.click();
    await field.fill(code);
    await page.keyboard.press('Enter');
    const elapsed = await page.waitForFunction(
      (c) => {
        const card = document.querySelector('.device-card');
        return card && card.textContent.includes(c) ? performance.now() - window.__enterAt : false;
      },
      code,
      { polling: 'raf' },
    );
    const value = await elapsed.jsonValue();
    if (i >= 5) latencies.push(value); // the first five warm the caches
  }
  await browser.close();

  // 3. Class mode at scanner speed.
  const classBrowser = await openBrowser();
  const cp = classBrowser.page;
  await login(cp);
  await cp.goto('/ausgabe');
  await cp.getByRole('radio', { name: 'Klassensatz' }).click();
  await cp.getByLabel('Klasse').fill('9z');
  await cp.getByLabel('Name').focus();
  const codes = available.slice(0, CLASS_SIZE);
  for (const [i, code] of codes.entries()) {
    await cp.keyboard.type(`Bench ${i + 1}`, { delay: 10 });
    await cp.keyboard.press('Enter');
    await cp.keyboard.type(code, { delay: 10 });
    await cp.keyboard.press('Enter');
  }
  await cp.waitForFunction((n) => document.querySelectorAll('.results li[data-state]').length >= n, CLASS_SIZE, { timeout: 60_000 });
  const ok = await cp.locator('.results li[data-state=ok]').count();
  const lent = (await api.get('/loans?borrowerClass=9z&limit=200')).body.items.filter((l) => !l.returnedOn && codes.includes(l.device.inventoryNumber)).length;
  await classBrowser.close();

  console.log(`\nbench:web ${new Date().toISOString()} load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`counter first load: ${sizes.length} scripts, ${(gzipTotal / 1024).toFixed(1)} KB gzipped (${(rawTotal / 1024).toFixed(1)} KB raw)`);
  for (const f of sizes.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${f.file}: ${(f.gzip / 1024).toFixed(1)} KB gzipped`);
  console.log(`scan → device shown over ${latencies.length} scans: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`);
  console.log(`class mode: ${CLASS_SIZE} scans typed, ${ok} results "ausgegeben", ${lent} loans in the database`);
  if (ok !== CLASS_SIZE || lent !== CLASS_SIZE) process.exitCode = 1;
} finally {
  await server.stop();
}
