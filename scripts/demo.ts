import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, loadDemo } from '../src/demo/demo';
import { closeOnSignals, loadConfig, writeOutLogs, printFirstLogin, startServer } from '../src/server';

/** `npm run demo`: the app with a fictional city loaded, and the logins printed. */
async function main(): Promise<void> {
  const server = await startServer(loadConfig(), { listen: false });
  closeOnSignals(server);
  const started = Date.now();
  const { created, logins } = await loadDemo(server.app.get(DataSource));
  await server.app.listen(server.config.PORT);
  writeOutLogs(server.app);
  const url = `http://localhost:${server.config.PORT}`;
  const lines = logins.map((l) => `    ${l.role.padEnd(12)} ${l.email}`);
  process.stdout.write(
    `\n  Demo ${created ? `loaded in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'data already present'}: Stadt Musterstadt (and Kreis Beispielland)\n` +
      `  Web app: ${url}/   (the counter: ${url}/ausgabe, e.g. as it@goethe-gymnasium.example)\n` +
      `  Swagger UI: ${url}/api/docs   (POST /api/v1/auth/login, then "Authorize")\n` +
      `  Password for every demo user: ${DEMO_PASSWORD}\n${lines.join('\n')}\n\n`,
  );
  // On an empty data folder the platform admin was created too (authorities and users are the admin's).
  printFirstLogin(server.config, server.firstLogin);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
