import { todayInBerlin } from '../src/common/dates';
import { addDays, addMonthsKeepingMonthEnd as addMonths } from '../src/common/dates';
import { createSchool, type TestUser, type World } from './factories';
import { createTestWorld, TestApp } from './harness';

/**
 * A known data set in Stadt A (A1 Gymnasium 500 students, A2 Grundschule 500, "Lizenz GS" 250; 1,250 in all), every
 * contract running today; figures by hand:
 * - Lernplattform (for students), all schools, 12.500,00 €/year, seats assigned A1 400, A2 300 → cost split by seats
 *   400:300: 7.142,857… → 7.142,86 € and 5.357,14 € (largest remainder).
 * - Mathe-App (for students, no AV-Vertrag, not approved → dpa_missing, not_approved), A1 and Lizenz GS, 3.000,00 €/year,
 *   seats A1 150, Lizenz GS 50 → 2.250,00 € and 750,00 €; renews, notice 1 month, term ends in 40 days → cancellation_due;
 *   Lizenz GS uses 60 of its 50 seats → use_over_assigned; 60 of 200 in use is exactly 30 %: not low use.
 * - Office-Paket (for teachers), all schools, 1.000,00 €/year, no seats assigned → split by students 500:500:250 →
 *   400,00, 400,00, 200,00 €; ends in 30 days without renewal → ending_without_renewal.
 * Per school: A1 2 student products, 550 seats (1.1 per student), 7.142,86 + 2.250,00 + 400,00 = 9.792,86 €/year = 19,59 € per student;
 * A2 1, 300 (0.6), 5.357,14 + 400,00 = 5.757,14 € = 11,51 €; Lizenz GS 1, 50 (0.2), 750,00 + 200,00 = 950,00 € = 3,80 €.
 * Together: 900 seats for 1,250 students (0.72), 16.500,00 € = 13,20 € per student.
 */
describe('Licences in the coverage and the overview', () => {
  let t: TestApp;
  let w: World;
  let gs: string;
  const today = todayInBerlin();

  const post = async (path: string, body: object, user?: TestUser) => {
    const res = await t.http().post(`/api/v1/licences/${path}`).set('Authorization', (user ?? w.officeA).auth).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const put = async (path: string, body: object, user?: TestUser) => {
    const res = await t.http().put(`/api/v1/licences/${path}`).set('Authorization', (user ?? w.officeA).auth).send(body);
    if (res.status !== 200) throw new Error(`PUT ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const coverageOf = async (schoolId: string, user = w.officeA) => (await t.http().get(`/api/v1/schools/${schoolId}/coverage`).set('Authorization', user.auth).expect(200)).body;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    gs = await createSchool(t.dataSource, w.authorityA, { name: 'Lizenz GS', schoolType: 'grundschule', studentCount: 250 });
    const product = (name: string, o: object) => post('products', { name, vendor: 'Lern GmbH', kind: 'learning_app', processesStudentData: true, dpaSignedOn: '2024-01-10', approved: true, ...o });
    const platform = await product('Lernplattform', {});
    const maths = await product('Mathe-App', { dpaSignedOn: null, approved: false });
    const office = await product('Office-Paket', { kind: 'office_suite', forStudents: false, processesStudentData: false, dpaSignedOn: null });
    const running = { licenceModel: 'per_student', termStart: addMonths(today, -6), termEnd: addMonths(today, 6) };
    const c1 = await post('contracts', { ...running, productId: platform.id, allSchools: true, seatsBought: 2000, yearlyCents: 1_250_000 });
    await put(`contracts/${c1.id}/seats/${w.schoolA1}`, { seatsAssigned: 400 });
    await put(`contracts/${c1.id}/seats/${w.schoolA2}`, { seatsAssigned: 300 });
    const c2 = await post('contracts', {
      ...running, productId: maths.id, allSchools: false, schoolIds: [w.schoolA1, gs], licenceModel: 'per_device', seatsBought: 200, yearlyCents: 300_000,
      termEnd: addDays(today, 40), autoRenewal: true, renewalMonths: 12, noticePeriod: 1, noticeUnit: 'months',
    });
    await put(`contracts/${c2.id}/seats/${w.schoolA1}`, { seatsAssigned: 150 });
    await put(`contracts/${c2.id}/seats/${gs}`, { seatsAssigned: 50 });
    await put(`contracts/${c2.id}/seats/${gs}/use`, { seatsInUse: 60 });
    await post('contracts', { ...running, productId: office.id, allSchools: true, licenceModel: 'per_teacher', seatsBought: 100, yearlyCents: 100_000, termEnd: addDays(today, 30) });
    // a contract that ended last year counts neither in the cost nor in the seats
    await post('contracts', { productId: platform.id, allSchools: true, licenceModel: 'per_student', seatsBought: 10, termStart: addMonths(today, -30), termEnd: addMonths(today, -18), yearlyCents: 999_999 });
    // another city's licences never count
    const foreign = await post('products', { name: 'Lernplattform', vendor: 'Lern GmbH', kind: 'learning_platform', processesStudentData: false }, w.officeB);
    await post('contracts', { ...running, productId: foreign.id, allSchools: true, seatsBought: 10, yearlyCents: 50_000 }, w.officeB);
  });
  afterAll(() => t.close());

  it("gives each school's coverage its student seats and its yearly licence cost per student", async () => {
    expect((await coverageOf(w.schoolA1)).licences).toEqual({ studentProducts: 2, studentSeats: 550, seatsPerStudent: 1.1, yearlyCostCents: 979_286, yearlyCostPerStudentCents: 1959 });
    expect((await coverageOf(w.schoolA2, w.viewerA)).licences).toEqual({ studentProducts: 1, studentSeats: 300, seatsPerStudent: 0.6, yearlyCostCents: 575_714, yearlyCostPerStudentCents: 1151 });
    expect((await coverageOf(gs)).licences).toEqual({ studentProducts: 1, studentSeats: 50, seatsPerStudent: 0.2, yearlyCostCents: 95_000, yearlyCostPerStudentCents: 380 });
    // the coordinator sees their school's share, split over the whole contract as for the office
    expect((await coverageOf(w.schoolA1, w.coordinatorA1)).licences.yearlyCostCents).toBe(979_286);
    expect((await coverageOf(w.schoolB1, w.officeB)).licences).toEqual({ studentProducts: 1, studentSeats: 0, seatsPerStudent: 0, yearlyCostCents: 50_000, yearlyCostPerStudentCents: 100 });
  });

  it('lists the same figures in the coverage rows', async () => {
    const res = await t.http().get('/api/v1/coverage?sort=name&order=asc').set('Authorization', w.officeA.auth).expect(200);
    expect(res.body.items.map((r: { name: string; licences: { yearlyCostCents: number; studentSeats: number } }) => [r.name, r.licences.studentSeats, r.licences.yearlyCostCents])).toEqual([
      ['A1 Gymnasium', 550, 979_286],
      ['A2 Grundschule', 300, 575_714],
      ['Lizenz GS', 50, 95_000],
    ]);
    const mine = await t.http().get('/api/v1/coverage').set('Authorization', w.coordinatorA1.auth).expect(200);
    expect(mine.body.items.map((r: { schoolId: string }) => r.schoolId)).toEqual([w.schoolA1]);
  });

  it('counts the licence warnings by code in the overview and the coverage summary, with the totals per student', async () => {
    const res = await t.http().get('/api/v1/stats/overview').set('Authorization', w.officeA.auth).expect(200);
    const warnings = {
      total: 5,
      byCode: { cancellation_due: 1, ending_without_renewal: 1, seats_over_bought: 0, use_over_assigned: 1, dpa_missing: 1, not_approved: 1, low_use: 0 },
    };
    expect(res.body.coverage.licences).toEqual({ studentSeats: 900, seatsPerStudent: 0.72, yearlyCostCents: 1_650_000, yearlyCostPerStudentCents: 1320, warnings });
    expect(res.body.licenceWarnings).toEqual(warnings);
    // the same warnings as the licences' own list
    const list = (await t.http().get('/api/v1/licences/warnings').set('Authorization', w.officeA.auth).expect(200)).body.items as { code: string }[];
    expect(list.map((i) => i.code).sort()).toEqual(['cancellation_due', 'dpa_missing', 'ending_without_renewal', 'not_approved', 'use_over_assigned']);

    const other = await t.http().get('/api/v1/stats/overview').set('Authorization', w.officeB.auth).expect(200);
    expect(other.body.licenceWarnings.total).toBe(0);
    expect(other.body.coverage.licences).toMatchObject({ yearlyCostCents: 50_000, studentSeats: 0 });
  });
});
