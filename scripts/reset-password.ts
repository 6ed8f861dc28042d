import 'reflect-metadata';
import { Client } from 'pg';
import { resetPassword, UnknownUserError } from '../src/auth/first-admin';
import { embeddedPostgresUrl, EmbeddedPostgresError, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { oneTimeLoginBlock } from '../src/i18n/first-start';
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
 * `npm run admin:reset-password -- EMAIL`: a new one-time password for the user (e.g. the platform admin who lost the
 * first start's), printed here; every session of the user ends. Works beside a running server (it joins the embedded
 * database that server started) and without one (it starts the embedded database itself, then stops it).
 */
async function main(): Promise<void> {
  const email = process.argv[2];
  if (!email) {
    console.error('Aufruf: npm run admin:reset-password -- E-MAIL-ADRESSE');
    process.exit(2);
  }
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
    const login = await resetPassword(url, email);
    process.stdout.write(oneTimeLoginBlock('reset', login, `http://localhost:${config.PORT}/`));
    if (!login.active) console.log('  Hinweis: Das Konto ist deaktiviert; die Anmeldung gelingt erst nach der Aktivierung.\n');
  } finally {
    await stop?.();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof UnknownUserError || error instanceof EmbeddedPostgresError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
