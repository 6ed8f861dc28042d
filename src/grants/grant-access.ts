import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { one } from '../common/db';
import { illegalState, notFound } from '../common/errors';
import { bpToPercent } from './money';
import { GrantDto, WRITABLE_GRANT_STATUSES } from './grants.dto';
import { GRANT_SQL, type GrantRow, grantVisibilitySql } from './grants.queries';

export type { GrantRow } from './grants.queries';

export function toGrantDto(g: GrantRow): GrantDto {
  const { authorityId: _authorityId, fundingRateBp, ...rest } = g;
  return { ...rest, fundingRatePercent: bpToPercent(fundingRateBp) };
}

/** The grant if the caller may see it, else 404 (also for other authorities' grants). `lock` takes the row lock for a write. */
export async function findGrant(em: EntityManager, actor: Actor, id: string, lock = false): Promise<GrantRow> {
  const params: unknown[] = [id];
  const visible = grantVisibilitySql(actor, params);
  const grant = await one<GrantRow>(em, GRANT_SQL.byId(visible, lock), params);
  if (!grant) throw notFound('Grant');
  return grant;
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
