import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE authorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        slug varchar(60) NOT NULL,
        kind varchar(20) NOT NULL DEFAULT 'city' CHECK (kind IN ('city', 'district', 'other')),
        state varchar(2) CHECK (state ~ '^[A-Z]{2}$'),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_authorities_slug UNIQUE (slug),
        CONSTRAINT ck_authorities_slug CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$')
      )`);

    await q.query(`CREATE TYPE user_role AS ENUM ('admin', 'office', 'coordinator', 'viewer')`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid REFERENCES authorities(id) ON DELETE RESTRICT,
        email varchar(254) NOT NULL,
        display_name varchar(200) NOT NULL,
        role user_role NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- platform admins belong to no authority; everyone else to exactly one
        CONSTRAINT ck_users_admin_without_authority CHECK ((role = 'admin') = (authority_id IS NULL)),
        CONSTRAINT uq_users_authority_id UNIQUE (authority_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);

    await q.query(`
      CREATE TYPE school_type AS ENUM (
        'grundschule', 'hauptschule', 'realschule', 'sekundarschule', 'gesamtschule',
        'gymnasium', 'foerderschule', 'berufskolleg', 'other')`);
    await q.query(`
      CREATE TABLE schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
        name varchar(200) NOT NULL,
        school_number varchar(8) NOT NULL CHECK (school_number ~ '^[0-9]{4,8}$'),
        school_type school_type NOT NULL,
        street varchar(200),
        postal_code varchar(5) CHECK (postal_code ~ '^[0-9]{5}$'),
        city varchar(100),
        student_count integer NOT NULL DEFAULT 0 CHECK (student_count >= 0),
        teacher_count integer NOT NULL DEFAULT 0 CHECK (teacher_count >= 0),
        class_count integer NOT NULL DEFAULT 0 CHECK (class_count >= 0),
        broadband_mbps integer CHECK (broadband_mbps >= 0),
        has_fibre boolean NOT NULL DEFAULT false,
        wlan_coverage_percent smallint CHECK (wlan_coverage_percent BETWEEN 0 AND 100),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_schools_authority_number UNIQUE (authority_id, school_number),
        CONSTRAINT uq_schools_authority_id UNIQUE (authority_id, id)
      )`);
    await q.query(`CREATE INDEX ix_schools_authority_name ON schools (authority_id, name, id)`);

    // Which schools a coordinator looks after. Both foreign keys carry the authority,
    // so the database itself refuses to assign a school of another city.
    await q.query(`
      CREATE TABLE user_schools (
        user_id uuid NOT NULL,
        school_id uuid NOT NULL,
        authority_id uuid NOT NULL,
        PRIMARY KEY (user_id, school_id),
        CONSTRAINT fk_user_schools_user FOREIGN KEY (authority_id, user_id) REFERENCES users (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_user_schools_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_user_schools_school ON user_schools (school_id)`);

    // Append-only: the trigger below refuses UPDATE and DELETE. Never holds personal data of borrowers.
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        authority_id uuid REFERENCES authorities(id),
        actor_id uuid REFERENCES users(id),
        action varchar(60) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id uuid,
        changes jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix_audit_log_entity ON audit_log (authority_id, entity_type, entity_id, id DESC)`);
    await q.query(`CREATE INDEX ix_audit_log_authority ON audit_log (authority_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_is_append_only`);
    await q.query(`DROP TABLE user_schools`);
    await q.query(`DROP TABLE schools`);
    await q.query(`DROP TYPE school_type`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE authorities`);
  }
}
