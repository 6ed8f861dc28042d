import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import type { Actor } from '../src/common/actor';
import { DEFAULT_BATCH_SIZE } from '../src/exports/export-db';
import { deviceExportQuery } from '../src/devices/devices.queries';
import { inventoryColumns } from '../src/exports/inventory-export.service';
import { invoiceColumns, inventoryLineColumns } from '../src/exports/grant-report-sheets';
import { PacedWorkbook } from '../src/exports/paced-workbook';
import { expenditureLinesQuery, inventoryLinesQuery } from '../src/grants/grants.queries';
import { benchJwtSecret, ensureBenchUser, log, machine, openBenchDatabase, type RunningApi, saveResult, startApi, tokenFor, withClient } from './common';
import { runSeed } from './seed';
import { EXPORT_AUTHORITY_SLUG, exportDevicesPart, grantReportPart, REPORT_GRANT_REFERENCE } from './seed-export';

/**
 * `npm run bench:export`: the inventory export of 1,000,000 devices and the proof of use of a grant with 50,000 invoices
 * and 200,000 devices, each downloaded over HTTP from the API running as a child process. Baseline: ExcelJS's streaming
 * writer writing the same rows, with the same columns and formats, from memory to a null sink, in this process, without
 * database or HTTP.
 * Both sides warm, as a server that has been running: one API process per export serves all its downloads, and one
 * untimed download and one untimed baseline run first. (Until session 25 every download had a fresh API process while
 * the baseline ran in this one: the baseline's JIT warmed up over the pairs, 15–25 % faster from the first pair to the
 * fifth, the downloads never did. BENCH_EXPORT_COLD=1 measures that way.) The server's peak RSS is reset before each
 * download (/proc/<pid>/clear_refs), so each download's peak (VmHWM) is its own.
 * Seeds its data (parts `export-devices`, `grant-report`) when missing. Env: DATABASE_URL (else the embedded bench server),
 * BENCH_REPEAT (pairs per export, default 3), BENCH_API_NODE_ARGS. `--only=inventory` or `--only=report` runs one export.
 */

/** A port of its own: the API benchmark uses BENCH_API_PORT, and both may run at once on a shared machine. */
const PORT = Number(process.env.BENCH_EXPORT_PORT ?? 3170);

interface ExportRun {
  rows: number;
  bytes: number;
  seconds: number;
  /** Until the response headers (the browser shows the download from here). */
  headersMs: number;
  firstByteMs: number;
  rowsPerSecond: number;
  peakRssMb: number;
  idleRssMb: number;
}

const mb = (kb: number) => Math.round(kb / 1024);
/** Pairs (baseline, export) per measurement: on a shared machine single runs vary by a third. */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

const fastest = <T extends { rowsPerSecond: number }>(runs: T[]): T => runs.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));

const worstPeak = (best: ExportRun, all: ExportRun[]): ExportRun => ({ ...best, peakRssMb: Math.max(...all.map((r) => r.peakRssMb)) });

function procStatus(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

const COLD = process.env.BENCH_EXPORT_COLD === '1';
/** How the downloads were served, for the log and the table's caption. */
const MODE = COLD ? 'a fresh API process per download' : 'both warm (one API process, one untimed run each first)';

/** Downloads one export from the running API; reports time, size and the server's peak RSS during the download. */
async function download(api: RunningApi, path: string, token: string, rows: number): Promise<ExportRun> {
  const base = api.baseUrl;
  const idle = procStatus(api.pid!);
  // The peak RSS from here on (Linux: 5 resets VmHWM to the current RSS).
  writeFileSync(`/proc/${api.pid}/clear_refs`, '5');
  const started = performance.now();
  let headers = 0;
  let firstByte = 0;
  let bytes = 0;
  let tail = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      headers = performance.now() - started;
      if (res.statusCode !== 200) return reject(new Error(`${path}: HTTP ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        if (!firstByte) firstByte = performance.now() - started;
        bytes += chunk.length;
        tail = Buffer.concat([tail, chunk]).subarray(-22);
      });
      res.on('end', resolve);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  const seconds = (performance.now() - started) / 1000;
  // A complete zip ends with its end-of-central-directory record.
  if (tail.readUInt32LE(0) !== 0x06054b50) throw new Error(`${path}: the download is not a complete xlsx file`);
  const peak = procStatus(api.pid!);
  return {
    rows,
    bytes,
    seconds: Math.round(seconds * 10) / 10,
    headersMs: Math.round(headers),
    firstByteMs: Math.round(firstByte),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: mb(peak.hwmKb),
    idleRssMb: mb(idle.rssKb),
  };
}

/** A fresh API process for one download (BENCH_EXPORT_COLD=1). */
async function coldDownload(url: string, path: string, token: string, rows: number): Promise<ExportRun> {
  const api = await startApi(url, { port: PORT });
  try {
    return await download(api, path, token, rows);
  } finally {
    await api.stop();
  }
}

const BASELINE_POOL = 20_000;

/** Hands `count` rows to `write` in batches like the database cursor does, cycling through `pool`. */
async function writeCycled<T>(pool: T[], count: number, write: (batch: T[]) => Promise<void>): Promise<void> {
  for (let done = 0; done < count; ) {
    const batch: T[] = [];
    for (; batch.length < DEFAULT_BATCH_SIZE && done < count; done++) batch.push(pool[done % pool.length]);
    await write(batch);
  }
}

/** The baseline: the same sheets written from rows already in memory, to a sink that drops the bytes. */
interface BaselineRun {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

async function baseline(write: (book: PacedWorkbook) => Promise<number>): Promise<BaselineRun> {
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const started = performance.now();
  const book = new PacedWorkbook(sink, { lang: 'de' });
  const rows = await write(book);
  await book.commit();
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds) };
}

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  try {
    await runSeed(db.url, [exportDevicesPart, grantReportPart]);
    const { authorityId, grantId, officeId, devices, invoices, reportDevices } = await withClient(db.url, async (client) => {
      const { rows } = await client.query(
        `SELECT a.id AS "authorityId", g.id AS "grantId",
                (SELECT count(*) FROM devices d WHERE d.authority_id = a.id)::int AS devices,
                (SELECT count(*) FROM expenditures e WHERE e.grant_id = g.id)::int AS invoices,
                (SELECT count(*) FROM expenditure_devices x JOIN expenditures e ON e.id = x.expenditure_id WHERE e.grant_id = g.id)::int AS "reportDevices"
           FROM authorities a JOIN grants g ON g.authority_id = a.id AND g.reference_number = $2 WHERE a.slug = $1`,
        [EXPORT_AUTHORITY_SLUG, REPORT_GRANT_REFERENCE],
      );
      const officeId = await ensureBenchUser(client, { email: 'bench-export-office@bench.example', role: 'office', authorityId: rows[0].authorityId });
      return { ...rows[0], officeId } as { authorityId: string; grantId: string; officeId: string; devices: number; invoices: number; reportDevices: number };
    });
    const token = tokenFor(benchJwtSecret(), officeId);
    const actor: Actor = { id: officeId, role: 'office', authorityId, schoolIds: [] };

    // Baselines: the same rows (the first BASELINE_POOL of each query, repeated up to the export's count, so that a
    // million live row objects do not turn the baseline into a garbage-collector benchmark), loaded first (not timed).
    const loaded = await withClient(db.url, async (client) => {
      const pool = async ({ sql, params }: { sql: string; params: unknown[] }) =>
        (await client.query(`SELECT * FROM (${sql}) q LIMIT ${BASELINE_POOL}`, params)).rows as Record<string, unknown>[];
      return {
        devices: await pool(deviceExportQuery(actor, {})),
        invoices: (await pool(expenditureLinesQuery(actor, grantId))).map((r, i) => ({ ...r, runningNumber: i + 1 })),
        inventoryLines: await pool(inventoryLinesQuery(actor, grantId)),
      };
    });

    const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
    const measured: { name: string; run: ExportRun; baseline: BaselineRun; ratio: number; pairRatios: number[]; bestOfRatio: number }[] = [];
    /**
     * Baseline and export alternate (baseline, export, baseline, export ...), so each pair meets the same background load:
     * on a shared machine the speed of both drifts by a third within minutes. The ratio is the median of the pairs'
     * ratios; the table shows the fastest export and the highest peak of its runs.
     */
    const measure = async (name: string, description: string, path: string, rows: number, baselineRun: () => Promise<BaselineRun>) => {
      if (onlyArg && !name.startsWith(onlyArg)) return;
      log(`${name}: ${description}, ${REPEAT} × (baseline from memory, then the export over HTTP), ${MODE} ...`);
      const runs: ExportRun[] = [];
      const baselines: BaselineRun[] = [];
      const api = COLD ? null : await startApi(db.url, { port: PORT });
      try {
        if (api) {
          await baselineRun();
          await download(api, path, token, rows);
        }
        for (let i = 0; i < REPEAT; i++) {
          baselines.push(await baselineRun());
          runs.push(api ? await download(api, path, token, rows) : await coldDownload(db.url, path, token, rows));
          log(`  baseline ${baselines[i].rowsPerSecond.toLocaleString('en')} rows/s, export ${runs[i].rowsPerSecond.toLocaleString('en')} rows/s (${runs[i].seconds} s, peak ${runs[i].peakRssMb} MB): ${(runs[i].rowsPerSecond / baselines[i].rowsPerSecond).toFixed(2)}`);
        }
      } finally {
        await api?.stop();
      }
      const round = (n: number) => Math.round(n * 100) / 100;
      const pairRatios = runs.map((r, i) => round(r.rowsPerSecond / baselines[i].rowsPerSecond));
      const sorted = [...pairRatios].sort((a, b) => a - b);
      const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
      const run = worstPeak(fastest(runs), runs);
      const base = fastest(baselines);
      measured.push({ name, run, baseline: base, ratio: median, pairRatios, bestOfRatio: round(run.rowsPerSecond / base.rowsPerSecond) });
    };

    await measure(
      'inventory.xlsx',
      `${devices.toLocaleString('en')} devices`,
      '/api/v1/exports/inventory.xlsx',
      devices,
      () =>
        baseline(async (book) => {
          const sheet = book.addSheet('Inventar', inventoryColumns('de'));
          await writeCycled(loaded.devices, devices, (batch) => sheet.addRows(batch as never));
          sheet.commit();
          return sheet.rowCount;
        }),
    );
    await measure(
      'report.xlsx',
      `grant report, ${invoices.toLocaleString('en')} invoices and ${reportDevices.toLocaleString('en')} devices`,
      `/api/v1/grants/${grantId}/report.xlsx`,
      invoices + reportDevices,
      () =>
        baseline(async (book) => {
          const lines = book.addSheet('Belegliste', invoiceColumns('de'));
          await writeCycled(loaded.invoices, invoices, (batch) => lines.addRows(batch as never));
          lines.addTotalsRow('Summe');
          lines.commit();
          const inventorySheet = book.addSheet('Inventarliste', inventoryLineColumns('de'));
          await writeCycled(loaded.inventoryLines, reportDevices, (batch) => inventorySheet.addRows(batch as never));
          inventorySheet.addTotalsRow('Summe');
          inventorySheet.commit();
          return lines.rowCount + inventorySheet.rowCount;
        }),
    );

    const file = saveResult('export', { machine: machine(), repeat: REPEAT, warm: !COLD, exports: measured, targets: { peakRssMb: 300, ratio: 0.8 } });
    console.log(`\n## Excel exports (${machine()})\n`);
    console.log(`${REPEAT} alternating pairs (baseline, export) each, ${MODE}: fastest export and fastest baseline, ratio = median of the pairs' ratios.\n`);
    console.log('| export | rows | file | headers / first byte | total | rows/s | baseline rows/s (memory → ExcelJS) | ratio (pairs) | server peak RSS (idle) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { name, run, baseline: base, ratio, pairRatios } of measured) {
      console.log(
        `| ${name} | ${run.rows.toLocaleString('en')} | ${(run.bytes / 2 ** 20).toFixed(1)} MB | ${run.headersMs} / ${run.firstByteMs} ms | ${run.seconds} s | ${run.rowsPerSecond.toLocaleString('en')} | ${base.rowsPerSecond.toLocaleString('en')} | **${ratio}** (${pairRatios.join(', ')}) | ${run.peakRssMb} MB (${run.idleRssMb} MB) |`,
      );
    }
    console.log(`\nSaved to ${file}`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
