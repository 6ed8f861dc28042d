import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digital-learning licences: the authority's catalogue of products (with their data-protection status), the licence
 * contracts bought for them (term, automatic renewal and notice period, cost in cents, optionally the grant
 * expenditure that paid for them) and the seats per school (assigned by the office, in use as reported by the school
 * or imported from the vendor's usage export). Foreign keys carry the authority, so no row can point across tenants.
 */
export class Licences1764800000000 implements MigrationInterface {
  name = 'Licences1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE licence_product_kind AS ENUM ('learning_app', 'learning_platform', 'office_suite', 'device_management', 'content', 'other')`);
    await q.query(`CREATE TYPE licence_hosting AS ENUM ('eu', 'outside_eu')`);
    await q.query(`CREATE TYPE licence_model AS ENUM ('per_student', 'per_teacher', 'per_device', 'per_school', 'volume', 'concurrent')`);
    await q.query(`CREATE TYPE licence_notice_unit AS ENUM ('days', 'weeks', 'months')`);
    await q.query(`CREATE TYPE licence_use_source AS ENUM ('school', 'import')`);

    await q.query(`
      CREATE TABLE licence_products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        name varchar(200) NOT NULL,
        vendor varchar(200) NOT NULL,
        kind licence_product_kind NOT NULL,
        platforms text[] NOT NULL DEFAULT '{}',
        for_students boolean NOT NULL DEFAULT true,
        processes_student_data boolean NOT NULL,
        dpa_signed_on date,
        dpa_reference varchar(200),
        dpia_done boolean NOT NULL DEFAULT false,
        hosting licence_hosting,
        approved boolean NOT NULL DEFAULT false,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_licence_products_authority_id UNIQUE (authority_id, id),
        CONSTRAINT ck_licence_products_name CHECK (btrim(name) <> ''),
        CONSTRAINT ck_licence_products_vendor CHECK (btrim(vendor) <> ''),
        CONSTRAINT ck_licence_products_platforms CHECK (platforms <@ ARRAY['windows', 'macos', 'ipados', 'ios', 'android', 'chromeos', 'linux', 'web']::text[]),
        CONSTRAINT ck_licence_products_dpa CHECK (dpa_reference IS NULL OR dpa_signed_on IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_licence_products_name ON licence_products (authority_id, lower(name), lower(vendor))`);

    await q.query(`
      CREATE TABLE licence_contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL,
        product_id uuid NOT NULL,
        all_schools boolean NOT NULL,
        licence_model licence_model NOT NULL,
        seats_bought integer NOT NULL,
        term_start date NOT NULL,
        term_end date NOT NULL,
        auto_renewal boolean NOT NULL DEFAULT false,
        renewal_months smallint NOT NULL DEFAULT 12,
        notice_period smallint,
        notice_unit licence_notice_unit,
        one_off_cents bigint NOT NULL DEFAULT 0,
        yearly_cents bigint NOT NULL DEFAULT 0,
        order_reference varchar(100),
        invoice_reference varchar(100),
        expenditure_id uuid,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_licence_contracts_authority_id UNIQUE (authority_id, id),
        CONSTRAINT fk_licence_contracts_product FOREIGN KEY (authority_id, product_id) REFERENCES licence_products (authority_id, id),
        CONSTRAINT fk_licence_contracts_expenditure FOREIGN KEY (authority_id, expenditure_id) REFERENCES expenditures (authority_id, id),
        CONSTRAINT ck_licence_contracts_seats CHECK (seats_bought BETWEEN 0 AND 10000000),
        CONSTRAINT ck_licence_contracts_term CHECK (term_end >= term_start),
        CONSTRAINT ck_licence_contracts_renewal CHECK (renewal_months BETWEEN 1 AND 120),
        CONSTRAINT ck_licence_contracts_notice CHECK ((notice_period IS NULL) = (notice_unit IS NULL) AND (notice_period IS NULL OR notice_period BETWEEN 0 AND 730)),
        CONSTRAINT ck_licence_contracts_notice_needed CHECK (NOT auto_renewal OR notice_period IS NOT NULL),
        CONSTRAINT ck_licence_contracts_cost CHECK (one_off_cents BETWEEN 0 AND 9999999999999 AND yearly_cents BETWEEN 0 AND 9999999999999)
      )`);
    await q.query(`CREATE INDEX ix_licence_contracts_authority ON licence_contracts (authority_id, product_id)`);
    await q.query(`CREATE INDEX ix_licence_contracts_expenditure ON licence_contracts (expenditure_id) WHERE expenditure_id IS NOT NULL`);

    // One row per school that takes part in a contract: the school list of a contract for given schools, and the
    // seats the office assigned (0 until then) and the school uses. The sum of the assignments never exceeds the
    // seats bought: writers lock the contract row first (see LicenceSeatsService).
    await q.query(`
      CREATE TABLE licence_seats (
        contract_id uuid NOT NULL,
        school_id uuid NOT NULL,
        authority_id uuid NOT NULL,
        seats_assigned integer NOT NULL DEFAULT 0,
        seats_in_use integer,
        in_use_on date,
        in_use_source licence_use_source,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contract_id, school_id),
        CONSTRAINT fk_licence_seats_contract FOREIGN KEY (authority_id, contract_id) REFERENCES licence_contracts (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_licence_seats_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id),
        CONSTRAINT ck_licence_seats_assigned CHECK (seats_assigned BETWEEN 0 AND 10000000),
        CONSTRAINT ck_licence_seats_in_use CHECK ((seats_in_use IS NULL) = (in_use_on IS NULL) AND (seats_in_use IS NULL) = (in_use_source IS NULL)
                                                  AND (seats_in_use IS NULL OR seats_in_use BETWEEN 0 AND 10000000))
      )`);
    await q.query(`CREATE INDEX ix_licence_seats_school ON licence_seats (school_id)`);
    await q.query(`CREATE INDEX ix_licence_seats_authority ON licence_seats (authority_id, contract_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE licence_seats`);
    await q.query(`DROP TABLE licence_contracts`);
    await q.query(`DROP TABLE licence_products`);
    await q.query(`DROP TYPE licence_use_source`);
    await q.query(`DROP TYPE licence_notice_unit`);
    await q.query(`DROP TYPE licence_model`);
    await q.query(`DROP TYPE licence_hosting`);
    await q.query(`DROP TYPE licence_product_kind`);
  }
}
