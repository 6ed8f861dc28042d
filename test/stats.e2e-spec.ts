import type { World } from './factories';
import { StatsService } from '../src/stats/stats.service';
import { createTestWorld, TestApp } from './harness';

/**
 * A known authority, measured on 2025-11-21 (figures by hand in the comments).
 * A1 Gymnasium (500 students, 40 teachers, 20 classes, 100 Mbit/s, WLAN 80 %):
 *   300 laptops available; 10 laptops loaned: 5 to students (2 overdue), 5 to teachers;
 *   2 tablets in repair from 2019 (past age); 1 laptop retired; 1 projector lost.
 *   → 305 student devices, 5 teacher devices.
 * A2 Grundschule (500 students, 40 teachers, 20 classes, 100 Mbit/s, WLAN 80 %):
 *   100 tablets available; one of them came back from a loan (returned).
 */
describe('Stats overview', () => {
  let t: TestApp;
  let w: World;
  const asOf = '2025-11-21';
  let counter = 0;

  async function addDevices(authorityId: string, schoolId: string, n: number, type: string, status = 'available', commissionedOn = '2024-08-01'): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO devices (authority_id, school_id, inventory_number, type, manufacturer, model, status, retired_on, commissioned_on)
       SELECT $1, $2, $3 || '-' || g, $4::device_type, 'Test', 'Modell', $5::device_status, CASE WHEN $5::text = 'retired' THEN DATE '2025-01-01' END, $6::date
         FROM generate_series(1, $7::int) g RETURNING id`,
      [authorityId, schoolId, `ST-${++counter}`, type, status, commissionedOn, n],
    );
    return rows.map((r) => r.id);
  }

  async function addLoan(schoolId: string, deviceId: string, kind: string, dueOn: string, returnedOn: string | null = null) {
    await t.dataSource.query(
      `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, started_on, due_on, returned_on, return_condition)
       VALUES ($1, $2, $3, $4, 'Name', '2025-08-01', $5, $6, $7)`,
      [w.authorityA, schoolId, deviceId, kind, dueOn, returnedOn, returnedOn ? 'ok' : null],
    );
  }

  async function addNeed(status: string, cost: number, o: { approvedQuantity?: number; approvedCents?: number; reason?: string; grantId?: string } = {}) {
    const submitted = status !== 'draft';
    const decided = ['approved', 'partially_approved', 'rejected'].includes(status);
    await t.dataSource.query(
      `INSERT INTO need_requests (authority_id, school_id, category, title, quantity, estimated_cost_cents, justification, status,
                                  approved_quantity, approved_cents, decision_reason, grant_id, created_by, submitted_by, submitted_at, decided_by, decided_at)
       VALUES ($1, $2, 'student_devices', 'Tablets', 10, $3, 'Begründung', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        w.authorityA,
        w.schoolA1,
        cost,
        status,
        o.approvedQuantity ?? null,
        o.approvedCents ?? null,
        o.reason ?? null,
        o.grantId ?? null,
        w.coordinatorA1.id,
        submitted ? w.coordinatorA1.id : null,
        submitted ? new Date() : null,
        decided ? w.officeA.id : null,
        decided ? new Date() : null,
      ],
    );
  }

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    await addDevices(w.authorityA, w.schoolA1, 300, 'laptop');
    const loaned = await addDevices(w.authorityA, w.schoolA1, 10, 'laptop', 'loaned');
    for (const [i, id] of loaned.entries()) {
      if (i < 2) await addLoan(w.schoolA1, id, 'student', '2025-11-01');
      else if (i < 5) await addLoan(w.schoolA1, id, 'student', '2026-07-31');
      else await addLoan(w.schoolA1, id, 'teacher', '2026-07-31');
    }
    await addDevices(w.authorityA, w.schoolA1, 2, 'tablet', 'in_repair', '2019-03-01');
    await addDevices(w.authorityA, w.schoolA1, 1, 'laptop', 'retired');
    await addDevices(w.authorityA, w.schoolA1, 1, 'projector', 'lost');
    const tablets = await addDevices(w.authorityA, w.schoolA2, 100, 'tablet', 'available', '2023-08-01');
    await addLoan(w.schoolA2, tablets[0], 'student', '2025-10-01', '2025-09-30');
    await addDevices(w.authorityB, w.schoolB1, 3, 'desktop', 'in_use');

    const [{ id: grantId }] = await t.dataSource.query(
      `INSERT INTO grants (authority_id, program, title, approved_cents, funding_rate_bp, eligible_from, eligible_until)
       VALUES ($1, 'digitalpakt_basis', 'DigitalPakt Schule', 10000000, 9000, '2019-05-17', '2024-12-31') RETURNING id`,
      [w.authorityA],
    );
    await t.dataSource.query(
      `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, vendor, description, gross_cents)
       VALUES ($1, $2, $3, 'devices', '2024-03-01', 'Händler GmbH', '30 Laptops', 1234500)`,
      [w.authorityA, grantId, w.schoolA1],
    );
    await addNeed('draft', 100_000);
    await addNeed('submitted', 200_000);
    await addNeed('submitted', 300_000);
    await addNeed('approved', 480_000, { approvedQuantity: 10, approvedCents: 480_000, grantId });
    await addNeed('partially_approved', 500_000, { approvedQuantity: 5, approvedCents: 250_000 });
    await addNeed('rejected', 70_000, { reason: 'Kein Budget' });
  });
  afterAll(() => t.close());

  it('gives the authority at a glance, every figure as counted by hand', async () => {
    const res = await t.http().get(`/api/v1/stats/overview?asOf=${asOf}`).set('Authorization', w.officeA.auth).expect(200);
    const zero = { available: 0, loaned: 0, in_use: 0, in_repair: 0, retired: 0, lost: 0 };
    expect(res.body.asOf).toBe(asOf);
    expect(res.body.devices).toMatchObject({
      total: 414,
      inService: 413,
      byStatus: { available: 400, loaned: 10, in_use: 0, in_repair: 2, retired: 1, lost: 1 },
    });
    expect(res.body.devices.byType.laptop).toEqual({ total: 311, byStatus: { ...zero, available: 300, loaned: 10, retired: 1 } });
    expect(res.body.devices.byType.tablet).toEqual({ total: 102, byStatus: { ...zero, available: 100, in_repair: 2 } });
    expect(res.body.devices.byType.projector).toEqual({ total: 1, byStatus: { ...zero, lost: 1 } });
    expect(res.body.devices.byType.desktop).toEqual({ total: 0, byStatus: zero });

    expect(res.body.loans).toEqual({ active: 10, overdue: 2, returned: 1 });

    expect(res.body.coverage).toEqual({
      schools: 2,
      students: 1000,
      studentDevices: 405, // A1: 310 - 5 teacher devices; A2: 100
      studentsPerDevice: 2.47, // 1000 / 405
      schoolsBelowStudentTarget: 2,
      studentDeviceShortfall: 345, // A1: 500 - 305; A2: 250 - 100
      teachers: 80,
      teacherDevices: 5,
      schoolsBelowTeacherTarget: 2,
      teacherDeviceShortfall: 75, // 35 + 40
      shortfallCostCents: 345 * 48_000 + 75 * 60_000,
      pastReplacementAge: 2,
      replacementCostCents: 2 * 48_000,
      inRepair: 2,
      lost: 1,
      schoolsBelowBroadbandTarget: 2,
      schoolsNotServed: 2, // 100 Mbit/s for 20 classes = 5 per class
      schoolsBelowWlanTarget: 2,
      schoolsWithUnknownInfrastructure: 0,
      licences: { studentSeats: 0, seatsPerStudent: 0, yearlyCostCents: 0, yearlyCostPerStudentCents: 0, warnings: expect.objectContaining({ total: 0 }) },
    });

    expect(res.body.needs).toEqual({
      byStatus: {
        draft: { count: 1, estimatedCostCents: 100_000, approvedCents: 0 },
        submitted: { count: 2, estimatedCostCents: 500_000, approvedCents: 0 },
        approved: { count: 1, estimatedCostCents: 480_000, approvedCents: 480_000 },
        partially_approved: { count: 1, estimatedCostCents: 500_000, approvedCents: 250_000 },
        rejected: { count: 1, estimatedCostCents: 70_000, approvedCents: 0 },
      },
      awaitingDecision: { count: 2, estimatedCostCents: 500_000, approvedCents: 0 },
      approvedWithoutGrant: { count: 1, approvedCents: 250_000 },
    });

    expect(res.body.grants).toEqual({ grants: 1, approvedCents: 10_000_000, spentCents: 1_234_500, remainingCents: 8_765_500 });
  });

  it('agrees with the coverage report it summarises', async () => {
    const overview = await t.http().get(`/api/v1/stats/overview?asOf=${asOf}`).set('Authorization', w.officeA.auth).expect(200);
    const report = await t.http().get(`/api/v1/coverage?asOf=${asOf}&limit=200`).set('Authorization', w.officeA.auth).expect(200);
    type Item = { replacement: { pastAge: number; costCents: number }; inRepair: number; lost: number; shortfall: { costCents: number }; students: { shortfall: number } };
    const sum = (f: (i: Item) => number) => report.body.items.reduce((acc: number, i: Item) => acc + f(i), 0);
    expect(overview.body.coverage).toMatchObject({
      pastReplacementAge: sum((i) => i.replacement.pastAge),
      replacementCostCents: sum((i) => i.replacement.costCents),
      inRepair: sum((i) => i.inRepair),
      lost: sum((i) => i.lost),
      shortfallCostCents: sum((i) => i.shortfall.costCents),
      studentDeviceShortfall: sum((i) => i.students.shortfall),
    });
  });

  it("shows another city only its own figures", async () => {
    const res = await t.http().get('/api/v1/stats/overview').set('Authorization', w.officeB.auth).expect(200);
    expect(res.body.devices).toMatchObject({ total: 3, byStatus: { in_use: 3 } });
    expect(res.body.loans).toEqual({ active: 0, overdue: 0, returned: 0 });
    expect(res.body.coverage.schools).toBe(1);
    expect(res.body.needs.byStatus.submitted.count).toBe(0);
    expect(res.body.grants.grants).toBe(0);
  });

  it('is for the office and viewers: coordinators and the admin get 403, anonymous callers 401', async () => {
    const viewer = await t.http().get(`/api/v1/stats/overview?asOf=${asOf}`).set('Authorization', w.viewerA.auth).expect(200);
    expect(viewer.body.devices.total).toBe(414);
    await t.http().get('/api/v1/stats/overview').set('Authorization', w.coordinatorA1.auth).expect(403);
    await t.http().get('/api/v1/stats/overview').set('Authorization', w.admin.auth).expect(403);
    await t.http().get('/api/v1/stats/overview').expect(401);
    const bad = await t.http().get('/api/v1/stats/overview?asOf=yesterday').set('Authorization', w.officeA.auth).expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('asOf');
  });

  it('answers with data from after the request came in, also while identical overviews are being computed', async () => {
    const overview = () => t.http().get('/api/v1/stats/overview').set('Authorization', w.officeB.auth).expect(200);
    const before = (await overview()).body.devices.total as number;
    // Hold the overviews in flight: they wait for the grants table (after reading the devices' counters); a device is
    // written meanwhile; a request after the write must not get the runs' older answer.
    const lock = t.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE grants IN ACCESS EXCLUSIVE MODE');
    let inFlight: Promise<{ body: { devices: { total: number } } }>[] = [];
    try {
      // (.then sends a supertest request at once; a bare Test object is sent only when awaited.)
      inFlight = Array.from({ length: 6 }, () => overview().then((res) => res));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await t.http().post('/api/v1/devices').set('Authorization', w.officeB.auth)
        .send({ schoolId: w.schoolB1, inventoryNumber: 'B-COALESCE-1', type: 'laptop', manufacturer: 'Dell', model: 'Latitude' })
        .expect(201);
      const after = overview().then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await lock.rollbackTransaction();
      expect((await after).body.devices.total).toBe(before + 1);
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
    }
    for (const res of await Promise.all(inFlight)) expect([before, before + 1]).toContain(res.body.devices.total);
  });
  it('reuses its last answer only while nothing was written: a write behind the API, or one begun before and committed after, is seen', async () => {
    const overview = async () => (await t.http().get('/api/v1/stats/overview').set('Authorization', w.officeB.auth).expect(200)).body as { devices: { total: number } };
    const stats = t.app.get(StatsService);
    const runs = jest.spyOn(stats as unknown as { overviewNow: () => Promise<unknown> }, 'overviewNow');
    try {
      // Other test files write to the same server all the time, so a quiet moment cannot be waited for: the version is
      // held still for two overviews (as if nothing was written between them), which then share one run. That the
      // version does change with every commit is tested in common-db.e2e-spec.ts, and below through the API.
      const reads = (stats as unknown as { overviews: { version: () => Promise<string> } }).overviews;
      const realVersion = reads.version;
      reads.version = async () => 'nothing written since';
      try {
        runs.mockClear();
        const first = await overview();
        expect(await overview()).toEqual(first);
        expect(runs).toHaveBeenCalledTimes(1);
      } finally {
        reads.version = realVersion;
      }
      const before = (await overview()).devices.total;
      await addDevices(w.authorityB, w.schoolB1, 1, 'tablet');
      expect((await overview()).devices.total).toBe(before + 1);
      // Begun before the next overview, committed after it: the overview after the commit counts it.
      const writer = t.dataSource.createQueryRunner();
      await writer.connect();
      try {
        await writer.startTransaction();
        await writer.query(
          `INSERT INTO devices (authority_id, school_id, inventory_number, type, manufacturer, model, status) VALUES ($1, $2, 'B-LATE-1', 'tablet', 'Test', 'Modell', 'available')`,
          [w.authorityB, w.schoolB1],
        );
        expect((await overview()).devices.total).toBe(before + 1);
        await writer.commitTransaction();
      } finally {
        await writer.release();
      }
      expect((await overview()).devices.total).toBe(before + 2);
    } finally {
      runs.mockRestore();
    }
  });
});
