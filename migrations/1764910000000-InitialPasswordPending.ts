import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks a platform admin whose generated first-start password nobody has logged in with yet. While it is set, every
 * start sets a new password and prints it once the server is up, so a start that fails after creating the admin (a
 * taken port) loses nothing, and no password is ever kept in a file. The first login clears it.
 */
export class InitialPasswordPending1764910000000 implements MigrationInterface {
  name = 'InitialPasswordPending1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN initial_password_pending boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN initial_password_pending`);
  }
}
