import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A school belongs to exactly one authority, but the planner assumes the two columns independent and multiplies
 * their selectivities: `authority_id = $1 AND school_id = $2` then looks 20-50 times rarer than it is, and the
 * device list chose a bitmap scan plus sort over the ordered index scan (bench/RESULTS.md, issue 3).
 * Extended statistics teach it the dependency.
 */
export class DeviceStatistics1763700210000 implements MigrationInterface {
  name = 'DeviceStatistics1763700210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE STATISTICS st_devices_authority_school (dependencies, ndistinct) ON authority_id, school_id FROM devices`);
    await q.query(`ANALYZE devices`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS st_devices_authority_school`);
  }
}
