import { todayInBerlin } from '../src/common/dates';
import { createDevice, World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';
import { binaryParser, readWorkbook, sheetRows } from './xlsx-helpers';

describe('Stocktakings (Inventur): /api/v1/stocktakings', () => {
  let t: TestApp;
  let w: World;
  const dev: Record<string, string> = {};
  let stocktakingId: string;

  const api = (method: 'get' | 'post' | 'put', path: string, auth: string) => t.http()[method](`/api/v1${path}`).set('Authorization', auth);
  const scan = (auth: string, body: Record<string, unknown>) => api('post', `/stocktakings/${stocktakingId}/scans`, auth).send(body);
  const deviceRow = async (id: string) => (await t.dataSource.query(`SELECT school_id, location, status, last_counted_on FROM devices WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const ds = t.dataSource;
    const put = async (key: string, schoolId: string, location: string | null, o: Record<string, unknown> = {}, authority = w.authorityA) => {
      dev[key] = await createDevice(ds, authority, schoolId, { inventoryNumber: key, serialNumber: `SN-${key}`, ...o });
      if (location !== null) await ds.query(`UPDATE devices SET location = $2 WHERE id = $1`, [dev[key], location]);
    };
    // School A1: three rooms, and a loaned and a retired device that are not expected.
    await put('R101-1', w.schoolA1, 'Raum 101');
    await put('R101-2', w.schoolA1, 'Raum 101');
    await put('R101-3', w.schoolA1, 'Raum 101');
    await put('R102-1', w.schoolA1, 'Raum 102');
    await put('R102-2', w.schoolA1, 'Raum 102');
    await put('R103-1', w.schoolA1, 'Raum 103');
    await put('R103-2', w.schoolA1, 'Raum 103');
    await put('A1-LOANED', w.schoolA1, 'Raum 101', { status: 'loaned' });
    await put('A1-RETIRED', w.schoolA1, 'Raum 101', { status: 'retired' });
    await put('A2-1', w.schoolA2, 'Aula');
    await put('A2-2', w.schoolA2, 'Aula');
    await put('B1-1', w.schoolB1, 'Raum 101', {}, w.authorityB);
    // R103-2 was bought with a grant and is inside its earmarking period.
    const grant = await createGrant(t, w.officeA);
    await allocate(t, w.officeA, grant.id, w.schoolA1, 1_000_000);
    await spend(t, w.officeA, grant.id, w.schoolA1, { deviceIds: [dev['R103-2']] });
  });
  afterAll(() => t.close());

  it('answers 401 without a token, 403 for viewers and the admin, 404 for foreign schools', async () => {
    await t.http().post('/api/v1/stocktakings').send({ schoolId: w.schoolA1 }).expect(401);
    await api('post', '/stocktakings', w.viewerA.auth).send({ schoolId: w.schoolA1 }).expect(403);
    await api('post', '/stocktakings', w.coordinatorA1.auth).send({ schoolId: w.schoolA2 }).expect(404);
    await api('post', '/stocktakings', w.officeB.auth).send({ schoolId: w.schoolA1 }).expect(404);
    const bad = await api('post', '/stocktakings', w.officeA.auth).send({ schoolId: w.schoolA1, rooms: [] }).expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('rooms');
  });

  it('starts a count of the school with the devices in service as the expected list, per room', async () => {
    const res = await api('post', '/stocktakings', w.coordinatorA1.auth).send({ schoolId: w.schoolA1, note: 'Inventur 2026' }).expect(201);
    stocktakingId = res.body.id;
    expect(res.body).toMatchObject({ schoolId: w.schoolA1, schoolName: 'A1 Gymnasium', rooms: null, status: 'open', expected: 7, found: 0, missing: 7, foundElsewhere: 0, unknown: 0 });
    expect(res.body.progress).toEqual([
      { room: 'Raum 101', expected: 3, found: 0, missing: 3, foundElsewhere: 0, unknown: 0 },
      { room: 'Raum 102', expected: 2, found: 0, missing: 2, foundElsewhere: 0, unknown: 0 },
      { room: 'Raum 103', expected: 2, found: 0, missing: 2, foundElsewhere: 0, unknown: 0 },
    ]);
    const second = await api('post', '/stocktakings', w.officeA.auth).send({ schoolId: w.schoolA1 }).expect(409);
    expect(second.body.fieldErrors?.[0]?.field ?? second.body.message).toBeTruthy();
    // Others cannot see it.
    await api('get', `/stocktakings/${stocktakingId}`, w.officeB.auth).expect(404);
    const coordinatorA2 = await api('get', `/stocktakings?schoolId=${w.schoolA2}`, w.coordinatorA1.auth).expect(200);
    expect(coordinatorA2.body.items).toEqual([]);
    await api('get', `/stocktakings/${stocktakingId}`, w.viewerA.auth).expect(200);
  });

  it('scans: found (inventory or serial number, any case), wrong room, other school, unknown, duplicate', async () => {
    const found = await scan(w.coordinatorA1.auth, { tag: ' r101-1 ', room: 'Raum 101' }).expect(200);
    expect(found.body).toMatchObject({ result: 'found', elsewhere: null, canMove: false, moved: false, device: { id: dev['R101-1'], expectedRoom: 'Raum 101' } });
    expect(found.body.room).toEqual({ room: 'Raum 101', expected: 3, found: 1, missing: 2, foundElsewhere: 0, unknown: 0 });
    const bySerial = await scan(w.coordinatorA1.auth, { tag: 'sn-r101-2', room: 'raum 101' }).expect(200);
    expect(bySerial.body).toMatchObject({ result: 'found', device: { id: dev['R101-2'] } });

    const again = await scan(w.officeA.auth, { tag: 'R101-1', room: 'Raum 101' }).expect(200);
    expect(again.body.result).toBe('duplicate');

    // R102-1 stands in room 101: found elsewhere, moved in the same step.
    const wrongRoom = await scan(w.coordinatorA1.auth, { tag: 'R102-1', room: 'Raum 101', move: true }).expect(200);
    expect(wrongRoom.body).toMatchObject({ result: 'found_elsewhere', elsewhere: 'other_room', moved: true, device: { expectedRoom: 'Raum 102', location: 'Raum 102' } });
    expect((await deviceRow(dev['R102-1'])).location).toBe('Raum 101');

    // A device of school A2 in room 103: the coordinator (not A2's) may not move it; the office may.
    const otherSchool = await scan(w.coordinatorA1.auth, { tag: 'A2-1', room: 'Raum 103' }).expect(200);
    expect(otherSchool.body).toMatchObject({ result: 'found_elsewhere', elsewhere: 'other_school', canMove: false, device: { schoolId: w.schoolA2, schoolName: 'A2 Grundschule', location: null } });
    // Only noted: A2's record is A2's (no "last counted" from A1's coordinator), and its room is kept from them.
    expect((await deviceRow(dev['A2-1'])).last_counted_on).toBeNull();
    const [noted] = await t.dataSource.query(`SELECT from_room FROM stocktaking_scans WHERE device_id = $1`, [dev['A2-1']]);
    expect(noted.from_room).toBeNull();
    await scan(w.coordinatorA1.auth, { tag: 'A2-2', room: 'Raum 103', move: true }).expect(409);
    const moved = await scan(w.officeA.auth, { tag: 'A2-2', room: 'Raum 103', move: true }).expect(200);
    expect(moved.body).toMatchObject({ result: 'found_elsewhere', elsewhere: 'other_school', moved: true });
    expect(await deviceRow(dev['A2-2'])).toMatchObject({ school_id: w.schoolA1, location: 'Raum 103' });

    // The loaned device turns up: on no list, but counted.
    const loaned = await scan(w.coordinatorA1.auth, { tag: 'A1-LOANED', room: 'Raum 101' }).expect(200);
    expect(loaned.body).toMatchObject({ result: 'found_elsewhere', elsewhere: 'not_expected', canMove: false });

    // Unknown: another authority's device is as unknown as a typo; the second one is registered.
    const foreign = await scan(w.coordinatorA1.auth, { tag: 'B1-1', room: 'Raum 103', note: 'Aufkleber B1' }).expect(200);
    expect(foreign.body).toMatchObject({ result: 'unknown', device: null, createdDeviceId: null });
    const created = await scan(w.coordinatorA1.auth, {
      tag: 'NEU-0001',
      room: 'Raum 103',
      createDevice: { type: 'projector', manufacturer: 'Epson', model: 'EB-W51' },
    }).expect(200);
    expect(created.body.result).toBe('unknown');
    const [newDevice] = await t.dataSource.query(`SELECT id, school_id, location, type, last_counted_on FROM devices WHERE inventory_number = 'NEU-0001'`);
    expect(newDevice).toMatchObject({ id: created.body.createdDeviceId, school_id: w.schoolA1, location: 'Raum 103', type: 'projector', last_counted_on: todayInBerlin() });
    expect(created.body.room).toEqual({ room: 'Raum 103', expected: 2, found: 0, missing: 2, foundElsewhere: 2, unknown: 2 });

    const invalid = await scan(w.coordinatorA1.auth, { tag: '' }).expect(400);
    expect(invalid.body.fieldErrors[0].field).toBe('tag');
    await scan(w.viewerA.auth, { tag: 'R101-3' }).expect(403);
    await scan(w.officeB.auth, { tag: 'R101-3' }).expect(404);
  });

  it('two scanners at once: each device counts once, every scan gets an answer', async () => {
    const results = await Promise.all([
      scan(w.coordinatorA1.auth, { tag: 'R101-3', room: 'Raum 101' }),
      scan(w.officeA.auth, { tag: 'R101-3', room: 'Raum 101' }),
      scan(w.coordinatorA1.auth, { tag: 'R102-2', room: 'Raum 102' }),
      scan(w.officeA.auth, { tag: 'R103-1', room: 'Raum 103' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.slice(0, 2).map((r) => r.body.result).sort()).toEqual(['duplicate', 'found']);
    expect(results.slice(2).map((r) => r.body.result)).toEqual(['found', 'found']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM stocktaking_items WHERE stocktaking_id = $1 AND found_at IS NOT NULL`, [stocktakingId]);
    expect(n).toBe(6);
  });

  it('shows the progress per room, the live list and the missing devices', async () => {
    const res = await api('get', `/stocktakings/${stocktakingId}`, w.viewerA.auth).expect(200);
    expect(res.body).toMatchObject({ expected: 7, found: 6, missing: 1, foundElsewhere: 4, unknown: 2 });
    expect(res.body.progress).toEqual([
      { room: 'Raum 101', expected: 3, found: 3, missing: 0, foundElsewhere: 2, unknown: 0 },
      { room: 'Raum 102', expected: 2, found: 2, missing: 0, foundElsewhere: 0, unknown: 0 },
      { room: 'Raum 103', expected: 2, found: 1, missing: 1, foundElsewhere: 2, unknown: 2 },
    ]);
    const missing = await api('get', `/stocktakings/${stocktakingId}/missing`, w.coordinatorA1.auth).expect(200);
    expect(missing.body.items).toEqual([{ deviceId: dev['R103-2'], inventoryNumber: 'R103-2', serialNumber: 'SN-R103-2', model: 'ThinkPad L13', room: 'Raum 103', resolution: null }]);
    const scans = await api('get', `/stocktakings/${stocktakingId}/scans?limit=3`, w.coordinatorA1.auth).expect(200);
    expect(scans.body.items).toHaveLength(3);
    expect(scans.body.nextCursor).toEqual(expect.any(String));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM stocktaking_scans WHERE stocktaking_id = $1`, [stocktakingId]);
    const [{ a }] = await t.dataSource.query(`SELECT count(*)::int AS a FROM audit_log WHERE action = 'stocktaking.scanned' AND entity_id = $1`, [stocktakingId]);
    expect(a).toBe(n);
  });

  it('exports the list as xlsx, German, per room, with signature lines; cell by cell', async () => {
    const res = await t.http().get(`/api/v1/stocktakings/${stocktakingId}/export.xlsx`).set('Authorization', w.coordinatorA1.auth).buffer(true).parse(binaryParser as never).expect(200);
    const book = await readWorkbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Übersicht', 'Geräte']);
    const overview = sheetRows(book.getWorksheet('Übersicht')!);
    expect(overview[0]).toEqual(['Inventur – A1 Gymnasium']);
    expect(overview[1]).toEqual(['Schulträger', 'Stadt A']);
    expect(overview[2]).toEqual(['Räume', 'ganze Schule']);
    expect(overview[6]).toEqual(['Raum', 'Erwartet', 'Gefunden', 'An anderem Ort gefunden', 'Fehlt', 'Unbekannt']);
    expect(overview.slice(7, 11)).toEqual([
      ['Raum 101', 3, 3, 2, 0, 0],
      ['Raum 102', 2, 2, 0, 0, 0],
      ['Raum 103', 2, 1, 2, 1, 2],
      ['Summe', 7, 6, 4, 1, 2],
    ]);
    expect(overview[12]).toEqual(['Gezählt von', 'Scans', 'Erster Scan', 'Letzter Scan']);
    const people = overview.slice(13, 15);
    expect(people.map((p) => p[0]).sort()).toEqual(['Test coordinator', 'Test office']);
    for (const p of people) expect(p[2]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    const signatures = overview.filter((r) => typeof r[0] === 'string' && r[0].startsWith('Ort, Datum:'));
    expect(signatures).toHaveLength(2);
    expect(signatures[0][3]).toBe('Unterschrift: ______________________________');

    const devices = sheetRows(book.getWorksheet('Geräte')!);
    expect(devices[0]).toEqual([
      'Raum (erwartet)', 'Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Ergebnis', 'Gefunden in Raum', 'Gezählt von', 'Gezählt am', 'Entscheidung', 'Notiz',
    ]);
    const byNumber = new Map(devices.slice(1).map((r) => [r[1], r]));
    expect(byNumber.get('R101-1')!.slice(0, 9)).toEqual(['Raum 101', 'R101-1', 'SN-R101-1', 'Laptop', 'Lenovo', 'ThinkPad L13', 'gefunden', 'Raum 101', 'Test coordinator']);
    expect(byNumber.get('R102-1')!.slice(0, 8)).toEqual(['Raum 102', 'R102-1', 'SN-R102-1', 'Laptop', 'Lenovo', 'ThinkPad L13', 'gefunden', 'Raum 101']);
    expect(byNumber.get('R103-2')!.slice(6)).toEqual(['fehlt']);
    expect(byNumber.get('A2-2')!.slice(6, 8)).toEqual(['an anderem Ort gefunden (andere Schule)', 'Raum 103']);
    // Empty cells read back as holes (undefined).
    expect([...byNumber.get('B1-1')!]).toEqual([undefined, 'B1-1', undefined, undefined, undefined, undefined, 'unbekannt', 'Raum 103', 'Test coordinator', expect.stringMatching(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/), undefined, 'Aufkleber B1']);
    expect(devices).toHaveLength(1 + 7 + 3 + 2);
    await t.http().get(`/api/v1/stocktakings/${stocktakingId}/export.xlsx`).set('Authorization', w.officeB.auth).expect(404);
  });

  it('close: marking a funded device lost needs the earmarking confirmation; then closed cannot change', async () => {
    const refused = await api('post', `/stocktakings/${stocktakingId}/close`, w.coordinatorA1.auth).send({ missing: 'mark_lost' }).expect(409);
    expect(refused.body.details).toMatchObject({ confirmation: 'earmarkingBreach' });
    expect((await deviceRow(dev['R103-2'])).status).toBe('available');
    expect((await api('get', `/stocktakings/${stocktakingId}`, w.officeA.auth)).body.status).toBe('open');

    const notMissing = await api('post', `/stocktakings/${stocktakingId}/close`, w.coordinatorA1.auth).send({ decisions: [{ deviceId: dev['R101-1'], action: 'mark_lost' }] }).expect(400);
    expect(notMissing.body.fieldErrors[0].field).toBe('decisions.0.deviceId');
    await api('post', `/stocktakings/${stocktakingId}/close`, w.viewerA.auth).send({}).expect(403);

    const closed = await api('post', `/stocktakings/${stocktakingId}/close`, w.coordinatorA1.auth)
      .send({ decisions: [{ deviceId: dev['R103-2'], action: 'mark_lost' }], confirmEarmarkingBreach: true })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'Test coordinator', missing: 1, markedLost: 1 });
    expect((await deviceRow(dev['R103-2'])).status).toBe('lost');
    const [event] = await t.dataSource.query(`SELECT to_status, reason FROM device_events WHERE device_id = $1 ORDER BY id DESC LIMIT 1`, [dev['R103-2']]);
    expect(event).toEqual({ to_status: 'lost', reason: 'Inventur: nicht gefunden' });
    const [audit] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'device.status_changed' AND entity_id = $1`, [dev['R103-2']]);
    expect(audit.changes.meta.earmarkingBreach).toBeDefined();

    await scan(w.coordinatorA1.auth, { tag: 'R101-1', room: 'Raum 101' }).expect(409);
    await api('post', `/stocktakings/${stocktakingId}/close`, w.coordinatorA1.auth).send({}).expect(409);
  });

  it('every device knows when it was last counted; the device list filters "not counted since"', async () => {
    expect((await deviceRow(dev['R101-1'])).last_counted_on).toBe(todayInBerlin());
    expect((await deviceRow(dev['R103-2'])).last_counted_on).toBeNull();
    const res = await api('get', `/devices?schoolId=${w.schoolA1}&notCountedSince=${todayInBerlin()}`, w.officeA.auth).expect(200);
    expect(res.body.items.map((d: { inventoryNumber: string }) => d.inventoryNumber).sort()).toEqual(['A1-RETIRED', 'R103-2']);
    const detail = await api('get', `/devices/${dev['R101-1']}`, w.officeA.auth).expect(200);
    expect(detail.body.lastCountedOn).toBe(todayInBerlin());
  });

  it('shows which schools are due for a count (never counted, or longer ago than the interval), and the overview counts them', async () => {
    const due = await api('get', '/stocktakings/due', w.officeA.auth).expect(200);
    expect(due.body).toEqual({
      countIntervalYears: 5,
      schools: [
        { schoolId: w.schoolA2, schoolName: 'A2 Grundschule', lastCompleteCountOn: null, countDue: true },
        { schoolId: w.schoolA1, schoolName: 'A1 Gymnasium', lastCompleteCountOn: todayInBerlin(), countDue: false },
      ],
    });
    const mine = await api('get', '/stocktakings/due', w.coordinatorA1.auth).expect(200);
    expect(mine.body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([w.schoolA1]);
    // A count that closed six years ago is due again.
    await t.dataSource.query(`UPDATE stocktakings SET closed_at = closed_at - interval '6 years', started_at = started_at - interval '6 years' WHERE id = $1`, [stocktakingId]);
    const overview = await api('get', '/stats/overview', w.officeA.auth).expect(200);
    expect(overview.body.stocktaking).toEqual({ countIntervalYears: 5, schoolsDue: 2, openStocktakings: 0 });
    await t.dataSource.query(`UPDATE stocktakings SET closed_at = closed_at + interval '6 years', started_at = started_at + interval '6 years' WHERE id = $1`, [stocktakingId]);
    expect((await api('get', '/stats/overview', w.officeA.auth).expect(200)).body.stocktaking).toEqual({ countIntervalYears: 5, schoolsDue: 1, openStocktakings: 0 });
  });

  it('counting interval: default 5 years, the office changes it', async () => {
    expect((await api('get', '/stocktakings/settings', w.viewerA.auth).expect(200)).body).toEqual({ countIntervalYears: 5 });
    await api('put', '/stocktakings/settings', w.coordinatorA1.auth).send({ countIntervalYears: 4 }).expect(403);
    const bad = await api('put', '/stocktakings/settings', w.officeA.auth).send({ countIntervalYears: 0 }).expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('countIntervalYears');
    expect((await api('put', '/stocktakings/settings', w.officeA.auth).send({ countIntervalYears: 4 }).expect(200)).body).toEqual({ countIntervalYears: 4 });
    expect((await api('get', '/stocktakings/settings', w.officeB.auth).expect(200)).body).toEqual({ countIntervalYears: 5 });
  });

  it('starts a count of some rooms only (any case); a room with blanks around it is refused', async () => {
    const bad = await api('post', '/stocktakings', w.officeA.auth).send({ schoolId: w.schoolA2, rooms: [' Aula'] }).expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('rooms');
    const res = await api('post', '/stocktakings', w.officeA.auth).send({ schoolId: w.schoolA2, rooms: ['aula', 'Raum 9'] }).expect(201);
    // An earlier test moved one of the Aula's devices to A1: the list is what is there now.
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM devices WHERE school_id = $1 AND lower(location) = 'aula' AND status NOT IN ('retired', 'lost', 'loaned')`, [w.schoolA2]);
    expect(n).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ rooms: ['aula', 'Raum 9'], status: 'open', expected: n, missing: n });
    await api('post', `/stocktakings/${res.body.id}/close`, w.officeA.auth).send({ missing: 'keep_open' }).expect(200);
  });
});
