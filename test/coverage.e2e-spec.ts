import { createSchool, World } from './factories';
import { createTestWorld, TestApp } from './harness';

/**
 * A known data set, measured on 2025-11-21, with every expected figure computed by hand in the comments.
 *
 * "Coverage GS" (Grundschule, 245 students, 20 teachers, 10 classes, 250 Mbit/s, WLAN 60 %):
 *   60 tablets available (2023)             → student devices
 *   40 laptops loaned to students (2021)    → student devices
 *    8 laptops on active teacher loans (commissioned 2020-11-21: exactly 5 years → past age) → teacher devices
 *    1 tablet available, no commissioning date, bought 2020-11-22 (one day short of 5 years) → student device, not past age
 *    3 laptops in repair (2019)             → in repair, past age
 *    5 laptops in use (2022)                → neither student nor teacher device
 *    1 tablet lost (2018)                   → lost, not past age (not in service)
 *    2 laptops retired (2015)               → never count
 *    1 interactive display 2017-11-21 (8 years → past), 1 on 2017-11-22 (not past)
 *    1 projector without commissioning date, bought 2016-01-01 → past age by purchase date
 *    2 desktops without any date            → unknown age
 *   students: 101 devices for 245 → 2.43 per device; target 1:2 → ceil(122.5) = 123 needed → 22 missing
 *   teachers: 8 devices for 20 → 2.5 per device; 12 missing
 *   shortfall cost: 22 tablets × 480 EUR + 12 laptops × 600 EUR = 17,760 EUR
 *   past age: 11 laptops, 1 display, 1 projector = 13; cost 11 × 600 + 6,000 + 1,500 = 14,100 EUR
 * "A1 Gymnasium" (500 students, 40 teachers, 20 classes, set to 1000 Mbit/s and WLAN 100 %):
 *   500 laptops available (2024), one of them with a returned teacher loan → 500 student devices, 0 teacher devices
 *   students 1.0 per device, target met; teachers: none → null, 40 missing = 24,000 EUR
 * "Coverage Empty" (Grundschule, 100 students, 8 teachers, bandwidth and WLAN unknown): no devices.
 * "A2 Grundschule" (factory: 500 students, 40 teachers, 100 Mbit/s, WLAN 80 %): no devices.
 */
describe('Coverage', () => {
  let t: TestApp;
  let w: World;
  let gs: string;
  let empty: string;
  const asOf = '2025-11-21';
  let counter = 0;

  async function addDevices(schoolId: string, n: number, o: { type: string; status?: string; commissionedOn?: string | null; purchaseDate?: string | null; authorityId?: string }): Promise<string[]> {
    const status = o.status ?? 'available';
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO devices (authority_id, school_id, inventory_number, type, manufacturer, model, status, retired_on, commissioned_on, purchase_date)
       SELECT $1, $2, $3 || '-' || g, $4::device_type, 'Test', 'Modell', $5::device_status, CASE WHEN $5::text = 'retired' THEN DATE '2025-01-01' END, $6::date, $7::date
         FROM generate_series(1, $8::int) g RETURNING id`,
      [o.authorityId ?? w.authorityA, schoolId, `COV-${++counter}`, o.type, status, o.commissionedOn === undefined ? '2023-08-15' : o.commissionedOn, o.purchaseDate ?? null, n],
    );
    return rows.map((r) => r.id);
  }

  async function addLoans(schoolId: string, deviceIds: string[], kind: 'student' | 'teacher', returned = false) {
    for (const deviceId of deviceIds) {
      await t.dataSource.query(
        `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, started_on, due_on, returned_on, return_condition)
         VALUES ($1, $2, $3, $4, 'Lehrkraft', '2025-08-01', '2026-07-31', $5, $6)`,
        [w.authorityA, schoolId, deviceId, kind, returned ? '2025-10-01' : null, returned ? 'ok' : null],
      );
    }
  }

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    gs = await createSchool(t.dataSource, w.authorityA, { name: 'Coverage GS', schoolType: 'grundschule', studentCount: 245, teacherCount: 20, classCount: 10, broadbandMbps: 250, wlanCoveragePercent: 60 });
    empty = await createSchool(t.dataSource, w.authorityA, { name: 'Coverage Empty', schoolType: 'grundschule', studentCount: 100, teacherCount: 8, classCount: 4, broadbandMbps: null, wlanCoveragePercent: null });
    await t.dataSource.query(`UPDATE schools SET broadband_mbps = 1000, wlan_coverage_percent = 100 WHERE id = $1`, [w.schoolA1]);

    await addDevices(gs, 60, { type: 'tablet' });
    await addDevices(gs, 40, { type: 'laptop', status: 'loaned', commissionedOn: '2021-06-01' });
    await addLoans(gs, await addDevices(gs, 8, { type: 'laptop', status: 'loaned', commissionedOn: '2020-11-21' }), 'teacher');
    await addDevices(gs, 1, { type: 'tablet', commissionedOn: null, purchaseDate: '2020-11-22' });
    await addDevices(gs, 3, { type: 'laptop', status: 'in_repair', commissionedOn: '2019-01-01' });
    await addDevices(gs, 5, { type: 'laptop', status: 'in_use', commissionedOn: '2022-01-01' });
    await addDevices(gs, 1, { type: 'tablet', status: 'lost', commissionedOn: '2018-01-01' });
    await addDevices(gs, 2, { type: 'laptop', status: 'retired', commissionedOn: '2015-01-01' });
    await addDevices(gs, 1, { type: 'interactive_display', status: 'in_use', commissionedOn: '2017-11-21' });
    await addDevices(gs, 1, { type: 'interactive_display', status: 'in_use', commissionedOn: '2017-11-22' });
    await addDevices(gs, 1, { type: 'projector', status: 'in_use', commissionedOn: null, purchaseDate: '2016-01-01' });
    await addDevices(gs, 2, { type: 'desktop', status: 'in_use', commissionedOn: null, purchaseDate: null });

    const gymLaptops = await addDevices(w.schoolA1, 500, { type: 'laptop', commissionedOn: '2024-08-01' });
    await addLoans(w.schoolA1, gymLaptops.slice(0, 1), 'teacher', true);
    // Another city's devices never count.
    await addDevices(w.schoolB1, 50, { type: 'tablet', authorityId: w.authorityB });
  });
  afterAll(() => t.close());

  const expectedGs = {
    schoolId: '',
    name: 'Coverage GS',
    schoolType: 'grundschule',
    students: { count: 245, devices: 101, perDevice: 2.43, target: 2, needed: 123, shortfall: 22, targetMet: false },
    teachers: { count: 20, devices: 8, perDevice: 2.5, target: 1, needed: 20, shortfall: 12, targetMet: false },
    replacement: {
      pastAge: 13,
      byType: { laptop: 11, tablet: 0, desktop: 0, interactive_display: 1, projector: 1, document_camera: 0, access_point: 0, printer: 0, other: 0 },
      unknownAge: 2,
      costCents: 1_410_000,
    },
    inRepair: 3,
    lost: 1,
    broadband: { mbps: 250, targetMbps: 1000, meetsTarget: false, mbpsPerClass: 25, served: false },
    wlan: { percent: 60, targetPercent: 100, meetsTarget: false },
    shortfall: { devices: 34, costCents: 1_776_000 },
    licences: { studentProducts: 0, studentSeats: 0, seatsPerStudent: 0, yearlyCostCents: 0, yearlyCostPerStudentCents: 0 },
    stocktaking: { lastCompleteCountOn: null, countDue: true },
  };

  describe('GET /api/v1/schools/:id/coverage', () => {
    it('computes every indicator of a school as counted by hand', async () => {
      const res = await t.http().get(`/api/v1/schools/${gs}/coverage?asOf=${asOf}`).set('Authorization', w.officeA.auth).expect(200);
      expect(res.body).toEqual({ ...expectedGs, schoolId: gs, schoolNumber: expect.any(String), asOf });
    });

    it('counts a device past its age from the exact anniversary on', async () => {
      const res = await t.http().get(`/api/v1/schools/${gs}/coverage?asOf=2025-11-20`).set('Authorization', w.viewerA.auth).expect(200);
      // the 8 teacher laptops of 2020-11-21 and the display of 2017-11-21 are one day short now
      expect(res.body.replacement).toMatchObject({ pastAge: 4, byType: { laptop: 3, interactive_display: 0, projector: 1 } });
    });

    it('does not count a returned teacher loan as a teacher device', async () => {
      const res = await t.http().get(`/api/v1/schools/${w.schoolA1}/coverage?asOf=${asOf}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(res.body.students).toEqual({ count: 500, devices: 500, perDevice: 1, target: 1, needed: 500, shortfall: 0, targetMet: true });
      expect(res.body.teachers).toEqual({ count: 40, devices: 0, perDevice: null, target: 1, needed: 40, shortfall: 40, targetMet: false });
      expect(res.body.shortfall).toEqual({ devices: 40, costCents: 2_400_000 });
      expect(res.body.broadband).toEqual({ mbps: 1000, targetMbps: 1000, meetsTarget: true, mbpsPerClass: 50, served: true });
      expect(res.body.wlan.meetsTarget).toBe(true);
    });

    it('reports unknown infrastructure as null and no devices as null ratio', async () => {
      const res = await t.http().get(`/api/v1/schools/${empty}/coverage?asOf=${asOf}`).set('Authorization', w.officeA.auth).expect(200);
      expect(res.body.students).toMatchObject({ devices: 0, perDevice: null, needed: 50, shortfall: 50 });
      expect(res.body.broadband).toMatchObject({ mbps: null, meetsTarget: null, served: null });
      expect(res.body.wlan).toMatchObject({ percent: null, meetsTarget: null });
    });

    it('answers 404 outside the scope, 400 for a bad date, 401 without login, 403 for the admin', async () => {
      await t.http().get(`/api/v1/schools/${gs}/coverage`).set('Authorization', w.coordinatorA1.auth).expect(404);
      await t.http().get(`/api/v1/schools/${gs}/coverage`).set('Authorization', w.officeB.auth).expect(404);
      const bad = await t.http().get(`/api/v1/schools/${gs}/coverage?asOf=2025-02-30`).set('Authorization', w.officeA.auth).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('asOf');
      await t.http().get(`/api/v1/schools/${gs}/coverage`).expect(401);
      await t.http().get(`/api/v1/schools/${gs}/coverage`).set('Authorization', w.admin.auth).expect(403);
    });
  });

  describe('GET /api/v1/coverage', () => {
    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((s) => s.name);

    it('lists every school of the authority, worst students-per-device first (no device at all leads)', async () => {
      const res = await t.http().get(`/api/v1/coverage?asOf=${asOf}`).set('Authorization', w.officeA.auth).expect(200);
      expect(res.body.asOf).toBe(asOf);
      expect(names(res)).toEqual(['A2 Grundschule', 'Coverage Empty', 'Coverage GS', 'A1 Gymnasium']);
      expect(res.body.items[2]).toEqual({ ...expectedGs, schoolId: gs, schoolNumber: expect.any(String) });
      expect(res.body.nextCursor).toBeNull();
    });

    it('sorts by any indicator, either way', async () => {
      const broadband = await t.http().get(`/api/v1/coverage?sort=broadband`).set('Authorization', w.viewerA.auth).expect(200);
      expect(names(broadband)).toEqual(['Coverage Empty', 'A2 Grundschule', 'Coverage GS', 'A1 Gymnasium']);
      const cost = await t.http().get(`/api/v1/coverage?sort=replacementCost&asOf=${asOf}`).set('Authorization', w.viewerA.auth).expect(200);
      expect(names(cost)[0]).toBe('Coverage GS');
      const teachers = await t.http().get(`/api/v1/coverage?sort=teacherShortfall&order=asc`).set('Authorization', w.viewerA.auth).expect(200);
      // 8 (Empty), 12 (GS), 40 (A1), 40 (A2): ties by name
      expect(names(teachers)).toEqual(['Coverage Empty', 'Coverage GS', 'A1 Gymnasium', 'A2 Grundschule']);
      const byType = await t.http().get(`/api/v1/coverage?schoolType=grundschule&sort=name`).set('Authorization', w.viewerA.auth).expect(200);
      expect(names(byType)).toEqual(['A2 Grundschule', 'Coverage Empty', 'Coverage GS']);
    });

    it('pages with a cursor', async () => {
      const first = await t.http().get('/api/v1/coverage?limit=3').set('Authorization', w.officeA.auth).expect(200);
      expect(names(first)).toEqual(['A2 Grundschule', 'Coverage Empty', 'Coverage GS']);
      const second = await t.http().get(`/api/v1/coverage?limit=3&cursor=${first.body.nextCursor}`).set('Authorization', w.officeA.auth).expect(200);
      expect(names(second)).toEqual(['A1 Gymnasium']);
      expect(second.body.nextCursor).toBeNull();
      const other = await t.http().get(`/api/v1/coverage?limit=3&sort=lost&cursor=${first.body.nextCursor}`).set('Authorization', w.officeA.auth).expect(400);
      expect(other.body.fieldErrors[0].field).toBe('cursor');
    });

    it("shows a coordinator only their schools and another city only its own", async () => {
      const coordinator = await t.http().get('/api/v1/coverage').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(names(coordinator)).toEqual(['A1 Gymnasium']);
      const other = await t.http().get('/api/v1/coverage').set('Authorization', w.officeB.auth).expect(200);
      expect(names(other)).toEqual(['B1 Realschule']);
      expect(other.body.items[0].students.devices).toBe(50);
    });

    it('shows per school whether a stocktaking is due (last complete count older than 5 years, or none), sorts and filters by it', async () => {
      const stocktaking = (schoolId: string, closedAt: string | null, rooms: string[] | null = null) =>
        t.dataSource.query(`INSERT INTO stocktakings (authority_id, school_id, rooms, status, closed_at) VALUES ($1, $2, $3, $4, $5)`, [
          w.authorityA, schoolId, rooms, closedAt ? 'closed' : 'open', closedAt,
        ]);
      // A1: counted completely on 01.03.2025 (a room-only count later does not replace it) → not due on 21.11.2025.
      await stocktaking(w.schoolA1, '2025-03-01T10:00:00+01:00');
      await stocktaking(w.schoolA1, '2025-06-01T10:00:00+02:00', ['R 101']);
      // Empty: last complete count 30.06.2019 (before 21.11.2020) → due; an open count does not help.
      await stocktaking(empty, '2019-06-30T23:30:00+02:00');
      await stocktaking(empty, null);
      // GS and A2: never counted → due.
      const school = await t.http().get(`/api/v1/schools/${w.schoolA1}/coverage?asOf=${asOf}`).set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(school.body.stocktaking).toEqual({ lastCompleteCountOn: '2025-03-01', countDue: false });
      const byCount = await t.http().get(`/api/v1/coverage?asOf=${asOf}&sort=lastCompleteCount`).set('Authorization', w.officeA.auth).expect(200);
      expect(byCount.body.items.map((i: { name: string; stocktaking: unknown }) => [i.name, i.stocktaking])).toEqual([
        ['A2 Grundschule', { lastCompleteCountOn: null, countDue: true }],
        ['Coverage GS', { lastCompleteCountOn: null, countDue: true }],
        ['Coverage Empty', { lastCompleteCountOn: '2019-06-30', countDue: true }],
        ['A1 Gymnasium', { lastCompleteCountOn: '2025-03-01', countDue: false }],
      ]);
      const due = await t.http().get(`/api/v1/coverage?asOf=${asOf}&countDue=true&sort=name`).set('Authorization', w.viewerA.auth).expect(200);
      expect(names(due)).toEqual(['A2 Grundschule', 'Coverage Empty', 'Coverage GS']);
      const counted = await t.http().get(`/api/v1/coverage?asOf=${asOf}&countDue=false`).set('Authorization', w.viewerA.auth).expect(200);
      expect(names(counted)).toEqual(['A1 Gymnasium']);
      // The overview counts the same three.
      const overview = await t.http().get(`/api/v1/stats/overview`).set('Authorization', w.officeA.auth).expect(200);
      expect(overview.body.stocktaking).toMatchObject({ countIntervalYears: 5, schoolsDue: 3, openStocktakings: 1 });
      const bad = await t.http().get('/api/v1/coverage?countDue=ja').set('Authorization', w.officeA.auth).expect(400);
      expect(bad.body.fieldErrors[0].field).toBe('countDue');
      await t.dataSource.query(`DELETE FROM stocktakings WHERE authority_id = $1`, [w.authorityA]);
    });

    it('rejects unknown sorts and needs a login', async () => {
      const res = await t.http().get('/api/v1/coverage?sort=colour').set('Authorization', w.officeA.auth).expect(400);
      expect(res.body.fieldErrors[0].field).toBe('sort');
      await t.http().get('/api/v1/coverage').expect(401);
      await t.http().get('/api/v1/coverage').set('Authorization', w.admin.auth).expect(403);
    });
  });

  describe('/api/v1/coverage/settings', () => {
    it('shows the defaults to every role of the authority', async () => {
      const res = await t.http().get('/api/v1/coverage/settings').set('Authorization', w.coordinatorA1.auth).expect(200);
      expect(res.body).toMatchObject({
        studentsPerDeviceTarget: { grundschule: 2, gymnasium: 1, foerderschule: 1, berufskolleg: 1 },
        teachersPerDeviceTarget: 1,
        replacementAgeYears: { laptop: 5, tablet: 5, interactive_display: 8, projector: 8 },
        broadbandTargetMbps: 1000,
        broadbandServedMbpsPerClass: 30,
        wlanTargetPercent: 100,
        unitPriceCents: { tablet: 48_000, laptop: 60_000 },
        studentDeviceType: 'tablet',
        teacherDeviceType: 'laptop',
      });
    });

    it('validates every value and names the field', async () => {
      const res = await t.http().put('/api/v1/coverage/settings').set('Authorization', w.officeA.auth).send({ replacementAgeYears: { laptop: 0 }, wlanTargetPercent: 101, colour: 'red' }).expect(400);
      expect(res.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['colour', 'replacementAgeYears', 'wlanTargetPercent']);
      expect(res.body.message).toContain('replacementAgeYears.laptop must be an integer from 1 to 30');
      const unknownKey = await t.http().put('/api/v1/coverage/settings').set('Authorization', w.officeA.auth).send({ unitPriceCents: { spaceship: 5 } }).expect(400);
      expect(unknownKey.body.message).toContain('unitPriceCents.spaceship is not one of');
    });

    it('lets only the office change the targets', async () => {
      await t.http().put('/api/v1/coverage/settings').set('Authorization', w.coordinatorA1.auth).send({ wlanTargetPercent: 90 }).expect(403);
      await t.http().put('/api/v1/coverage/settings').set('Authorization', w.viewerA.auth).send({ wlanTargetPercent: 90 }).expect(403);
      await t.http().put('/api/v1/coverage/settings').send({ wlanTargetPercent: 90 }).expect(401);
    });

    it('stores a change per authority, merges maps key by key, audits it and measures with it', async () => {
      const res = await t.http().put('/api/v1/coverage/settings').set('Authorization', w.officeA.auth).send({ replacementAgeYears: { laptop: 6 }, unitPriceCents: { tablet: 40_000 } }).expect(200);
      expect(res.body.replacementAgeYears).toMatchObject({ laptop: 6, tablet: 5 });
      await t.http().put('/api/v1/coverage/settings').set('Authorization', w.officeA.auth).send({ replacementAgeYears: { tablet: 4 } }).expect(200);
      const [row] = await t.dataSource.query(`SELECT settings -> 'coverage' AS coverage FROM authorities WHERE id = $1`, [w.authorityA]);
      expect(row.coverage).toEqual({ replacementAgeYears: { laptop: 6, tablet: 4 }, unitPriceCents: { tablet: 40_000 } });
      const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'authority.settings.coverage' AND entity_id = $1`, [w.authorityA]);
      expect(audit[0].n).toBe(2);

      const coverage = await t.http().get(`/api/v1/schools/${gs}/coverage?asOf=${asOf}`).set('Authorization', w.officeA.auth).expect(200);
      // laptops: only the 2019 repairs are 6 years old; 22 tablets × 400 EUR + 12 laptops × 600 EUR
      expect(coverage.body.replacement.byType.laptop).toBe(3);
      expect(coverage.body.shortfall.costCents).toBe(22 * 40_000 + 12 * 60_000);
      const other = await t.http().get('/api/v1/coverage/settings').set('Authorization', w.officeB.auth).expect(200);
      expect(other.body.replacementAgeYears.laptop).toBe(5);
    });
  });
});
