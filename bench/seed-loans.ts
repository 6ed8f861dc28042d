import { log } from './common';
import type { SeedPart } from './seed';

/**
 * Loans on the state-scale inventory (the `bench-NNN` authorities; `bench-land` has loans of its own from the coverage part): 2,000,000 past (returned) loans over the laptops and tablets, three school years
 * per device at most, with the personal data of those returned more than a year ago already erased (as the retention
 * job leaves them); and about 15 % of the available laptops and tablets on loan now, a quarter of them overdue.
 * Generated inside PostgreSQL (INSERT ... SELECT) from hashes of the device ids, so a re-seed gives the same data.
 * Device history entries are not generated for these loans (the devices part does not generate a history either).
 */

export const BENCH_PAST_LOANS = 2_000_000;

export const loansPart: SeedPart = {
  name: 'loans',
  describe: `${BENCH_PAST_LOANS.toLocaleString('en')} past loans and the active ones (some overdue)`,
  async run({ client, scale }) {
    const past = Math.round(BENCH_PAST_LOANS * scale);
    // Up to three past school years per mobile device: (device, g) with g in 1..3 gives the start year 2025 - g (no overlaps).
    const { rowCount: pastRows } = await client.query(
      `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_reference, borrower_class,
                          agreement_signed, accessories, started_on, due_on, returned_on, return_condition, personal_data_erased_at)
       SELECT d.authority_id, d.school_id, d.id, CASE WHEN h.h % 10 = 0 THEN 'teacher' ELSE 'student' END,
              CASE WHEN y.erased THEN NULL ELSE 'Bench Person ' || h.h END,
              CASE WHEN y.erased THEN NULL ELSE 'S-' || h.h % 100000 END,
              CASE WHEN y.erased THEN NULL ELSE (5 + h.h % 6) || (ARRAY['a', 'b', 'c', 'd'])[1 + h.h % 4] END,
              true, '{charger,case}', y.started, make_date(y.year + 1, 7, 31), y.returned,
              (ARRAY['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'damaged', 'defective'])[1 + h.h % 10],
              CASE WHEN y.erased THEN y.returned + 366 END
         FROM (SELECT d.id, d.authority_id, d.school_id, g FROM devices d CROSS JOIN generate_series(1, 3) AS g
                WHERE d.type IN ('laptop', 'tablet') AND d.status <> 'loaned' AND d.authority_id IN (SELECT id FROM authorities WHERE slug ~ '^bench-[0-9]+$')
                ORDER BY d.id, g LIMIT $1) d
        CROSS JOIN LATERAL (SELECT abs(hashtext(d.id::text || ':' || d.g)) AS h) h
        CROSS JOIN LATERAL (SELECT 2025 - d.g AS year) yy
        CROSS JOIN LATERAL (SELECT yy.year AS year, make_date(yy.year, 8, 20 + h.h % 10) AS started,
                                   make_date(yy.year + 1, 6 + h.h % 2, 1 + h.h % 28) AS returned,
                                   make_date(yy.year + 1, 6 + h.h % 2, 1 + h.h % 28) < current_date - 365 AS erased) y`,
      [past],
    );
    log(`loans: ${(pastRows ?? 0).toLocaleString('en')} past loans`);

    // This school year's loans: 15 % of the available laptops and tablets, a quarter of them overdue (a term loan, or last year's not brought back).
    const { rowCount: activeRows } = await client.query(
      `WITH lent AS (
         UPDATE devices d SET status = 'loaned', version = version + 1
          WHERE d.type IN ('laptop', 'tablet') AND d.status = 'available' AND abs(hashtext(d.id::text || ':now')) % 100 < 15
            AND d.authority_id IN (SELECT id FROM authorities WHERE slug ~ '^bench-[0-9]+$')
          RETURNING d.id, d.authority_id, d.school_id, abs(hashtext(d.id::text || ':now')) AS h)
       INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_reference, borrower_class, guardian_name,
                          agreement_signed, accessories, started_on, due_on)
       SELECT authority_id, school_id, id, CASE WHEN h % 10 = 0 THEN 'teacher' ELSE 'student' END, 'Bench Borrower ' || h, 'S-' || h % 100000,
              (5 + h % 6) || (ARRAY['a', 'b', 'c', 'd'])[1 + h % 4], CASE WHEN h % 3 = 0 THEN 'Bench Guardian ' || h END, h % 5 <> 0, '{charger}',
              CASE WHEN h % 4 = 0 THEN current_date - 400 + h % 30 ELSE current_date - 90 + h % 30 END,
              CASE WHEN h % 4 = 0 THEN current_date - 1 - h % 120 ELSE current_date + 1 + h % 240 END
         FROM lent`,
    );
    log(`loans: ${(activeRows ?? 0).toLocaleString('en')} active loans`);
  },
};
