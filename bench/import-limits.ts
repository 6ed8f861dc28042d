import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readImportFile } from '../src/devices/import/import-reader';
import { IMPORT_LIMITS } from '../src/devices/import/device-import.service';
import { sheetOf, workbookOf } from '../test/xlsx-hostile';

/**
 * How fast and with how much memory the import refuses hostile workbooks (issue #14, point 9: within 1 s and with
 * less than 100 MB of extra memory). Reads each file as the import does (`readImportFile`), in this process:
 * time to the refusal, the largest RSS above the start, the longest event-loop stall.
 * Run: `npm run bench:import-limits` (node --expose-gc).
 */
const bomb = Buffer.alloc(100 * 1024 * 1024, 'a');
const files: { name: string; build: () => Buffer }[] = [
  { name: 'false sizes (100 MB entry declared as 1 KB)', build: () => workbookOf(sheetOf(3), [{ name: 'xl/sharedStrings.xml', data: bomb, declaredSize: 1_000 }]) },
  { name: 'real high ratio (100 MB entry, size stated)', build: () => workbookOf(sheetOf(3), [{ name: 'xl/sharedStrings.xml', data: bomb }]) },
  { name: '1,048,576 rows', build: () => workbookOf(sheetOf(1_048_576)) },
];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  console.log('| file | upload | answer | time to refusal | extra RSS (peak) | longest event-loop stall |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, build } of files) {
    const buffer = build();
    gc();
    await new Promise((r) => setTimeout(r, 100));
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    const outcome = await readImportFile({ buffer, originalname: 'hostile.xlsx' }, IMPORT_LIMITS.maxRows).then(
      () => 'read (not refused)',
      (error: { getStatus?: () => number; message: string }) => `${error.getStatus?.() ?? '?'}`,
    );
    const ms = performance.now() - started;
    loop.disable();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(`| ${name} | ${mb(buffer.length)} | ${outcome} | ${ms.toFixed(0)} ms | ${mb(peak - base)} | ${(loop.max / 1e6).toFixed(0)} ms |`);
  }
}

void main();
