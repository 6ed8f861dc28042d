import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters for the office's figures (coverage, overview), kept with the data so that a request reads one row per
 * school and device type instead of every device (issue 18).
 *
 * Why triggers and not one place in the services: a trigger sees every write, in the same transaction (the API,
 * imports, bulk statements, the demo and bench seeds, raw SQL in a console, features not written yet), so the counters
 * cannot drift because one code path forgot them. They are statement triggers with transition tables: one grouped
 * insert per statement, however many rows an import writes.
 *
 * Why delta rows: the triggers never update a counter row, they append signed deltas (`*_count_deltas`). A single
 * row per school and type would be a hot row under concurrent lends at one school, and two transactions touching two
 * rows in opposite order (a bulk lend of laptops and tablets) would deadlock. Inserts take no row locks on each other.
 * Readers sum the compacted rows and the deltas; the periodic job (src/counters) folds the deltas into the compacted rows
 * under an advisory lock (one worker at a time) and, nightly, recounts from the base tables and appends corrections.
 *
 * Devices: per (school, type) the count in each status, the devices in service (not lost, not retired) without any date
 * (`unknown_age`), and `aged`: a cumulative count by month of commissioning (else purchase) of the devices in service,
 * `aged[m]` = those with month <= m (m = year * 12 + month - 1). "Past replacement age on day X" then costs one array
 * element per school and type, plus the devices of the boundary month itself, read by day from `ix_devices_age_day`
 * (a month's worth of devices, not all of them). A delta row counts for its status (when not null) and, when `aged`,
 * for the age month (`age_month` null: unknown age); corrections of only one of the two use the other null/false.
 *
 * Loans: per (school, borrower kind, due date) the active loans, and with `due_on` null the returned ones; "overdue"
 * is then a sum over due dates before today.
 */
export class Counters1765000000000 implements MigrationInterface {
  name = 'Counters1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION counters_month(d date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
                     AS $$ SELECT (extract(year FROM d) * 12 + extract(month FROM d) - 1)::integer $$`);
    // The cumulative count at month m (0 before the first month, the last value after the last).
    await q.query(`CREATE FUNCTION counters_cum_at(arr integer[], m integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN m IS NULL OR cardinality(arr) = 0 OR m < array_lower(arr, 1) THEN 0
                  WHEN m >= array_upper(arr, 1) THEN arr[array_upper(arr, 1)]
                  ELSE arr[m] END $$`);
    // Adds d devices of month m to a cumulative array (every element from m on), widening it as needed.
    await q.query(`CREATE FUNCTION counters_cum_add(arr integer[], m integer, d integer) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE lo integer; hi integer;
      BEGIN
        IF arr IS NULL OR cardinality(arr) = 0 THEN
          RETURN array_fill(d, ARRAY[1], ARRAY[m]);
        END IF;
        lo := array_lower(arr, 1);
        hi := array_upper(arr, 1);
        IF m < lo THEN
          arr := array_fill(0, ARRAY[lo - m], ARRAY[m]) || arr;
        ELSIF m > hi THEN
          FOR i IN hi + 1 .. m LOOP arr[i] := arr[hi]; END LOOP;
          hi := m;
        END IF;
        FOR i IN m .. hi LOOP arr[i] := arr[i] + d; END LOOP;
        RETURN arr;
      END $$`);

    await q.query(`
      CREATE TABLE device_counts (
        authority_id uuid NOT NULL,
        school_id uuid NOT NULL,
        type device_type NOT NULL,
        available integer NOT NULL DEFAULT 0,
        loaned integer NOT NULL DEFAULT 0,
        in_use integer NOT NULL DEFAULT 0,
        in_repair integer NOT NULL DEFAULT 0,
        retired integer NOT NULL DEFAULT 0,
        lost integer NOT NULL DEFAULT 0,
        unknown_age integer NOT NULL DEFAULT 0,
        aged integer[] NOT NULL DEFAULT '{}',
        CONSTRAINT pk_device_counts PRIMARY KEY (authority_id, school_id, type),
        CONSTRAINT fk_device_counts_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE device_count_deltas (
        authority_id uuid NOT NULL,
        school_id uuid NOT NULL,
        type device_type NOT NULL,
        status device_status,
        aged boolean NOT NULL,
        age_month integer,
        n integer NOT NULL,
        CONSTRAINT fk_device_count_deltas_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_device_count_deltas ON device_count_deltas (authority_id, school_id)`);
    await q.query(`
      CREATE TABLE loan_counts (
        authority_id uuid NOT NULL,
        school_id uuid NOT NULL,
        borrower_kind varchar(10) NOT NULL,
        due_on date,
        n integer NOT NULL,
        CONSTRAINT uq_loan_counts UNIQUE NULLS NOT DISTINCT (authority_id, school_id, borrower_kind, due_on),
        CONSTRAINT fk_loan_counts_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE loan_count_deltas (
        authority_id uuid NOT NULL,
        school_id uuid NOT NULL,
        borrower_kind varchar(10) NOT NULL,
        due_on date,
        n integer NOT NULL,
        CONSTRAINT fk_loan_count_deltas_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_loan_count_deltas ON loan_count_deltas (authority_id, school_id)`);

    // The boundary month of "past replacement age", by day (see above).
    await q.query(`CREATE INDEX ix_devices_age_day ON devices (authority_id, type, (coalesce(commissioned_on, purchase_date))) INCLUDE (school_id, status)`);

    await q.query(`
      CREATE FUNCTION device_counts_delta() RETURNS trigger LANGUAGE plpgsql AS $$
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
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tg_device_counts_insert AFTER INSERT ON devices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION device_counts_delta()`);
    await q.query(`CREATE TRIGGER tg_device_counts_update AFTER UPDATE ON devices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION device_counts_delta()`);
    await q.query(`CREATE TRIGGER tg_device_counts_delete AFTER DELETE ON devices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION device_counts_delta()`);

    await q.query(`
      CREATE FUNCTION loan_counts_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END, count(*)::integer FROM new_rows GROUP BY 1, 2, 3, 4;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END, -count(*)::integer FROM old_rows GROUP BY 1, 2, 3, 4;
        ELSE
          INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n)
          SELECT authority_id, school_id, borrower_kind, due_on, sum(n)::integer
            FROM (SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END AS due_on, 1 AS n FROM new_rows
                  UNION ALL
                  SELECT authority_id, school_id, borrower_kind, CASE WHEN returned_on IS NULL THEN due_on END, -1 FROM old_rows) x
           GROUP BY 1, 2, 3, 4
          HAVING sum(n) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tg_loan_counts_insert AFTER INSERT ON loans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loan_counts_delta()`);
    await q.query(`CREATE TRIGGER tg_loan_counts_update AFTER UPDATE ON loans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loan_counts_delta()`);
    await q.query(`CREATE TRIGGER tg_loan_counts_delete AFTER DELETE ON loans REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION loan_counts_delta()`);

    // Folds the deltas into the compacted rows. Callers hold the counters' advisory lock (one at a time); a delta
    // committed while this runs is not in the DELETE's snapshot and stays for the next run.
    await q.query(`
      CREATE FUNCTION counters_compact() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE ages jsonb; r record; moved integer;
      BEGIN
        WITH gone AS (DELETE FROM device_count_deltas RETURNING *),
        by_status AS (
          INSERT INTO device_counts AS c (authority_id, school_id, type, available, loaned, in_use, in_repair, retired, lost)
          SELECT authority_id, school_id, type,
                 coalesce(sum(n) FILTER (WHERE status = 'available'), 0), coalesce(sum(n) FILTER (WHERE status = 'loaned'), 0),
                 coalesce(sum(n) FILTER (WHERE status = 'in_use'), 0), coalesce(sum(n) FILTER (WHERE status = 'in_repair'), 0),
                 coalesce(sum(n) FILTER (WHERE status = 'retired'), 0), coalesce(sum(n) FILTER (WHERE status = 'lost'), 0)
            FROM gone WHERE status IS NOT NULL
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (authority_id, school_id, type) DO UPDATE
             SET available = c.available + excluded.available, loaned = c.loaned + excluded.loaned, in_use = c.in_use + excluded.in_use,
                 in_repair = c.in_repair + excluded.in_repair, retired = c.retired + excluded.retired, lost = c.lost + excluded.lost
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

    // Backfill: the compacted rows straight from the base tables (set-based; the deltas start empty).
    await q.query(`
      CREATE FUNCTION counters_recount_devices() RETURNS TABLE (authority_id uuid, school_id uuid, type device_type, available integer, loaned integer,
          in_use integer, in_repair integer, retired integer, lost integer, unknown_age integer, aged integer[]) LANGUAGE sql STABLE AS $$
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
        )
        SELECT st.authority_id, st.school_id, st.type, st.available, st.loaned, st.in_use, st.in_repair, st.retired, st.lost, st.unknown_age,
               coalesce(a.aged, '{}')
          FROM st LEFT JOIN arrays a ON a.authority_id = st.authority_id AND a.school_id = st.school_id AND a.type = st.type
      $$`);
    await q.query(`
      CREATE FUNCTION counters_recount_loans() RETURNS TABLE (authority_id uuid, school_id uuid, borrower_kind varchar, due_on date, n integer) LANGUAGE sql STABLE AS $$
        SELECT l.authority_id, l.school_id, l.borrower_kind, CASE WHEN l.returned_on IS NULL THEN l.due_on END, count(*)::integer
          FROM loans l GROUP BY 1, 2, 3, 4
      $$`);
    // The differences between a recount from the base tables and the counters (compacted rows plus deltas), as deltas
    // that would repair them; reconcile appends them. Each is one statement, so the recount and the counters come from one
    // snapshot (writers keep going; what they commit meanwhile is in neither).
    await q.query(`
      CREATE FUNCTION counters_device_differences() RETURNS TABLE (authority_id uuid, school_id uuid, type device_type, status device_status,
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
        )
        SELECT authority_id, school_id, type, status, false, NULL::integer, n FROM status_fix
        UNION ALL
        SELECT authority_id, school_id, type, NULL::device_status, true, m, n FROM age_fix
      $$`);
    await q.query(`
      CREATE FUNCTION counters_loan_differences() RETURNS TABLE (authority_id uuid, school_id uuid, borrower_kind varchar, due_on date, n integer) LANGUAGE sql STABLE AS $$
        SELECT authority_id, school_id, borrower_kind, due_on, sum(n)::integer FROM (
          SELECT authority_id, school_id, borrower_kind, due_on, n FROM counters_recount_loans()
          UNION ALL SELECT authority_id, school_id, borrower_kind, due_on, -n FROM loan_counts
          UNION ALL SELECT authority_id, school_id, borrower_kind, due_on, -n FROM loan_count_deltas
        ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
      $$`);
    await q.query(`
      CREATE FUNCTION counters_reconcile() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE fixed integer; fixed_loans integer;
      BEGIN
        INSERT INTO device_count_deltas (authority_id, school_id, type, status, aged, age_month, n) SELECT * FROM counters_device_differences();
        GET DIAGNOSTICS fixed = ROW_COUNT;
        INSERT INTO loan_count_deltas (authority_id, school_id, borrower_kind, due_on, n) SELECT * FROM counters_loan_differences();
        GET DIAGNOSTICS fixed_loans = ROW_COUNT;
        RETURN fixed + fixed_loans;
      END $$`);
    await q.query(`INSERT INTO device_counts SELECT * FROM counters_recount_devices()`);
    await q.query(`INSERT INTO loan_counts SELECT * FROM counters_recount_loans()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_loan_counts_insert ON loans`);
    await q.query(`DROP TRIGGER tg_loan_counts_update ON loans`);
    await q.query(`DROP TRIGGER tg_loan_counts_delete ON loans`);
    await q.query(`DROP TRIGGER tg_device_counts_insert ON devices`);
    await q.query(`DROP TRIGGER tg_device_counts_update ON devices`);
    await q.query(`DROP TRIGGER tg_device_counts_delete ON devices`);
    await q.query(`DROP FUNCTION loan_counts_delta()`);
    await q.query(`DROP FUNCTION device_counts_delta()`);
    await q.query(`DROP FUNCTION counters_compact()`);
    await q.query(`DROP FUNCTION counters_reconcile()`);
    await q.query(`DROP FUNCTION counters_device_differences()`);
    await q.query(`DROP FUNCTION counters_loan_differences()`);
    await q.query(`DROP FUNCTION counters_recount_devices()`);
    await q.query(`DROP FUNCTION counters_recount_loans()`);
    await q.query(`DROP INDEX ix_devices_age_day`);
    await q.query(`DROP TABLE loan_count_deltas, loan_counts, device_count_deltas, device_counts`);
    await q.query(`DROP FUNCTION counters_cum_add(integer[], integer, integer)`);
    await q.query(`DROP FUNCTION counters_cum_at(integer[], integer)`);
    await q.query(`DROP FUNCTION counters_month(date)`);
  }
}
