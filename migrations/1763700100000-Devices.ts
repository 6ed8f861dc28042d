import { MigrationInterface, QueryRunner } from 'typeorm';

export class Devices1763700100000 implements MigrationInterface {
  name = 'Devices1763700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE device_type AS ENUM (
        'laptop', 'tablet', 'desktop', 'interactive_display', 'projector',
        'document_camera', 'access_point', 'printer', 'other')`);
    await q.query(`CREATE TYPE device_status AS ENUM ('available', 'loaned', 'in_use', 'in_repair', 'retired', 'lost')`);
    await q.query(`
      CREATE TABLE devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
        school_id uuid NOT NULL,
        inventory_number varchar(64) NOT NULL CHECK (inventory_number <> ''),
        serial_number varchar(128) CHECK (serial_number <> ''),
        type device_type NOT NULL,
        manufacturer varchar(100) NOT NULL,
        model varchar(200) NOT NULL,
        operating_system varchar(100),
        purchase_date date,
        purchase_price_cents integer CHECK (purchase_price_cents >= 0),
        commissioned_on date,
        warranty_until date,
        location varchar(200),
        notes text,
        status device_status NOT NULL DEFAULT 'available',
        retired_on date,
        retirement_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_devices_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT uq_devices_authority_id UNIQUE (authority_id, id),
        CONSTRAINT ck_devices_retired CHECK ((status = 'retired') = (retired_on IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_devices_inventory_number ON devices (authority_id, inventory_number)`);
    await q.query(`CREATE UNIQUE INDEX uq_devices_serial ON devices (authority_id, lower(manufacturer), serial_number) WHERE serial_number IS NOT NULL`);
    await q.query(`CREATE INDEX ix_devices_school ON devices (school_id, inventory_number, id)`);
    await q.query(`CREATE INDEX ix_devices_serial ON devices (authority_id, serial_number)`);

    // Every life-cycle event of a device: status changes, moves between schools, loans.
    await q.query(`
      CREATE TABLE device_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        device_id uuid NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
        authority_id uuid NOT NULL REFERENCES authorities(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('created', 'status_changed', 'moved', 'loaned', 'returned', 'imported')),
        from_status device_status,
        to_status device_status,
        from_school_id uuid,
        to_school_id uuid,
        reason text,
        loan_id uuid,
        actor_id uuid REFERENCES users(id),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix_device_events_device ON device_events (device_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_events`);
    await q.query(`DROP TABLE devices`);
    await q.query(`DROP TYPE device_status`);
    await q.query(`DROP TYPE device_type`);
  }
}
