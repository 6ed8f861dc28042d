import { todayInBerlin } from '../src/common/dates';
import { minusYears } from '../src/coverage/coverage-settings';
import { CountersService } from '../src/counters/counters.service';
import { seededRandom } from '../src/demo/demo-context';
import { createDevice, createSchool } from './factories';
import { createTestWorld, type TestApp } from './harness';
import type { World } from './factories';

/**
 * The counters behind coverage and the overview (migration Counters1765000000000) against a recount: thousands of
 * random writes through the API (lend, bulk lend, return, move, status changes incl. retire and lost, date edits,
 * imports, new devices) and raw SQL (inserts, updates, deletes), several at once, with foldings in between; then the
 * counters must equal a recount and the API's figures a count of the devices themselves.
 */
describe('counters', () => {
  let t: TestApp;
  let w: World;
  let counters: CountersService;
  const today = todayInBerlin();
  const TYPES = ['laptop', 'tablet', 'desktop', 'projector', 'interactive_display'] as const;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld({ COUNTERS_COMPACT_SECONDS: '0' }));
    counters = t.app.get(CountersService);
  });
  afterAll(() => t.close());

  const differences = async () => ({
    devices: await t.dataSource.query(`SELECT * FROM counters_device_differences()`),
    loans: await t.dataSource.query(`SELECT * FROM counters_loan_differences()`),
  });

  /** What GET /coverage shows per school, counted from the devices and loans themselves (the rules of coverageQuery). */
  async function recountedFigures(): Promise<Record<string, unknown>> {
    const cutoffs = TYPES.map((type) => minusYears(today, { laptop: 5, tablet: 5, desktop: 6, projector: 8, interactive_display: 8 }[type]));
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT s.id,
              count(d.id) FILTER (WHERE d.type IN ('laptop', 'tablet') AND d.status IN ('available', 'loaned'))::int AS personal,
              count(d.id) FILTER (WHERE d.type IN ('laptop', 'tablet') AND d.status = 'loaned'
                                    AND EXISTS (SELECT 1 FROM loans l WHERE l.device_id = d.id AND l.returned_on IS NULL AND l.borrower_kind = 'teacher'))::int AS teacher,
              count(d.id) FILTER (WHERE d.status = 'in_repair')::int AS in_repair, count(d.id) FILTER (WHERE d.status = 'lost')::int AS lost,
              count(d.id) FILTER (WHERE d.status NOT IN ('lost', 'retired') AND d.commissioned_on IS NULL AND d.purchase_date IS NULL)::int AS unknown_age,
              ${TYPES.map((type, i) => `count(d.id) FILTER (WHERE d.type = '${type}' AND d.status NOT IN ('lost', 'retired') AND coalesce(d.commissioned_on, d.purchase_date) <= '${cutoffs[i]}')::int AS "${type}"`).join(', ')}
         FROM schools s LEFT JOIN devices d ON d.school_id = s.id
        WHERE s.authority_id = $1 GROUP BY s.id`,
      [w.authorityA],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r]));
  }

  async function apiFigures(): Promise<Record<string, unknown>> {
    const res = await t.http().get('/api/v1/coverage?limit=200').set('Authorization', w.officeA.auth).expect(200);
    type Item = { schoolId: string; students: { devices: number }; teachers: { devices: number }; inRepair: number; lost: number; replacement: { unknownAge: number; byType: Record<string, number> } };
    return Object.fromEntries(
      (res.body.items as Item[]).map((i) => [
        i.schoolId,
        {
          id: i.schoolId,
          personal: i.students.devices + i.teachers.devices,
          teacher: i.teachers.devices,
          in_repair: i.inRepair,
          lost: i.lost,
          unknown_age: i.replacement.unknownAge,
          ...Object.fromEntries(TYPES.map((type) => [type, i.replacement.byType[type]])),
        },
      ]),
    );
  }

  async function loanFigures() {
    const res = await t.http().get('/api/v1/stats/overview').set('Authorization', w.officeA.auth).expect(200);
    const [recount] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE returned_on IS NULL)::int AS active, count(*) FILTER (WHERE returned_on IS NULL AND due_on < $2::date)::int AS overdue,
              count(*) FILTER (WHERE returned_on IS NOT NULL)::int AS returned
         FROM loans WHERE authority_id = $1`,
      [w.authorityA, today],
    );
    const [devices] = await t.dataSource.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'retired')::int AS retired FROM devices WHERE authority_id = $1`, [w.authorityA]);
    return { api: { loans: res.body.loans, total: res.body.devices.total, retired: res.body.devices.byStatus.retired }, recount: { loans: recount, ...devices } };
  }

  it('equal a recount after thousands of random concurrent writes, before and after folding, and are repaired when wrong', async () => {
    const random = seededRandom(18);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const schoolA3 = await createSchool(t.dataSource, w.authorityA, { name: 'A3 Realschule', schoolType: 'realschule' });
    const schools = [w.schoolA1, w.schoolA2, schoolA3];
    // Dates around the replacement-age boundaries (the counters' month buckets and the boundary day), and none.
    const dateAround = () => {
      if (random() < 0.08) return null;
      const years = pick([5, 6, 8, 2, 10]);
      const base = minusYears(today, years);
      const shift = Math.floor(random() * 90) - 45;
      return new Date(Date.parse(`${base}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
    };
    let n = 0;
    for (let i = 0; i < 240; i++) {
      const purchase = dateAround();
      await createDevice(t.dataSource, w.authorityA, pick(schools), {
        inventoryNumber: `CT-${++n}`,
        type: pick(TYPES),
        purchaseDate: purchase,
        commissionedOn: random() < 0.5 ? dateAround() : null,
        status: pick(['available', 'available', 'available', 'in_use', 'in_repair', 'lost', 'retired']),
      });
    }
    await createDevice(t.dataSource, w.authorityB, w.schoolB1, { inventoryNumber: 'CT-B-1' });

    const auth = w.officeA.auth;
    const statuses: Record<string, number> = {};
    const note = (what: string, status: number) => {
      const key = `${what} ${status}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    };
    const anyDevice = async (where = 'true') => {
      const rows = await t.dataSource.query(`SELECT id, inventory_number, version FROM devices WHERE authority_id = $1 AND ${where} ORDER BY random() LIMIT 1`, [w.authorityA]);
      return rows[0] as { id: string; inventory_number: string; version: number } | undefined;
    };
    // Overdue, due today (not overdue yet), due later.
    const dueOn = () => pick(['2020-01-31', minusYears(today, 1), today, '2031-07-31']);

    const operations: Record<string, () => Promise<void>> = {
      lend: async () => {
        const d = await anyDevice(`status = 'available'`);
        if (!d) return;
        const start = '2019-08-01';
        const res = await t.http().post('/api/v1/loans').set('Authorization', auth).send({ deviceId: d.id, borrowerKind: pick(['student', 'teacher']), borrowerName: 'Zähl Test', startedOn: start, dueOn: dueOn() });
        note('lend', res.status);
      },
      bulkLend: async () => {
        const rows: { inventory_number: string }[] = await t.dataSource.query(
          `SELECT inventory_number FROM devices WHERE authority_id = $1 AND status = 'available' ORDER BY random() LIMIT 4`,
          [w.authorityA],
        );
        if (!rows.length) return;
        const res = await t.http().post('/api/v1/loans/bulk').set('Authorization', auth)
          .send({ startedOn: '2019-08-01', dueOn: dueOn(), items: rows.map((r) => ({ inventoryNumber: r.inventory_number, borrowerName: 'Bulk Zähl', borrowerKind: pick(['student', 'teacher']) })) });
        note('bulkLend', res.status);
      },
      return: async () => {
        const [loan] = await t.dataSource.query(`SELECT id FROM loans WHERE authority_id = $1 AND returned_on IS NULL ORDER BY random() LIMIT 1`, [w.authorityA]);
        if (!loan) return;
        const res = await t.http().post(`/api/v1/loans/${loan.id}/return`).set('Authorization', auth).send({ condition: pick(['ok', 'ok', 'damaged', 'lost']) });
        note('return', res.status);
      },
      move: async () => {
        const d = await anyDevice(`status NOT IN ('loaned', 'retired')`);
        if (!d) return;
        const res = await t.http().post(`/api/v1/devices/${d.id}/move`).set('Authorization', auth).send({ schoolId: pick(schools) });
        note('move', res.status);
      },
      status: async () => {
        const d = await anyDevice(`status <> 'loaned'`);
        if (!d) return;
        const status = pick(['available', 'in_use', 'in_repair', 'lost', 'retired']);
        const res = await t.http().post(`/api/v1/devices/${d.id}/status`).set('Authorization', auth)
          .send({ status, ...(status === 'retired' ? { reason: 'Defekt', confirmEarmarkingBreach: true } : {}) });
        note('status', res.status);
      },
      edit: async () => {
        const d = await anyDevice();
        if (!d) return;
        const res = await t.http().patch(`/api/v1/devices/${d.id}`).set('Authorization', auth)
          .send({ version: d.version, commissionedOn: dateAround(), ...(random() < 0.5 ? { purchaseDate: dateAround(), type: pick(TYPES) } : {}) });
        note('edit', res.status);
      },
      create: async () => {
        const res = await t.http().post('/api/v1/devices').set('Authorization', auth)
          .send({ schoolId: pick(schools), inventoryNumber: `CT-API-${++n}`, type: pick(TYPES), manufacturer: 'Dell', model: 'Latitude', purchaseDate: dateAround() });
        note('create', res.status);
      },
      import: async () => {
        const [school] = await t.dataSource.query(`SELECT school_number FROM schools WHERE id = $1`, [pick(schools)]);
        const lines = ['Inventarnummer;Gerätetyp;Hersteller;Modell;Kaufdatum;Schulnummer'];
        for (let k = 0; k < 5; k++) {
          const date = dateAround();
          lines.push(`CT-IMP-${++n};${pick(['Laptop', 'Tablet', 'Beamer'])};Lenovo;X1;${date ? date.split('-').reverse().join('.') : ''};${school.school_number}`);
        }
        const res = await t.http().post('/api/v1/devices/import').set('Authorization', auth).attach('file', Buffer.from(lines.join('\r\n'), 'utf8'), 'liste.csv');
        note('import', res.status);
      },
      sqlWrites: async () => {
        // Raw SQL, as a console or a future feature would write: a multi-row update, a delete, an insert.
        await t.dataSource.query(
          `UPDATE devices SET status = CASE WHEN status = 'in_use' THEN 'in_repair'::device_status ELSE 'in_use'::device_status END
            WHERE id IN (SELECT id FROM devices WHERE authority_id = $1 AND status IN ('in_use', 'available') ORDER BY random() LIMIT 3)
              -- Again on the row being updated: a client may have retired it since the subquery read it (read committed
              -- re-checks only the outer condition), and a retired device must keep its status (ck_devices_retired).
              AND status IN ('in_use', 'available')`,
          [w.authorityA],
        );
        await t.dataSource.query(
          `DELETE FROM devices WHERE id IN (SELECT d.id FROM devices d WHERE d.authority_id = $1 AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.device_id = d.id)
                                                ORDER BY random() LIMIT 1)`,
          [w.authorityA],
        ).catch(() => note('sqlDelete', 409));
        // A loan changing hands between a student and a teacher (the teacher devices follow the loan).
        await t.dataSource.query(
          `UPDATE loans SET borrower_kind = CASE WHEN borrower_kind = 'teacher' THEN 'student' ELSE 'teacher' END
            WHERE id IN (SELECT id FROM loans WHERE authority_id = $1 AND returned_on IS NULL ORDER BY random() LIMIT 2) AND returned_on IS NULL`,
          [w.authorityA],
        );
        await createDevice(t.dataSource, w.authorityA, pick(schools), { inventoryNumber: `CT-SQL-${++n}`, type: pick(TYPES), purchaseDate: dateAround(), commissionedOn: null });
        note('sql', 200);
      },
      fold: async () => {
        await counters.compact();
        note('fold', 200);
      },
    };
    const weights: [string, number][] = [['lend', 30], ['bulkLend', 6], ['return', 25], ['move', 8], ['status', 12], ['edit', 8], ['create', 4], ['import', 2], ['sqlWrites', 4], ['fold', 1]];
    const total = weights.reduce((s, [, wgt]) => s + wgt, 0);
    const plan = Array.from({ length: 1200 }, () => {
      let r = random() * total;
      for (const [name, wgt] of weights) if ((r -= wgt) < 0) return name;
      return 'lend';
    });
    let next = 0;
    // Eight clients at once, as at a busy counter: the counters' writes must neither block nor deadlock each other.
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < plan.length) await operations[plan[next++]]();
    }));

    const succeeded = Object.entries(statuses).filter(([k]) => / 20[01]$/.test(k)).reduce((s, [, v]) => s + v, 0);
    expect({ succeeded: succeeded > plan.length / 2, statuses }).toMatchObject({ succeeded: true });
    expect(statuses['lend 201']).toBeGreaterThan(100);
    expect(statuses['return 200']).toBeGreaterThan(100);
    expect(Object.keys(statuses).filter((k) => k.endsWith(' 500'))).toEqual([]);

    // Counters (rows plus deltas not folded yet) = recount, and the API's figures = a count of the devices.
    expect(await differences()).toEqual({ devices: [], loans: [] });
    expect(await apiFigures()).toEqual(await recountedFigures());
    expect(Object.values(await recountedFigures()).some((r) => (r as { teacher: number }).teacher > 0)).toBe(true);
    const loans = await loanFigures();
    expect(loans.api).toEqual({ loans: loans.recount.loans, total: loans.recount.total, retired: loans.recount.retired });
    expect(loans.recount.loans.active).toBeGreaterThan(0);

    // Folded: the same.
    expect((await counters.compact()).ran).toBe(true);
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM device_count_deltas`))[0].n)).toBe(0);
    expect(await differences()).toEqual({ devices: [], loans: [] });
    expect(await apiFigures()).toEqual(await recountedFigures());

    // Wrong counters (a write that bypassed the triggers) are found and repaired by reconcile.
    await t.dataSource.query(`ALTER TABLE devices DISABLE TRIGGER tg_device_counts_update`);
    await t.dataSource.query(`UPDATE devices SET status = 'lost' WHERE authority_id = $1 AND status = 'in_use'`, [w.authorityA]);
    await t.dataSource.query(`ALTER TABLE devices ENABLE TRIGGER tg_device_counts_update`);
    await t.dataSource.query(`UPDATE device_counts SET teacher = teacher + 1 WHERE authority_id = $1 AND type = 'laptop'`, [w.authorityA]);
    const [, changedLoanCounts] = await t.dataSource.query(`UPDATE loan_counts SET n = n + 2 WHERE authority_id = $1 AND due_on IS NULL`, [w.authorityA]);
    const wrong = await differences();
    expect(wrong.devices.length).toBeGreaterThan(0);
    expect(wrong.loans.length).toBe(changedLoanCounts);
    expect(changedLoanCounts).toBeGreaterThan(0);
    expect(await apiFigures()).not.toEqual(await recountedFigures());
    const repaired = await counters.reconcile();
    expect(repaired).toMatchObject({ ran: true, repaired: wrong.devices.length + wrong.loans.length });
    expect(await differences()).toEqual({ devices: [], loans: [] });
    expect(await apiFigures()).toEqual(await recountedFigures());
    expect((await loanFigures()).api.loans).toEqual((await loanFigures()).recount.loans);
  }, 240_000);

  it('lets one process fold at a time (advisory lock)', async () => {
    await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'CT-LOCK-1' });
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT pg_advisory_xact_lock(724018)');
      expect(await counters.compact()).toEqual({ ran: false, folded: 0 });
      expect(await counters.reconcile()).toEqual({ ran: false, repaired: 0, folded: 0 });
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect((await counters.compact()).folded).toBeGreaterThan(0);
  });
});
