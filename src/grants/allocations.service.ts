import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, schoolScopeSql } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { conflict, notFound } from '../common/errors';
import { AllocationDto, SetAllocationDto } from './expenditures.dto';
import { findGrant, lockWritableGrant } from './grant-access';

registerConstraintMessages({
  uq_grant_allocations_school: { field: 'schoolId', reason: 'ALLOCATION_EXISTS', message: 'The school already has an allocation in this grant' },
  fk_grant_allocations_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'The school does not exist in this authority' },
});

/** The budget share of each school in a grant. The sum of the allocations never exceeds the approved amount. */
@Injectable()
export class AllocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The allocations of the schools the caller sees (a bounded list: one row per school), by school name. */
  async list(actor: Actor, grantId: string): Promise<AllocationDto[]> {
    await findGrant(this.dataSource.manager, actor, grantId);
    const params: unknown[] = [grantId];
    const scope = schoolScopeSql(actor, { authority: 'a.authority_id', school: 'a.school_id' }, params);
    return this.dataSource.query(
      `SELECT a.school_id AS "schoolId", s.name AS "schoolName", s.school_number AS "schoolNumber", a.amount_cents AS "amountCents", a.note,
              coalesce(x.committed, 0)::bigint AS "committedCents", a.amount_cents - coalesce(x.committed, 0)::bigint AS "remainingCents",
              a.updated_at AS "updatedAt"
         FROM grant_allocations a
         JOIN schools s ON s.id = a.school_id
         LEFT JOIN (SELECT school_id, sum(gross_cents) AS committed FROM expenditures WHERE grant_id = $1 GROUP BY school_id) x ON x.school_id = a.school_id
        WHERE a.grant_id = $1 AND ${scope}
        ORDER BY s.name, s.id`,
      params,
    );
  }

  /** Sets (creates or changes) a school's allocation. */
  async set(actor: Actor, grantId: string, schoolId: string, dto: SetAllocationDto): Promise<AllocationDto> {
    await this.dataSource.transaction(async (em) => {
      const grant = await lockWritableGrant(em, actor, grantId);
      await this.access.requireSchool(actor, schoolId, 'write', em);
      const [figures] = await em.query(
        `SELECT (SELECT coalesce(sum(amount_cents), 0) FROM grant_allocations WHERE grant_id = $1 AND school_id <> $2)::bigint AS "otherAllocated",
                (SELECT coalesce(sum(gross_cents), 0) FROM expenditures WHERE grant_id = $1 AND school_id = $2)::bigint AS committed`,
        [grantId, schoolId],
      );
      const [before] = await em.query(`SELECT amount_cents AS "amountCents", note FROM grant_allocations WHERE grant_id = $1 AND school_id = $2`, [grantId, schoolId]);
      if (figures.otherAllocated + dto.amountCents > grant.approvedCents) {
        throw conflict('GRANT_ALLOCATION_EXCEEDS_BUDGET', 'The allocations would exceed the approved amount of the grant', {
          approvedCents: grant.approvedCents,
          otherAllocatedCents: figures.otherAllocated,
          requestedCents: dto.amountCents,
          availableCents: grant.approvedCents - figures.otherAllocated,
        });
      }
      // Lowering an allocation below what the school has already committed would make its budget negative.
      if (dto.amountCents < figures.committed && dto.amountCents < (before?.amountCents ?? 0)) {
        throw conflict('ALLOCATION_BELOW_COMMITTED', 'The allocation may not fall below what the school has already committed', { committedCents: figures.committed, requestedCents: dto.amountCents });
      }
      await em.query(
        `INSERT INTO grant_allocations (authority_id, grant_id, school_id, amount_cents, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (grant_id, school_id) DO UPDATE SET amount_cents = EXCLUDED.amount_cents, note = EXCLUDED.note, updated_at = now()`,
        [grant.authorityId, grantId, schoolId, dto.amountCents, dto.note ?? null],
      );
      await this.audit.record(em, actor, {
        action: before ? 'grant.allocation_changed' : 'grant.allocation_created',
        entityType: 'grant',
        entityId: grantId,
        before: before ? { schoolId, ...before } : null,
        after: { schoolId, amountCents: dto.amountCents, note: dto.note ?? null },
      });
    });
    const rows = await this.list(actor, grantId);
    return rows.find((r) => r.schoolId === schoolId)!;
  }

  /** Removes a school's allocation; refused while the school has expenditures in the grant. */
  async remove(actor: Actor, grantId: string, schoolId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await lockWritableGrant(em, actor, grantId);
      await this.access.requireSchool(actor, schoolId, 'write', em);
      const [[before]] = await em.query(`DELETE FROM grant_allocations WHERE grant_id = $1 AND school_id = $2 RETURNING amount_cents AS "amountCents", note`, [
        grantId,
        schoolId,
      ]);
      if (!before) throw notFound('Allocation');
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM expenditures WHERE grant_id = $1 AND school_id = $2`, [grantId, schoolId]);
      if (n > 0) throw conflict('ALLOCATION_HAS_EXPENDITURES', 'The school has expenditures in this grant; its allocation cannot be removed', { expenditures: n });
      await this.audit.record(em, actor, { action: 'grant.allocation_deleted', entityType: 'grant', entityId: grantId, before: { schoolId, ...before }, after: null });
    });
  }
}
