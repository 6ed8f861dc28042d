import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys (header `Idempotency-Key`) per user: the answer of a write, stored in the write's own transaction,
 * replayed when the same request comes again within a day. `part` is '' for a whole request and `item N` for an
 * item of a bulk request (each item commits on its own). Expired rows are deleted by a job.
 */
export class IdempotencyKeys1764900000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL,
        part text NOT NULL DEFAULT '',
        request_hash text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, key, part),
        CONSTRAINT ck_idempotency_keys_key CHECK (length(key) BETWEEN 1 AND 200)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
