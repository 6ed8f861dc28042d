import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import type { SqlQuery } from '../common/db';
import { invalidField } from '../common/errors';
import { decodeCursor } from '../common/pagination';
import type { NeedDto } from './needs.dto';
import type { NeedCategory, NeedPriority, NeedStatus } from './needs-workflow';

export interface NeedsFilter {
  schoolId?: string;
  status?: NeedStatus;
  category?: NeedCategory;
  priority?: NeedPriority;
  grantId?: string;
}

/**
 * A draft is the school's own until it is submitted: the office (and its viewers) list only submitted and decided
 * requests, and the drafts they started themselves; the school's coordinators see all their schools' drafts.
 */
export function draftsVisibleTo(actor: Actor): boolean {
  return actor.role === 'coordinator';
}

/** The columns of a request as NeedDto fields, plus the school's name and number. */
export const NEED_COLUMNS = `
  r.id, r.authority_id AS "authorityId", r.school_id AS "schoolId", s.name AS "schoolName", s.school_number AS "schoolNumber",
  r.category::text AS category, r.title, r.quantity, r.estimated_cost_cents AS "estimatedCostCents", r.justification,
  r.priority::text AS priority, r.status::text AS status, r.approved_quantity AS "approvedQuantity", r.approved_cents AS "approvedCents",
  r.decision_reason AS "decisionReason", r.grant_id AS "grantId", r.created_by AS "createdBy", r.submitted_by AS "submittedBy",
  r.submitted_at AS "submittedAt", r.decided_by AS "decidedBy", r.decided_at AS "decidedAt", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/**
 * The needs list as raw SQL, newest first, through the school scope: the list endpoint pages it,
 * the Excel export streams it. Rows come back in NeedDto shape (bigint cents arrive as numbers).
 * With `page`, the keyset cursor and `limit + 1` rows are applied.
 */
export function needsListQuery(actor: Actor, filter: NeedsFilter, page?: { cursor?: string; limit: number }): SqlQuery {
  const params: unknown[] = [];
  const where = [schoolScopeSql(actor, { authority: 'r.authority_id', school: 'r.school_id' }, params)];
  if (!draftsVisibleTo(actor)) where.push(`(r.status <> 'draft' OR r.created_by = $${params.push(actor.id)}::uuid)`);
  if (filter.schoolId) where.push(`r.school_id = $${params.push(filter.schoolId)}`);
  if (filter.status) where.push(`r.status = $${params.push(filter.status)}`);
  if (filter.category) where.push(`r.category = $${params.push(filter.category)}`);
  if (filter.priority) where.push(`r.priority = $${params.push(filter.priority)}`);
  if (filter.grantId) where.push(`r.grant_id = $${params.push(filter.grantId)}`);
  if (page?.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, 2);
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
      throw invalidField('cursor', 'invalidCursor', 'cursor is malformed or belongs to another sort order');
    }
    where.push(`(r.created_at, r.id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`);
  }
  const limit = page ? ` LIMIT $${params.push(page.limit + 1)}` : '';
  const sql = `SELECT ${NEED_COLUMNS}${page ? `, ${NEED_CURSOR_COLUMNS}` : ''}
      FROM need_requests r JOIN schools s ON s.id = r.school_id
     WHERE ${where.join(' AND ')}
     ORDER BY r.created_at DESC, r.id DESC${limit}`;
  return { sql, params };
}

/** One row of the needs export's summary: requests of one category (or one status) with their quantities and money. */
export interface NeedTotalsRow {
  key: string;
  requests: number;
  quantity: number;
  approvedQuantity: number;
  estimatedCents: number;
  approvedCents: number;
}

/** Per category, or per status, over the same filtered (and draft-free for the office) requests as the list. */
export function needTotalsQuery(list: SqlQuery, by: 'category' | 'status'): SqlQuery {
  return {
    sql: `SELECT q.${by} AS key, count(*)::int AS requests, coalesce(sum(q.quantity), 0)::int AS quantity,
                 coalesce(sum(q."approvedQuantity"), 0)::int AS "approvedQuantity",
                 coalesce(sum(q."estimatedCostCents"), 0)::bigint AS "estimatedCents", coalesce(sum(q."approvedCents"), 0)::bigint AS "approvedCents"
            FROM (${list.sql}) q GROUP BY q.${by}`,
    params: list.params,
  };
}

/** The sort key the next page starts after: the full-precision timestamp (a JS Date would drop the microseconds). */
export const NEED_CURSOR_COLUMNS = `to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorCreatedAt"`;

export type NeedRow = NeedDto & { cursorCreatedAt?: string };

export function toNeedDto(row: NeedRow): NeedDto {
  const { cursorCreatedAt: _cursor, ...dto } = row;
  return dto;
}

/** Requests of an authority by status, with their sums and the approved ones no grant funds yet ($1 = authority). */
export const NEED_COUNTS_SQL = `
  SELECT status::text AS status, count(*)::int AS count, coalesce(sum(estimated_cost_cents), 0)::bigint AS estimated,
         coalesce(sum(approved_cents), 0)::bigint AS approved,
         (count(*) FILTER (WHERE grant_id IS NULL AND approved_cents IS NOT NULL))::int AS unfunded_count,
         coalesce(sum(approved_cents) FILTER (WHERE grant_id IS NULL), 0)::bigint AS unfunded_cents
    FROM need_requests WHERE authority_id = $1 GROUP BY status`;

export const NEED_SQL = {
  /** $1 id, then the scope's parameters. */
  byId: (scope: string, lock: boolean) => `SELECT ${NEED_COLUMNS} FROM need_requests r JOIN schools s ON s.id = r.school_id WHERE r.id = $1 AND ${scope}${lock ? ' FOR UPDATE OF r' : ''}`,
  insert: `INSERT INTO need_requests (authority_id, school_id, category, title, quantity, estimated_cost_cents, justification, priority, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
  /** $1 id, $2 category, $3 title, $4 quantity, $5 cents, $6 justification, $7 priority. */
  update: `UPDATE need_requests SET category = $2, title = $3, quantity = $4, estimated_cost_cents = $5, justification = $6, priority = $7,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
  delete: `DELETE FROM need_requests WHERE id = $1`,
  /** $1 id, $2 actor. */
  submit: `UPDATE need_requests SET status = 'submitted', submitted_by = $2, submitted_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
  withdraw: `UPDATE need_requests SET status = 'draft', submitted_by = NULL, submitted_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
  /** $1 id, $2 decision, $3 approved quantity, $4 approved cents, $5 reason, $6 actor. */
  decide: `UPDATE need_requests SET status = $2, approved_quantity = $3, approved_cents = $4, decision_reason = $5,
                decided_by = $6, decided_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1`,
  linkGrant: `UPDATE need_requests SET grant_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
  counts: NEED_COUNTS_SQL,
} as const;
