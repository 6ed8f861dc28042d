import { randomUUID } from 'node:crypto';
import { createDevice, World } from './factories';
import { createTestWorld, TEST_ADMIN, TestApp } from './harness';
import { berlinToday, lendVia, shiftDays } from './loans-fixtures';

/** NUL bytes and lone surrogates are refused in one place (src/common/safe-strings.ts) with a 400 naming the field. */
describe('Strings no field may hold', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
  });
  afterAll(() => t.close());

  const fieldOf = (body: { fieldErrors?: { field: string }[] }) => body.fieldErrors?.map((f) => f.field);

  it('refuses a NUL in a search query with 400 naming q', async () => {
    const res = await t.http().get('/api/v1/devices?q=a%00b').set('Authorization', w.officeA.auth).expect(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', message: 'q must not contain NUL characters' });
    expect(fieldOf(res.body)).toEqual(['q']);
  });

  it('refuses a NUL in a body field and in a bulk item, writing nothing', async () => {
    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'NUL-1' });
    const single = await lendVia(t, w.coordinatorA1.auth, { deviceId: device, borrowerName: 'Lena\u0000Schneider', dueOn: shiftDays(today, 30) }).expect(400);
    expect(fieldOf(single.body)).toEqual(['borrowerName']);
    const bulk = await t
      .http()
      .post('/api/v1/loans/bulk')
      .set('Authorization', w.coordinatorA1.auth)
      .send({ dueOn: shiftDays(today, 30), items: [{ inventoryNumber: 'NUL-1', borrowerName: 'Ok' }, { inventoryNumber: 'NUL-1', borrowerName: 'Kaputt\u0000' }] })
      .expect(400);
    expect(fieldOf(bulk.body)).toEqual(['items.1.borrowerName']);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM loans WHERE device_id = $1`, [device]))[0].n).toBe(0);
  });

  it('refuses a lone surrogate in the login email with 400 naming email (the public login)', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: 'admin\ud800@test.example', password: TEST_ADMIN.password }).expect(400);
    expect(res.body.message).toBe('email must be valid Unicode text (it contains a lone surrogate)');
    expect(fieldOf(res.body)).toEqual(['email']);
    // A correctly paired surrogate (an emoji) is no reason to refuse: it is an ordinary failed login.
    await t.http().post('/api/v1/auth/login').send({ email: TEST_ADMIN.email, password: 'falsch-\ud83d\ude00-passwort' }).expect(401);
  });

  it('refuses a NUL in a path parameter and in a field name', async () => {
    const res = await t.http().get('/api/v1/devices/a%00b').set('Authorization', w.officeA.auth).expect(400);
    expect(fieldOf(res.body)).toEqual(['id']);
    const key = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ 'na\u0000me': 'x' }).expect(400);
    expect(key.body.message).toBe('body has a field name that must not contain NUL characters');
  });

  it('answers every string query parameter of every GET route with a NUL as 400 naming it, never 5xx', async () => {
    const checked: string[] = [];
    for (const [path, item] of Object.entries(t.document.paths)) {
      const op = item.get;
      if (!op) continue;
      const params = (op.parameters ?? []) as { in: string; name: string; schema?: { type?: string; format?: string; enum?: unknown[] } }[];
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      for (const p of params.filter((q) => q.in === 'query')) {
        const res = await t.http().get(`${url}?${encodeURIComponent(p.name)}=x%00y`).set('Authorization', w.officeA.auth);
        expect([path, p.name, res.status]).toEqual([path, p.name, res.status === 403 ? 403 : 400]);
        if (res.status === 400) expect([path, fieldOf(res.body)]).toEqual([path, [p.name]]);
        checked.push(`${path}?${p.name}`);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
  });
});
