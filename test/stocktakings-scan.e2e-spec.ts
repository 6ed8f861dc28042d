import { todayInBerlin } from '../src/common/dates';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';

/**
 * The common scan (an expected device found for the first time) is one statement; these tests hold its answer and its
 * writes to what the general path gives: the room's figures as a fresh read tells them, the list row, the day last
 * counted, the scan row and its audit entry; and the cases it must leave to the general path.
 */
describe('Stocktaking scans: the found path', () => {
  let t: TestApp;
  let w: World;
  const dev: Record<string, string> = {};
  let stocktakingId: string;

  const api = (method: 'get' | 'post', path: string, auth: string) => t.http()[method](`/api/v1${path}`).set('Authorization', auth);
  const scan = (auth: string, body: Record<string, unknown>) => api('post', `/stocktakings/${stocktakingId}/scans`, auth).send(body);
  /** The room's figures as GET /stocktakings/:id tells them now. */
  const progressOf = async (room: string) => {
    const res = await api('get', `/stocktakings/${stocktakingId}`, w.officeA.auth).expect(200);
    return (res.body.progress as { room: string }[]).find((p) => p.room.toLowerCase() === room.toLowerCase());
  };
  const scanRow = async (id: number) =>
    (await t.dataSource.query(`SELECT tag, room, result::text, elsewhere, device_id, from_school_id, from_room, moved, created_device, note, scanned_by FROM stocktaking_scans WHERE id = $1`, [id]))[0];
  const auditOf = async (scanId: number) =>
    (
      await t.dataSource.query(
        `SELECT authority_id, actor_id, entity_type, entity_id, changes FROM audit_log WHERE action = 'stocktaking.scanned' AND (changes -> 'meta' ->> 'scanId')::bigint = $1`,
        [scanId],
      )
    )[0];

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const put = async (key: string, location: string, o: Record<string, unknown> = {}) => {
      dev[key] = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: key, serialNumber: `SN-${key}`, ...o });
      await t.dataSource.query(`UPDATE devices SET location = $2 WHERE id = $1`, [dev[key], location]);
    };
    await put('K1', 'Raum 1');
    await put('K2', 'Raum 1');
    await put('K3', 'Raum 2');
    await put('K4', 'Raum 2');
    await put('K5', 'Raum 2');
    await put('TWIN-1', 'Raum 2', { serialNumber: 'SN-TWIN' });
    await put('TWIN-2', 'Raum 2', { serialNumber: 'sn-twin' });
    const res = await api('post', '/stocktakings', w.coordinatorA1.auth).send({ schoolId: w.schoolA1 }).expect(201);
    stocktakingId = res.body.id;
  });
  afterAll(() => t.close());

  it('found in the scanned room: the answer, the list row, the day counted, the scan and its audit entry', async () => {
    const res = await scan(w.coordinatorA1.auth, { tag: ' k1 ', room: ' Raum 1 ', note: 'Regal links' }).expect(200);
    expect(res.body).toEqual({
      scanId: expect.any(Number),
      result: 'found',
      elsewhere: null,
      device: { id: dev.K1, inventoryNumber: 'K1', schoolId: w.schoolA1, schoolName: 'A1 Gymnasium', location: 'Raum 1', expectedRoom: 'Raum 1' },
      canMove: false,
      moved: false,
      createdDeviceId: null,
      room: { room: 'Raum 1', expected: 2, found: 1, missing: 1, foundElsewhere: 0, unknown: 0 },
    });
    expect(res.body.room).toEqual(await progressOf('Raum 1'));
    const [item] = await t.dataSource.query(`SELECT found_at IS NOT NULL AS found, found_by, found_room FROM stocktaking_items WHERE stocktaking_id = $1 AND device_id = $2`, [
      stocktakingId,
      dev.K1,
    ]);
    expect(item).toEqual({ found: true, found_by: w.coordinatorA1.id, found_room: 'Raum 1' });
    const [device] = await t.dataSource.query(`SELECT last_counted_on FROM devices WHERE id = $1`, [dev.K1]);
    expect(device.last_counted_on).toBe(todayInBerlin());
    expect(await scanRow(res.body.scanId)).toEqual({
      tag: 'k1',
      room: 'Raum 1',
      result: 'found',
      elsewhere: null,
      device_id: dev.K1,
      from_school_id: null,
      from_room: null,
      moved: false,
      created_device: false,
      note: 'Regal links',
      scanned_by: w.coordinatorA1.id,
    });
    expect(await auditOf(res.body.scanId)).toEqual({
      authority_id: w.authorityA,
      actor_id: w.coordinatorA1.id,
      entity_type: 'stocktaking',
      entity_id: stocktakingId,
      changes: { meta: { scanId: res.body.scanId, result: 'found', deviceId: dev.K1 } },
    });
  });

  it('by its only serial number, in another room than expected: found elsewhere, may move, figures as a fresh read', async () => {
    const res = await scan(w.officeA.auth, { tag: 'sn-k3', room: 'raum 1' }).expect(200);
    expect(res.body).toMatchObject({
      result: 'found_elsewhere',
      elsewhere: 'other_room',
      canMove: true,
      moved: false,
      device: { id: dev.K3, location: 'Raum 2', expectedRoom: 'Raum 2' },
      room: { room: 'Raum 1', expected: 2, found: 1, missing: 1, foundElsewhere: 1, unknown: 0 },
    });
    expect(res.body.room).toEqual(await progressOf('Raum 1'));
    expect(await scanRow(res.body.scanId)).toMatchObject({ room: 'raum 1', result: 'found_elsewhere', elsewhere: 'other_room', from_room: 'Raum 2', scanned_by: w.officeA.id });
    expect((await auditOf(res.body.scanId)).changes).toEqual({ meta: { scanId: res.body.scanId, result: 'found_elsewhere', elsewhere: 'other_room', deviceId: dev.K3 } });
    // Its expected room counts it found.
    expect(await progressOf('Raum 2')).toEqual({ room: 'Raum 2', expected: 5, found: 1, missing: 4, foundElsewhere: 0, unknown: 0 });
  });

  it('in a room not on the list, and without a room: the figures as a fresh read', async () => {
    const lab = await scan(w.coordinatorA1.auth, { tag: 'K4', room: 'Labor' }).expect(200);
    expect(lab.body).toMatchObject({ result: 'found_elsewhere', elsewhere: 'other_room', room: { room: 'Labor', expected: 0, found: 0, missing: 0, foundElsewhere: 1, unknown: 0 } });
    expect(lab.body.room).toEqual(await progressOf('Labor'));
    const second = await scan(w.coordinatorA1.auth, { tag: 'K5', room: 'LABOR' }).expect(200);
    expect(second.body.room).toEqual({ room: 'LABOR', expected: 0, found: 0, missing: 0, foundElsewhere: 2, unknown: 0 });
    expect(second.body.room).toEqual(await progressOf('Labor'));
    const noRoom = await scan(w.coordinatorA1.auth, { tag: 'K2' }).expect(200);
    expect(noRoom.body).toMatchObject({ result: 'found', elsewhere: null, room: { room: '', expected: 0, found: 0, missing: 0, foundElsewhere: 0, unknown: 0 } });
    expect(await progressOf('Raum 1')).toMatchObject({ found: 2, missing: 0 });
  });

  it('leaves the other cases to the general path: repeat, ambiguous serial number, read-only role, another authority, closed', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM stocktaking_scans WHERE stocktaking_id = $1`, [stocktakingId]);
    const again = await scan(w.officeA.auth, { tag: 'K1', room: 'Raum 1' }).expect(200);
    expect(again.body).toMatchObject({ result: 'duplicate', room: { room: 'Raum 1', found: 2 } });
    const twin = await scan(w.coordinatorA1.auth, { tag: 'SN-TWIN', room: 'Raum 2' }).expect(409);
    expect(twin.body.reason).toBe('SERIAL_NUMBER_AMBIGUOUS');
    await scan(w.viewerA.auth, { tag: 'TWIN-1', room: 'Raum 2' }).expect(403);
    await scan(w.officeB.auth, { tag: 'TWIN-1', room: 'Raum 2' }).expect(404);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM stocktaking_scans WHERE stocktaking_id = $1`, [stocktakingId]);
    expect(after[0].n).toBe(before[0].n + 1);
    const [item] = await t.dataSource.query(`SELECT found_at FROM stocktaking_items WHERE stocktaking_id = $1 AND device_id = $2`, [stocktakingId, dev['TWIN-1']]);
    expect(item.found_at).toBeNull();

    await api('post', `/stocktakings/${stocktakingId}/close`, w.officeA.auth).send({ missing: 'keep_open' }).expect(200);
    const closed = await scan(w.coordinatorA1.auth, { tag: 'TWIN-1', room: 'Raum 2' }).expect(409);
    expect(closed.body.reason).toBe('STOCKTAKING_CLOSED');
    const [still] = await t.dataSource.query(`SELECT found_at FROM stocktaking_items WHERE stocktaking_id = $1 AND device_id = $2`, [stocktakingId, dev['TWIN-1']]);
    expect(still.found_at).toBeNull();
  });
});
