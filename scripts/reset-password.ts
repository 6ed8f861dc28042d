import 'reflect-metadata';
import { resetPassword, UnknownUserError } from '../src/auth/first-admin';
import { EmbeddedPostgresError } from '../src/database/embedded-postgres';
import { oneTimeLoginBlock } from '../src/i18n/first-start';
import { withMigratedDatabase } from './script-database';

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
  await withMigratedDatabase(async (url, config) => {
    const login = await resetPassword(url, email);
    process.stdout.write(oneTimeLoginBlock('reset', login, `http://localhost:${config.PORT}/`));
    if (!login.active) console.log('  Hinweis: Das Konto ist deaktiviert; die Anmeldung gelingt erst nach der Aktivierung.\n');
  });
}

main().catch((error: unknown) => {
  const known = error instanceof UnknownUserError || error instanceof EmbeddedPostgresError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
