import { todayInBerlin } from '../src/common/dates';
import { addMonthsKeepingMonthEnd as addMonths } from '../src/common/dates';
import { seatWarnings, type SeatFacts } from '../src/licences/licence-rules';
import type { TestUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';

/**
 * The contract list and the schools' seat warnings are rendered as JSON text by PostgreSQL; these tests hold them to
 * what the objects give: every list item equals the contract's detail (same fields, values, key order), for the office's
 * sums and a coordinator's, across pages; every `use_over_assigned` warning equals the rule's (`seatWarnings`).
 */
describe('Licences: the list and warnings as JSON text', () => {
  let t: TestApp;
  let w: World;
  const today = todayInBerlin();
  // Quotes, a backslash, umlauts, a dash and a line break: escaped by PostgreSQL as JSON.stringify does.
  const awkward = 'Lern "Plus" \\ Größe – Ärger\nzweite Zeile';
  const ids: string[] = [];

  const get = (user: TestUser, path: string) => t.http().get(`/api/v1/licences/${path}`).set('Authorization', user.auth);
  const post = async (path: string, body: Record<string, unknown>) =>
    (await t.http().post(`/api/v1/licences/${path}`).set('Authorization', w.officeA.auth).send(body).expect(201)).body as { id: string };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const p1 = await post('products', { name: awkward, vendor: 'Anbieter "A"', kind: 'learning_app', processesStudentData: true, approved: false });
    const p2 = await post('products', { name: 'Büro-Paket', vendor: 'B', kind: 'office_suite', processesStudentData: false });
    const [grant] = await t.dataSource.query(
      `INSERT INTO grants (authority_id, program, title, approved_cents, funding_rate_bp, eligible_from, eligible_until) VALUES ($1, 'digitalpakt_basis', 'DigitalPakt "Basis"', 100000000, 9000, '2019-05-17', '2024-12-31') RETURNING id`,
      [w.authorityA],
    );
    const [exp] = await t.dataSource.query(
      `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, vendor, description, gross_cents, invoice_number, invoice_date)
       VALUES ($1, $2, $3, 'software', '2024-01-10', 'V', 'Lizenzen', 100000, 'RE-7', '2024-02-01') RETURNING id`,
      [w.authorityA, grant.id, w.schoolA1],
    );
    const base = { allSchools: true, licenceModel: 'per_student', seatsBought: 100, termStart: '2024-01-31', termEnd: '2025-01-31', yearlyCents: 9_007_199_254 };
    ids.push((await post('contracts', { ...base, productId: p1.id, autoRenewal: true, noticePeriod: 3, noticeUnit: 'months', expenditureId: exp.id, notes: awkward })).id);
    ids.push((await post('contracts', { ...base, productId: p1.id, allSchools: false, schoolIds: [w.schoolA1, w.schoolA2], seatsBought: 10, termEnd: addMonths(today, 1) })).id);
    ids.push((await post('contracts', { ...base, productId: p2.id, autoRenewal: true, renewalMonths: 1, noticePeriod: 2, noticeUnit: 'weeks', orderReference: 'B-1' })).id);
    for (const [contract, school, assigned, inUse] of [
      [ids[1], w.schoolA1, 4, 7],
      [ids[1], w.schoolA2, 6, 6],
      [ids[0], w.schoolA2, 5, 9],
    ] as const) {
      await t.http().put(`/api/v1/licences/contracts/${contract}/seats/${school}`).set('Authorization', w.officeA.auth).send({ seatsAssigned: assigned }).expect(200);
      await t.http().put(`/api/v1/licences/contracts/${contract}/seats/${school}/use`).set('Authorization', w.officeA.auth).send({ seatsInUse: inUse }).expect(200);
    }
  });
  afterAll(() => t.close());

  it('every list item is the contract’s detail, field by field and in its order, for the office and a coordinator, across pages', async () => {
    for (const user of [w.officeA, w.coordinatorA1]) {
      const list = await get(user, 'contracts?limit=200').expect(200);
      expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(list.body.items).toHaveLength(3);
      expect(list.body.nextCursor).toBeNull();
      expect(list.text).toBe(JSON.stringify(list.body));
      for (const item of list.body.items) {
        const detail = (await get(user, `contracts/${item.id}`).expect(200)).body;
        expect(JSON.stringify(item)).toBe(JSON.stringify(detail));
      }
      // Pages of one: the same items in the same order.
      const paged: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: unknown[]; nextCursor: string | null } } = await get(user, `contracts?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
        paged.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(list.body.items);
    }
    const office = (await get(w.officeA, 'contracts?limit=200').expect(200)).body.items as Record<string, unknown>[];
    const linked = office.find((c) => c.id === ids[0])!;
    expect(linked).toMatchObject({ productName: awkward, vendor: 'Anbieter "A"', notes: awkward, grantTitle: 'DigitalPakt "Basis"', expenditureInvoiceNumber: 'RE-7', yearlyCents: 9_007_199_254 });
    expect(linked.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The coordinator of A1 sums only A1's seats.
    const coordinator = (await get(w.coordinatorA1, 'contracts?limit=200').expect(200)).body.items as Record<string, unknown>[];
    expect(coordinator.find((c) => c.id === ids[1])).toMatchObject({ seatsAssigned: 4, seatsInUse: 7, schools: 1 });
    expect(office.find((c) => c.id === ids[1])).toMatchObject({ seatsAssigned: 10, seatsInUse: 13, schools: 2 });
  });

  it('every school’s over-use warning is the rule’s, after the products’ and contracts’ warnings; the counts agree', async () => {
    for (const [user, query] of [
      [w.officeA, ''],
      [w.coordinatorA1, ''],
      [w.officeA, `?schoolId=${w.schoolA2}`],
    ] as const) {
      const res = await get(user, `warnings${query}`).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.text).toBe(JSON.stringify(res.body));
      const items = res.body.items as { code: string }[];
      const firstSeat = items.findIndex((i) => i.code === 'use_over_assigned');
      expect(firstSeat).toBeGreaterThan(0);
      expect(items.slice(firstSeat).every((i) => i.code === 'use_over_assigned')).toBe(true);
      const schools = user === w.coordinatorA1 ? [w.schoolA1] : query ? [w.schoolA2] : [w.schoolA1, w.schoolA2];
      const seats: (SeatFacts & { name: string })[] = await t.dataSource.query(
        `SELECT s.contract_id AS "contractId", c.product_id AS "productId", s.school_id AS "schoolId", s.seats_assigned AS "seatsAssigned", s.seats_in_use AS "seatsInUse", p.name
           FROM licence_seats s JOIN licence_contracts c ON c.id = s.contract_id JOIN licence_products p ON p.id = c.product_id
          WHERE s.school_id = ANY($1::uuid[]) ORDER BY s.contract_id, s.school_id`,
        [schools],
      );
      const expected = seats.flatMap((s) => seatWarnings(s, s.name));
      expect(expected.length).toBeGreaterThan(0);
      expect(JSON.stringify(items.slice(firstSeat))).toBe(JSON.stringify(expected));
    }
    const office = (await get(w.officeA, 'warnings').expect(200)).body.items as { code: string }[];
    expect(office.filter((i) => i.code === 'use_over_assigned')).toHaveLength(2);
    const overview = await t.http().get('/api/v1/stats/overview').set('Authorization', w.officeA.auth).expect(200);
    const counts = JSON.stringify(overview.body).match(/"use_over_assigned":(\d+)/);
    expect(counts?.[1]).toBe('2');
  });
});
