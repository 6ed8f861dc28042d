import { seedBase } from '../src/demo/base.seed';
import type { DemoContext } from '../src/demo/demo-context';
import { seedLicences } from '../src/demo/licences.seed';
import { createTestApp, TestApp } from './harness';

describe('Licences demo seed', () => {
  let t: TestApp;
  let ctx: DemoContext;

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.transaction(async (em) => {
      ctx = await seedBase(em, 'x');
      await seedLicences({ ...ctx, em });
    });
  });
  afterAll(() => t.close());

  it('has the five products, with one lacking an AV-Vertrag, and the maths app due for cancellation next month', async () => {
    const auth = `Bearer ${t.tokenFor(ctx.officeUserId)}`;
    const products = (await t.http().get('/api/v1/licences/products').set('Authorization', auth).expect(200)).body;
    expect(products.map((p: { name: string; kind: string }) => [p.name, p.kind])).toEqual([
      ['Bürowerk Office Schule', 'office_suite'], ['LernraumPlus', 'learning_platform'], ['Mathe-Trainer 5–10', 'learning_app'], ['SchulMDM', 'device_management'], ['VokabelBlitz', 'learning_app'],
    ]);
    const contracts = (await t.http().get('/api/v1/licences/contracts').set('Authorization', auth).expect(200)).body.items;
    const maths = contracts.find((c: { productName: string }) => c.productName === 'Mathe-Trainer 5–10');
    // The demo's "today" is 21.11.2026: next month's last day.
    expect(maths).toMatchObject({ allSchools: false, currentTermEnd: '2027-03-31', lastDayToCancel: '2026-12-31' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM licence_seats WHERE contract_id = $1`, [maths.id]);
    const [{ secondary }] = await t.dataSource.query(`SELECT count(*)::int AS secondary FROM schools WHERE authority_id = $1 AND school_type IN ('hauptschule', 'realschule', 'sekundarschule', 'gesamtschule', 'gymnasium')`, [ctx.authorityId]);
    expect(n).toBe(secondary);
    const platform = contracts.find((c: { productName: string }) => c.productName === 'LernraumPlus');
    expect(platform.seatsAssigned).toBe(ctx.schools.reduce((sum, s) => sum + s.studentCount, 0));
    expect(platform.seatsAssigned).toBeLessThanOrEqual(platform.seatsBought);
    const warnings = (await t.http().get('/api/v1/licences/warnings').set('Authorization', auth).expect(200)).body.items;
    const codes = warnings.map((w: { code: string; params: { product: string } }) => `${w.code}:${w.params.product}`);
    expect(codes).toEqual(expect.arrayContaining(['dpa_missing:VokabelBlitz', 'not_approved:VokabelBlitz', 'use_over_assigned:Mathe-Trainer 5–10']));
  });
});
