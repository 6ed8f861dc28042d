import { Client } from 'pg';
import { embeddedPostgresUrl, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import type { AppConfig } from '../src/config/app-config';
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
 * The database of a maintenance command (`npm run admin:reset-password`, `npm run counters:reconcile`), migrated:
 * DATABASE_URL, else the embedded server of a running `npm start` (joined), else that embedded server started for the
 * command and stopped after it.
 */
export async function withMigratedDatabase<T>(work: (url: string, config: AppConfig) => Promise<T>): Promise<T> {
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
  try {
    await runMigrations(url);
    return await work(url, config);
  } finally {
    await stop?.();
  }
}
