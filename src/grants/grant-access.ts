import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { tenantOf } from '../common/access';
import { illegalState, notFound } from '../common/errors';
import { bpToPercent } from './money';
import { GrantDto, GrantProgram, GrantStatus, WRITABLE_GRANT_STATUSES } from './grants.dto';

/** A grant row as the services use it (rate in basis points). */
export interface GrantRow {
  id: string;
  authorityId: string;
  program: GrantProgram;
  title: string;
  referenceNumber: string | null;
  decisionDate: string | null;
  approvedCents: number;
  fundingRateBp: number;
  eligibleFrom: string;
  eligibleUntil: string;
  proofDueOn: string | null;
  status: GrantStatus;
  earmarkingYears: number;
  earmarkingYearsByType: Record<string, number>;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const GRANT_COLUMNS = `g.id, g.authority_id AS "authorityId", g.program::text AS program, g.title, g.reference_number AS "referenceNumber",
  g.decision_date AS "decisionDate", g.approved_cents AS "approvedCents", g.funding_rate_bp AS "fundingRateBp",
  g.eligible_from AS "eligibleFrom", g.eligible_until AS "eligibleUntil", g.proof_due_on AS "proofDueOn", g.status::text AS status,
  g.earmarking_years AS "earmarkingYears", g.earmarking_years_by_type AS "earmarkingYearsByType", g.notes, g.version,
  g.created_at AS "createdAt", g.updated_at AS "updatedAt"`;

export function toGrantDto(g: GrantRow): GrantDto {
  const { authorityId: _authorityId, fundingRateBp, ...rest } = g;
  return { ...rest, fundingRatePercent: bpToPercent(fundingRateBp) };
}

/**
 * Which grants a caller sees (alias `g`): office and viewer every grant of their authority; a coordinator
 * only grants with an allocation or an expenditure at one of their schools. Appends its parameters.
 */
export function grantVisibilitySql(actor: Actor, params: unknown[]): string {
  params.push(tenantOf(actor));
  const authority = `g.authority_id = $${params.length}`;
  if (actor.role !== 'coordinator') return authority;
  params.push(actor.schoolIds);
  const schools = `$${params.length}::uuid[]`;
  return `(${authority} AND (EXISTS (SELECT 1 FROM grant_allocations a WHERE a.grant_id = g.id AND a.school_id = ANY(${schools}))
             OR EXISTS (SELECT 1 FROM expenditures e WHERE e.grant_id = g.id AND e.school_id = ANY(${schools}))))`;
}

/** The grant if the caller may see it, else 404 (also for other authorities' grants). `lock` takes the row lock for a write. */
export async function findGrant(em: EntityManager, actor: Actor, id: string, lock = false): Promise<GrantRow> {
  const params: unknown[] = [id];
  const visible = grantVisibilitySql(actor, params);
  const rows: GrantRow[] = await em.query(`SELECT ${GRANT_COLUMNS} FROM grants g WHERE g.id = $1 AND ${visible}${lock ? ' FOR UPDATE OF g' : ''}`, params);
  if (!rows[0]) throw notFound('Grant');
  return rows[0];
}

/**
 * Locks the grant for a write of its money (allocations, expenditures): the row lock serialises concurrent
 * budget checks, so "allocations ≤ approved" and "spending ≤ allocation" hold under concurrency.
 * A reported or closed grant is read-only.
 */
export async function lockWritableGrant(em: EntityManager, actor: Actor, id: string): Promise<GrantRow> {
  const grant = await findGrant(em, actor, id, true);
  assertWritable(grant);
  return grant;
}

export function assertWritable(grant: GrantRow): void {
  if (!WRITABLE_GRANT_STATUSES.includes(grant.status)) {
    throw illegalState('GRANT_READ_ONLY', `The grant is ${grant.status} and therefore read-only`, { grantId: grant.id, status: grant.status });
  }
}
