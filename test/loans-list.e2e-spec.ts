import { LoansService } from '../src/loans/loans.service';
import { createDevice, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, insertLoan, shiftDays } from './loans-fixtures';

describe('Loans list', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();
  const ids: Record<string, string> = {};
  const devices: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const ds = t.dataSource;
    const add = async (key: string, authorityId: string, schoolId: string, o: Partial<Parameters<typeof insertLoan>[1]> & { startedOn: string; dueOn: string }) => {
      devices[key] = await createDevice(ds, authorityId, schoolId, { inventoryNumber: `LIST-${key}` });
      ids[key] = await insertLoan(ds, { authorityId, schoolId, deviceId: devices[key], borrowerName: `Person ${key}`, ...o });
    };
    await add('active', w.authorityA, w.schoolA1, { borrowerClass: '5a', startedOn: shiftDays(today, -20), dueOn: shiftDays(today, 30) });
    await add('overdue', w.authorityA, w.schoolA1, { borrowerClass: '5a', startedOn: shiftDays(today, -20), dueOn: shiftDays(today, -3) });
    await add('returned', w.authorityA, w.schoolA1, { borrowerKind: 'teacher', startedOn: shiftDays(today, -200), dueOn: shiftDays(today, -100), returnedOn: shiftDays(today, -120) });
    await add('overdueA2', w.authorityA, w.schoolA2, { borrowerClass: '6b', startedOn: shiftDays(today, -40), dueOn: shiftDays(today, -10) });
    await add('dueToday', w.authorityA, w.schoolA2, { startedOn: shiftDays(today, -40), dueOn: today });
    await add('cityB', w.authorityB, w.schoolB1, { startedOn: shiftDays(today, -20), dueOn: shiftDays(today, 10) });
  });
  afterAll(() => t.close());

  const keysOf = (body: { items: { id: string }[] }) => body.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));
  const list = (auth: string, query = '') => t.http().get(`/api/v1/loans${query}`).set('Authorization', auth).expect(200);

  it('lists the authority\'s loans by due date, with their state and device', async () => {
    const res = await list(w.officeA.auth);
    expect(keysOf(res.body)).toEqual(['returned', 'overdueA2', 'overdue', 'dueToday', 'active']);
    const overdue = res.body.items.find((i: { id: string }) => i.id === ids.overdue);
    expect(overdue).toMatchObject({ state: 'overdue', schoolName: 'A1 Gymnasium', device: { id: devices.overdue, inventoryNumber: 'LIST-overdue', status: 'loaned' }, borrowerClass: '5a' });
    expect(res.body.items.find((i: { id: string }) => i.id === ids.dueToday).state).toBe('active');
    expect(res.body.items.find((i: { id: string }) => i.id === ids.returned).state).toBe('returned');
  });

  it.each([
    ['?state=overdue', ['overdueA2', 'overdue']],
    ['?state=active', ['overdueA2', 'overdue', 'dueToday', 'active']],
    ['?state=returned', ['returned']],
    [`?state=overdue&schoolId=SCHOOL_A1`, ['overdue']],
    ['?borrowerKind=teacher', ['returned']],
    ['?borrowerClass=5a', ['overdue', 'active']],
    [`?state=active&dueBy=${today}`, ['overdueA2', 'overdue', 'dueToday']],
    ['?deviceId=DEVICE_ACTIVE', ['active']],
  ])('filters %s', async (query, expected) => {
    const res = await list(w.viewerA.auth, query.replace('SCHOOL_A1', w.schoolA1).replace('DEVICE_ACTIVE', devices.active));
    expect(keysOf(res.body)).toEqual(expected);
  });

  it('shows a coordinator only the own schools\' loans, and another city only its own', async () => {
    expect(keysOf((await list(w.coordinatorA1.auth)).body)).toEqual(['returned', 'overdue', 'active']);
    expect(keysOf((await list(w.coordinatorA1.auth, `?schoolId=${w.schoolA2}`)).body)).toEqual([]);
    expect(keysOf((await list(w.officeB.auth)).body)).toEqual(['cityB']);
  });

  it('pages with a cursor through every loan exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(w.officeA.auth, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...keysOf(res.body).map(String));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['returned', 'overdueA2', 'overdue', 'dueToday', 'active']);
  });

  it('rejects bad filters and cursors, needs a login and a tenant role', async () => {
    const bad = await t.http().get('/api/v1/loans?state=late&limit=500&schoolId=x&dueBy=2026-13-01').set('Authorization', w.officeA.auth).expect(400);
    expect(bad.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['dueBy', 'limit', 'schoolId', 'state']);
    const cursor = Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url');
    const badCursor = await t.http().get(`/api/v1/loans?cursor=${cursor}`).set('Authorization', w.officeA.auth).expect(400);
    expect(badCursor.body.fieldErrors[0].field).toBe('cursor');
    await t.http().get('/api/v1/loans').expect(401);
    await t.http().get('/api/v1/loans').set('Authorization', w.admin.auth).expect(403);
  });

  describe('GET /api/v1/loans/:id', () => {
    it('returns a loan in scope, 404 across schools and authorities, 400 for a bad id', async () => {
      const res = await t.http().get(`/api/v1/loans/${ids.overdue}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(res.body).toMatchObject({ id: ids.overdue, state: 'overdue', borrowerName: 'Person overdue' });
      await t.http().get(`/api/v1/loans/${ids.overdueA2}`).set('Authorization', w.coordinatorA1.auth).expect(404);
      await t.http().get(`/api/v1/loans/${ids.overdue}`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().get(`/api/v1/loans/${ids.overdue}`).set('Authorization', w.admin.auth).expect(403);
      await t.http().get(`/api/v1/loans/${ids.overdue}`).expect(401);
      await t.http().get('/api/v1/loans/123').set('Authorization', w.officeA.auth).expect(400);
    });
  });

  it('counts active (overdue included), overdue and returned loans of an authority for the overview', async () => {
    const counts = await t.app.get(LoansService).loanCounts(w.authorityA, today);
    expect(counts).toEqual({ active: 4, overdue: 2, returned: 1 });
    expect(await t.app.get(LoansService).loanCounts(w.authorityB, today)).toEqual({ active: 1, overdue: 0, returned: 0 });
  });
});
