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
    // The delta tables are appended to and emptied all day, and the counter rows updated by every fold: vacuumed after
    // a fixed number of dead rows rather than a fifth of the table (until then a reader scans the dead index entries and
    // pages: bench/RESULTS.md, issue 18), and room on each page of the counter rows for their next version (HOT updates).
    for (const table of ['device_count_deltas', 'loan_count_deltas']) {
      await q.query(`ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000)`);
    }
    for (const table of ['device_counts', 'loan_counts']) {
      await q.query(`ALTER TABLE ${table} SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500)`);
    }

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

    // The compaction, now set-based and in batches: one upsert per school and type with all its deltas (statuses,
    // teacher devices, ages), the cumulative age array rebuilt in one pass (counters_cum_merge) instead of one pass per
    // month and delta; at most `batch` delta rows of each table per call, so that a backlog (a seed, a restore, a long
    // stop of the job) is folded in several short transactions, each well within the statement timeout.
    await q.query(`
      CREATE FUNCTION counters_cum_merge(arr integer[], months integer[], ns integer[]) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE lo integer; hi integer; inc integer[]; run integer := 0;
      BEGIN
        IF months IS NULL OR cardinality(months) = 0 THEN RETURN coalesce(arr, '{}'); END IF;
        IF arr IS NULL THEN arr := '{}'; END IF;
        SELECT least(array_lower(arr, 1), min(m)), greatest(array_upper(arr, 1), max(m)) INTO lo, hi FROM unnest(months) AS m;
        inc := array_fill(0, ARRAY[hi - lo + 1], ARRAY[lo]);
        IF cardinality(arr) > 0 THEN
          FOR i IN array_lower(arr, 1) .. array_upper(arr, 1) LOOP inc[i] := arr[i] - coalesce(arr[i - 1], 0); END LOOP;
        END IF;
        FOR k IN 1 .. cardinality(months) LOOP inc[months[k]] := inc[months[k]] + ns[k]; END LOOP;
        FOR i IN lo .. hi LOOP run := run + inc[i]; inc[i] := run; END LOOP;
        RETURN inc;
      END $$`);
    await q.query(`DROP FUNCTION counters_compact()`);
    await q.query(`
      CREATE FUNCTION counters_compact(batch integer, OUT folded integer, OUT more boolean) LANGUAGE plpgsql AS $$
      DECLARE moved integer; moved_loans integer;
      BEGIN
        WITH gone AS (
          DELETE FROM device_count_deltas WHERE ctid = ANY (ARRAY(SELECT ctid FROM device_count_deltas LIMIT batch)) RETURNING *
        ), sums AS (
          SELECT g.authority_id, g.school_id, g.type,
                 coalesce(sum(g.n) FILTER (WHERE g.status = 'available'), 0) AS available, coalesce(sum(g.n) FILTER (WHERE g.status = 'loaned'), 0) AS loaned,
                 coalesce(sum(g.n) FILTER (WHERE g.status = 'in_use'), 0) AS in_use, coalesce(sum(g.n) FILTER (WHERE g.status = 'in_repair'), 0) AS in_repair,
                 coalesce(sum(g.n) FILTER (WHERE g.status = 'retired'), 0) AS retired, coalesce(sum(g.n) FILTER (WHERE g.status = 'lost'), 0) AS lost,
                 coalesce(sum(g.n) FILTER (WHERE g.teacher), 0) AS teacher,
                 coalesce(sum(g.n) FILTER (WHERE g.aged AND g.age_month IS NULL), 0) AS unknown_age,
                 array_agg(g.age_month) FILTER (WHERE g.aged AND g.age_month IS NOT NULL) AS months,
                 array_agg(g.n) FILTER (WHERE g.aged AND g.age_month IS NOT NULL) AS ns
            FROM gone g GROUP BY 1, 2, 3
        ), folded AS (
          -- Only this function writes device_counts (under the counters' lock), so the rows read here are the ones updated.
          INSERT INTO device_counts AS c (authority_id, school_id, type, available, loaned, in_use, in_repair, retired, lost, teacher, unknown_age, aged)
          SELECT s.authority_id, s.school_id, s.type,
                 s.available + coalesce(o.available, 0), s.loaned + coalesce(o.loaned, 0), s.in_use + coalesce(o.in_use, 0),
                 s.in_repair + coalesce(o.in_repair, 0), s.retired + coalesce(o.retired, 0), s.lost + coalesce(o.lost, 0),
                 s.teacher + coalesce(o.teacher, 0), s.unknown_age + coalesce(o.unknown_age, 0), counters_cum_merge(o.aged, s.months, s.ns)
            FROM sums s LEFT JOIN device_counts o ON o.authority_id = s.authority_id AND o.school_id = s.school_id AND o.type = s.type
           ORDER BY 1, 2, 3
          ON CONFLICT (authority_id, school_id, type) DO UPDATE
             SET available = excluded.available, loaned = excluded.loaned, in_use = excluded.in_use, in_repair = excluded.in_repair,
                 retired = excluded.retired, lost = excluded.lost, teacher = excluded.teacher, unknown_age = excluded.unknown_age, aged = excluded.aged
        )
        SELECT count(*)::integer INTO moved FROM gone;

        WITH gone AS (
          DELETE FROM loan_count_deltas WHERE ctid = ANY (ARRAY(SELECT ctid FROM loan_count_deltas LIMIT batch)) RETURNING *
        ), folded AS (
          INSERT INTO loan_counts AS c (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, due_on, sum(n) FROM gone GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT uq_loan_counts DO UPDATE SET n = c.n + excluded.n
        )
        SELECT count(*)::integer INTO moved_loans FROM gone;
        DELETE FROM loan_counts WHERE n = 0;
        folded := moved + moved_loans;
        more := moved >= batch OR moved_loans >= batch;
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
    await q.query(`DROP FUNCTION counters_compact(integer)`);
    await q.query(`DROP FUNCTION counters_cum_merge(integer[], integer[], integer[])`);
    // What Counters1765000000000.down drops before its up creates it again.
    await q.query(`CREATE FUNCTION counters_compact() RETURNS integer LANGUAGE sql AS 'SELECT 0'`);
    const previous = new Counters1765000000000();
    await previous.down(q);
    await previous.up(q);
  }
}
