import { createSchool, type World } from './factories';
import { createTestWorld, TestApp } from './harness';

/**
 * The seat sums kept on the contract row by the seats triggers (migration LicenceSeatSums) are always the sums of the
 * seats rows: after assigning, entering use, importing, removing, and for concurrent writers.
 */
describe('Licence seat sums on the contract row', () => {
  let t: TestApp;
  let w: World;
  let schools: string[];

  const put = async (path: string, body: object) => {
    const res = await t.http().put(`/api/v1/licences/${path}`).set('Authorization', w.officeA.auth).send(body);
    if (res.status !== 200) throw new Error(`PUT ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const post = async (path: string, body: object) => (await t.http().post(`/api/v1/licences/${path}`).set('Authorization', w.officeA.auth).send(body).expect(201)).body;

  /** Every contract of authority A: the row's sums next to the sums of its seats rows. */
  const sums = () =>
    t.dataSource.query(
      `SELECT c.id, c.seats_assigned_sum AS "rowAssigned", c.seats_in_use_sum AS "rowInUse", c.seat_schools AS "rowSchools",
              coalesce((SELECT sum(seats_assigned) FROM licence_seats s WHERE s.contract_id = c.id), 0)::bigint AS assigned,
              (SELECT sum(seats_in_use) FROM licence_seats s WHERE s.contract_id = c.id)::bigint AS "inUse",
              (SELECT count(*) FROM licence_seats s WHERE s.contract_id = c.id)::int AS schools
         FROM licence_contracts c WHERE c.authority_id = $1 ORDER BY c.created_at`,
      [w.authorityA],
    );
  const expectConsistent = async () => {
    for (const r of await sums()) expect([r.rowAssigned, r.rowInUse, r.rowSchools]).toEqual([r.assigned, r.inUse, r.schools]);
  };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    schools = [w.schoolA1, w.schoolA2];
    for (let i = 0; i < 6; i++) schools.push(await createSchool(t.dataSource, w.authorityA, { name: `Summenschule ${i}`, schoolNumber: `77000${i}` }));
  });
  afterAll(() => t.close());

  it('follows every kind of seats write, and the office list shows them', async () => {
    const product = await post('products', { name: 'Summen-App', vendor: 'Lern GmbH', kind: 'learning_app', processesStudentData: false });
    const given = await post('contracts', { productId: product.id, allSchools: false, schoolIds: schools.slice(0, 3), licenceModel: 'per_student', seatsBought: 1000, termStart: '2026-01-01', termEnd: '2027-12-31' });
    const wide = await post('contracts', { productId: product.id, allSchools: true, licenceModel: 'volume', seatsBought: 5000, termStart: '2026-01-01', termEnd: '2027-12-31' });
    expect(await sums()).toEqual([
      expect.objectContaining({ id: given.id, rowAssigned: 0, rowInUse: null, rowSchools: 3 }),
      expect.objectContaining({ id: wide.id, rowAssigned: 0, rowInUse: null, rowSchools: 0 }),
    ]);

    // concurrent assignments to eight schools
    await Promise.all(schools.map((s, i) => put(`contracts/${wide.id}/seats/${s}`, { seatsAssigned: 100 + i })));
    await put(`contracts/${given.id}/seats/${schools[0]}`, { seatsAssigned: 300 });
    await put(`contracts/${given.id}/seats/${schools[0]}/use`, { seatsInUse: 250 });
    await put(`contracts/${wide.id}/seats/${schools[1]}/use`, { seatsInUse: 90 });
    await expectConsistent();
    const csv = `Schulnummer;aktive Nutzer\n770000;40\n770001;41\n`;
    const res = await t.http().post(`/api/v1/licences/contracts/${wide.id}/usage-import`).set('Authorization', w.officeA.auth).attach('file', Buffer.from(csv), 'nutzung.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ updated: 2, unknownSchoolNumbers: [], invalidRows: [] });
    await expectConsistent();
    await t.http().delete(`/api/v1/licences/contracts/${wide.id}/seats/${schools[7]}`).set('Authorization', w.officeA.auth).expect(204);
    await expectConsistent();

    const [row] = (await sums()).filter((r: { id: string }) => r.id === wide.id);
    // 100 + 101 + … + 106 (school 8 removed) = 721; use 90 + 40 + 41
    expect(row).toMatchObject({ rowAssigned: 721, rowInUse: 171, rowSchools: 7 });
    const list = (await t.http().get('/api/v1/licences/contracts').set('Authorization', w.officeA.auth).expect(200)).body.items;
    expect(list.find((c: { id: string }) => c.id === wide.id)).toMatchObject({ seatsAssigned: 721, seatsInUse: 171, schools: 7 });
    expect(list.find((c: { id: string }) => c.id === given.id)).toMatchObject({ seatsAssigned: 300, seatsInUse: 250, schools: 3 });
    // a coordinator still sees the sums of their school only
    const mine = (await t.http().get('/api/v1/licences/contracts').set('Authorization', w.coordinatorA1.auth).expect(200)).body.items;
    expect(mine.find((c: { id: string }) => c.id === wide.id)).toMatchObject({ seatsAssigned: 100, seatsInUse: null, schools: 1 });

    await t.http().delete(`/api/v1/licences/contracts/${given.id}`).set('Authorization', w.officeA.auth).expect(204);
    await expectConsistent();
  });
});
