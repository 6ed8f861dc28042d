import { ensureBenchUser, log } from './common';
import type { SeedPart } from './seed';

/**
 * The authority the coverage and overview benchmarks measure: a district (`bench-land`) with 500 schools, as the
 * issue asks, on top of the state-scale set (whose largest city has 250 schools). Its schools get about 200 devices
 * each (100,000 in all, the state set's average density) with the same mix of types, ages and states, plus what the
 * overview counts: active loans to students and teachers (some overdue), needs requests in every state, and grants
 * with expenditures. Everything is generated inside PostgreSQL from hashes of the rows' ids (INSERT ... SELECT).
 */

export const BENCH_LAND_SLUG = 'bench-land';
export const BENCH_LAND_OFFICE = 'bench-land-office@bench.example';
const LAND_SCHOOLS = 500;

export const coveragePart: SeedPart = {
  name: 'coverage',
  describe: `authority ${BENCH_LAND_SLUG} with ${LAND_SCHOOLS} schools, ~100,000 devices, loans, needs requests and grants`,
  async run({ client, scale }) {
    // Below 1 fewer schools; above 1 the same 500 schools with more devices each (BENCH_SCALE=2: twice as many).
    const schools = Math.max(10, Math.round(LAND_SCHOOLS * Math.min(scale, 1)));
    const perSchool = Math.max(scale, 1);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO authorities (name, slug, kind, state) VALUES ('Bench-Landkreis', $1, 'district', 'NW') RETURNING id`,
      [BENCH_LAND_SLUG],
    );
    const authorityId = rows[0].id;
    const officeId = await ensureBenchUser(client, { email: BENCH_LAND_OFFICE, role: 'office', authorityId });

    await client.query(
      `INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count, broadband_mbps, has_fibre, wlan_coverage_percent)
       SELECT $1, (ARRAY['Grundschule', 'Grundschule', 'Grundschule', 'Hauptschule', 'Realschule', 'Gesamtschule', 'Gymnasium', 'Förderschule', 'Berufskolleg'])[1 + i % 9] || ' Land ' || i,
              (200000 + i)::text,
              (ARRAY['grundschule', 'grundschule', 'grundschule', 'hauptschule', 'realschule', 'gesamtschule', 'gymnasium', 'foerderschule', 'berufskolleg'])[1 + i % 9]::school_type,
              150 + (i * 37) % 1300, 15 + (i * 7) % 90, 6 + (i * 3) % 40,
              CASE WHEN i % 23 = 0 THEN NULL ELSE (ARRAY[16, 50, 100, 250, 1000])[1 + i % 5] END, i % 3 = 0,
              CASE WHEN i % 29 = 0 THEN NULL ELSE (i * 13) % 101 END
         FROM generate_series(1, $2::int) AS i`,
      [authorityId, schools],
    );

    // 120-280 devices per school (about 200 on average); types, ages and states drawn from two hashes.
    const devices = await client.query(
      `INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, purchase_date, purchase_price_cents,
                            commissioned_on, status, retired_on, retirement_reason)
       SELECT s.authority_id, s.id, 'LAND-' || s.school_number || '-' || lpad(g::text, 5, '0'), upper(substr(md5(s.id::text || g), 1, 12)),
              t.type::device_type, 'Bench', 'Modell ' || t.type, p.purchase_date, 30000 + h.h2 % 50000,
              CASE WHEN h.h1 % 100 < 5 THEN NULL ELSE p.purchase_date + 7 + h.h1 % 30 END,
              st.status::device_status,
              CASE WHEN st.status = 'retired' THEN least(p.purchase_date + 1500 + h.h1 % 900, DATE '2026-06-30') END,
              CASE WHEN st.status = 'retired' THEN 'Technisch veraltet' END
         FROM schools s
         CROSS JOIN LATERAL generate_series(1, round((120 + abs(hashtext(s.id::text)) % 161) * $2::numeric)::int) AS g
         CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || ':' || g)) AS h1, abs(hashtext(g || ':' || s.id::text)) AS h2) h
         CROSS JOIN LATERAL (SELECT CASE WHEN h.h1 % 100 < 40 THEN 'laptop' WHEN h.h1 % 100 < 70 THEN 'tablet' WHEN h.h1 % 100 < 82 THEN 'desktop'
                                         WHEN h.h1 % 100 < 88 THEN 'interactive_display' WHEN h.h1 % 100 < 91 THEN 'projector'
                                         WHEN h.h1 % 100 < 94 THEN 'document_camera' WHEN h.h1 % 100 < 98 THEN 'access_point' ELSE 'printer' END AS type) t
         CROSS JOIN LATERAL (SELECT DATE '2015-01-01' + h.h2 % 4200 AS purchase_date) p
         CROSS JOIN LATERAL (SELECT CASE WHEN (h.h1 / 100) % 100 < 50 THEN 'in_use' WHEN (h.h1 / 100) % 100 < 83 THEN 'available'
                                         WHEN (h.h1 / 100) % 100 < 87 THEN 'in_repair' WHEN (h.h1 / 100) % 100 < 98 THEN 'retired' ELSE 'lost' END AS status) st
        WHERE s.authority_id = $1`,
      [authorityId, perSchool],
    );
    log(`coverage: ${devices.rowCount} devices`);

    // Every third available laptop or tablet goes out on loan; every fifth loan to a teacher; 5 % of loans overdue.
    const loans = await client.query(
      `WITH lend AS (
         SELECT d.id, d.school_id, row_number() OVER (ORDER BY d.id) AS n
           FROM devices d
          WHERE d.authority_id = $1 AND d.status = 'available' AND d.type IN ('laptop', 'tablet') AND abs(hashtext(d.id::text)) % 3 = 0
       ), loaned AS (
         UPDATE devices d SET status = 'loaned' FROM lend WHERE d.id = lend.id RETURNING d.id
       )
       INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_class, agreement_signed, started_on, due_on)
       SELECT $1, lend.school_id, lend.id, CASE WHEN lend.n % 5 = 0 THEN 'teacher' ELSE 'student' END,
              'Bench ' || lend.n, CASE WHEN lend.n % 5 = 0 THEN NULL ELSE (5 + lend.n % 6)::text || 'a' END, true,
              DATE '2025-08-15', CASE WHEN lend.n % 20 = 0 THEN DATE '2025-10-31' ELSE DATE '2026-07-31' END
         FROM lend JOIN loaned ON loaned.id = lend.id`,
      [authorityId],
    );
    log(`coverage: ${loans.rowCount} active loans`);

    const { rows: grants } = await client.query<{ id: string }>(
      `INSERT INTO grants (authority_id, program, title, approved_cents, funding_rate_bp, eligible_from, eligible_until, status)
       SELECT $1, (ARRAY['digitalpakt_basis', 'sofortausstattung', 'leihgeraete_lehrkraefte', 'administration', 'city_budget'])[1 + i % 5]::grant_program,
              'Bench-Förderung ' || i, 50000000 + i * 1000000, 9000, DATE '2019-05-17', DATE '2026-12-31', 'approved'
         FROM generate_series(1, 10) i RETURNING id`,
      [authorityId],
    );
    await client.query(
      `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, vendor, description, gross_cents)
       SELECT $1, g.id, s.id, 'devices', DATE '2024-01-01' + ((s.n * 3 + g.n) % 300)::int, 'Bench-Händler ' || g.n, 'Geräte', 10000 + (s.n * g.n) % 5000000
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM schools WHERE authority_id = $1) s
         CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM unnest($2::uuid[]) AS id) g
        WHERE (s.n + g.n) % 3 = 0`,
      [authorityId, grants.map((g) => g.id)],
    );

    // Four requests per school, cycling through every state; approved ones are partly linked to a grant.
    const needs = await client.query(
      `INSERT INTO need_requests (authority_id, school_id, category, title, quantity, estimated_cost_cents, justification, priority, status,
                                  approved_quantity, approved_cents, decision_reason, grant_id, created_by, submitted_by, submitted_at, decided_by, decided_at)
       SELECT $1, s.id, (ARRAY['student_devices', 'teacher_devices', 'displays', 'wlan', 'broadband', 'software', 'training', 'other'])[1 + k % 8]::need_category,
              'Bedarf ' || k, q, q * 48000, 'Begründung laut Medienentwicklungsplan', (ARRAY['low', 'medium', 'high'])[1 + k % 3]::need_priority,
              st::need_status,
              CASE st WHEN 'approved' THEN q WHEN 'partially_approved' THEN q / 2 END,
              CASE st WHEN 'approved' THEN q * 48000 WHEN 'partially_approved' THEN q / 2 * 48000 END,
              CASE WHEN st = 'rejected' THEN 'Kein Budget im Haushaltsjahr' END,
              CASE WHEN st = 'approved' AND k % 2 = 0 THEN $3::uuid END,
              $2, CASE WHEN st <> 'draft' THEN $2::uuid END, CASE WHEN st <> 'draft' THEN now() END,
              CASE WHEN st IN ('approved', 'partially_approved', 'rejected') THEN $2::uuid END,
              CASE WHEN st IN ('approved', 'partially_approved', 'rejected') THEN now() END
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM schools WHERE authority_id = $1) s
         CROSS JOIN LATERAL generate_series(1, 4) AS j
         CROSS JOIN LATERAL (SELECT (s.n * 4 + j)::int AS k) kk
         CROSS JOIN LATERAL (SELECT 2 + (kk.k * 7) % 60 AS q, (ARRAY['draft', 'submitted', 'approved', 'partially_approved', 'rejected'])[1 + kk.k % 5] AS st) x`,
      [authorityId, officeId, grants[0].id],
    );
    log(`coverage: ${needs.rowCount} needs requests`);
  },
};
