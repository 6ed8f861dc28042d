import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's token version, carried in every access token (`ver`) and compared on each request: raising it ends
 * every session of that user at once (password change or reset, deactivation, role change, logout).
 */
export class UserTokenVersion1764600000000 implements MigrationInterface {
  name = 'UserTokenVersion1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
