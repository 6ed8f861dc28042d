import { Client } from 'pg';
import { ENV_SERVER_URL, ENV_TEMPLATE } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[ENV_SERVER_URL];
  const template = process.env[ENV_TEMPLATE];
  const embedded = (globalThis as { __embeddedPg?: { stop(): Promise<void> } }).__embeddedPg;
  if (embedded) {
    await embedded.stop(); // a throwaway cluster: its folder goes with it
    return;
  }
  if (!serverUrl || !template) return;
  // On a shared server, remove this run's template and any database a crashed test file left behind.
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
    for (const { datname } of rows.sort((a, b) => b.datname.length - a.datname.length)) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
