import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CountersService } from '../src/counters/counters.service';
import { dataSourceOptions } from '../src/database/data-source-options';
import { embeddedPostgresUrl, EmbeddedPostgresError, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { loadConfig } from '../src/server';

/** True when a PostgreSQL answers at the URL (the embedded server of a running `npm start`). */
async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `npm run counters:reconcile`: recounts the devices and loans, repairs the counters behind coverage and the overview
 * where they differ, and folds the deltas (what the nightly job does). Safe beside running servers: it takes the same
 * advisory lock as their job, and says so when one of them holds it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let url = config.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    url = embeddedPostgresUrl(config.EMBEDDED_PG_PORT);
    if (!(await answers(url))) {
      const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
      stop = () => embedded.stop();
    }
  }
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  try {
    await runMigrations(url);
    await dataSource.initialize();
    const started = Date.now();
    const result = await new CountersService(dataSource, config).reconcile();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!result.ran) console.log('Ein anderer Prozess gleicht die Zähler gerade ab; nichts getan.');
    else console.log(`Zähler abgeglichen in ${seconds} s: ${result.repaired} Abweichungen korrigiert, ${result.folded} Änderungen zusammengefasst.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stop?.();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedPostgresError ? error.message : error);
  process.exit(1);
});
