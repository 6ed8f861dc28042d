import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { ExportConnection, ExportDb } from '../src/exports/export-db';
import { createAuthority, createDevice, createSchool, World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestApp, createTestWorld, TestApp } from './harness';
import { binaryParser, readWorkbook, sheetRows } from './xlsx-helpers';

/**
 * The export's connections (src/exports/export-db.ts): a fork reads the snapshot of the connection it was forked
 * from, and it is committed, rolled back or destroyed together with it. The grant report streams its inventory
 * lines from a fork, and reads them on its one connection when the pool has none to spare.
 */
describe('Export connections and their forks', () => {
  let t: TestApp;
  let w: World;
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
  const forkOf = async (db: ExportConnection): Promise<ExportConnection> => {
    const fork = await db.fork();
    if (!fork) throw new Error('expected a fork: the pool has connections to spare');
    return fork;
  };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
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
      const fork = await forkOf(db);
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

  it('destroys a fork whose cursor is still open when the export fails, and one whose client went away', async () => {
    const failing = await exportDb.open();
    const fork = await forkOf(failing);
    const forkPid = await pidOf(fork);
    const cursor = await fork.cursor<{ i: number }>('SELECT i FROM generate_series(1, 100000) AS i', [], 10);
    expect(cursor.settled).toBe(false);
    await failing.close(true);
    expect(await until(async () => (await backend(forkPid)) === undefined)).toBe(true);

    const controller = new AbortController();
    const aborted = await exportDb.open(controller.signal);
    const abortedFork = await forkOf(aborted);
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

  it('gives no fork when the pool has no connection to spare; the grant report then reads its lists in turn, the same file', async () => {
    const grant = await createGrant(t, w.officeA, { title: 'Gabel', eligibleUntil: '2099-12-31' });
    await allocate(t, w.officeA, grant.id, w.schoolA1, 1_000_000);
    const devices = [];
    for (let i = 1; i <= 3; i++) devices.push(await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: `GB-${i}` }));
    await spend(t, w.officeA, grant.id, w.schoolA1, { grossCents: 150_001, deviceIds: devices.slice(0, 2) });
    await spend(t, w.officeA, grant.id, w.schoolA1, { grossCents: 20_000, deviceIds: [devices[2]], invoiceNumber: null, invoiceDate: null, paidOn: null });
    const download = async () => {
      const book = await readWorkbook(await t.http().get(`/api/v1/grants/${grant.id}/report.xlsx`).set('Authorization', w.officeA.auth).buffer(true).parse(binaryParser as never).expect(200));
      return book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }));
    };
    const openIfFree = jest.spyOn(exportDb, 'openIfFree');
    const forked = await download();
    expect(await openIfFree.mock.results[0].value).not.toBeNull();
    expect(forked.find((s) => s.name === 'Inventarliste')!.rows.slice(1).map((r) => r[0])).toEqual(['GB-1', 'GB-2', 'GB-3', 'Summe']);

    // Every pooled connection but one is taken: the report gets that one (after the login check has used and returned it).
    const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
    const held: QueryRunner[] = [];
    try {
      while (held.length < (pool.options.max ?? 10) - 1) {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      openIfFree.mockClear();
      expect(await download()).toEqual(forked);
      expect(openIfFree).toHaveBeenCalledTimes(1);
      expect(await openIfFree.mock.results[0].value).toBeNull();
    } finally {
      for (const runner of held) await runner.release();
      openIfFree.mockRestore();
    }
  });
});

/**
 * The server's statement_timeout (DB_STATEMENT_TIMEOUT_MS) ends a statement that runs too long, but a cursor's
 * statement lasts as long as its reader takes: a large export to a slow client. The export's transaction has none.
 */
describe('An export outlasting the statement timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '1000' });
  });
  afterAll(() => t.close());

  it('reads a cursor for longer than the statement timeout, while ordinary statements keep it', async () => {
    await expect(t.dataSource.query('SELECT pg_sleep(1.5)')).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '57014' }) });
    const db = await t.app.get(ExportDb).open();
    try {
      const cursor = await db.cursor<{ n: number }>('SELECT g AS n FROM generate_series(1, 2000) g', [], 250);
      const seen: number[] = [];
      const started = Date.now();
      for await (const batch of cursor) {
        seen.push(...batch.map((r) => r.n));
        await new Promise((resolve) => setTimeout(resolve, 200)); // a slow client
      }
      expect(Date.now() - started).toBeGreaterThan(1500);
      expect(seen).toHaveLength(2000);
      expect(seen.at(-1)).toBe(2000);
    } finally {
      await db.close();
    }
  });
});
