import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs requests (Bedarfsmeldungen): a school asks, the education office decides.
 * draft → submitted → approved | partially_approved | rejected; a submitted request may be withdrawn to draft.
 * The checks make the decision fields true to the status whatever the code does.
 */
export class Needs1763700500000 implements MigrationInterface {
  name = 'Needs1763700500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE need_category AS ENUM (
        'student_devices', 'teacher_devices', 'displays', 'wlan', 'broadband', 'software', 'training', 'other')`);
    await q.query(`CREATE TYPE need_status AS ENUM ('draft', 'submitted', 'approved', 'partially_approved', 'rejected')`);
    await q.query(`CREATE TYPE need_priority AS ENUM ('low', 'medium', 'high')`);
    await q.query(`
      CREATE TABLE need_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
        school_id uuid NOT NULL,
        category need_category NOT NULL,
        title varchar(200) NOT NULL,
        quantity integer NOT NULL,
        estimated_cost_cents bigint NOT NULL,
        justification text NOT NULL,
        priority need_priority NOT NULL DEFAULT 'medium',
        status need_status NOT NULL DEFAULT 'draft',
        approved_quantity integer,
        approved_cents bigint,
        decision_reason text,
        grant_id uuid,
        created_by uuid NOT NULL,
        submitted_by uuid,
        submitted_at timestamptz,
        decided_by uuid,
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_need_requests_authority_id UNIQUE (authority_id, id),
        CONSTRAINT fk_need_requests_school FOREIGN KEY (authority_id, school_id) REFERENCES schools (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_need_requests_grant FOREIGN KEY (authority_id, grant_id) REFERENCES grants (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_need_requests_created_by FOREIGN KEY (authority_id, created_by) REFERENCES users (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_need_requests_submitted_by FOREIGN KEY (authority_id, submitted_by) REFERENCES users (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_need_requests_decided_by FOREIGN KEY (authority_id, decided_by) REFERENCES users (authority_id, id) ON DELETE RESTRICT,
        CONSTRAINT ck_need_requests_title CHECK (btrim(title) <> ''),
        CONSTRAINT ck_need_requests_justification CHECK (btrim(justification) <> ''),
        CONSTRAINT ck_need_requests_quantity CHECK (quantity > 0 AND quantity <= 1000000),
        CONSTRAINT ck_need_requests_cost CHECK (estimated_cost_cents >= 0 AND estimated_cost_cents < 10000000000000),
        -- submitted and beyond carry who submitted when; a draft (also a withdrawn one) carries neither
        CONSTRAINT ck_need_requests_submitted CHECK ((status = 'draft') = (submitted_at IS NULL) AND (submitted_at IS NULL) = (submitted_by IS NULL)),
        -- decided requests carry who decided when, and only they do
        CONSTRAINT ck_need_requests_decided CHECK (
          (status IN ('approved', 'partially_approved', 'rejected')) = (decided_at IS NOT NULL)
          AND (decided_at IS NULL) = (decided_by IS NULL)),
        -- approved amounts exist exactly for approvals; a full approval grants what was asked
        CONSTRAINT ck_need_requests_approved_amounts CHECK (
          (status IN ('approved', 'partially_approved')) = (approved_quantity IS NOT NULL AND approved_cents IS NOT NULL)
          AND (approved_quantity IS NULL OR approved_quantity >= 0) AND (approved_cents IS NULL OR approved_cents >= 0)
          AND (status <> 'approved' OR (approved_quantity = quantity AND approved_cents = estimated_cost_cents))),
        -- a partial approval grants less than asked: not more of either, and less of at least one, and something at all
        CONSTRAINT ck_need_requests_partial CHECK (status <> 'partially_approved' OR (
          approved_quantity <= quantity AND approved_cents <= estimated_cost_cents
          AND (approved_quantity < quantity OR approved_cents < estimated_cost_cents)
          AND (approved_quantity > 0 OR approved_cents > 0))),
        CONSTRAINT ck_need_requests_rejection_reason CHECK (status <> 'rejected' OR btrim(coalesce(decision_reason, '')) <> ''),
        -- only what was granted can be funded
        CONSTRAINT ck_need_requests_grant CHECK (grant_id IS NULL OR status IN ('approved', 'partially_approved'))
      )`);
    // The list: newest first, by authority or by school, keyset on (created_at, id).
    await q.query(`CREATE INDEX ix_need_requests_authority ON need_requests (authority_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_need_requests_school ON need_requests (school_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_need_requests_status ON need_requests (authority_id, status)`);
    await q.query(`CREATE INDEX ix_need_requests_grant ON need_requests (grant_id) WHERE grant_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE need_requests`);
    await q.query(`DROP TYPE need_priority`);
    await q.query(`DROP TYPE need_status`);
    await q.query(`DROP TYPE need_category`);
  }
}
