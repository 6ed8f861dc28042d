import { MigrationInterface, QueryRunner } from 'typeorm';

/** The counts of one room after each scan: the scans found elsewhere or unknown there, by room (partial: the other scans never count). */
export class StocktakingScanRooms1764700100000 implements MigrationInterface {
  name = 'StocktakingScanRooms1764700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_stocktaking_scans_room ON stocktaking_scans (stocktaking_id, lower(room)) WHERE result IN ('found_elsewhere', 'unknown')`);
    await q.query(`CREATE INDEX ix_stocktaking_scans_device ON stocktaking_scans (stocktaking_id, device_id) WHERE device_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_stocktaking_scans_device`);
    await q.query(`DROP INDEX ix_stocktaking_scans_room`);
  }
}
