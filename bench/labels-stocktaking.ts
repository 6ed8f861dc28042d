import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BENCH_API_PORT, ensureBenchUser, log, machine, openBenchDatabase, percentile, startApi, tokenFor, withClient } from './common';

/**
 * npm run bench:labels-stocktaking
 * - labels: one PDF of 5,000 labels (Avery L4736, 105 sheets), wall time of the whole download and the API's
 *   resident memory during it, against a PDF of 1,000 labels (flat memory: the peak does not grow with the count);
 * - stocktaking of a 20,000-device school: 8 scanners at once, each scanning its own devices one after another,
 *   scan → answer latency (p50/p95/p99) over every scan.
 * Targets (issue #16): 5,000 labels < 10 s; scan p95 < 50 ms at 8 concurrent scanners.
 */

const LABEL_DEVICES = 5_000;
const SMALL_LABELS = 1_000;
const SCHOOL_DEVICES = 20_000;
const ROOMS = 40;
const SCANNERS = Number(process.env.BENCH_SCANNERS ?? 8);
const SCANS_PER_SCANNER = Number(process.env.BENCH_SCANS ?? 250);

interface Setup {
  labelSchool: string;
  smallSchool: string;
  countSchool: string;
  officeId: string;
  inventory: string[];
}

async function seed(url: string): Promise<Setup> {
  return withClient(url, async (c) => {
    const { rows: existing } = await c.query<{ id: string }>(`SELECT id FROM authorities WHERE slug = 'bench-inventur'`);
    let authorityId = existing[0]?.id;
    if (!authorityId) {
      log('seeding the labels and stocktaking bench (26,000 devices)');
      authorityId = (await c.query<{ id: string }>(`INSERT INTO authorities (name, slug, state) VALUES ('Stadt Benchhausen', 'bench-inventur', 'NW') RETURNING id`)).rows[0].id;
      const school = async (name: string, number: string, devices: number, prefix: string) => {
        const id = (
          await c.query<{ id: string }>(
            `INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count) VALUES ($1, $2, $3, 'gesamtschule', 1500, 120, 60) RETURNING id`,
            [authorityId, name, number],
          )
        ).rows[0].id;
        await c.query(
          `INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, status, location)
           SELECT $1, $2, $3 || lpad(n::text, 6, '0'), 'SN' || $3 || n, 'laptop', 'Lenovo', 'ThinkPad L13 Gen 4', 'available', 'Raum ' || (100 + n % ${ROOMS})
             FROM generate_series(1, $4) n`,
          [authorityId, id, prefix, devices],
        );
        return id;
      };
      await school('Bench-Gesamtschule Etiketten', '990001', LABEL_DEVICES, 'BE-');
      await school('Bench-Grundschule Etiketten', '990002', SMALL_LABELS, 'BK-');
      await school('Bench-Gesamtschule Inventur', '990003', SCHOOL_DEVICES, 'BI-');
      await c.query('ANALYZE devices');
    }
    const schools = (await c.query<{ id: string; school_number: string }>(`SELECT id, school_number FROM schools WHERE authority_id = $1`, [authorityId])).rows;
    const byNumber = (n: string) => schools.find((s) => s.school_number === n)!.id;
    const officeId = await ensureBenchUser(c, { email: 'bench-inventur-office@bench.example', role: 'office', authorityId });
    const countSchool = byNumber('990003');
    // A previous run's stocktaking goes (its scans and items with it).
    await c.query(`DELETE FROM stocktakings WHERE school_id = $1`, [countSchool]);
    const inventory = (await c.query<{ inventory_number: string }>(`SELECT inventory_number FROM devices WHERE school_id = $1 ORDER BY random()`, [countSchool])).rows.map(
      (r) => r.inventory_number,
    );
    return { labelSchool: byNumber('990001'), smallSchool: byNumber('990002'), countSchool, officeId, inventory };
  });
}

/** The API's resident memory (VmRSS) in MiB. */
function rssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * CPU time (user + system) the API process has used so far, in ms (from /proc; NaN elsewhere). Divided by the requests
 * of a phase it is the API's cost per request: a figure a loaded machine distorts far less than latency.
 */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
// USER_HZ of Linux's /proc: 100 on every common platform.
const CLOCK_TICKS = 100;

async function printLabels(baseUrl: string, auth: string, pid: number | undefined, schoolId: string): Promise<{ seconds: number; bytes: number; peakRss: number; startRss: number }> {
  const startRss = rssMiB(pid);
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 50);
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/labels.pdf`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'avery-l4736', schoolId, showModel: true }),
  });
  if (res.status !== 200) throw new Error(`labels.pdf answered ${res.status}: ${await res.text()}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { seconds, bytes, peakRss, startRss };
}

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  const setup = await seed(db.url);
  const api = await startApi(db.url, { port: Number(process.env.PORT ?? BENCH_API_PORT) });
  const auth = `Bearer ${tokenFor(api.secret, setup.officeId)}`;
  const lines: string[] = [`machine: ${machine()}`];
  try {
    // Labels: warm up once, then alternate the 1,000 and 5,000 label PDFs (BENCH_ONLY=scans skips them).
    if (process.env.BENCH_ONLY !== 'scans') await labelRuns();
    async function labelRuns(): Promise<void> {
    await printLabels(api.baseUrl, auth, api.pid, setup.smallSchool);
    const big: Awaited<ReturnType<typeof printLabels>>[] = [];
    const small: Awaited<ReturnType<typeof printLabels>>[] = [];
    for (let i = 0; i < 3; i++) {
      small.push(await printLabels(api.baseUrl, auth, api.pid, setup.smallSchool));
      big.push(await printLabels(api.baseUrl, auth, api.pid, setup.labelSchool));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (r: typeof big) =>
      `median ${median(r.map((x) => x.seconds)).toFixed(2)} s (runs ${r.map((x) => x.seconds.toFixed(2)).join(', ')}), ` +
      `${(r[0].bytes / 2 ** 20).toFixed(1)} MiB PDF, API RSS peak ${Math.max(...r.map((x) => x.peakRss)).toFixed(0)} MiB (before ${r[0].startRss.toFixed(0)} MiB)`;
    lines.push(`labels ${SMALL_LABELS}: ${fmt(small)}`);
    lines.push(`labels ${LABEL_DEVICES}: ${fmt(big)}`);
    }

    // Stocktaking: start, then 8 scanners.
    const started = performance.now();
    const start = await fetch(`${api.baseUrl}/api/v1/stocktakings`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ schoolId: setup.countSchool }),
    });
    if (start.status !== 201) throw new Error(`start answered ${start.status}: ${await start.text()}`);
    const stocktaking = (await start.json()) as { id: string; expected: number };
    lines.push(`stocktaking start (${stocktaking.expected} expected): ${(performance.now() - started).toFixed(0)} ms`);
    const latencies: number[] = [];
    const results: Record<string, number> = {};
    const scanner = async (k: number) => {
      for (let i = 0; i < SCANS_PER_SCANNER; i++) {
        // Every 50th scan repeats a device another scanner has (duplicates and lock waits included).
        const inv = i % 50 === 49 ? setup.inventory[((k + 1) % SCANNERS) * SCANS_PER_SCANNER] : setup.inventory[k * SCANS_PER_SCANNER + i];
        const room = `Raum ${100 + (Number(inv.slice(3)) % ROOMS)}`;
        const t0 = performance.now();
        const res = await fetch(`${api.baseUrl}/api/v1/stocktakings/${stocktaking.id}/scans`, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ tag: inv.toLowerCase(), room }),
        });
        const body = (await res.json()) as { result: string };
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`scan answered ${res.status}: ${JSON.stringify(body)}`);
        results[body.result] = (results[body.result] ?? 0) + 1;
      }
    };
    const t0 = performance.now();
    const cpu0 = cpuMs(api.pid);
    await Promise.all(Array.from({ length: SCANNERS }, (_, k) => scanner(k)));
    const wall = (performance.now() - t0) / 1000;
    const scanCpu = (cpuMs(api.pid) - cpu0) / latencies.length;
    latencies.sort((a, b) => a - b);
    lines.push(
      `stocktaking scans: ${latencies.length} by ${SCANNERS} scanners in ${wall.toFixed(1)} s (${(latencies.length / wall).toFixed(0)}/s); ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms; ` +
        `API CPU ${scanCpu.toFixed(2)} ms a scan; results ${JSON.stringify(results)}`,
    );
    // The floor on this machine at this moment: the same 8 scanners asking GET /devices/by-tag (one indexed read).
    const floor: number[] = [];
    const floorCpu0 = cpuMs(api.pid);
    await Promise.all(
      Array.from({ length: SCANNERS }, async (_, k) => {
        for (let i = 0; i < SCANS_PER_SCANNER; i++) {
          const t1 = performance.now();
          const res = await fetch(`${api.baseUrl}/api/v1/devices/by-tag/${setup.inventory[k * SCANS_PER_SCANNER + i]}`, { headers: { Authorization: auth } });
          await res.arrayBuffer();
          floor.push(performance.now() - t1);
        }
      }),
    );
    floor.sort((a, b) => a - b);
    const floorCpu = (cpuMs(api.pid) - floorCpu0) / floor.length;
    lines.push(`floor GET /devices/by-tag, same 8 clients: p50 ${percentile(floor, 50).toFixed(1)} ms, p95 ${percentile(floor, 95).toFixed(1)} ms; API CPU ${floorCpu.toFixed(2)} ms a request`);
    const p0 = performance.now();
    const detail = await fetch(`${api.baseUrl}/api/v1/stocktakings/${stocktaking.id}`, { headers: { Authorization: auth } });
    if (detail.status !== 200) throw new Error(`progress answered ${detail.status}`);
    lines.push(`progress of 40 rooms (GET /stocktakings/{id}): ${(performance.now() - p0).toFixed(0)} ms`);
  } finally {
    await api.stop();
    await db.stop();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
