import { grantWarningText } from '../src/i18n/grant-warnings';
import { seededRandom } from '../src/demo/demo-context';
import { expenditureLinesQuery, inventoryLinesQuery } from '../src/grants/grants.queries';
import { GrantsService } from '../src/grants/grants.service';
import { createDevice, createSchool, createUser, World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';

/** The rounding rule written out independently of money.ts: half up per line. */
const fundedOf = (gross: number, rateBp: number) => Number((BigInt(gross) * BigInt(rateBp) * 2n + 10000n) / 20000n);

describe('Grant summary', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  const summary = (grantId: string, user = w.officeA, query = '') => t.http().get(`/api/v1/grants/${grantId}/summary${query}`).set('Authorization', user.auth).expect(200);

  describe('exact sums across hundreds of invoices', () => {
    const categories = ['devices', 'displays', 'network', 'software', 'installation', 'training', 'other'];

    it.each([
      ['87.5 %', 87.5, 8750],
      ['66.67 %', 66.67, 6667],
      ['33.33 %', 33.33, 3333],
    ])('loses no cent at %s', async (_label, percent, rateBp) => {
      const schools = [w.schoolA1, w.schoolA2, await createSchool(t.dataSource, w.authorityA, { schoolType: 'berufskolleg' })];
      const g = await createGrant(t, w.officeA, { title: `Sums ${percent}`, fundingRatePercent: percent, approvedCents: 9_000_000_000 });
      for (const s of schools) await allocate(t, w.officeA, g.id, s, 3_000_000_000);
      const random = seededRandom(Math.round(percent * 100));
      const lines = Array.from({ length: 437 }, (_, i) => {
        const month = 1 + (i % 12);
        return {
          school: schools[i % 3],
          category: categories[i % 7],
          gross: 1 + Math.floor(random() * 9_999_999),
          orderDate: `2022-${String(month).padStart(2, '0')}-05`,
          paidOn: i % 4 === 0 ? null : `2022-${String(month).padStart(2, '0')}-25`,
        };
      });
      // A few hundred through SQL (the summary is what is tested here) and a handful through the API.
      await t.dataSource.query(
        `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, invoice_number, invoice_date, paid_on, vendor, description, gross_cents)
         SELECT $1, $2::uuid, x.school, x.category::expenditure_category, x.order_date::date, 'S-' || $2::text || '-' || x.n, x.order_date::date + 10, x.paid_on::date, 'Vendor', 'Line', x.gross
           FROM jsonb_to_recordset($3::jsonb) AS x(n int, school uuid, category text, order_date text, paid_on text, gross bigint)`,
        [w.authorityA, g.id, JSON.stringify(lines.slice(0, 430).map((l, n) => ({ n, school: l.school, category: l.category, order_date: l.orderDate, paid_on: l.paidOn, gross: l.gross })))],
      );
      for (const l of lines.slice(430)) {
        await spend(t, w.officeA, g.id, l.school, { category: l.category, grossCents: l.gross, orderDate: l.orderDate, invoiceDate: l.orderDate, paidOn: l.paidOn });
      }

      const res = await summary(g.id);
      const expected = { committed: 0, funded: 0, paid: 0, paidFunded: 0 };
      for (const l of lines) {
        expected.committed += l.gross;
        expected.funded += fundedOf(l.gross, rateBp);
        if (l.paidOn) {
          expected.paid += l.gross;
          expected.paidFunded += fundedOf(l.gross, rateBp);
        }
      }
      const { totals, bySchool, byCategory } = res.body;
      expect(totals).toEqual({
        approvedCents: 9_000_000_000,
        allocatedCents: 9_000_000_000,
        committedCents: expected.committed,
        fundedCents: expected.funded,
        ownCents: expected.committed - expected.funded,
        paidCents: expected.paid,
        paidFundedCents: expected.paidFunded,
        paidOwnCents: expected.paid - expected.paidFunded,
        remainingCents: 9_000_000_000 - expected.committed,
      });
      for (const key of ['committedCents', 'fundedCents', 'ownCents', 'paidCents', 'paidFundedCents', 'paidOwnCents'] as const) {
        expect(bySchool.reduce((s: number, x: Record<string, number>) => s + x[key], 0)).toBe(totals[key]);
        expect(byCategory.reduce((s: number, x: Record<string, number>) => s + x[key], 0)).toBe(totals[key]);
      }
      for (const s of bySchool) {
        expect(s.fundedCents + s.ownCents).toBe(s.committedCents);
        const mine = lines.filter((l) => l.school === s.schoolId);
        expect(s.fundedCents).toBe(mine.reduce((sum, l) => sum + fundedOf(l.gross, rateBp), 0));
      }
      expect(byCategory.map((c: { category: string }) => c.category)).toEqual(categories);

      // The export's SQL lines follow the same rule and add up to the summary.
      const officeActor = { id: w.officeA.id, role: 'office' as const, authorityId: w.authorityA, schoolIds: [] };
      const q = expenditureLinesQuery(officeActor, g.id);
      const rows: { grossCents: number; fundedCents: number; ownCents: number }[] = await t.dataSource.query(q.sql, q.params);
      expect(rows).toHaveLength(437);
      for (const r of rows) expect(r.fundedCents).toBe(fundedOf(r.grossCents, rateBp));
      expect(rows.reduce((s, r) => s + r.fundedCents, 0)).toBe(totals.fundedCents);
      expect(rows.reduce((s, r) => s + r.ownCents, 0)).toBe(totals.ownCents);

      // The API lines show the same shares.
      const page = await t.http().get(`/api/v1/grants/${g.id}/expenditures?limit=200`).set('Authorization', w.officeA.auth).expect(200);
      for (const e of page.body.items) expect(e.fundedCents).toBe(fundedOf(e.grossCents, rateBp));
    });
  });

  describe('figures as of a reporting date', () => {
    it('counts committed by order date and paid by payment date', async () => {
      const g = await createGrant(t, w.officeA, { title: 'As of' });
      await allocate(t, w.officeA, g.id, w.schoolA1, 1_000_000);
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 100_000, orderDate: '2021-05-10', invoiceDate: '2021-06-20', paidOn: '2021-07-05' });
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 30_000, orderDate: '2021-06-30', invoiceDate: '2021-06-30', paidOn: '2021-06-30' });
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 50_001, orderDate: '2021-08-01', invoiceNumber: null, invoiceDate: null, paidOn: null });
      const june = await summary(g.id, w.officeA, '?asOf=2021-06-30');
      expect(june.body.asOf).toBe('2021-06-30');
      expect(june.body.totals).toMatchObject({ committedCents: 130_000, fundedCents: 117_000, ownCents: 13_000, paidCents: 30_000, paidFundedCents: 27_000, paidOwnCents: 3_000 });
      const december = await summary(g.id, w.officeA, '?asOf=2021-12-31');
      // 50,001 × 90 % = 45,000.9 → 45,001
      expect(december.body.totals).toMatchObject({ committedCents: 180_001, fundedCents: 162_001, ownCents: 18_000, paidCents: 130_000, paidFundedCents: 117_000 });
      const before = await summary(g.id, w.officeA, '?asOf=2020-12-31');
      expect(before.body.totals).toMatchObject({ committedCents: 0, paidCents: 0, remainingCents: 10_000_000 });
      await t.http().get(`/api/v1/grants/${g.id}/summary?asOf=2021-13-01`).set('Authorization', w.officeA.auth).expect(400);
    });
  });

  describe('coordinator view', () => {
    it("shows only the coordinator's schools lines and totals", async () => {
      const g = await createGrant(t, w.officeA, { title: 'Coord summary', approvedCents: 1_000_000 });
      await allocate(t, w.officeA, g.id, w.schoolA1, 400_000);
      await allocate(t, w.officeA, g.id, w.schoolA2, 400_000);
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 100_000 });
      await spend(t, w.officeA, g.id, w.schoolA2, { grossCents: 200_000 });
      const res = await summary(g.id, w.coordinatorA1);
      expect(res.body.bySchool.map((s: { schoolId: string }) => s.schoolId)).toEqual([w.schoolA1]);
      expect(res.body.totals).toMatchObject({ allocatedCents: 400_000, committedCents: 100_000, remainingCents: 300_000 });
      const office = await summary(g.id);
      expect(office.body.totals).toMatchObject({ allocatedCents: 800_000, committedCents: 300_000, remainingCents: 700_000 });
      await t.http().get(`/api/v1/grants/${g.id}/summary`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().get(`/api/v1/grants/${g.id}/summary`).set('Authorization', w.coordinatorB1.auth).expect(404);
      await t.http().get(`/api/v1/grants/${g.id}/summary`).expect(401);
    });
  });

  describe('program rules as warnings', () => {
    it('shows the DigitalPakt mobile-device cap per school, without vocational schools', async () => {
      const bk = await createSchool(t.dataSource, w.authorityA, { schoolType: 'berufskolleg' });
      const g = await createGrant(t, w.officeA, { title: 'Mobile cap', approvedCents: 100_000_000 });
      for (const s of [w.schoolA1, w.schoolA2, bk]) await allocate(t, w.officeA, g.id, s, 30_000_000);
      const tablets = await Promise.all(Array.from({ length: 3 }, () => createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'tablet' })));
      const display = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'interactive_display' });
      // A1: 3,000,000 on devices, 3 of 4 devices mobile → 2,250,000 mobile (below 25,000 EUR)
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 3_000_000, deviceIds: [...tablets, display] });
      // A1: another 1,000,000 of laptops → 3,250,000 mobile, 750,000 over 25,000 EUR (2,500,000 cents)
      const laptop = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'laptop' });
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 1_000_000, deviceIds: [laptop] });
      // A2: network only; the vocational school: all mobile, but exempt
      await spend(t, w.officeA, g.id, w.schoolA2, { grossCents: 6_000_000, category: 'network' });
      const bkLaptop = await createDevice(t.dataSource, w.authorityA, bk, { type: 'laptop' });
      await spend(t, w.officeA, g.id, bk, { grossCents: 9_000_000, deviceIds: [bkLaptop] });

      const res = await summary(g.id);
      // investment at general-education schools: 10,000,000 → authority cap 2,000,000 (excess 1,250,000);
      // per school: 750,000 over at A1 → the per-school variant is more favourable
      expect(res.body.mobileDeviceCap).toMatchObject({ investmentCents: 10_000_000, mobileCents: 3_250_000, authorityCapCents: 2_000_000, variant: 'per_school', excessCents: 750_000 });
      expect(res.body.mobileDeviceCap.schools.map((s: { schoolId: string }) => s.schoolId).sort()).toEqual([w.schoolA1, w.schoolA2].sort());
      expect(res.body.warnings.filter((x: { code: string }) => x.code === 'mobile_device_cap')).toEqual([
        expect.objectContaining({ schoolId: w.schoolA1, amountCents: 750_000 }),
      ]);
      // other programs have no such cap
      const other = await createGrant(t, w.officeA, { title: 'City budget', program: 'city_budget' });
      expect((await summary(other.id)).body.mobileDeviceCap).toBeNull();

      // The coordinator of A2 sees the money of A2 only: 6,000,000 invested, nothing mobile, no warning about A1.
      const coordinatorA2 = await createUser(t, { role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA2] });
      const mine = await summary(g.id, coordinatorA2);
      expect(mine.body.mobileDeviceCap).toMatchObject({ investmentCents: 6_000_000, mobileCents: 0, excessCents: 0, schools: [expect.objectContaining({ schoolId: w.schoolA2 })] });
      expect(mine.body.mobileDeviceCap.schools).toHaveLength(1);
      expect(mine.body.warnings.filter((x: { code: string }) => x.code === 'mobile_device_cap')).toEqual([]);
      expect(JSON.stringify(mine.body)).not.toMatch(/"(investmentCents|mobileCents)":(10000000|3250000)\b/);
      // The office's warning carries code and params, and its German text renders from them.
      const [cap] = res.body.warnings.filter((x: { code: string }) => x.code === 'mobile_device_cap');
      expect(cap.params).toEqual({ variant: 'per_school', mobileCents: 3_250_000, capCents: 2_500_000, capPercent: 20, excessCents: 750_000 });
      expect(grantWarningText(cap.code, cap.params)).toBe(
        'Mobile Endgeräte dieser Schule kosten 32.500,00 €; erlaubt sind 25.000,00 € je Schule oder 20 % der Investitionen. Überschreitung: 7.500,00 €.',
      );
    });

    it('warns for the rules the authority configures', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Configured rules', approvedCents: 1_000_000 });
      await allocate(t, w.officeA, g.id, w.schoolA1, 1_000_000);
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 300_000, category: 'software' });
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 700_000, category: 'devices' });
      expect((await summary(g.id)).body.warnings.filter((x: { code: string }) => x.code === 'category_share')).toEqual([]);
      await t.http()
        .put('/api/v1/grants/settings')
        .set('Authorization', w.officeA.auth)
        .send({ categoryShareRules: [{ program: 'digitalpakt_basis', category: 'software', maxSharePercent: 25, scope: 'grant', label: 'Software' }] })
        .expect(200);
      const res = await summary(g.id);
      expect(res.body.warnings).toContainEqual(
        expect.objectContaining({ code: 'category_share', amountCents: 50_000, details: { category: 'software', maxSharePercent: 25, categoryCents: 300_000, totalCents: 1_000_000 } }),
      );
      const [share] = res.body.warnings.filter((x: { code: string }) => x.code === 'category_share');
      expect(grantWarningText(share.code, share.params)).toBe(
        'Software: Auf „Software“ entfallen 3.000,00 € von 10.000,00 € des Förderprogramms; erlaubt sind höchstens 25 %. Überschreitung: 500,00 €.',
      );
      // The grant-wide share sums every school's money: not for a coordinator, who sees their schools' money only.
      const mine = await summary(g.id, w.coordinatorA1);
      expect(mine.body.warnings.filter((x: { code: string }) => x.code === 'category_share')).toEqual([]);
      await t.http().put('/api/v1/grants/settings').set('Authorization', w.officeA.auth).send({ categoryShareRules: [] }).expect(200);
    });
  });

  describe('earmarking', () => {
    let g: string;
    let device: string;
    beforeAll(async () => {
      g = (await createGrant(t, w.officeA, { title: 'Earmark', eligibleFrom: '2020-01-01', eligibleUntil: '2030-12-31', earmarkingYears: 5, earmarkingYearsByType: { laptop: 3 } })).id;
      await allocate(t, w.officeA, g, w.schoolA1, 1_000_000);
      device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'laptop', purchasePriceCents: 100_000, commissionedOn: '2024-01-15' });
      await spend(t, w.officeA, g, w.schoolA1, { grossCents: 100_000, deviceIds: [device], orderDate: '2024-01-02', invoiceDate: '2024-01-10', paidOn: '2024-01-20' });
    });

    it('refuses to retire a funded device inside its period without confirmation, naming grant, end and amount at risk', async () => {
      const res = await t.http()
        .post(`/api/v1/devices/${device}/status`)
        .set('Authorization', w.officeA.auth)
        .send({ status: 'retired', reason: 'Displaybruch', retiredOn: '2025-01-15' })
        .expect(409);
      // funded 90,000; 36 months from 2024-01-15, 12 served → 24/36 → 60,000
      expect(res.body).toMatchObject({ error: 'ILLEGAL_STATE', details: { confirmation: 'earmarkingBreach', grantId: g, earmarkingEnd: '2027-01-15', amountAtRiskCents: 60_000 } });
      const [row] = await t.dataSource.query(`SELECT status FROM devices WHERE id = $1`, [device]);
      expect(row.status).toBe('available');
    });

    it('retires it with the confirmation, keeps the breach in the audit log and warns in the summary', async () => {
      await t.http()
        .post(`/api/v1/devices/${device}/status`)
        .set('Authorization', w.officeA.auth)
        .send({ status: 'retired', reason: 'Displaybruch', retiredOn: '2025-01-15', confirmEarmarkingBreach: true })
        .expect(200);
      const [audit] = await t.dataSource.query(`SELECT changes -> 'meta' AS meta FROM audit_log WHERE entity_id = $1 AND action = 'device.status_changed'`, [device]);
      expect(audit.meta.earmarkingBreach).toMatchObject({ grantId: g, earmarkingEnd: '2027-01-15', amountAtRiskCents: 60_000 });
      const res = await summary(g);
      expect(res.body.warnings).toContainEqual(
        expect.objectContaining({ code: 'earmarking_breach', schoolId: w.schoolA1, amountCents: 60_000, details: expect.objectContaining({ deviceId: device, leftOn: '2025-01-15' }) }),
      );
      // before the retirement date, the reporting view has no such warning
      expect((await summary(g, w.officeA, '?asOf=2024-12-31')).body.warnings.filter((x: { code: string }) => x.code === 'earmarking_breach')).toEqual([]);
    });

    it('lets a device go without confirmation once its period is over, and unfunded devices anyway', async () => {
      const old = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { type: 'laptop', commissionedOn: '2020-02-01' });
      await spend(t, w.officeA, g, w.schoolA1, { grossCents: 1_000, deviceIds: [old], orderDate: '2020-01-10', invoiceDate: '2020-01-20', paidOn: null });
      await t.http().post(`/api/v1/devices/${old}/status`).set('Authorization', w.officeA.auth).send({ status: 'lost' }).expect(200);
      const free = await createDevice(t.dataSource, w.authorityA, w.schoolA1);
      await t.http().post(`/api/v1/devices/${free}/status`).set('Authorization', w.officeA.auth).send({ status: 'retired', reason: 'Defekt' }).expect(200);
    });
  });

  describe('exports and statistics helpers', () => {
    it('lists the devices bought with a grant, scoped like everything else', async () => {
      const g = await createGrant(t, w.officeA, { title: 'Inventory' });
      await allocate(t, w.officeA, g.id, w.schoolA1, 100_000);
      await allocate(t, w.officeA, g.id, w.schoolA2, 100_000);
      const d1 = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'INV-G-1' });
      const d2 = await createDevice(t.dataSource, w.authorityA, w.schoolA2, { inventoryNumber: 'INV-G-2' });
      await spend(t, w.officeA, g.id, w.schoolA1, { grossCents: 1_000, deviceIds: [d1], invoiceNumber: 'INV-RE-1' });
      await spend(t, w.officeA, g.id, w.schoolA2, { grossCents: 1_000, deviceIds: [d2] });
      const office = inventoryLinesQuery({ id: w.officeA.id, role: 'office', authorityId: w.authorityA, schoolIds: [] }, g.id);
      const rows = await t.dataSource.query(office.sql, office.params);
      expect(rows.map((r: { inventoryNumber: string }) => r.inventoryNumber)).toEqual(['INV-G-1', 'INV-G-2']);
      expect(rows[0]).toEqual({
        inventoryNumber: 'INV-G-1', serialNumber: expect.any(String), type: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad L13', status: 'available',
        schoolName: expect.any(String), location: null, purchaseDate: '2023-08-01', purchasePriceCents: 59_900, commissionedOn: '2023-08-15', invoiceNumber: 'INV-RE-1',
        // bought 01.08.2023, invoiced 20.03.2021: flagged
        invoiceDate: '2021-03-20', boughtOutsidePeriod: null, boughtAfterInvoice: true,
      });
      const coord = inventoryLinesQuery({ id: w.coordinatorA1.id, role: 'coordinator', authorityId: w.authorityA, schoolIds: [w.schoolA1] }, g.id);
      expect((await t.dataSource.query(coord.sql, coord.params)).map((r: { inventoryNumber: string }) => r.inventoryNumber)).toEqual(['INV-G-1']);
    });

    it('gives the budget overview of an authority', async () => {
      const overview = await t.app.get(GrantsService).budgetOverview(w.authorityB);
      expect(overview).toEqual({ grants: 0, approvedCents: 0, spentCents: 0, remainingCents: 0 });
      const g = await createGrant(t, w.officeB, { approvedCents: 500_000 });
      await allocate(t, w.officeB, g.id, w.schoolB1, 500_000);
      await spend(t, w.officeB, g.id, w.schoolB1, { grossCents: 123_456 });
      expect(await t.app.get(GrantsService).budgetOverview(w.authorityB)).toEqual({ grants: 1, approvedCents: 500_000, spentCents: 123_456, remainingCents: 376_544 });
    });
  });
});
