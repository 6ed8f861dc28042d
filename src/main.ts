import 'reflect-metadata';
import { isClusterPrimary, runClusterPrimary } from './cluster';
import { ConfigValidationError } from './config/app-config';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { closeOnSignals, loadConfig, startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  if (isClusterPrimary(config)) return runClusterPrimary(config);
  const server = await startServer(config);
  closeOnSignals(server);
}

main().catch((error: unknown) => {
  // Configuration and database start-up problems are the user's to fix: say what is wrong, without a stack trace.
  if (error instanceof ConfigValidationError || error instanceof EmbeddedPostgresError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
