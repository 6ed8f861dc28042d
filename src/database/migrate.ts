import { DataSource } from 'typeorm';
import { rows } from '../common/db';
import { dataSourceOptions } from './data-source-options';

// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 724_001;

/**
 * Applies pending migrations, each in its own transaction. An advisory lock makes
 * concurrent starts (several replicas, or test workers) wait instead of racing.
 */
export async function runMigrations(url: string): Promise<string[]> {
  // Pool of one: the session-level lock and its unlock run on the same connection.
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1) });
  await dataSource.initialize();
  try {
    await rows(dataSource.manager, 'SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await rows(dataSource.manager, 'SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await dataSource.destroy();
  }
}
