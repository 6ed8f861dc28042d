import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The class is erased with the rest of a borrower's personal data (the right to erasure and the retention period): with
 * the device and the dates of the loan it still points to a person. Loans erased before keep no class either, and the
 * check constraint now names it among the fields an erased loan holds no more.
 */
export class EraseLoanClass1765200000000 implements MigrationInterface {
  name = 'EraseLoanClass1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE loans SET borrower_class = NULL WHERE personal_data_erased_at IS NOT NULL AND borrower_class IS NOT NULL`);
    await q.query(`ALTER TABLE loans DROP CONSTRAINT ck_loans_erased_fields`);
    await q.query(`ALTER TABLE loans ADD CONSTRAINT ck_loans_erased_fields CHECK (personal_data_erased_at IS NULL OR
      (borrower_name IS NULL AND borrower_reference IS NULL AND borrower_class IS NULL AND guardian_name IS NULL AND notes IS NULL AND return_notes IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE loans DROP CONSTRAINT ck_loans_erased_fields`);
    await q.query(`ALTER TABLE loans ADD CONSTRAINT ck_loans_erased_fields CHECK (personal_data_erased_at IS NULL OR
      (borrower_name IS NULL AND borrower_reference IS NULL AND guardian_name IS NULL AND notes IS NULL AND return_notes IS NULL))`);
  }
}
