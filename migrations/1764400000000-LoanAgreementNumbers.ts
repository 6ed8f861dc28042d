import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A readable agreement number per authority (Vertragsnummer, `LV-2026-000123`) instead of the loan's UUID on the printed
 * Leihvertrag: the calendar year (Berlin) the loan was recorded in and a running number per authority and year.
 *
 * A row trigger gives a new loan without a number the next one: it takes a transaction-scoped advisory lock of
 * (authority, year), so concurrent lends of one authority wait for each other only from there until commit, and reads
 * the highest number so far from the unique index. A rolled-back lend leaves no gap. Every insert path (the API, the
 * demo, tests) gets its number without knowing of it; a bulk INSERT … SELECT may bring its own numbers instead (the
 * trigger leaves those alone; the unique constraint keeps them honest). A counter row updated once per loan was
 * the other choice; thousands of updates of one row in one transaction (demo and benchmark seeds) grow quadratically.
 * Existing loans are numbered in the order they were recorded.
 */
export class LoanAgreementNumbers1764400000000 implements MigrationInterface {
  name = 'LoanAgreementNumbers1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE loans ADD COLUMN agreement_year smallint, ADD COLUMN agreement_seq integer`);
    await q.query(`
      WITH numbered AS (
        SELECT id, extract(year FROM created_at AT TIME ZONE 'Europe/Berlin')::smallint AS year,
               row_number() OVER (PARTITION BY authority_id, extract(year FROM created_at AT TIME ZONE 'Europe/Berlin') ORDER BY created_at, id) AS n
          FROM loans
      )
      UPDATE loans l SET agreement_year = numbered.year, agreement_seq = numbered.n FROM numbered WHERE numbered.id = l.id`);
    await q.query(`ALTER TABLE loans ALTER COLUMN agreement_year SET NOT NULL, ALTER COLUMN agreement_seq SET NOT NULL`);
    await q.query(`ALTER TABLE loans ADD CONSTRAINT ck_loans_agreement_year CHECK (agreement_year BETWEEN 2000 AND 9999)`);
    await q.query(`ALTER TABLE loans ADD CONSTRAINT ck_loans_agreement_seq CHECK (agreement_seq >= 1)`);
    await q.query(`ALTER TABLE loans ADD CONSTRAINT uq_loans_agreement_number UNIQUE (authority_id, agreement_year, agreement_seq)`);
    await q.query(`
      ALTER TABLE loans ADD COLUMN agreement_number text NOT NULL
        GENERATED ALWAYS AS ('LV-' || agreement_year::text || '-' || lpad(agreement_seq::text, greatest(6, length(agreement_seq::text)), '0')) STORED`);
    await q.query(`
      CREATE FUNCTION loans_assign_agreement_number() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.agreement_year := extract(year FROM now() AT TIME ZONE 'Europe/Berlin');
        PERFORM pg_advisory_xact_lock(hashtext('loan_agreement:' || NEW.authority_id::text), NEW.agreement_year);
        -- ORDER BY … LIMIT 1 rather than max(): the cached plan reads the unique index backwards, even when planned on an empty table.
        NEW.agreement_seq := coalesce((SELECT l.agreement_seq FROM loans l
                                        WHERE l.authority_id = NEW.authority_id AND l.agreement_year = NEW.agreement_year
                                        ORDER BY l.authority_id DESC, l.agreement_year DESC, l.agreement_seq DESC LIMIT 1), 0) + 1;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_loans_agreement_number BEFORE INSERT ON loans
        FOR EACH ROW WHEN (NEW.agreement_seq IS NULL) EXECUTE FUNCTION loans_assign_agreement_number()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_loans_agreement_number ON loans`);
    await q.query(`DROP FUNCTION loans_assign_agreement_number()`);
    await q.query(`ALTER TABLE loans DROP COLUMN agreement_number, DROP COLUMN agreement_seq, DROP COLUMN agreement_year`);
  }
}
