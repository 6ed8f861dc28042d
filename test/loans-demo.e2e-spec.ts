import { seedBase } from '../src/demo/base.seed';
import { seedDevices } from '../src/demo/devices.seed';
import { seedLoans } from '../src/demo/loans.seed';
import { createTestApp, TestApp } from './harness';

describe('Demo loans (src/demo/loans.seed.ts)', () => {
  let t: TestApp;
  const demoToday = '2026-11-21';

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.transaction(async (em) => {
      const ctx = await seedBase(em, 'x');
      await seedDevices(ctx);
      await seedLoans(ctx);
    });
  });
  afterAll(() => t.close());

  it('has active, overdue and returned loans, most at the coordinators\' schools', async () => {
    const [counts] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE returned_on IS NULL AND due_on >= $1)::int AS active,
              count(*) FILTER (WHERE returned_on IS NULL AND due_on < $1)::int AS overdue,
              count(*) FILTER (WHERE returned_on IS NOT NULL)::int AS returned,
              count(*) FILTER (WHERE personal_data_erased_at IS NOT NULL)::int AS erased,
              count(*) FILTER (WHERE return_condition IN ('damaged', 'defective'))::int AS damaged,
              count(*) FILTER (WHERE borrower_kind = 'teacher')::int AS teachers
         FROM loans`,
      [demoToday],
    );
    expect(counts.active).toBeGreaterThan(200);
    expect(counts.overdue).toBeGreaterThan(5);
    expect(counts.returned).toBeGreaterThan(200);
    expect(counts.erased).toBeGreaterThan(50);
    expect(counts.damaged).toBeGreaterThan(5);
    expect(counts.teachers).toBeGreaterThan(10);
    const [coordinated] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM loans l WHERE l.returned_on IS NULL AND l.school_id IN (SELECT school_id FROM user_schools)`,
    );
    expect(coordinated.n).toBeGreaterThan(100);
  });

  it('is consistent: every active loan\'s device is loaned, every loaned device has one active loan, every loan is in the device history', async () => {
    const [mismatch] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM devices d
        WHERE (d.status = 'loaned') <> EXISTS (SELECT 1 FROM loans l WHERE l.device_id = d.id AND l.returned_on IS NULL)`,
    );
    expect(mismatch.n).toBe(0);
    const [noEvent] = await t.dataSource.query(`SELECT count(*)::int AS n FROM loans l WHERE NOT EXISTS (SELECT 1 FROM device_events e WHERE e.loan_id = l.id AND e.kind = 'loaned')`);
    expect(noEvent.n).toBe(0);
    // The history's return reasons read German ("Rückgabe: beschädigt"), never the condition's code.
    const reasons = await t.dataSource.query(`SELECT DISTINCT reason FROM device_events WHERE kind = 'returned' ORDER BY reason`);
    expect(reasons.length).toBeGreaterThan(0);
    for (const { reason } of reasons) expect(reason).toMatch(/^Rückgabe: (in Ordnung|beschädigt|defekt|verloren)$/);
    const [future] = await t.dataSource.query(`SELECT count(*)::int AS n FROM loans WHERE started_on > $1 OR returned_on > $1`, [demoToday]);
    expect(future.n).toBe(0);
  });
});
