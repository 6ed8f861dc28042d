import 'reflect-metadata';
import type { Client } from 'pg';
import { log, openBenchDatabase, withClient } from './common';
import { coveragePart } from './seed-coverage';
import { authoritiesPart, devicesPart, schoolsPart } from './seed-devices';
import { exportDevicesPart, grantReportPart } from './seed-export';
import { licencesPart } from './seed-licences';
import { loansPart } from './seed-loans';

/**
 * `npm run bench:seed`: builds the state-scale data set, part by part.
 * Each part runs in one transaction that also records it in `bench_seed_parts`, so a part is either fully there
 * or not at all, and a second run skips what exists. Options: `--only=devices,loans`, `--skip=loans`.
 * Environment: DATABASE_URL (else the embedded bench server), BENCH_SCALE (e.g. 0.1 for a tenth of the data; up to 2,
 * which part `coverage` reads as twice the devices per school, for the counters' size ratio).
 */

export interface SeedContext {
  client: Client;
  /** 1 = the full state-scale set; smaller for a quick try. */
  scale: number;
}

export interface SeedPart {
  name: string;
  describe: string;
  run(ctx: SeedContext): Promise<void>;
}

/** In order: later parts use earlier ones. A feature adds its part here (one line). */
export const SEED_PARTS: SeedPart[] = [authoritiesPart, schoolsPart, devicesPart, loansPart, coveragePart, exportDevicesPart, grantReportPart, licencesPart];

function listArg(name: string): string[] | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3).split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

export async function runSeed(url: string, parts: SeedPart[] = SEED_PARTS): Promise<void> {
  const only = listArg('only');
  const skip = listArg('skip') ?? [];
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 2)) throw new Error('BENCH_SCALE must be in (0, 2]');
  await withClient(url, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS bench_seed_parts (name text PRIMARY KEY, scale numeric NOT NULL, seconds numeric NOT NULL, finished_at timestamptz NOT NULL DEFAULT now())`);
    for (const part of parts) {
      if ((only && !only.includes(part.name)) || skip.includes(part.name)) {
        log(`${part.name}: skipped (command line)`);
        continue;
      }
      const { rows } = await client.query(`SELECT seconds FROM bench_seed_parts WHERE name = $1`, [part.name]);
      if (rows.length) {
        log(`${part.name}: already seeded (took ${rows[0].seconds} s), skipping`);
        continue;
      }
      log(`${part.name}: ${part.describe} ...`);
      const started = Date.now();
      await client.query('BEGIN');
      try {
        await part.run({ client, scale });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        await client.query(`INSERT INTO bench_seed_parts (name, scale, seconds) VALUES ($1, $2, $3)`, [part.name, scale, seconds]);
        await client.query('COMMIT');
        log(`${part.name}: done in ${seconds} s`);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    // The steady state of a running server: its job folds the counters' deltas (the seed's many statements leave
    // hundreds of thousands), and autovacuum then clears the dead rows.
    log('folding the counters ...');
    for (let more = true; more; ) {
      const { rows } = await client.query<{ folded: number; more: boolean }>(`SELECT folded, more FROM counters_compact(50000)`);
      more = rows[0].more;
    }
    log('VACUUM ANALYZE ...');
    await client.query('VACUUM (ANALYZE) device_counts, device_count_deltas, loan_counts, loan_count_deltas');
    await client.query('ANALYZE');
  });
}

if (require.main === module) {
  (async () => {
    const db = await openBenchDatabase();
    const started = Date.now();
    try {
      await runSeed(db.url);
      log(`seed finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await db.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
