import { seedBase } from '../src/demo/base.seed';
import { seedDevices } from '../src/demo/devices.seed';
import { seedLoans } from '../src/demo/loans.seed';
import { seedStocktakings } from '../src/demo/stocktakings.seed';
import { createTestApp, TestApp } from './harness';

describe('Demo stocktakings (src/demo/stocktakings.seed.ts)', () => {
  let t: TestApp;
  let office: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.transaction(async (em) => {
      const ctx = await seedBase(em, 'x');
      await seedDevices(ctx);
      await seedLoans(ctx);
      await seedStocktakings(ctx);
      office = `Bearer ${t.tokenFor(ctx.officeUserId)}`;
    });
  });
  afterAll(() => t.close());

  it('has one closed complete count and one in progress, read through the API as the office sees them', async () => {
    const list = await t.http().get('/api/v1/stocktakings').set('Authorization', office).expect(200);
    const counts = list.body.items.map((s: { schoolName: string; status: string; rooms: string[] | null; closedAt: string | null }) => [s.schoolName, s.status, s.rooms, s.closedAt !== null]);
    expect(counts).toEqual([
      ['Goethe-Gymnasium', 'open', null, false],
      ['Gesamtschule Nord', 'closed', null, true],
    ]);
    const [open, closed] = list.body.items;
    // The closed one: every expected device found but two (kept open), one unknown label.
    const done = await t.http().get(`/api/v1/stocktakings/${closed.id}`).set('Authorization', office).expect(200);
    expect(done.body.expected).toBeGreaterThan(100);
    expect(done.body).toMatchObject({ missing: 2, unknown: 1, foundElsewhere: 0, found: done.body.expected - 2, closedBy: 'Markus Wendt' });
    const kept = await t.dataSource.query(`SELECT resolution::text AS r, count(*)::int AS n FROM stocktaking_items WHERE stocktaking_id = $1 AND found_at IS NULL GROUP BY 1`, [closed.id]);
    expect(kept).toEqual([{ r: 'kept_open', n: 2 }]);
    // The open one: two fifths found so far, nothing resolved yet.
    const running = await t.http().get(`/api/v1/stocktakings/${open.id}`).set('Authorization', office).expect(200);
    expect(running.body.found / running.body.expected).toBeCloseTo(0.4, 1);
    const [{ scans }] = await t.dataSource.query(`SELECT count(*)::int AS scans FROM stocktaking_scans WHERE stocktaking_id = $1 AND result = 'found'`, [open.id]);
    expect(scans).toBe(running.body.found);
    // Loaned devices are not on any list; the found ones carry the day they were counted.
    const [{ loaned }] = await t.dataSource.query(`SELECT count(*)::int AS loaned FROM stocktaking_items i JOIN devices d ON d.id = i.device_id WHERE d.status = 'loaned'`);
    expect(loaned).toBe(0);
    const [{ found, dated }] = await t.dataSource.query(
      `SELECT count(*)::int AS found, count(*) FILTER (WHERE d.last_counted_on = (i.found_at AT TIME ZONE 'Europe/Berlin')::date)::int AS dated
         FROM stocktaking_items i JOIN devices d ON d.id = i.device_id WHERE i.found_at IS NOT NULL`,
    );
    expect(dated).toBe(found);
    expect(found).toBe(done.body.found + running.body.found);
  });

  it('leaves every school but the Gesamtschule Nord due in coverage and the overview', async () => {
    const coverage = await t.http().get('/api/v1/coverage?limit=200&sort=lastCompleteCount&order=desc').set('Authorization', office).expect(200);
    const first = coverage.body.items[0];
    expect([first.name, first.stocktaking]).toEqual(['Gesamtschule Nord', { lastCompleteCountOn: '2025-09-17', countDue: false }]);
    expect(coverage.body.items.slice(1).every((s: { stocktaking: { countDue: boolean } }) => s.stocktaking.countDue)).toBe(true);
    const overview = await t.http().get('/api/v1/stats/overview').set('Authorization', office).expect(200);
    expect(overview.body.stocktaking).toEqual({ countIntervalYears: 5, schoolsDue: 29, openStocktakings: 1 });
  });
});
