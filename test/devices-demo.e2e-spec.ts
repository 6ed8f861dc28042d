import { seedBase } from '../src/demo/base.seed';
import { seedDevices } from '../src/demo/devices.seed';
import { createTestApp, TestApp } from './harness';

describe('Demo inventory (src/demo/devices.seed.ts)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.transaction(async (em) => seedDevices(await seedBase(em, 'x')));
  });
  afterAll(() => t.close());

  it('spreads thousands of devices over all 30 schools, in every manual state, with history', async () => {
    const [{ devices, schools }] = await t.dataSource.query(`SELECT count(*)::int AS devices, count(DISTINCT school_id)::int AS schools FROM devices`);
    expect(devices).toBeGreaterThan(5_000);
    expect(schools).toBe(30);
    const states = await t.dataSource.query(`SELECT status::text AS status, count(*)::int AS n FROM devices GROUP BY 1 ORDER BY 1`);
    expect(states.map((s: { status: string }) => s.status)).toEqual(['available', 'in_repair', 'in_use', 'lost', 'retired']);
    const [retired] = await t.dataSource.query(`SELECT count(*)::int AS n FROM devices WHERE status = 'retired' AND (retired_on IS NULL OR retirement_reason IS NULL OR retired_on > DATE '2026-11-21')`);
    expect(retired.n).toBe(0);
    const [missing] = await t.dataSource.query(`SELECT count(*)::int AS n FROM devices d WHERE NOT EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = d.id)`);
    expect(missing.n).toBe(0);
  });

  it('leaves available laptops and tablets at the coordinators\' schools for the loans demo', async () => {
    const rows = await t.dataSource.query(
      `SELECT us.school_id, count(d.id)::int AS n FROM user_schools us JOIN devices d ON d.school_id = us.school_id
        WHERE d.status = 'available' AND d.type IN ('laptop', 'tablet') GROUP BY us.school_id`,
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.n).toBeGreaterThan(20);
  });
});
