import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Device loans (Leihgeräte) to students and teachers.
 * The borrower's personal fields (name, reference, guardian, free-text notes) are nullable: the retention job
 * and the right to erasure clear them and stamp `personal_data_erased_at`, keeping the loan for statistics.
 */
export class Loans1763700300000 implements MigrationInterface {
  name = 'Loans1763700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE loans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
        school_id uuid NOT NULL,
        device_id uuid NOT NULL,
        borrower_kind varchar(10) NOT NULL,
        borrower_name varchar(200),
        borrower_reference varchar(64),
        borrower_class varchar(40),
        guardian_name varchar(200),
        agreement_signed boolean NOT NULL DEFAULT false,
        accessories text[] NOT NULL DEFAULT '{}',
        notes text,
        started_on date NOT NULL,
        due_on date NOT NULL,
        returned_on date,
        return_condition varchar(10),
        return_notes text,
        personal_data_erased_at timestamptz,
        lent_by uuid REFERENCES users(id),
        returned_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_loans_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_loans_device FOREIGN KEY (authority_id, device_id) REFERENCES devices (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT uq_loans_authority_id UNIQUE (authority_id, id),
        CONSTRAINT ck_loans_borrower_kind CHECK (borrower_kind IN ('student', 'teacher')),
        CONSTRAINT ck_loans_due CHECK (due_on >= started_on),
        CONSTRAINT ck_loans_returned CHECK (returned_on IS NULL OR returned_on >= started_on),
        CONSTRAINT ck_loans_return_condition CHECK (return_condition IN ('ok', 'damaged', 'defective', 'lost')),
        CONSTRAINT ck_loans_return_complete CHECK ((returned_on IS NULL) = (return_condition IS NULL)),
        CONSTRAINT ck_loans_borrower_name CHECK (borrower_name IS NOT NULL OR personal_data_erased_at IS NOT NULL),
        CONSTRAINT ck_loans_erased_after_return CHECK (personal_data_erased_at IS NULL OR returned_on IS NOT NULL),
        CONSTRAINT ck_loans_erased_fields CHECK (personal_data_erased_at IS NULL OR
          (borrower_name IS NULL AND borrower_reference IS NULL AND guardian_name IS NULL AND notes IS NULL AND return_notes IS NULL))
      )`);
    // One active loan per device, under any concurrency: the database is the guarantee, the code check only the friendly message.
    await q.query(`CREATE UNIQUE INDEX uq_loans_active_device ON loans (device_id) WHERE returned_on IS NULL`);
    // The overdue / due-by list of one school touches active loans only.
    await q.query(`CREATE INDEX ix_loans_school_active_due ON loans (school_id, due_on, id) WHERE returned_on IS NULL`);
    await q.query(`CREATE INDEX ix_loans_school_due ON loans (school_id, due_on, id)`);
    await q.query(`CREATE INDEX ix_loans_authority_due ON loans (authority_id, due_on, id)`);
    await q.query(`CREATE INDEX ix_loans_device ON loans (device_id, started_on DESC)`);
    // The retention job looks for returned loans that still hold personal data; erased rows leave this index.
    await q.query(`CREATE INDEX ix_loans_retention ON loans (authority_id, returned_on) WHERE returned_on IS NOT NULL AND personal_data_erased_at IS NULL`);
    await q.query(`CREATE INDEX ix_loans_borrower ON loans (school_id, lower(borrower_reference)) WHERE borrower_reference IS NOT NULL`);
    // A school lies in one authority: without this the planner multiplies the selectivities of the scope's authority filter and the
    // school filter, underestimates a school's loans and sorts them all instead of reading the (school_id, due_on, id) index in order.
    await q.query(`CREATE STATISTICS st_loans_authority_school (dependencies, ndistinct) ON authority_id, school_id FROM loans`);
    // The device history's loan entries point at real loans.
    await q.query(`ALTER TABLE device_events ADD CONSTRAINT fk_device_events_loan FOREIGN KEY (loan_id) REFERENCES loans (id) ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE device_events DROP CONSTRAINT fk_device_events_loan`);
    await q.query(`DROP TABLE loans`);
  }
}
