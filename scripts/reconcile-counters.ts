import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CountersService } from '../src/counters/counters.service';
import { dataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedPostgresError } from '../src/database/embedded-postgres';
import { withMigratedDatabase } from './script-database';

/**
 * `npm run counters:reconcile`: recounts the devices and loans, repairs the counters behind coverage and the overview
 * where they differ, and folds the deltas (what the nightly job does). Safe beside running servers: it takes the same
 * advisory lock as their job, and says so when one of them holds it.
 */
async function main(): Promise<void> {
  await withMigratedDatabase(async (url, config) => {
    const dataSource = new DataSource(dataSourceOptions(url, 2));
    try {
      await dataSource.initialize();
      const started = Date.now();
      const result = await new CountersService(dataSource, config).reconcile();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!result.ran) console.log('Ein anderer Prozess gleicht die Zähler gerade ab; nichts getan.');
      else console.log(`Zähler abgeglichen in ${seconds} s: ${result.repaired} Abweichungen korrigiert, ${result.folded} Änderungen zusammengefasst.`);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedPostgresError ? error.message : error);
  process.exit(1);
});
