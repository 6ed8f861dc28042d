import type { Response } from 'supertest';
import { deviceListWhere } from '../src/devices/device-filters';
import { createAuthority, createDevice, createSchool, createUser, TestUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('GET /api/v1/devices (filters, sort, keyset pages, scope)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const ds = t.dataSource;
    // A1: 30 laptops (available) + a mix; A2: a few; B1: one that must never show up for A.
    for (let i = 1; i <= 30; i++) {
      await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: `L-${String(i).padStart(3, '0')}`, serialNumber: `LSN${1000 + i}`, purchaseDate: i <= 10 ? '2021-03-01' : '2024-09-01', warrantyUntil: i <= 5 ? '2024-12-31' : '2028-01-01' });
    }
    await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'T-001', type: 'tablet', manufacturer: 'Apple', model: 'iPad 10.9', serialNumber: 'DMPXYZ12345', status: 'in_use' });
    await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'T-002', type: 'tablet', manufacturer: 'Apple', model: 'iPad Air', serialNumber: null, status: 'in_repair', warrantyUntil: null });
    await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: 'R-001', status: 'retired', model: 'ThinkPad T440' });
    await createDevice(ds, w.authorityA, w.schoolA2, { inventoryNumber: 'A2-001', type: 'interactive_display', manufacturer: 'Promethean', model: 'ActivPanel 9' });
    await createDevice(ds, w.authorityB, w.schoolB1, { inventoryNumber: 'B-001', serialNumber: 'LSN1001X' });
  });
  afterAll(() => t.close());

  const list = (user: TestUser, query: string) => t.http().get(`/api/v1/devices?${query}`).set('Authorization', user.auth);
  const inv = (res: { body: { items: { inventoryNumber: string }[] } }) => res.body.items.map((d) => d.inventoryNumber);

  it('filters by school, status and type (the counter list) and pages through every row exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await list(w.coordinatorA1, `schoolId=${w.schoolA1}&status=available&type=laptop&limit=7${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...inv(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `L-${String(i + 1).padStart(3, '0')}`));
  });

  it('gives list items what a list shows (long texts and bookkeeping are in the detail)', async () => {
    const res = await list(w.officeA, 'q=T-001').expect(200);
    expect(Object.keys(res.body.items[0]).sort()).toEqual([
      'commissionedOn', 'id', 'inventoryNumber', 'labelledAt', 'lastCountedOn', 'location', 'manufacturer', 'model', 'operatingSystem', 'purchaseDate',
      'purchasePriceCents', 'retiredOn', 'schoolId', 'serialNumber', 'status', 'type', 'updatedAt', 'version', 'warrantyUntil',
    ]);
    expect(res.body.items[0]).toMatchObject({ inventoryNumber: 'T-001', type: 'tablet', manufacturer: 'Apple', status: 'in_use', serialNumber: 'DMPXYZ12345' });
  });

  it('renders every list field exactly as the detail does (PostgreSQL writes the list JSON: dates, cents, timestamps, nulls)', async () => {
    const ds = t.dataSource;
    const id = await createDevice(ds, w.authorityA, w.schoolA2, {
      inventoryNumber: 'J-001', serialNumber: 'J"SON\\1', model: 'Ümlaut "Quote" Modell', purchaseDate: '2024-02-29', purchasePriceCents: 123456,
      commissionedOn: '2024-03-01', warrantyUntil: '2027-02-28',
    });
    await ds.query(`UPDATE devices SET location = E'Raum\\t1', labelled_at = now(), last_counted_on = '2026-11-30' WHERE id = $1`, [id]);
    const res = await list(w.officeA, 'q=J-001').expect(200).expect('Content-Type', 'application/json; charset=utf-8');
    const detail = (await t.http().get(`/api/v1/devices/${id}`).set('Authorization', w.officeA.auth).expect(200)).body;
    const item = res.body.items[0];
    for (const key of Object.keys(item)) expect([key, item[key]]).toEqual([key, detail[key]]);
    expect(item).toMatchObject({ purchaseDate: '2024-02-29', purchasePriceCents: 123456, serialNumber: 'J"SON\\1', model: 'Ümlaut "Quote" Modell', location: 'Raum\t1', operatingSystem: null, retiredOn: null, version: 1 });
    expect(item.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(item.labelledAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(item.lastCountedOn).toBe('2026-11-30');
    expect(res.body.nextCursor).toBeNull();
    await ds.query(`DELETE FROM devices WHERE id = $1`, [id]);
  });

  it('accepts several statuses and types, comma-separated or repeated', async () => {
    const res = await list(w.officeA, 'status=in_use,in_repair&type=tablet').expect(200);
    expect(inv(res)).toEqual(['T-001', 'T-002']);
    const repeated = await list(w.officeA, 'status=in_use&status=retired').expect(200);
    expect(inv(repeated)).toEqual(['R-001', 'T-001']);
  });

  it('filters by manufacturer, purchase year and warranty end', async () => {
    expect(inv(await list(w.officeA, 'manufacturer=apple').expect(200))).toEqual(['T-001', 'T-002']);
    expect((await list(w.officeA, 'purchaseYear=2021&limit=200').expect(200)).body.items).toHaveLength(10);
    expect(inv(await list(w.officeA, 'warrantyBefore=2025-01-01').expect(200))).toEqual(['L-001', 'L-002', 'L-003', 'L-004', 'L-005']);
  });

  it('searches fragments of inventory number, serial number and model, case-insensitively, with LIKE characters taken literally', async () => {
    expect(inv(await list(w.officeA, 'q=xyz123').expect(200))).toEqual(['T-001']);
    expect(inv(await list(w.officeA, 'q=ipad').expect(200))).toEqual(['T-001', 'T-002']);
    expect(inv(await list(w.officeA, 'q=LSN1001').expect(200))).toEqual(['L-001']); // not B's LSN1001X
    expect(inv(await list(w.officeA, 'q=r-00').expect(200))).toEqual(['R-001']);
    expect(inv(await list(w.officeA, 'q=%25').expect(200))).toEqual([]);
  });

  it('sorts by the listed keys, with stable keyset pages in both directions', async () => {
    const desc = await list(w.officeA, 'sort=-inventoryNumber&limit=3').expect(200);
    expect(inv(desc)).toEqual(['T-002', 'T-001', 'R-001']);
    const next = await list(w.officeA, `sort=-inventoryNumber&limit=3&cursor=${desc.body.nextCursor}`).expect(200);
    expect(inv(next)).toEqual(['L-030', 'L-029', 'L-028']);
    // Nullable key: T-002 has no warranty date and sorts last ascending; paging by it loses no row.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await list(w.officeA, `sort=warrantyUntil&limit=4${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      all.push(...inv(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(34);
    expect(new Set(all).size).toBe(34);
    expect(all.slice(0, 5).sort()).toEqual(['L-001', 'L-002', 'L-003', 'L-004', 'L-005']); // same date: ordered by id
    expect(all[all.length - 1]).toBe('T-002');
    const updated = await list(w.officeA, 'sort=-updatedAt&limit=2').expect(200);
    const more = await list(w.officeA, `sort=-updatedAt&limit=200&cursor=${updated.body.nextCursor}`).expect(200);
    expect(updated.body.items.length + more.body.items.length).toBe(34);
  });

  it('keeps each caller in their scope', async () => {
    const coordinator = await list(w.coordinatorA1, 'limit=200').expect(200);
    expect(coordinator.body.items.every((d: { schoolId: string }) => d.schoolId === w.schoolA1)).toBe(true);
    expect(inv(await list(w.coordinatorA1, `schoolId=${w.schoolA2}`).expect(200))).toEqual([]);
    expect(inv(await list(w.viewerA, `schoolId=${w.schoolA2}`).expect(200))).toEqual(['A2-001']);
    expect(inv(await list(w.officeB, 'limit=200').expect(200))).toEqual(['B-001']);
    expect(inv(await list(w.officeA, `schoolId=${w.schoolB1}`).expect(200))).toEqual([]);
    // A coordinator of several schools sees all of them, and only those.
    const multi = await createUser(t, { role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA1, w.schoolA2] });
    expect((await list(multi, 'limit=200').expect(200)).body.items).toHaveLength(34);
  });

  it('refuses bad filters, oversized pages and forged cursors with 400', async () => {
    for (const query of ['status=broken', 'type=phone', 'limit=201', 'limit=0', 'purchaseYear=20x4', 'warrantyBefore=31.12.2024', 'sort=price', 'schoolId=abc', 'cursor=%%%', 'colour=red']) {
      const res = await list(w.officeA, query).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
    }
    const forged = Buffer.from(JSON.stringify(['x', 'not-a-uuid'])).toString('base64url');
    await list(w.officeA, `cursor=${forged}`).expect(400);
    const badDate = Buffer.from(JSON.stringify(['garbage', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    await list(w.officeA, `sort=purchaseDate&cursor=${badDate}`).expect(400);
  });

  it('answers 403 for the platform admin and 401 without login', async () => {
    await list(w.admin, '').expect(403);
    await t.http().get('/api/v1/devices').expect(401);
  });

  it('exports the filter builder for other features (same rows as the list)', async () => {
    const actor = { id: w.coordinatorA1.id, role: 'coordinator' as const, authorityId: w.authorityA, schoolIds: [w.schoolA1] };
    const { sql, params } = deviceListWhere(actor, { type: ['tablet'], q: 'ipad' });
    const rows = await t.dataSource.query(`SELECT d.inventory_number FROM devices d WHERE ${sql} ORDER BY 1`, params);
    expect(rows.map((r: { inventory_number: string }) => r.inventory_number)).toEqual(['T-001', 'T-002']);
    const otherAuthority = await createAuthority(t.dataSource);
    await createSchool(t.dataSource, otherAuthority);
    const none = deviceListWhere({ ...actor, authorityId: otherAuthority }, {});
    expect(await t.dataSource.query(`SELECT 1 FROM devices d WHERE ${none.sql}`, none.params)).toEqual([]);
  });
});
