import { MigrationInterface, QueryRunner } from 'typeorm';

/** "Recently changed first" (sort=-updatedAt) over a large authority sorted all its rows (bench/RESULTS.md, issue 3); this index serves it. */
export class DeviceRecentIndex1763700220000 implements MigrationInterface {
  name = 'DeviceRecentIndex1763700220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_devices_authority_updated ON devices (authority_id, updated_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_devices_authority_updated`);
  }
}
