import { ensureBenchUser } from './common';
import type { SeedPart } from './seed';

/**
 * The authority the licence benchmarks measure (`bench-licences`): 500 schools and 200 licence contracts of 60 products,
 * as the issue asks. 50 contracts are authority-wide with seats at every school (25,000 seats rows), 150 are for 1 to 40
 * given schools; a third of the schools report their use; every tenth product lacks an AV-Vertrag. Terms, deadlines
 * and costs vary, so every warning occurs. Generated inside PostgreSQL from hashes (INSERT ... SELECT). Independent of
 * the other parts: `npm run bench:seed -- --only=licences`.
 */

export const BENCH_LICENCES_SLUG = 'bench-licences';
export const BENCH_LICENCES_OFFICE = 'bench-licences-office@bench.example';

export const licencesPart: SeedPart = {
  name: 'licences',
  describe: `authority ${BENCH_LICENCES_SLUG} with 500 schools, 60 products, 200 licence contracts and ~30,000 seats rows`,
  async run({ client }) {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO authorities (name, slug, kind, state) VALUES ('Bench-Lizenzkreis', $1, 'district', 'NW') RETURNING id`, [BENCH_LICENCES_SLUG]);
    const authorityId = rows[0].id;
    await ensureBenchUser(client, { email: BENCH_LICENCES_OFFICE, role: 'office', authorityId });
    await client.query(
      `INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count)
       SELECT $1, 'Lizenzschule ' || i, (300000 + i)::text,
              (ARRAY['grundschule', 'grundschule', 'realschule', 'gesamtschule', 'gymnasium', 'foerderschule', 'berufskolleg'])[1 + i % 7]::school_type,
              150 + (i * 37) % 1300, 15 + (i * 7) % 90, 6 + (i * 3) % 40
         FROM generate_series(1, 500) AS i`,
      [authorityId],
    );
    await client.query(
      `INSERT INTO licence_products (authority_id, name, vendor, kind, platforms, for_students, processes_student_data, dpa_signed_on, dpa_reference, dpia_done, hosting, approved)
       SELECT $1, 'Produkt ' || lpad(i::text, 2, '0'), 'Anbieter ' || (1 + i % 17),
              (ARRAY['learning_app', 'learning_platform', 'office_suite', 'device_management', 'content', 'other'])[1 + i % 6]::licence_product_kind,
              ARRAY['web', 'ipados'], i % 6 <> 3, i % 4 <> 0,
              CASE WHEN i % 10 = 0 THEN NULL ELSE DATE '2023-01-01' + i * 7 END, CASE WHEN i % 10 = 0 THEN NULL ELSE 'AV-' || i END,
              i % 3 = 0, CASE WHEN i % 9 = 0 THEN 'outside_eu' ELSE 'eu' END::licence_hosting, i % 13 <> 0
         FROM generate_series(1, 60) AS i`,
      [authorityId],
    );
    // 200 contracts: terms ending from last month to three years ahead, mostly renewing with 1-6 months' notice.
    await client.query(
      `INSERT INTO licence_contracts (authority_id, product_id, all_schools, licence_model, seats_bought, term_start, term_end, auto_renewal, renewal_months,
                                      notice_period, notice_unit, one_off_cents, yearly_cents, order_reference)
       SELECT $1, p.id, i <= 50, (ARRAY['per_student', 'per_teacher', 'per_device', 'per_school', 'volume', 'concurrent'])[1 + i % 6]::licence_model,
              CASE WHEN i <= 50 THEN 400000 ELSE 20000 END, e.term_end - 365 * (1 + i % 3), e.term_end, i % 5 <> 0, 12,
              CASE WHEN i % 5 <> 0 THEN 1 + i % 6 END, CASE WHEN i % 5 <> 0 THEN 'months' END::licence_notice_unit,
              (i % 4) * 100000, 50000 + (i * 7919) % 5000000, 'B-' || i
         FROM generate_series(1, 200) AS i
         JOIN LATERAL (SELECT id FROM licence_products WHERE authority_id = $1 ORDER BY name OFFSET (i - 1) % 60 LIMIT 1) p ON true
         CROSS JOIN LATERAL (SELECT (date_trunc('month', now()) + ((i * 11) % 40 - 1) * interval '1 month' - interval '1 day')::date AS term_end) e`,
      [authorityId],
    );
    // Seats: every school for the authority-wide contracts, 1-40 schools for the others; use reported by a third.
    await client.query(
      `WITH c AS (SELECT id, all_schools, row_number() OVER (ORDER BY order_reference) AS n FROM licence_contracts WHERE authority_id = $1),
            s AS (SELECT id, student_count, row_number() OVER (ORDER BY school_number) AS n FROM schools WHERE authority_id = $1)
       INSERT INTO licence_seats (contract_id, school_id, authority_id, seats_assigned, seats_in_use, in_use_on, in_use_source)
       SELECT c.id, s.id, $1, s.student_count / 2,
              CASE WHEN (s.n + c.n) % 3 = 0 THEN (s.student_count / 2) * (20 + (s.n * c.n) % 90) / 100 END,
              CASE WHEN (s.n + c.n) % 3 = 0 THEN DATE '2026-10-01' END,
              CASE WHEN (s.n + c.n) % 3 = 0 THEN 'import' END::licence_use_source
         FROM c JOIN s ON c.all_schools OR (s.n + c.n * 7) % 500 < 1 + c.n % 40`,
      [authorityId],
    );
    await client.query('ANALYZE licence_contracts, licence_seats, licence_products');
  },
};
