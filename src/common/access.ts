import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, TenantActor } from './actor';
import { rows } from './db';
import { forbidden, notFound } from './errors';

/**
 * The one rule of who sees which schools' data:
 * office and viewer see every school of their authority, a coordinator only the schools assigned to them,
 * the platform admin no school data at all (data sovereignty of each authority).
 * Every feature's queries filter through `schoolScopeSql` below; `inSchoolScope` is the rule for a row in hand.
 */

/** The same rule for a row already in hand. */
export function inSchoolScope(actor: Actor, row: { authorityId: string; schoolId: string }): boolean {
  if (!actor.authorityId || actor.authorityId !== row.authorityId) return false;
  return actor.role !== 'coordinator' || actor.schoolIds.includes(row.schoolId);
}

/**
 * The same rule in positional form for raw SQL: returns the condition and appends its parameters to `params`.
 * With `schoolId` (a list filtered to one school) the condition also restricts to that school, and for a coordinator
 * the membership is decided here rather than as `school_id = ANY(...) AND school_id = $x`, which would make the planner
 * multiply two selectivities of one column and misjudge the row count.
 */
export function schoolScopeSql(actor: Actor, columns: { authority: string; school: string }, params: unknown[], schoolId?: string): string {
  if (actor.role === 'admin' || !actor.authorityId) return 'false';
  if (schoolId) {
    const visible = inSchoolScope(actor, { authorityId: actor.authorityId, schoolId });
    const authority = visible ? `${columns.authority} = $${params.push(actor.authorityId)}` : 'false';
    return `${authority} AND ${columns.school} = $${params.push(schoolId)}::uuid`;
  }
  params.push(actor.authorityId);
  const authorityParam = `$${params.length}`;
  if (actor.role === 'coordinator') {
    params.push(actor.schoolIds);
    return `(${columns.authority} = ${authorityParam} AND ${columns.school} = ANY($${params.length}::uuid[]))`;
  }
  return `${columns.authority} = ${authorityParam}`;
}

/** The authority the caller acts in; platform admins have none and get 403 on tenant data. */
export function tenantOf(actor: Actor): string {
  if (!actor.authorityId) throw forbidden('ADMIN_SEES_NO_TENANT_DATA', 'Platform admins do not see the data of an authority');
  return actor.authorityId;
}

export function isTenantActor(actor: Actor): actor is TenantActor {
  return actor.authorityId !== null;
}

export type AccessMode = 'read' | 'write';

/** Whether the role may change data of a school it can see (viewer never; coordinator only their own, which the scope already ensures). */
export function mayWrite(actor: Actor): boolean {
  return actor.role === 'office' || actor.role === 'coordinator';
}

@Injectable()
export class AccessService {
  /**
   * Asserts that the caller may read (or write) the given school's data.
   * A school outside the caller's scope answers 404, exactly like a school that does not exist.
   */
  async requireSchool(actor: Actor, schoolId: string, mode: AccessMode, em: EntityManager): Promise<void> {
    const visible = await this.visibleSchoolIds(actor, [schoolId], em);
    if (visible.length === 0) throw notFound('School');
    if (mode === 'write' && !mayWrite(actor)) throw forbidden('READ_ONLY_ROLE', 'Your role may only read');
  }

  /** Of the given school ids, those the caller may see. */
  async visibleSchoolIds(actor: Actor, schoolIds: string[], em: EntityManager): Promise<string[]> {
    if (schoolIds.length === 0) return [];
    const params: unknown[] = [schoolIds];
    const scope = schoolScopeSql(actor, { authority: 'authority_id', school: 'id' }, params);
    const visible = await rows<{ id: string }>(em, `SELECT id FROM schools WHERE id = ANY($1::uuid[]) AND ${scope}`, params);
    return visible.map((r) => r.id);
  }
}
