import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { ExportSlots } from '../src/exports/export-slots';
import { createAuthority, createSchool, createUser, createDevice, World } from './factories';
import { createTestWorld, TEST_ADMIN, TestApp } from './harness';
import { binaryParser, readWorkbook, sheetRows } from './xlsx-helpers';

/**
 * Slow export readers (issue #14, point 12): exports stream in a bounded number of slots (EXPORT_MAX_CONCURRENT), a
 * request beyond them waits briefly and then answers 503 EXPORTS_BUSY with Retry-After, and a client that stops
 * reading is cut off after EXPORT_IDLE_TIMEOUT_MS. Meanwhile logins and device reads keep being answered.
 */
describe('Exports and slow readers', () => {
  let t: TestApp;
  let w: World;
  let bigOffice: { auth: string };
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ t, w } = await createTestWorld({ EXPORT_MAX_CONCURRENT: '2', EXPORT_QUEUE_WAIT_MS: '300', EXPORT_IDLE_TIMEOUT_MS: '2000' }));
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    // An inventory whose file is far larger than what the sockets' kernel buffers take in (a few MB): random text
    // barely compresses, so a client that reads nothing really stops the export half-way.
    const authority = await createAuthority(t.dataSource, { name: 'Großstadt' });
    const school = await createSchool(t.dataSource, authority);
    await t.dataSource.query(
      `INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, location)
       SELECT $1, $2, 'BIG-' || i, md5('s' || i) || md5('t' || i), 'laptop', 'Lenovo',
              md5('a' || i) || md5('b' || i) || md5('c' || i) || md5('d' || i) || md5('e' || i) || md5('f' || i),
              md5('g' || i) || md5('h' || i) || md5('i' || i) || md5('j' || i) || md5('k' || i) || md5('l' || i)
         FROM generate_series(1, 20000) AS i`,
      [authority, school],
    );
    bigOffice = await createUser(t, { role: 'office', authorityId: authority });
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await t.close();
  });

  /** A client that asks for the big inventory and then reads nothing. */
  const slowReader = (): Socket => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined); // the server cuts it off
    socket.write(`GET /api/v1/exports/inventory.xlsx HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${bigOffice.auth}\r\nConnection: close\r\n\r\n`);
    socket.pause();
    sockets.push(socket);
    return socket;
  };
  const until = async (check: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + 60_000;
    while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return check();
  };
  /** Connections inside a transaction (the exports' snapshots; a portal being fetched from shows as active). */
  const exportsInTransaction = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND state IN ('active', 'idle in transaction')`,
      )
    )[0].n;

  it('answers 503 EXPORTS_BUSY beyond the slots while slow readers hold them, keeps answering logins and device reads, and cuts the idle readers off', async () => {
    const slots = t.app.get(ExportSlots);
    expect(slots.limit).toBe(2);
    const readers = [slowReader(), slowReader(), slowReader()];
    const closed = readers.map((s) => new Promise<void>((resolve) => s.once('close', () => resolve())));
    // Two take the slots and stall on their full sockets; the third waits briefly and is refused.
    expect(await until(() => slots.active === 2)).toBe(true);

    const busy = await t.http().get('/api/v1/exports/inventory.xlsx').set('Authorization', bigOffice.auth).expect(503);
    expect(busy.body).toMatchObject({ statusCode: 503, error: 'EXPORTS_BUSY' });
    expect(busy.headers['retry-after']).toBe('10');
    expect(slots.active).toBe(2);

    // The rest of the API answers: a password login, a device read, health.
    const login = await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'READ-1' });
    const read = await t.http().get(`/api/v1/devices/${device}`).set('Authorization', w.officeA.auth).expect(200);
    expect(read.body.inventoryNumber).toBe('READ-1');
    await t.http().get('/api/health').expect(200);
    expect(await exportsInTransaction()).toBeGreaterThanOrEqual(2); // the two stalled exports' snapshots

    // The stalled readers are cut off after the idle timeout: the slots and connections come back.
    expect(await until(() => slots.active === 0)).toBe(true);
    for (const reader of readers) reader.resume(); // reads what was sent up to the cut, then sees the connection closed
    await Promise.all(closed);
    expect(await until(async () => (await exportsInTransaction()) === 0)).toBe(true);
    const res = await t.http().get('/api/v1/exports/inventory.xlsx').set('Authorization', w.officeA.auth).buffer(true).parse(binaryParser as never).expect(200);
    const rows = sheetRows((await readWorkbook(res)).worksheets[0]);
    expect(rows.map((r) => r[0])).toContain('READ-1');
  });
});
