import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, schoolScopeSql, tenantOf } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { exec, one, rows, type SqlQuery, transaction } from '../common/db';
import { notFound, staleVersion } from '../common/errors';
import { Page, toPage } from '../common/pagination';
import { GrantsService } from '../grants/grants.service';
import type { CreateNeedDto, DecideNeedDto, LinkGrantDto, ListNeedsQueryDto, NeedDto, UpdateNeedDto } from './needs.dto';
import { NEED_SQL, needsListQuery, type NeedRow, needTotalsQuery, type NeedsFilter, toNeedDto } from './needs.queries';
import { DECISION_ACTIONS, decisionFields, type NeedAction, nextStatus, NEED_STATUSES, type NeedStatus } from './needs-workflow';

registerConstraintMessages({
  fk_need_requests_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'No such school in this authority' },
  fk_need_requests_grant: { field: 'grantId', reason: 'GRANT_NOT_IN_AUTHORITY', message: 'No such grant in this authority' },
  ck_need_requests_quantity: { field: 'quantity', code: 'intRange', message: 'quantity must be between 1 and 1,000,000' },
  ck_need_requests_cost: { field: 'estimatedCostCents', code: 'min', message: 'estimatedCostCents must not be negative' },
  ck_need_requests_title: { field: 'title', code: 'isNotEmpty', message: 'title must not be blank' },
  ck_need_requests_justification: { field: 'justification', code: 'isNotEmpty', message: 'justification must not be blank' },
  ck_need_requests_partial: { field: 'approvedQuantity', code: 'partialIsNothing', message: 'A partial approval grants less than requested, but not nothing' },
  ck_need_requests_approved_amounts: { field: 'approvedQuantity', code: 'rejectionGrantsNothing', message: 'Approved amounts belong to approved requests only' },
  ck_need_requests_rejection_reason: { field: 'reason', code: 'rejectionNeedsReason', message: 'A rejection needs a reason' },
  ck_need_requests_grant: { field: 'grantId', code: 'onlyApprovedLinked', message: 'Only approved requests can be linked to a grant' },
});


/** Per status: how many requests and what they ask for / were granted. */
export interface NeedStatusCount {
  count: number;
  estimatedCostCents: number;
  approvedCents: number;
}

export interface NeedCounts {
  byStatus: Record<NeedStatus, NeedStatusCount>;
  /** Approved or partially approved requests that no grant funds yet. */
  approvedWithoutGrant: { count: number; approvedCents: number };
}

@Injectable()
export class NeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly grants: GrantsService,
  ) {}

  async list(actor: Actor, query: ListNeedsQueryDto): Promise<Page<NeedDto>> {
    tenantOf(actor);
    const limit = query.limit ?? 50;
    const { cursor, limit: _limit, ...filter } = query;
    const { sql, params } = needsListQuery(actor, filter, { cursor, limit });
    const needs = await rows<NeedRow>(this.dataSource.manager, sql, params);
    return toPage(needs, limit, (r) => [r.cursorCreatedAt, r.id], toNeedDto);
  }

  /**
   * The needs export's statements for the export's own snapshot: the requests the list shows for these filters
   * (rows: `NeedRow`, newest first, unpaged) and their totals per category and per status (rows: `NeedTotalsRow`).
   */
  exportQueries(actor: Actor, filter: NeedsFilter): { requests: SqlQuery; byCategory: SqlQuery; byStatus: SqlQuery } {
    tenantOf(actor);
    const requests = needsListQuery(actor, filter);
    return { requests, byCategory: needTotalsQuery(requests, 'category'), byStatus: needTotalsQuery(requests, 'status') };
  }

  async get(actor: Actor, id: string): Promise<NeedDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One request inside the caller's transaction (`lock`: FOR UPDATE). */
  async getIn(em: EntityManager, actor: Actor, id: string, lock = false): Promise<NeedDto> {
    tenantOf(actor);
    const params: unknown[] = [id];
    const scope = schoolScopeSql(actor, { authority: 'r.authority_id', school: 'r.school_id' }, params);
    const need = await one<NeedRow>(em, NEED_SQL.byId(scope, lock), params);
    if (!need) throw notFound('Need request');
    return toNeedDto(need);
  }

  /** A new draft for a school the caller may write for. */
  async create(actor: Actor, dto: CreateNeedDto): Promise<NeedDto> {
    const authorityId = tenantOf(actor);
    return transaction(this.dataSource, async (em) => {
      await this.access.requireSchool(actor, dto.schoolId, 'write', em);
      const { id } = (await one<{ id: string }>(em, NEED_SQL.insert, [
        authorityId,
        dto.schoolId,
        dto.category,
        dto.title.trim(),
        dto.quantity,
        dto.estimatedCostCents,
        dto.justification.trim(),
        dto.priority ?? 'medium',
        actor.id,
      ]))!;
      const created = await this.getIn(em, actor, id);
      await this.audit.record(em, actor, { action: 'need.created', entityType: 'need_request', entityId: id, before: null, after: snapshot(created) });
      return created;
    });
  }

  /** Changes a draft (submitted and decided requests are frozen). */
  async update(actor: Actor, id: string, dto: UpdateNeedDto): Promise<NeedDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await this.lockFor(em, actor, id, 'edit', dto.version);
      const { version: _version, ...changes } = dto;
      await exec(em, NEED_SQL.update, [
          id,
          changes.category ?? before.category,
          changes.title?.trim() ?? before.title,
          changes.quantity ?? before.quantity,
          changes.estimatedCostCents ?? before.estimatedCostCents,
          changes.justification?.trim() ?? before.justification,
          changes.priority ?? before.priority,
      ]);
      return this.recordChange(em, actor, before, 'need.updated');
    });
  }

  /** Deletes a draft; anything submitted stays on record. */
  async remove(actor: Actor, id: string, version?: number): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      const before = await this.lockFor(em, actor, id, 'delete', version);
      await exec(em, NEED_SQL.delete, [id]);
      await this.audit.record(em, actor, { action: 'need.deleted', entityType: 'need_request', entityId: id, before: snapshot(before), after: null });
    });
  }

  async submit(actor: Actor, id: string, version?: number): Promise<NeedDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await this.lockFor(em, actor, id, 'submit', version);
      await exec(em, NEED_SQL.submit, [id, actor.id]);
      return this.recordChange(em, actor, before, 'need.submitted');
    });
  }

  /** Takes a submitted request back to draft, before the office decides. */
  async withdraw(actor: Actor, id: string, version?: number): Promise<NeedDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await this.lockFor(em, actor, id, 'withdraw', version);
      await exec(em, NEED_SQL.withdraw, [id]);
      return this.recordChange(em, actor, before, 'need.withdrawn');
    });
  }

  /** The office approves, partially approves or rejects a submitted request. */
  async decide(actor: Actor, id: string, dto: DecideNeedDto): Promise<NeedDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await this.lockFor(em, actor, id, DECISION_ACTIONS[dto.decision], dto.version);
      const fields = decisionFields(before, dto);
      await exec(em, NEED_SQL.decide, [id, dto.decision, fields.approvedQuantity, fields.approvedCents, fields.reason, actor.id]);
      return this.recordChange(em, actor, before, `need.${dto.decision}`);
    });
  }

  /** Links an approved request to the grant that funds it (or removes the link with `grantId: null`). */
  async linkGrant(actor: Actor, id: string, dto: LinkGrantDto): Promise<NeedDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await this.lockFor(em, actor, id, 'link_grant', dto.version);
      if (dto.grantId !== null) {
        // 404 for a grant the caller cannot see (the composite foreign key would refuse another authority's anyway);
        // 409 for one already reported or closed: its Verwendungsnachweis is filed, it funds nothing new.
        await this.grants.getOpenIn(em, actor, dto.grantId);
      }
      await exec(em, NEED_SQL.linkGrant, [id, dto.grantId]);
      return this.recordChange(em, actor, before, dto.grantId === null ? 'need.grant_unlinked' : 'need.grant_linked');
    });
  }

  /** Requests by status with their sums, for the overview. One grouped query. */
  async counts(authorityId: string): Promise<NeedCounts> {
    const counted = await rows<{ status: NeedStatus; count: number; estimated: number; approved: number; unfunded_count: number; unfunded_cents: number }>(
      this.dataSource.manager,
      NEED_SQL.counts,
      [authorityId],
    );
    const byStatus = Object.fromEntries(NEED_STATUSES.map((s) => [s, { count: 0, estimatedCostCents: 0, approvedCents: 0 }])) as Record<NeedStatus, NeedStatusCount>;
    const approvedWithoutGrant = { count: 0, approvedCents: 0 };
    for (const r of counted) {
      byStatus[r.status] = { count: r.count, estimatedCostCents: r.estimated, approvedCents: r.approved };
      approvedWithoutGrant.count += r.unfunded_count;
      approvedWithoutGrant.approvedCents += r.unfunded_cents;
    }
    return { byStatus, approvedWithoutGrant };
  }

  /**
   * Locks the request for an action: 404 outside the caller's scope, 403 for a role that may not take it,
   * 409 ILLEGAL_STATE when its status does not allow it, 409 STALE_VERSION for an outdated version.
   */
  private async lockFor(em: EntityManager, actor: Actor, id: string, action: NeedAction, version?: number): Promise<NeedDto> {
    const current = await this.getIn(em, actor, id, true);
    nextStatus(action, current.status, actor.role);
    if (version !== undefined && version !== current.version) throw staleVersion('needRequest', current.version, `The request was changed by someone else (now version ${current.version}); reload and retry`);
    return current;
  }

  private async recordChange(em: EntityManager, actor: Actor, before: NeedDto, action: string): Promise<NeedDto> {
    const after = await this.getIn(em, actor, before.id);
    await this.audit.record(em, actor, { action, entityType: 'need_request', entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return after;
  }
}

/** What the audit log keeps of a request: its own fields (names of people stay out; ids suffice). */
function snapshot(n: NeedDto): Record<string, unknown> {
  const { schoolName: _name, schoolNumber: _number, createdAt: _c, updatedAt: _u, ...rest } = n;
  return rest;
}
