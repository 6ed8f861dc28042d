import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Labels and stocktaking (Inventur):
 * - devices remember when their label was printed and the day they were last counted;
 * - scans look devices up by inventory or serial number case-insensitively (two expression indexes);
 * - a stocktaking of a school (or some of its rooms), its expected list as of the start, and every scan.
 *   One open stocktaking per school; rows of a closed one do not change (the service refuses, the check keeps
 *   a found item free of a resolution).
 */
export class LabelsAndStocktakings1764700000000 implements MigrationInterface {
  name = 'LabelsAndStocktakings1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE devices ADD COLUMN labelled_at timestamptz, ADD COLUMN last_counted_on date`);
    await q.query(`CREATE INDEX ix_devices_inventory_lower ON devices (authority_id, lower(inventory_number))`);
    await q.query(`CREATE INDEX ix_devices_serial_lower ON devices (authority_id, lower(serial_number)) WHERE serial_number IS NOT NULL`);

    await q.query(`CREATE TYPE stocktaking_status AS ENUM ('open', 'closed')`);
    await q.query(`
      CREATE TABLE stocktakings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities (id) ON DELETE RESTRICT,
        school_id uuid NOT NULL,
        rooms text[],
        status stocktaking_status NOT NULL DEFAULT 'open',
        note text,
        started_by uuid REFERENCES users (id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        closed_at timestamptz,
        CONSTRAINT fk_stocktakings_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT uq_stocktakings_authority_id UNIQUE (authority_id, id),
        CONSTRAINT ck_stocktakings_closed CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CONSTRAINT ck_stocktakings_rooms CHECK (rooms IS NULL OR cardinality(rooms) BETWEEN 1 AND 200)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_stocktakings_open ON stocktakings (school_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX ix_stocktakings_school ON stocktakings (authority_id, school_id, started_at DESC)`);

    await q.query(`CREATE TYPE stocktaking_resolution AS ENUM ('lost', 'kept_open')`);
    await q.query(`
      CREATE TABLE stocktaking_items (
        stocktaking_id uuid NOT NULL,
        authority_id uuid NOT NULL,
        device_id uuid NOT NULL,
        room text NOT NULL DEFAULT '',
        found_at timestamptz,
        found_by uuid REFERENCES users (id) ON DELETE SET NULL,
        found_room text,
        resolution stocktaking_resolution,
        PRIMARY KEY (stocktaking_id, device_id),
        CONSTRAINT fk_stocktaking_items_stocktaking FOREIGN KEY (authority_id, stocktaking_id) REFERENCES stocktakings (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_stocktaking_items_device FOREIGN KEY (authority_id, device_id) REFERENCES devices (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_stocktaking_items_resolution CHECK (found_at IS NULL OR resolution IS NULL)
      )`);
    await q.query(`CREATE INDEX ix_stocktaking_items_room ON stocktaking_items (stocktaking_id, lower(room))`);

    await q.query(`CREATE TYPE stocktaking_scan_result AS ENUM ('found', 'found_elsewhere', 'unknown', 'duplicate')`);
    await q.query(`
      CREATE TABLE stocktaking_scans (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stocktaking_id uuid NOT NULL,
        authority_id uuid NOT NULL,
        tag text NOT NULL,
        room text NOT NULL DEFAULT '',
        result stocktaking_scan_result NOT NULL,
        elsewhere text,
        device_id uuid,
        from_school_id uuid,
        from_room text,
        moved boolean NOT NULL DEFAULT false,
        created_device boolean NOT NULL DEFAULT false,
        note text,
        scanned_by uuid REFERENCES users (id) ON DELETE SET NULL,
        scanned_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_stocktaking_scans_stocktaking FOREIGN KEY (authority_id, stocktaking_id) REFERENCES stocktakings (authority_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_stocktaking_scans_device FOREIGN KEY (authority_id, device_id) REFERENCES devices (authority_id, id) ON DELETE SET NULL (device_id),
        CONSTRAINT ck_stocktaking_scans_elsewhere CHECK (elsewhere IN ('other_room', 'other_school', 'not_expected') AND result = 'found_elsewhere' OR elsewhere IS NULL AND result <> 'found_elsewhere')
      )`);
    await q.query(`CREATE INDEX ix_stocktaking_scans ON stocktaking_scans (stocktaking_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stocktaking_scans`);
    await q.query(`DROP TYPE stocktaking_scan_result`);
    await q.query(`DROP TABLE stocktaking_items`);
    await q.query(`DROP TYPE stocktaking_resolution`);
    await q.query(`DROP TABLE stocktakings`);
    await q.query(`DROP TYPE stocktaking_status`);
    await q.query(`DROP INDEX ix_devices_serial_lower`);
    await q.query(`DROP INDEX ix_devices_inventory_lower`);
    await q.query(`ALTER TABLE devices DROP COLUMN last_counted_on, DROP COLUMN labelled_at`);
  }
}
