import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, schoolScopeSql } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { exec, one, rows, transaction } from '../common/db';
import { conflict, notFound } from '../common/errors';
import { AllocationDto, SetAllocationDto } from './expenditures.dto';
import { findGrant, lockWritableGrant } from './grant-access';
import { GRANT_SQL } from './grants.queries';

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
    const em = this.dataSource.manager;
    await findGrant(em, actor, grantId);
    const params: unknown[] = [grantId];
    const scope = schoolScopeSql(actor, { authority: 'a.authority_id', school: 'a.school_id' }, params);
    return rows<AllocationDto>(em, GRANT_SQL.allocations(scope), params);
  }

  /** Sets (creates or changes) a school's allocation. */
  async set(actor: Actor, grantId: string, schoolId: string, dto: SetAllocationDto): Promise<AllocationDto> {
    await transaction(this.dataSource, async (em) => {
      const grant = await lockWritableGrant(em, actor, grantId);
      await this.access.requireSchool(actor, schoolId, 'write', em);
      const figures = (await one<{ otherAllocated: number; committed: number }>(em, GRANT_SQL.allocationFigures, [grantId, schoolId]))!;
      const before = await one<{ amountCents: number; note: string | null }>(em, GRANT_SQL.allocation, [grantId, schoolId]);
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
      await exec(em, GRANT_SQL.upsertAllocation, [grant.authorityId, grantId, schoolId, dto.amountCents, dto.note ?? null]);
      await this.audit.record(em, actor, {
        action: before ? 'grant.allocation_changed' : 'grant.allocation_created',
        entityType: 'grant',
        entityId: grantId,
        before: before ? { schoolId, ...before } : null,
        after: { schoolId, amountCents: dto.amountCents, note: dto.note ?? null },
      });
    });
    const allocations = await this.list(actor, grantId);
    return allocations.find((r) => r.schoolId === schoolId)!;
  }

  /** Removes a school's allocation; refused while the school has expenditures in the grant. */
  async remove(actor: Actor, grantId: string, schoolId: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      await lockWritableGrant(em, actor, grantId);
      await this.access.requireSchool(actor, schoolId, 'write', em);
      const {
        rows: [before],
      } = await exec<{ amountCents: number; note: string | null }>(em, GRANT_SQL.deleteAllocation, [grantId, schoolId]);
      if (!before) throw notFound('Allocation');
      const { n } = (await one<{ n: number }>(em, GRANT_SQL.schoolExpenditureCount, [grantId, schoolId]))!;
      if (n > 0) throw conflict('ALLOCATION_HAS_EXPENDITURES', 'The school has expenditures in this grant; its allocation cannot be removed', { expenditures: n });
      await this.audit.record(em, actor, { action: 'grant.allocation_deleted', entityType: 'grant', entityId: grantId, before: { schoolId, ...before }, after: null });
    });
  }
}
