import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funding grants: the grant itself, its budget share per school, the orders/invoices paid from it
 * and the devices each invoice bought. All amounts are integer cents; the funding rate is stored in
 * basis points (9000 = 90 %, 6667 = 66.67 %) so that share computations stay in integers.
 */
export class Grants1763700400000 implements MigrationInterface {
  name = 'Grants1763700400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE grant_program AS ENUM (
        'digitalpakt_basis', 'sofortausstattung', 'leihgeraete_lehrkraefte', 'administration',
        'state_program', 'city_budget', 'other')`);
    await q.query(`CREATE TYPE grant_status AS ENUM ('planned', 'approved', 'reported', 'closed')`);
    await q.query(`
      CREATE TYPE expenditure_category AS ENUM (
        'devices', 'displays', 'network', 'software', 'installation', 'training', 'other')`);

    await q.query(`
      CREATE TABLE grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        program grant_program NOT NULL,
        title varchar(200) NOT NULL CHECK (title <> ''),
        reference_number varchar(100) CHECK (reference_number <> ''),
        decision_date date,
        approved_cents bigint NOT NULL,
        funding_rate_bp integer NOT NULL,
        eligible_from date NOT NULL,
        eligible_until date NOT NULL,
        proof_due_on date,
        status grant_status NOT NULL DEFAULT 'planned',
        earmarking_years smallint NOT NULL DEFAULT 5,
        earmarking_years_by_type jsonb NOT NULL DEFAULT '{}'::jsonb,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_grants_authority_id UNIQUE (authority_id, id),
        CONSTRAINT ck_grants_approved CHECK (approved_cents >= 0 AND approved_cents < 10000000000000),
        CONSTRAINT ck_grants_rate CHECK (funding_rate_bp > 0 AND funding_rate_bp <= 10000),
        CONSTRAINT ck_grants_period CHECK (eligible_until >= eligible_from),
        CONSTRAINT ck_grants_earmarking CHECK (earmarking_years BETWEEN 0 AND 30 AND jsonb_typeof(earmarking_years_by_type) = 'object')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_grants_reference ON grants (authority_id, reference_number) WHERE reference_number IS NOT NULL`);
    await q.query(`CREATE INDEX ix_grants_authority_title ON grants (authority_id, title, id)`);

    await q.query(`
      CREATE TABLE grant_allocations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL,
        grant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0 AND amount_cents < 10000000000000),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_grant_allocations_school UNIQUE (grant_id, school_id),
        CONSTRAINT fk_grant_allocations_grant FOREIGN KEY (authority_id, grant_id) REFERENCES grants (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_grant_allocations_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id)
      )`);
    await q.query(`CREATE INDEX ix_grant_allocations_school ON grant_allocations (school_id)`);

    await q.query(`
      CREATE TABLE expenditures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL,
        grant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        category expenditure_category NOT NULL,
        order_date date NOT NULL,
        invoice_number varchar(100) CHECK (invoice_number <> ''),
        invoice_date date,
        paid_on date,
        vendor varchar(200) NOT NULL CHECK (vendor <> ''),
        description text NOT NULL CHECK (description <> ''),
        gross_cents bigint NOT NULL,
        budget_override boolean NOT NULL DEFAULT false,
        override_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_expenditures_authority_id UNIQUE (authority_id, id),
        CONSTRAINT fk_expenditures_grant FOREIGN KEY (authority_id, grant_id) REFERENCES grants (authority_id, id),
        CONSTRAINT fk_expenditures_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id),
        CONSTRAINT ck_expenditures_gross CHECK (gross_cents > 0 AND gross_cents < 10000000000000),
        -- an invoice has a number and a date together; a payment needs an invoice
        CONSTRAINT ck_expenditures_invoice CHECK ((invoice_number IS NULL) = (invoice_date IS NULL)),
        CONSTRAINT ck_expenditures_paid CHECK (paid_on IS NULL OR (invoice_date IS NOT NULL AND paid_on >= order_date)),
        CONSTRAINT ck_expenditures_override CHECK (NOT budget_override OR coalesce(btrim(override_reason), '') <> '')
      )`);
    // The realistic uniqueness of an invoice: the same vendor never issues the same number twice.
    await q.query(`CREATE UNIQUE INDEX uq_expenditures_invoice ON expenditures (authority_id, lower(vendor), invoice_number) WHERE invoice_number IS NOT NULL`);
    await q.query(`CREATE INDEX ix_expenditures_grant ON expenditures (grant_id, order_date, id)`);
    await q.query(`CREATE INDEX ix_expenditures_grant_school ON expenditures (grant_id, school_id)`);
    await q.query(`CREATE INDEX ix_expenditures_school ON expenditures (school_id)`);

    // Foreign keys to parents that must stay are NO ACTION (the default): a delete that would orphan a row is a 23503, a 409.
    // A device was bought by at most one expenditure (device_id is the primary key).
    await q.query(`
      CREATE TABLE expenditure_devices (
        device_id uuid PRIMARY KEY,
        expenditure_id uuid NOT NULL,
        authority_id uuid NOT NULL,
        CONSTRAINT fk_expenditure_devices_expenditure FOREIGN KEY (authority_id, expenditure_id) REFERENCES expenditures (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_expenditure_devices_device FOREIGN KEY (authority_id, device_id) REFERENCES devices (authority_id, id)
      )`);
    await q.query(`CREATE INDEX ix_expenditure_devices_expenditure ON expenditure_devices (expenditure_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE expenditure_devices`);
    await q.query(`DROP TABLE expenditures`);
    await q.query(`DROP TABLE grant_allocations`);
    await q.query(`DROP TABLE grants`);
    await q.query(`DROP TYPE expenditure_category`);
    await q.query(`DROP TYPE grant_status`);
    await q.query(`DROP TYPE grant_program`);
  }
}
