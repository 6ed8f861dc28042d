import { ExportConnection, ExportDb } from '../src/exports/export-db';
import { createAuthority, createDevice, createSchool } from './factories';
import { createTestApp, TestApp } from './harness';

/**
 * The export's connections (src/exports/export-db.ts): a fork reads the snapshot of the connection it was forked
 * from, and it is committed, rolled back or destroyed together with it (the grant report streams its inventory
 * lines from a fork).
 */
describe('Export connections and their forks', () => {
  let t: TestApp;
  let exportDb: ExportDb;
  let authority: string;
  let school: string;

  const pidOf = async (db: ExportConnection) => (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;
  const backend = async (pid: number): Promise<{ state: string } | undefined> =>
    (await t.dataSource.query(`SELECT state FROM pg_stat_activity WHERE pid = $1`, [pid]))[0];
  const devicesOf = async (db: ExportConnection) =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM devices WHERE authority_id = $1', [authority]))[0].n);
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return check();
  };

  beforeAll(async () => {
    t = await createTestApp();
    exportDb = t.app.get(ExportDb);
    authority = await createAuthority(t.dataSource, { name: 'Gabelstadt' });
    school = await createSchool(t.dataSource, authority);
    await createDevice(t.dataSource, authority, school, { inventoryNumber: 'F-0001' });
  });
  afterAll(() => t.close());

  it("reads the snapshot it was forked from, not later writes, and ends with its parent's transaction", async () => {
    const db = await exportDb.open();
    try {
      expect(await devicesOf(db)).toBe(1); // the snapshot is taken here
      await createDevice(t.dataSource, authority, school, { inventoryNumber: 'F-0002' });
      const fork = await db.fork();
      expect(await devicesOf(fork)).toBe(1);
      expect(await devicesOf(db)).toBe(1);
      const [parentPid, forkPid] = [await pidOf(db), await pidOf(fork)];
      expect(forkPid).not.toBe(parentPid);
      expect((await backend(forkPid))?.state).toBe('idle in transaction');
      await db.close();
      // Both transactions ended and both connections went back to the pool: the backends stay, out of any transaction
      // (one of them may be the very one answering this query, hence `active`).
      for (const pid of [parentPid, forkPid]) expect(['idle', 'active']).toContain((await backend(pid))?.state);
    } finally {
      await db.close();
    }
    const fresh = await exportDb.open();
    expect(await devicesOf(fresh)).toBe(2);
    await fresh.close();
  });

  it("destroys a fork whose cursor is still open when the export fails, and one whose client went away", async () => {
    const failing = await exportDb.open();
    const fork = await failing.fork();
    const forkPid = await pidOf(fork);
    const cursor = await fork.cursor<{ i: number }>('SELECT i FROM generate_series(1, 100000) AS i', [], 10);
    expect(cursor.settled).toBe(false);
    await failing.close(true);
    expect(await until(async () => (await backend(forkPid)) === undefined)).toBe(true);

    const controller = new AbortController();
    const aborted = await exportDb.open(controller.signal);
    const abortedFork = await aborted.fork();
    const pids = [await pidOf(aborted), await pidOf(abortedFork)];
    await abortedFork.cursor('SELECT i FROM generate_series(1, 100000) AS i', [], 10);
    controller.abort(new Error('The client closed the connection'));
    for (const pid of pids) expect(await until(async () => (await backend(pid)) === undefined)).toBe(true);
    await aborted.close(true);
    // The pool made new connections: exports keep working.
    const next = await exportDb.open();
    expect(await devicesOf(next)).toBe(2);
    await next.close();
  });
});
