import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { freePort } from './support/net';
import { adminQuery, ENV_SERVER_URL, ENV_TEMPLATE, withDatabase } from './test-database';

/**
 * Once per `jest` run: a PostgreSQL server (DATABASE_URL, or a throwaway embedded one),
 * and a template database with every migration applied. Test files clone the template.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'schul-it-test-pg-'));
    const handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    (globalThis as { __embeddedPg?: typeof handle }).__embeddedPg = handle;
    serverUrl = handle.url;
  }
  // Unique per run, so concurrent runs against one server do not trample each other's template.
  const template = `test_tmpl_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  await runMigrations(withDatabase(serverUrl, template));
  process.env[ENV_SERVER_URL] = serverUrl;
  process.env[ENV_TEMPLATE] = template;
}
