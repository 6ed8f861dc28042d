import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the device list at state scale (1,000,000 devices):
 * - the counter's list: one school, a status, a type, sorted by inventory number, keyset on (inventory_number, id);
 * - the office's list of an authority filtered by status;
 * - fragment search over inventory number, serial number and model with one trigram index.
 *   The indexed expression must stay identical to DEVICE_SEARCH_TEXT in src/devices/device-filters.ts.
 */
export class DeviceSearch1763700200000 implements MigrationInterface {
  name = 'DeviceSearch1763700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_devices_school_status_type ON devices (school_id, status, type, inventory_number, id)`);
    await q.query(`CREATE INDEX ix_devices_authority_status ON devices (authority_id, status, inventory_number, id)`);
    await q.query(`
      CREATE INDEX ix_devices_search_trgm ON devices
        USING gin ((inventory_number || ' ' || coalesce(serial_number, '') || ' ' || model) gin_trgm_ops)`);
    // Warranty reports ("expires before ...") over an authority.
    await q.query(`CREATE INDEX ix_devices_authority_warranty ON devices (authority_id, warranty_until) WHERE warranty_until IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_devices_authority_warranty`);
    await q.query(`DROP INDEX ix_devices_search_trgm`);
    await q.query(`DROP INDEX ix_devices_authority_status`);
    await q.query(`DROP INDEX ix_devices_school_status_type`);
  }
}
