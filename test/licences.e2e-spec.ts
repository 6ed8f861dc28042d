import ExcelJS from 'exceljs';
import { todayInBerlin } from '../src/common/dates';
import { addDays, addMonthsKeepingMonthEnd as addMonths, daysBetween } from '../src/common/dates';
import { createSchool, createUser, type TestUser, type World } from './factories';
import { createTestWorld, TestApp } from './harness';

describe('Licences', () => {
  let t: TestApp;
  let w: World;
  const today = todayInBerlin();

  const product = (body: Record<string, unknown> = {}) => ({
    name: 'Mathe-App', vendor: 'Lern GmbH', kind: 'learning_app', platforms: ['ipados', 'web'], processesStudentData: true,
    dpaSignedOn: '2025-03-01', dpaReference: 'AV-2025-17', dpiaDone: true, hosting: 'eu', approved: true, ...body,
  });
  const contract = (productId: string, body: Record<string, unknown> = {}) => ({
    productId, allSchools: true, licenceModel: 'per_student', seatsBought: 100, termStart: '2025-08-01', termEnd: addMonths(today, 8),
    autoRenewal: true, noticePeriod: 3, noticeUnit: 'months', oneOffCents: 50_000, yearlyCents: 1_200_000, orderReference: 'B-2025-4711', ...body,
  });
  const post = async (user: TestUser, path: string, body: unknown, status = 201) =>
    (await t.http().post(`/api/v1/licences/${path}`).set('Authorization', user.auth).send(body as object).expect(status)).body;
  const put = (user: TestUser, path: string, body: unknown) => t.http().put(`/api/v1/licences/${path}`).set('Authorization', user.auth).send(body as object);
  const get = (user: TestUser, path: string) => t.http().get(`/api/v1/licences/${path}`).set('Authorization', user.auth);

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
  });
  afterAll(() => t.close());

  describe('products', () => {
    it('lets the office add a product, audited, and everyone of the authority read it', async () => {
      const created = await post(w.officeA, 'products', product({ name: 'Produkt 1' }));
      expect(created).toMatchObject({ ...product({ name: 'Produkt 1' }), forStudents: true, contracts: 0, version: 1, notes: null });
      const [row] = await t.dataSource.query(`SELECT authority_id, kind::text, platforms, dpa_signed_on FROM licence_products WHERE id = $1`, [created.id]);
      expect(row).toEqual({ authority_id: w.authorityA, kind: 'learning_app', platforms: ['ipados', 'web'], dpa_signed_on: '2025-03-01' });
      expect(await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [created.id])).toEqual([{ action: 'licence.product_created' }]);
      for (const user of [w.coordinatorA1, w.viewerA]) expect((await get(user, `products/${created.id}`).expect(200)).body.name).toBe('Produkt 1');
      await get(w.officeB, `products/${created.id}`).expect(404);
      await get(w.admin, `products/${created.id}`).expect(403);
      await t.http().get(`/api/v1/licences/products/${created.id}`).expect(401);
      const updated = await t.http().patch(`/api/v1/licences/products/${created.id}`).set('Authorization', w.officeA.auth).send({ approved: false, version: 1 }).expect(200);
      expect(updated.body).toMatchObject({ approved: false, version: 2, dpaReference: 'AV-2025-17' });
      await t.http().patch(`/api/v1/licences/products/${created.id}`).set('Authorization', w.officeA.auth).send({ approved: true, version: 1 }).expect(409);
      await t.http().patch(`/api/v1/licences/products/${created.id}`).set('Authorization', w.officeB.auth).send({ approved: true }).expect(404);
      await t.http().patch(`/api/v1/licences/products/${created.id}`).set('Authorization', w.coordinatorA1.auth).send({ approved: true }).expect(403);
      await t.http().delete(`/api/v1/licences/products/${created.id}`).set('Authorization', w.viewerA.auth).expect(403);
      await t.http().delete(`/api/v1/licences/products/${created.id}`).set('Authorization', w.officeB.auth).expect(404);
      await t.http().delete(`/api/v1/licences/products/${created.id}`).set('Authorization', w.officeA.auth).expect(204);
      expect(await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [created.id])).toHaveLength(3);
    });

    it('names the wrong fields of bad input, and refuses duplicates and a reference without a signing day', async () => {
      const res = await post(w.officeA, 'products', { ...product(), kind: 'game', platforms: ['amiga'], hosting: 'moon', dpaSignedOn: '2025-02-30', colour: 'red' }, 400);
      expect(res.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['colour', 'dpaSignedOn', 'hosting', 'kind', 'platforms']);
      await post(w.officeA, 'products', product({ name: 'Doppelt' }));
      const dup = await post(w.officeA, 'products', product({ name: 'doppelt' }), 409);
      expect(dup.fieldErrors[0].field).toBe('name');
      const noDay = await post(w.officeA, 'products', product({ name: 'Ohne Datum', dpaSignedOn: null }), 400);
      expect(noDay.fieldErrors[0].field).toBe('dpaReference');
      await post(w.coordinatorA1, 'products', product({ name: 'Koordination' }), 403);
      await t.http().post('/api/v1/licences/products').send(product()).expect(401);
    });
  });

  describe('contracts and seats', () => {
    let productA: string;
    let productB: string;

    beforeAll(async () => {
      productA = (await post(w.officeA, 'products', product({ name: 'Lernplattform' }))).id;
      productB = (await post(w.officeB, 'products', product({ name: 'Lernplattform B' }))).id;
    });

    it('computes the term in force and the last day to cancel, and audits the contract', async () => {
      const c = await post(w.officeA, 'contracts', contract(productA, { termStart: '2024-01-01', termEnd: '2024-12-31', renewalMonths: 12 }));
      const termEnd = today <= addMonths('2024-12-31', 24) ? (today <= '2025-12-31' ? '2025-12-31' : '2026-12-31') : null;
      if (termEnd) expect(c).toMatchObject({ currentTermEnd: termEnd, lastDayToCancel: addMonths(termEnd, -3) });
      expect(c).toMatchObject({ productName: 'Lernplattform', seatsAssigned: 0, seatsInUse: null, schools: 0, grantId: null, version: 1 });
      expect(await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [c.id])).toEqual([{ action: 'licence.contract_created' }]);
      const fixed = await post(w.officeA, 'contracts', contract(productA, { termEnd: '2027-07-31', autoRenewal: false, noticePeriod: null, noticeUnit: null }));
      expect(fixed).toMatchObject({ currentTermEnd: '2027-07-31', lastDayToCancel: null });
      const res = await post(w.officeA, 'contracts', contract(productA, { autoRenewal: true, noticePeriod: null, noticeUnit: null }), 400);
      expect(res.fieldErrors[0].field).toBe('noticePeriod');
      const order = await post(w.officeA, 'contracts', contract(productA, { termStart: '2026-01-01', termEnd: '2025-01-01' }), 400);
      expect(order.fieldErrors[0].field).toBe('termEnd');
    });

    it('answers 404 for another authority’s product, school and expenditure, and 403 for other roles', async () => {
      await post(w.officeA, 'contracts', contract(productB), 404);
      await post(w.officeA, 'contracts', contract(productA, { allSchools: false, schoolIds: [w.schoolA1, w.schoolB1] }), 404);
      const [grant] = await t.dataSource.query(
        `INSERT INTO grants (authority_id, program, title, approved_cents, funding_rate_bp, eligible_from, eligible_until) VALUES ($1, 'digitalpakt_basis', 'DP', 100000000, 9000, '2019-05-17', '2024-12-31') RETURNING id`,
        [w.authorityB],
      );
      const [exp] = await t.dataSource.query(
        `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, vendor, description, gross_cents) VALUES ($1, $2, $3, 'software', '2024-01-10', 'V', 'Lizenzen', 100000) RETURNING id`,
        [w.authorityB, grant.id, w.schoolB1],
      );
      await post(w.officeA, 'contracts', contract(productA, { expenditureId: exp.id }), 404);
      await post(w.coordinatorA1, 'contracts', contract(productA), 403);
      await post(w.viewerA, 'contracts', contract(productA), 403);
      await t.http().post('/api/v1/licences/contracts').send(contract(productA)).expect(401);
      const c = await post(w.officeB, 'contracts', contract(productB));
      for (const path of [`contracts/${c.id}`, `contracts/${c.id}/seats`]) await get(w.officeA, path).expect(404);
      await put(w.officeA, `contracts/${c.id}/seats/${w.schoolB1}`, { seatsAssigned: 1 }).expect(404);
      await put(w.coordinatorA1, `contracts/${c.id}/seats/${w.schoolA1}/use`, { seatsInUse: 1 }).expect(404);
      await t.http().patch(`/api/v1/licences/contracts/${c.id}`).set('Authorization', w.officeA.auth).send({ seatsBought: 1 }).expect(404);
      await t.http().delete(`/api/v1/licences/contracts/${c.id}`).set('Authorization', w.officeA.auth).expect(404);
      expect((await t.dataSource.query(`SELECT seats_bought FROM licence_contracts WHERE id = $1`, [c.id]))[0].seats_bought).toBe(100);
    });

    it('keeps the seats of all schools within the seats bought, also under concurrent requests', async () => {
      const c = await post(w.officeA, 'contracts', contract(productA, { seatsBought: 100 }));
      const schools = await Promise.all(Array.from({ length: 8 }, (_, i) => createSchool(t.dataSource, w.authorityA, { name: `Parallel ${i}` })));
      const results = await Promise.all(schools.map((s) => put(w.officeA, `contracts/${c.id}/seats/${s}`, { seatsAssigned: 30 })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
      const [{ sum }] = await t.dataSource.query(`SELECT sum(seats_assigned)::int AS sum FROM licence_seats WHERE contract_id = $1`, [c.id]);
      expect(sum).toBe(90);
      const refused = results.find((r) => r.status === 409)!;
      expect(refused.body.details).toMatchObject({ seatsBought: 100, otherAssigned: 90, requested: 30, available: 10 });
      expect((await get(w.officeA, `contracts/${c.id}`).expect(200)).body).toMatchObject({ seatsAssigned: 90, schools: 3 });
      await put(w.coordinatorA1, `contracts/${c.id}/seats/${w.schoolA1}`, { seatsAssigned: 1 }).expect(403);
      const bad = await put(w.officeA, `contracts/${c.id}/seats/${w.schoolA1}`, { seatsAssigned: -1 }).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('seatsAssigned');
    });

    it('shows a coordinator the contracts and seats of their schools only, and lets them enter their use', async () => {
      const forA2 = await post(w.officeA, 'contracts', contract(productA, { allSchools: false, schoolIds: [w.schoolA2], seatsBought: 10 }));
      const forA1 = await post(w.officeA, 'contracts', contract(productA, { allSchools: false, schoolIds: [w.schoolA1, w.schoolA2], seatsBought: 50 }));
      await put(w.officeA, `contracts/${forA1.id}/seats/${w.schoolA1}`, { seatsAssigned: 20 }).expect(200);
      await put(w.officeA, `contracts/${forA1.id}/seats/${w.schoolA2}`, { seatsAssigned: 25 }).expect(200);
      await get(w.coordinatorA1, `contracts/${forA2.id}`).expect(404);
      const mine = (await get(w.coordinatorA1, `contracts/${forA1.id}`).expect(200)).body;
      expect(mine).toMatchObject({ seatsBought: 50, seatsAssigned: 20, schools: 1 });
      const seats = (await get(w.coordinatorA1, `contracts/${forA1.id}/seats`).expect(200)).body;
      expect(seats.map((s: { schoolId: string }) => s.schoolId)).toEqual([w.schoolA1]);
      const list = (await get(w.coordinatorA1, 'contracts?limit=200').expect(200)).body.items.map((c: { id: string }) => c.id);
      expect(list).toContain(forA1.id);
      expect(list).not.toContain(forA2.id);
      await get(w.coordinatorA1, `contracts?schoolId=${w.schoolA2}`).expect(404);
      const bySchool = (await get(w.officeA, `contracts?schoolId=${w.schoolA2}&limit=200`).expect(200)).body.items.find((c: { id: string }) => c.id === forA1.id);
      expect(bySchool).toMatchObject({ seatsAssigned: 25, schools: 1 });

      const use = await put(w.coordinatorA1, `contracts/${forA1.id}/seats/${w.schoolA1}/use`, { seatsInUse: 18, inUseOn: '2026-03-01' }).expect(200);
      expect(use.body).toMatchObject({ schoolId: w.schoolA1, seatsAssigned: 20, seatsInUse: 18, inUseOn: '2026-03-01', inUseSource: 'school' });
      await put(w.coordinatorA1, `contracts/${forA1.id}/seats/${w.schoolA2}/use`, { seatsInUse: 1 }).expect(404);
      await put(w.viewerA, `contracts/${forA1.id}/seats/${w.schoolA1}/use`, { seatsInUse: 1 }).expect(403);
      await t.http().put(`/api/v1/licences/contracts/${forA1.id}/seats/${w.schoolA1}/use`).send({ seatsInUse: 1 }).expect(401);
      // A school the contract is not for has no seats to use.
      const other = await createSchool(t.dataSource, w.authorityA);
      await put(w.officeA, `contracts/${forA1.id}/seats/${other}/use`, { seatsInUse: 1 }).expect(404);
      const audit = await t.dataSource.query(`SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'licence.use_reported'`, [forA1.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(w.coordinatorA1.id);
      expect(JSON.stringify(audit[0].changes)).toContain('"seatsInUse"');
    });

    it('imports a vendor usage export (csv and xlsx) by school number, reporting what it could not match', async () => {
      const s1 = await createSchool(t.dataSource, w.authorityA, { schoolNumber: '170001' });
      await createSchool(t.dataSource, w.authorityA, { schoolNumber: '170002' });
      await createSchool(t.dataSource, w.authorityB, { schoolNumber: '170003' });
      const c = await post(w.officeA, 'contracts', contract(productA, { allSchools: false, schoolIds: [s1], seatsBought: 500 }));
      const csv = 'Schulnummer;Schule;aktive Nutzer\n170001;Eins;312\n170002;Zwei;40\n170003;Fremd;9\n999999;Unbekannt;1\n170001;Eins;x\n';
      const dry = await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import?dryRun=true`).set('Authorization', w.officeA.auth)
        .attach('file', Buffer.from(csv), 'nutzung.csv').expect(200);
      expect(dry.body).toEqual({ updated: 1, unknownSchoolNumbers: ['170003', '999999'], notInContract: ['170002'], invalidRows: [6] });
      expect((await t.dataSource.query(`SELECT seats_in_use FROM licence_seats WHERE contract_id = $1`, [c.id]))[0].seats_in_use).toBeNull();
      await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import?inUseOn=2026-02-01`).set('Authorization', w.officeA.auth).attach('file', Buffer.from(csv), 'nutzung.csv').expect(200);
      expect(await t.dataSource.query(`SELECT seats_in_use, in_use_on, in_use_source::text FROM licence_seats WHERE contract_id = $1`, [c.id])).toEqual([
        { seats_in_use: 312, in_use_on: '2026-02-01', in_use_source: 'import' },
      ]);

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Nutzung');
      ws.addRow(['Bericht vom 01.03.2026']);
      ws.addRow(['School number', 'Name', 'Active users']);
      ws.addRow(['170001', 'Eins', 280]);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import`).set('Authorization', w.officeA.auth).attach('file', xlsx, 'usage.xlsx').expect(200);
      expect(res.body).toEqual({ updated: 1, unknownSchoolNumbers: [], notInContract: [], invalidRows: [] });
      expect((await t.dataSource.query(`SELECT seats_in_use FROM licence_seats WHERE contract_id = $1`, [c.id]))[0].seats_in_use).toBe(280);

      const noHeadings = await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import`).set('Authorization', w.officeA.auth).attach('file', Buffer.from('a;b\n1;2\n'), 'x.csv').expect(400);
      expect(noHeadings.body.fieldErrors[0].field).toBe('file');
      await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import`).set('Authorization', w.officeA.auth).expect(400);
      await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import`).set('Authorization', w.coordinatorA1.auth).attach('file', Buffer.from(csv), 'n.csv').expect(403);
      await t.http().post(`/api/v1/licences/contracts/${c.id}/usage-import`).set('Authorization', w.officeB.auth).attach('file', Buffer.from(csv), 'n.csv').expect(404);
    });
  });

  describe('warnings', () => {
    it('finds each warning on a known data set, with stable codes and params', async () => {
      const authority = (await t.dataSource.query(`INSERT INTO authorities (name, slug) VALUES ('Stadt Warn', 'stadt-warn') RETURNING id`))[0].id;
      const office = await createUser(t, { role: 'office', authorityId: authority });
      const school = await createSchool(t.dataSource, authority, { name: 'Warnschule' });
      const ok = (await post(office, 'products', product({ name: 'Gut' }))).id;
      const noDpa = (await post(office, 'products', product({ name: 'Ohne AV', dpaSignedOn: null, dpaReference: null }))).id;
      const notApproved = (await post(office, 'products', product({ name: 'Nicht freigegeben', approved: false }))).id;
      await post(office, 'products', product({ name: 'Ohne Schülerdaten', processesStudentData: false, dpaSignedOn: null, dpaReference: null, approved: false }));
      const cancelOn = addDays(today, 20);
      // The term ends three months after the day to cancel (a month end keeps the arithmetic exact both ways).
      const due = await post(office, 'contracts', contract(ok, { termStart: addMonths(today, -12), termEnd: addMonths(cancelOn, 3) }));
      const ending = await post(office, 'contracts', contract(ok, { termEnd: addDays(today, 30), autoRenewal: false, noticePeriod: null, noticeUnit: null }));
      const low = await post(office, 'contracts', contract(ok, { termStart: addMonths(today, -4), termEnd: addMonths(today, 12), seatsBought: 100 }));
      await put(office, `contracts/${low.id}/seats/${school}`, { seatsAssigned: 10 }).expect(200);
      await put(office, `contracts/${low.id}/seats/${school}/use`, { seatsInUse: 12 }).expect(200);
      await t.http().patch(`/api/v1/licences/contracts/${low.id}`).set('Authorization', office.auth).send({ seatsBought: 5 }).expect(200);
      const res = (await get(office, 'warnings').expect(200)).body;
      const byCode = (code: string) => res.items.filter((i: { code: string }) => i.code === code);
      expect(res.asOf).toBe(today);
      expect(byCode('dpa_missing')).toEqual([expect.objectContaining({ productId: noDpa, contractId: null, params: { product: 'Ohne AV' } })]);
      expect(byCode('not_approved')).toEqual([expect.objectContaining({ productId: notApproved })]);
      const [cancel] = byCode('cancellation_due');
      expect(cancel.contractId).toBe(due.id);
      expect(cancel.params).toEqual({ product: 'Gut', lastDayToCancel: due.lastDayToCancel, termEnd: due.currentTermEnd, daysLeft: daysBetween(today, due.lastDayToCancel) });
      expect(due.lastDayToCancel <= cancelOn).toBe(true);
      expect(byCode('ending_without_renewal')).toEqual([expect.objectContaining({ contractId: ending.id, params: { product: 'Gut', termEnd: addDays(today, 30), daysLeft: 30 } })]);
      expect(byCode('seats_over_bought')).toEqual([expect.objectContaining({ contractId: low.id, params: { product: 'Gut', seatsAssigned: 10, seatsBought: 5 } })]);
      expect(byCode('use_over_assigned')).toEqual([expect.objectContaining({ contractId: low.id, schoolId: school, params: { product: 'Gut', seatsInUse: 12, seatsAssigned: 10 } })]);
      expect(byCode('low_use')).toEqual([]); // 12 of 5 bought is no low use
      await t.http().patch(`/api/v1/licences/contracts/${low.id}`).set('Authorization', office.auth).send({ seatsBought: 100 }).expect(200);
      const again = (await get(office, 'warnings?withinDays=10').expect(200)).body.items.map((i: { code: string }) => i.code).sort();
      expect(again).toEqual(['dpa_missing', 'low_use', 'not_approved', 'use_over_assigned']);
      await get(w.officeA, 'warnings').expect(200).then((r) => expect(r.body.items.every((i: { productId: string }) => ![ok, noDpa, notApproved].includes(i.productId))).toBe(true));
      await get(w.admin, 'warnings').expect(403);
      await t.http().get('/api/v1/licences/warnings').expect(401);
    });

    it('keeps its thresholds in the authority settings (office writes, others read)', async () => {
      expect((await get(w.viewerA, 'settings').expect(200)).body).toEqual({ deadlineWarningDays: 60, lowUsePercent: 30, lowUseAfterMonths: 3 });
      await t.http().patch('/api/v1/licences/settings').set('Authorization', w.coordinatorA1.auth).send({ deadlineWarningDays: 90 }).expect(403);
      const res = await t.http().patch('/api/v1/licences/settings').set('Authorization', w.officeA.auth).send({ deadlineWarningDays: 90 }).expect(200);
      expect(res.body).toEqual({ deadlineWarningDays: 90, lowUsePercent: 30, lowUseAfterMonths: 3 });
      expect((await get(w.officeB, 'settings').expect(200)).body.deadlineWarningDays).toBe(60);
      await t.http().patch('/api/v1/licences/settings').set('Authorization', w.officeA.auth).send({ deadlineWarningDays: -1 }).expect(400);
    });
  });
});
