import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A device's history is read newest first by when it happened, then by id (the events of one transaction share their
 * time); events may be written with an earlier time (imports, demo), so the id alone is not the order. This index
 * serves that order and its keyset paging, and every other lookup by device that the old (device_id, id) one served.
 */
export class DeviceHistoryOrder1764920000000 implements MigrationInterface {
  name = 'DeviceHistoryOrder1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_device_events_device_time ON device_events (device_id, occurred_at DESC, id DESC)`);
    await q.query(`DROP INDEX ix_device_events_device`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_device_events_device ON device_events (device_id, id DESC)`);
    await q.query(`DROP INDEX ix_device_events_device_time`);
  }
}
