import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the coverage report and the overview at state scale (1,000,000 devices):
 * - the grouped pass over an authority's devices reads only this index (index-only scan): school, type, status and the two dates;
 * - the active teacher loans of an authority (teacher devices) are a small partial index.
 */
export class Coverage1763700510000 implements MigrationInterface {
  name = 'Coverage1763700510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_devices_coverage ON devices (authority_id, school_id) INCLUDE (type, status, commissioned_on, purchase_date)`);
    await q.query(`CREATE INDEX ix_loans_active_teacher ON loans (authority_id, device_id) WHERE returned_on IS NULL AND borrower_kind = 'teacher'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_loans_active_teacher`);
    await q.query(`DROP INDEX ix_devices_coverage`);
  }
}
