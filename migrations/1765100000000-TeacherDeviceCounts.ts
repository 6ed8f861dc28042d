import { MigrationInterface, QueryRunner } from 'typeorm';
import { Counters1765000000000 } from './1765000000000-Counters';

/**
 * Teacher devices in the counters (issue 18): per (school, device type) the devices on an active loan to a teacher,
 * so that coverage and the overview no longer look up every active teacher loan and its device.
 *
 * The rule (as the coverage report had it): a device counts when it is of a personal type (laptop, tablet), its status
 * is `loaned`, and it has an active loan (`returned_on IS NULL`) with `borrower_kind = 'teacher'`. It depends on two
 * tables, so both keep it: the loans trigger appends the change its statement makes given the devices as they are, the
 * devices trigger the change its statement makes given the loans as they are. Whichever of the two writes of a lend or
 * return comes first, the sum is right (the lend and the return lock the device row, so they do not interleave).
 *
 * Such a delta row has `teacher = true`, no status and `aged = false`: the readers of statuses and ages (which filter on
 * `status IS NOT NULL` and `aged`) do not see it. The compaction folds it into `device_counts.teacher`; the reconcile
 * recounts it like the rest.
 */
const PERSONAL = `('laptop', 'tablet')`;
const ACTIVE_TEACHER_LOAN = (device: string) =>
  `EXISTS (SELECT 1 FROM loans l WHERE l.device_id = ${device}.id AND l.returned_on IS NULL AND l.borrower_kind = 'teacher')`;
/** The teacher delta of a device statement: devices leaving the rule (old rows) and entering it (new rows). */
const DEVICE_TEACHER_DELTA = (parts: string[]) => `
          INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n, teacher)
          SELECT authority_id, school_id, type, NULL, false, NULL, sum(n)::integer, true
            FROM (${parts.join(' UNION ALL ')}) x
           GROUP BY 1, 2, 3
          HAVING sum(n) <> 0;`;
const TEACHER_ROWS = (table: 'new_rows' | 'old_rows', sign: 1 | -1) =>
  `SELECT r.authority_id, r.school_id, r.type, ${sign} AS n FROM ${table} r WHERE r.status = 'loaned' AND r.type IN ${PERSONAL} AND ${ACTIVE_TEACHER_LOAN('r')}`;
/** The teacher delta of a loan statement: active teacher loans leaving (old rows) and entering (new rows), on their devices. */
const LOAN_TEACHER_DELTA = (parts: string[]) => `
          INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n, teacher)
          SELECT d.authority_id, d.school_id, d.type, NULL, false, NULL, sum(x.n)::integer, true
            FROM (${parts.join(' UNION ALL ')}) x
            JOIN devices d ON d.id = x.device_id AND d.status = 'loaned' AND d.type IN ${PERSONAL}
           GROUP BY 1, 2, 3
          HAVING sum(x.n) <> 0;`;
const LOAN_ROWS = (table: 'new_rows' | 'old_rows', sign: 1 | -1) =>
  `SELECT device_id, ${sign} AS n FROM ${table} WHERE returned_on IS NULL AND borrower_kind = 'teacher'`;

export class TeacherDeviceCounts1765100000000 implements MigrationInterface {
  name = 'TeacherDeviceCounts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE device_counts ADD COLUMN teacher integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE device_count_deltas ADD COLUMN teacher boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE OR REPLACE FUNCTION device_counts_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n)
          SELECT authority_id, school_id, type, status, status NOT IN ('lost', 'retired'), counters_month(coalesce(commissioned_on, purchase_date)), count(*)::integer
            FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n)
          SELECT authority_id, school_id, type, status, status NOT IN ('lost', 'retired'), counters_month(coalesce(commissioned_on, purchase_date)), -count(*)::integer
            FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6;
        ELSE
          INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n)
          SELECT authority_id, school_id, type, status, status NOT IN ('lost', 'retired'), counters_month(coalesce(commissioned_on, purchase_date)), sum(n)::integer
            FROM (SELECT authority_id, school_id, type, status, commissioned_on, purchase_date, 1 AS n FROM new_rows
                  UNION ALL
                  SELECT authority_id, school_id, type, status, commissioned_on, purchase_date, -1 FROM old_rows) x
           GROUP BY 1, 2, 3, 4, 5, 6
          HAVING sum(n) <> 0;
          ${DEVICE_TEACHER_DELTA([TEACHER_ROWS('new_rows', 1), TEACHER_ROWS('old_rows', -1)])}
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION loan_counts_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END, count(*)::integer FROM new_rows GROUP BY 1, 2, 3, 4;
          ${LOAN_TEACHER_DELTA([LOAN_ROWS('new_rows', 1)])}
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END, -count(*)::integer FROM old_rows GROUP BY 1, 2, 3, 4;
          ${LOAN_TEACHER_DELTA([LOAN_ROWS('old_rows', -1)])}
        ELSE
          INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, due_on, sum(n)::integer
            FROM (SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END AS due_on, 1 AS n FROM new_rows
                  UNION ALL
                  SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END, -1 FROM old_rows) x
           GROUP BY 1, 2, 3, 4
          HAVING sum(n) <> 0;
          ${LOAN_TEACHER_DELTA([LOAN_ROWS('new_rows', 1), LOAN_ROWS('old_rows', -1)])}
        END IF;
        RETURN NULL;
      END $$`);

    // The compaction folds the teacher deltas with the statuses (same row per school and type).
    await q.query(`
      CREATE OR REPLACE FUNCTION counters_compact() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE ages jsonb; r record; moved integer;
      BEGIN
        WITH gone AS (DELETE FROM device_count_deltas RETURNING *),
        by_status AS (
          INSERT INTO device_counts AS c (authority_id, school_id, type, available, loaned, in_use, in_repair, retired, lost, teacher)
          SELECT authority_id, school_id, type,
                 coalesce(sum(n) FILTER (WHERE status = 'available'), 0), coalesce(sum(n) FILTER (WHERE status = 'loaned'), 0),
                 coalesce(sum(n) FILTER (WHERE status = 'in_use'), 0), coalesce(sum(n) FILTER (WHERE status = 'in_repair'), 0),
                 coalesce(sum(n) FILTER (WHERE status = 'retired'), 0), coalesce(sum(n) FILTER (WHERE status = 'lost'), 0),
                 coalesce(sum(n) FILTER (WHERE teacher), 0)
            FROM gone WHERE status IS NOT NULL OR teacher
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (authority_id, school_id, type) DO UPDATE
             SET available = c.available + excluded.available, loaned = c.loaned + excluded.loaned, in_use = c.in_use + excluded.in_use,
                 in_repair = c.in_repair + excluded.in_repair, retired = c.retired + excluded.retired, lost = c.lost + excluded.lost,
                 teacher = c.teacher + excluded.teacher
        )
        SELECT coalesce(jsonb_agg(jsonb_build_object('a', authority_id, 's', school_id, 't', type, 'm', age_month, 'n', n) ORDER BY authority_id, school_id, type, age_month), '[]'),
               (SELECT count(*) FROM gone)::integer
          INTO ages, moved
          FROM (SELECT authority_id, school_id, type, age_month, sum(n)::integer AS n FROM gone WHERE aged GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0) x;
        FOR r IN SELECT * FROM jsonb_to_recordset(ages) AS x(a uuid, s uuid, t device_type, m integer, n integer) LOOP
          INSERT INTO device_counts AS c (authority_id, school_id, type, unknown_age, aged)
          VALUES (r.a, r.s, r.t, CASE WHEN r.m IS NULL THEN r.n ELSE 0 END, CASE WHEN r.m IS NULL THEN '{}' ELSE counters_cum_add('{}', r.m, r.n) END)
          ON CONFLICT (authority_id, school_id, type) DO UPDATE
             SET unknown_age = c.unknown_age + excluded.unknown_age,
                 aged = CASE WHEN r.m IS NULL THEN c.aged ELSE counters_cum_add(c.aged, r.m, r.n) END;
        END LOOP;

        WITH gone AS (DELETE FROM loan_count_deltas RETURNING *),
        folded AS (
          INSERT INTO loan_counts AS c (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, due_on, sum(n) FROM gone GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT uq_loan_counts DO UPDATE SET n = c.n + excluded.n
        )
        SELECT moved + count(*)::integer INTO moved FROM gone;
        DELETE FROM loan_counts WHERE n = 0;
        RETURN moved;
      END $$`);

    // The recount gains the teacher column (a new result type: drop and create).
    await q.query(`DROP FUNCTION counters_recount_devices()`);
    await q.query(`
      CREATE FUNCTION counters_recount_devices() RETURNS TABLE (authority_id uuid, school_id uuid, type device_type, available integer, loaned integer,
          in_use integer, in_repair integer, retired integer, lost integer, unknown_age integer, aged integer[], teacher integer) LANGUAGE sql STABLE AS $$
        WITH st AS (
          SELECT d.authority_id, d.school_id, d.type,
                 count(*) FILTER (WHERE d.status = 'available')::integer AS available, count(*) FILTER (WHERE d.status = 'loaned')::integer AS loaned,
                 count(*) FILTER (WHERE d.status = 'in_use')::integer AS in_use, count(*) FILTER (WHERE d.status = 'in_repair')::integer AS in_repair,
                 count(*) FILTER (WHERE d.status = 'retired')::integer AS retired, count(*) FILTER (WHERE d.status = 'lost')::integer AS lost,
                 count(*) FILTER (WHERE d.status NOT IN ('lost', 'retired') AND d.commissioned_on IS NULL AND d.purchase_date IS NULL)::integer AS unknown_age
            FROM devices d GROUP BY 1, 2, 3
        ), months AS (
          SELECT d.authority_id, d.school_id, d.type, counters_month(coalesce(d.commissioned_on, d.purchase_date)) AS m, count(*)::integer AS n
            FROM devices d
           WHERE d.status NOT IN ('lost', 'retired') AND coalesce(d.commissioned_on, d.purchase_date) IS NOT NULL
           GROUP BY 1, 2, 3, 4
        ), span AS (
          SELECT k.authority_id, k.school_id, k.type, min(k.m) AS lo, max(k.m) AS hi FROM months k GROUP BY 1, 2, 3
        ), cum AS (
          SELECT s.authority_id, s.school_id, s.type, s.lo, s.hi, g.m,
                 sum(coalesce(k.n, 0)) OVER (PARTITION BY s.authority_id, s.school_id, s.type ORDER BY g.m)::integer AS c
            FROM span s
            CROSS JOIN LATERAL generate_series(s.lo, s.hi) AS g(m)
            LEFT JOIN months k ON k.authority_id = s.authority_id AND k.school_id = s.school_id AND k.type = s.type AND k.m = g.m
        ), arrays AS (
          SELECT c.authority_id, c.school_id, c.type, ('[' || min(c.lo) || ':' || min(c.hi) || ']=' || array_agg(c.c ORDER BY c.m)::text)::integer[] AS aged
            FROM cum c GROUP BY 1, 2, 3
        ), teachers AS (
          SELECT d.authority_id, d.school_id, d.type, count(*)::integer AS teacher
            FROM loans l JOIN devices d ON d.id = l.device_id
           WHERE l.returned_on IS NULL AND l.borrower_kind = 'teacher' AND d.status = 'loaned' AND d.type IN ${PERSONAL}
           GROUP BY 1, 2, 3
        )
        SELECT st.authority_id, st.school_id, st.type, st.available, st.loaned, st.in_use, st.in_repair, st.retired, st.lost, st.unknown_age,
               coalesce(a.aged, '{}'), coalesce(t.teacher, 0)
          FROM st
          LEFT JOIN arrays a ON a.authority_id = st.authority_id AND a.school_id = st.school_id AND a.type = st.type
          LEFT JOIN teachers t ON t.authority_id = st.authority_id AND t.school_id = st.school_id AND t.type = st.type
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION counters_device_differences() RETURNS TABLE (authority_id uuid, school_id uuid, type device_type, status device_status,
          aged boolean, age_month integer, n integer) LANGUAGE sql STABLE AS $$
        WITH truth AS (SELECT * FROM counters_recount_devices()),
        status_fix AS (
          SELECT authority_id, school_id, type, status, sum(n)::integer AS n FROM (
            SELECT t.authority_id, t.school_id, t.type, s.status, s.n FROM truth t CROSS JOIN LATERAL (VALUES ('available'::device_status, t.available), ('loaned', t.loaned), ('in_use', t.in_use), ('in_repair', t.in_repair), ('retired', t.retired), ('lost', t.lost)) s(status, n)
            UNION ALL
            SELECT c.authority_id, c.school_id, c.type, s.status, -s.n FROM device_counts c CROSS JOIN LATERAL (VALUES ('available'::device_status, c.available), ('loaned', c.loaned), ('in_use', c.in_use), ('in_repair', c.in_repair), ('retired', c.retired), ('lost', c.lost)) s(status, n)
            UNION ALL
            SELECT authority_id, school_id, type, status, -n FROM device_count_deltas WHERE status IS NOT NULL
          ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
        ),
        age_fix AS (
          SELECT authority_id, school_id, type, m, sum(n)::integer AS n FROM (
            SELECT t.authority_id, t.school_id, t.type, NULL::integer AS m, t.unknown_age AS n FROM truth t
            UNION ALL
            SELECT t.authority_id, t.school_id, t.type, g.m, t.aged[g.m] - coalesce(t.aged[g.m - 1], 0) FROM truth t CROSS JOIN LATERAL generate_subscripts(t.aged, 1) AS g(m)
            UNION ALL
            SELECT c.authority_id, c.school_id, c.type, NULL, -c.unknown_age FROM device_counts c
            UNION ALL
            SELECT c.authority_id, c.school_id, c.type, g.m, -(c.aged[g.m] - coalesce(c.aged[g.m - 1], 0)) FROM device_counts c CROSS JOIN LATERAL generate_subscripts(c.aged, 1) AS g(m)
            UNION ALL
            SELECT authority_id, school_id, type, age_month, -n FROM device_count_deltas WHERE aged
          ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
        ),
        teacher_fix AS (
          SELECT authority_id, school_id, type, sum(n)::integer AS n FROM (
            SELECT t.authority_id, t.school_id, t.type, t.teacher AS n FROM truth t
            UNION ALL
            SELECT c.authority_id, c.school_id, c.type, -c.teacher FROM device_counts c
            UNION ALL
            SELECT authority_id, school_id, type, -n FROM device_count_deltas WHERE teacher
          ) x GROUP BY 1, 2, 3 HAVING sum(n) <> 0
        )
        SELECT authority_id, school_id, type, status, false, NULL::integer, n FROM status_fix
        UNION ALL
        SELECT authority_id, school_id, type, NULL::device_status, true, m, n FROM age_fix
        UNION ALL
        SELECT authority_id, school_id, type, NULL::device_status, false, NULL::integer, n FROM teacher_fix
      $$`);
    // The repairs of the teacher column are rows without status and age: mark them as teacher deltas.
    await q.query(`
      CREATE OR REPLACE FUNCTION counters_reconcile() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE fixed integer; fixed_loans integer;
      BEGIN
        INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n, teacher)
        SELECT d.authority_id, d.school_id, d.type, d.status, d.aged, d.age_month, d.n, d.status IS NULL AND NOT d.aged FROM counters_device_differences() d;
        GET DIAGNOSTICS fixed = ROW_COUNT;
        INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n) SELECT * FROM counters_loan_differences();
        GET DIAGNOSTICS fixed_loans = ROW_COUNT;
        RETURN fixed + fixed_loans;
      END $$`);

    // Backfill, as deltas (the compaction folds them; a school and type may have only deltas so far).
    await q.query(`
      INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n, teacher)
      SELECT d.authority_id, d.school_id, d.type, NULL, false, NULL, count(*)::integer, true
        FROM loans l JOIN devices d ON d.id = l.device_id
       WHERE l.returned_on IS NULL AND l.borrower_kind = 'teacher' AND d.status = 'loaned' AND d.type IN ${PERSONAL}
       GROUP BY 1, 2, 3`);
  }

  /** The counters are derived data: rebuilt from the base tables with the definitions of Counters1765000000000. */
  async down(q: QueryRunner): Promise<void> {
    const previous = new Counters1765000000000();
    await previous.down(q);
    await previous.up(q);
  }
}
