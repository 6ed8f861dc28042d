import { seedBase } from '../src/demo/base.seed';
import type { DemoContext } from '../src/demo/demo-context';
import { seedGrants } from '../src/demo/grants.seed';
import { createTestApp, TestApp } from './harness';

describe('Grants demo seed', () => {
  let t: TestApp;
  let ctx: DemoContext;

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.transaction(async (em) => {
      ctx = await seedBase(em, 'x');
      // Stand-in for the devices seed: a few devices per school, some without a price.
      await em.query(
        `INSERT INTO devices (authority_id, school_id, inventory_number, type, manufacturer, model, purchase_date, purchase_price_cents, commissioned_on)
         SELECT $1, s.id, 'D-' || s.school_number || '-' || n, (ARRAY['tablet','laptop','interactive_display','access_point'])[1 + n % 4]::device_type,
                'Demo', 'Modell', DATE '2021-03-01' + n, CASE WHEN n % 5 = 0 THEN NULL ELSE 40000 + n * 100 END, DATE '2021-04-01' + n
           FROM schools s CROSS JOIN generate_series(1, 24) n WHERE s.authority_id = $1`,
        [ctx.authorityId],
      );
      await seedGrants({ ...ctx, em });
    });
  });
  afterAll(() => t.close());

  it('creates three grants of different programs with a few hundred invoices linked to devices', async () => {
    const grants = await t.dataSource.query(
      `SELECT g.program::text AS program, count(e.id)::int AS invoices, count(DISTINCT x.device_id)::int AS devices
         FROM grants g LEFT JOIN expenditures e ON e.grant_id = g.id LEFT JOIN expenditure_devices x ON x.expenditure_id = e.id
        WHERE g.authority_id = $1 GROUP BY g.program ORDER BY g.program`,
      [ctx.authorityId],
    );
    expect(grants.map((g: { program: string }) => g.program)).toEqual(['digitalpakt_basis', 'sofortausstattung', 'leihgeraete_lehrkraefte']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM expenditures WHERE authority_id = $1`, [ctx.authorityId]);
    expect(n).toBeGreaterThanOrEqual(200);
    for (const g of grants) expect(g.devices).toBeGreaterThan(0);
  });

  it('describes device invoices in German ("12 × Laptop"), never with the type code a person cannot read', async () => {
    const descriptions: { description: string }[] = await t.dataSource.query(
      `SELECT DISTINCT regexp_replace(description, '^[0-9]+', 'N') AS description FROM expenditures WHERE authority_id = $1 AND description ~ '^[0-9]+ × '`,
      [ctx.authorityId],
    );
    expect(descriptions.map((d) => d.description).sort()).toEqual(['N × Interaktives Display', 'N × Laptop', 'N × Tablet', 'N × WLAN-Access-Point']);
  });

  it('keeps every rule: allocations within the approval, spending within allocations (but the one override), invoices inside the period', async () => {
    const [check] = await t.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM grants g WHERE g.authority_id = $1
             AND (SELECT sum(amount_cents) FROM grant_allocations a WHERE a.grant_id = g.id) > g.approved_cents) AS "overAllocated",
         (SELECT count(*)::int FROM grant_allocations a WHERE a.authority_id = $1
             AND (SELECT coalesce(sum(gross_cents), 0) FROM expenditures e WHERE e.grant_id = a.grant_id AND e.school_id = a.school_id) > a.amount_cents) AS "overSpent",
         (SELECT count(*)::int FROM expenditures e JOIN grants g ON g.id = e.grant_id WHERE e.authority_id = $1
             AND (e.invoice_date < g.eligible_from OR e.invoice_date > g.eligible_until)) AS "outside",
         (SELECT count(*)::int FROM expenditures WHERE authority_id = $1 AND budget_override) AS overrides`,
      [ctx.authorityId],
    );
    expect(check).toEqual({ overAllocated: 0, overSpent: 1, outside: 0, overrides: 1 });
  });
});
