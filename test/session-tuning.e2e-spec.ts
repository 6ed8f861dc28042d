import { Client } from 'pg';
import { tuneTransaction } from '../src/common/session-tuning';
import { createTestDatabase } from './test-database';

describe('tuneTransaction (SET LOCAL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });
  const show = async (name: string) => ((await client.query(`SELECT current_setting($1) AS v`, [name])).rows[0] as { v: string }).v;

  it('changes the settings inside the transaction only', async () => {
    const before = { jit: await show('jit'), workers: await show('max_parallel_workers_per_gather'), workMem: await show('work_mem') };
    await client.query('BEGIN');
    await tuneTransaction(client, { jit: false, parallelWorkers: 0, workMem: '64MB' });
    expect({ jit: await show('jit'), workers: await show('max_parallel_workers_per_gather'), workMem: await show('work_mem') }).toEqual({ jit: 'off', workers: '0', workMem: '64MB' });
    await client.query('COMMIT');
    expect({ jit: await show('jit'), workers: await show('max_parallel_workers_per_gather'), workMem: await show('work_mem') }).toEqual(before);
  });

  it('refuses a work_mem that is not a plain size', async () => {
    await expect(tuneTransaction(client, { workMem: "1MB'; DROP TABLE x; --" as never })).rejects.toThrow('Not a memory size');
  });
});
