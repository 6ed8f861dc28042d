import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AuthoritiesService } from '../authorities/authorities.service';
import { schoolScopeSql, tenantOf } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { daysBetween, todayInBerlin } from '../common/dates';
import { exec, one, rows, type SqlQuery, transaction } from '../common/db';
import { conflict, illegalState, invalidField, staleVersion } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { DEVICE_TYPES } from '../devices/device.entity';
import { assertWritable, findGrant, toGrantDto } from './grant-access';
import { expenditureLinesQuery, GRANT_SQL, type GrantRow, grantVisibilitySql, inventoryLinesQuery, lineGroupsSql } from './grants.queries';
import {
  CreateGrantDto,
  GRANT_TRANSITIONS,
  GrantDeadlineDto,
  GrantDto,
  GrantListItemDto,
  GrantSettingsDto,
  ListGrantsQueryDto,
  UpdateGrantDto,
} from './grants.dto';
import { percentToBp } from './money';

registerConstraintMessages({
  uq_grants_reference: { field: 'referenceNumber', reason: 'GRANT_REFERENCE_TAKEN', message: 'A grant with this reference number already exists in this authority' },
  ck_grants_period: { field: 'eligibleUntil', code: 'notBefore', message: 'eligibleUntil must not be before eligibleFrom' },
  fk_expenditures_grant: { referenced: { reason: 'GRANT_HAS_EXPENDITURES', message: 'The grant still has expenditures; delete them first' } },
});

export const DEFAULT_DEADLINE_WARNING_DAYS = 90;

/** Fields a reported or closed grant still accepts: its status (to reopen or close it) and notes. */
const READ_ONLY_EXCEPTIONS = new Set(['status', 'notes', 'version']);

export function validateEarmarkingByType(value: Record<string, unknown> | undefined): void {
  for (const [type, years] of Object.entries(value ?? {})) {
    const field = `earmarkingYearsByType.${type}`;
    if (!(DEVICE_TYPES as readonly string[]).includes(type)) throw invalidField(field, 'isIn', `${type} is not a device type`, { values: DEVICE_TYPES });
    if (!Number.isInteger(years) || (years as number) < 0 || (years as number) > 30) throw invalidField(field, 'intRange', `${field} must be an integer from 0 to 30`, { min: 0, max: 30 });
  }
}

/** Deadlines of a grant in the warning window (overdue ones included); only grants still being spent or reported have them. */
export function grantDeadlines(g: Pick<GrantRow, 'status' | 'proofDueOn' | 'eligibleUntil'>, on: string, windowDays: number): GrantDeadlineDto[] {
  const deadlines: GrantDeadlineDto[] = [];
  if (g.status === 'planned' || g.status === 'approved') {
    const left = daysBetween(on, g.eligibleUntil);
    if (left >= 0 && left <= windowDays) deadlines.push({ kind: 'eligible_period_end', date: g.eligibleUntil, daysLeft: left });
    if (g.proofDueOn) {
      const proofLeft = daysBetween(on, g.proofDueOn);
      if (proofLeft <= windowDays) deadlines.push({ kind: 'proof_of_use', date: g.proofDueOn, daysLeft: proofLeft });
    }
  }
  return deadlines;
}

@Injectable()
export class GrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly authorities: AuthoritiesService,
  ) {}

  async list(actor: Actor, query: ListGrantsQueryDto): Promise<Page<GrantListItemDto>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [];
    const where = [grantVisibilitySql(actor, params)];
    if (query.status) where.push(`g.status = $${params.push(query.status)}`);
    if (query.program) where.push(`g.program = $${params.push(query.program)}`);
    if (query.cursor) {
      const [title, id] = decodeCursor(query.cursor, 2);
      where.push(`(g.title, g.id) > ($${params.push(title)}, $${params.push(id)}::uuid)`);
    }
    params.push(limit + 1);
    const grants = await rows<GrantRow>(this.dataSource.manager, GRANT_SQL.list(where.join(' AND '), params.length), params);
    const page = toPage(grants, limit, (g) => [g.title, g.id], (g) => g);
    const figures = await this.figuresOf(actor, page.items.map((g) => g.id));
    const settings = await this.settings(actor);
    const on = todayInBerlin();
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((g) => {
        const f = figures.get(g.id) ?? { allocatedCents: 0, committedCents: 0, paidCents: 0 };
        const deadlines = grantDeadlines(g, on, settings.deadlineWarningDays);
        const base = actor.role === 'coordinator' ? f.allocatedCents : g.approvedCents;
        return {
          ...toGrantDto(g),
          allocatedCents: f.allocatedCents,
          spentCents: f.committedCents,
          paidCents: f.paidCents,
          remainingCents: base - f.committedCents,
          deadlines,
          deadlineSoon: deadlines.length > 0,
        };
      }),
    };
  }

  /** Allocated, committed and paid per grant, in the caller's school scope: one grouped query per list page. */
  private async figuresOf(actor: Actor, grantIds: string[]): Promise<Map<string, { allocatedCents: number; committedCents: number; paidCents: number }>> {
    const result = new Map<string, { allocatedCents: number; committedCents: number; paidCents: number }>();
    if (grantIds.length === 0) return result;
    const params: unknown[] = [grantIds];
    const allocScope = schoolScopeSql(actor, { authority: 'a.authority_id', school: 'a.school_id' }, params);
    const expScope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
    const figures = await rows<{ grantId: string; allocatedCents: number; committedCents: number; paidCents: number }>(
      this.dataSource.manager,
      GRANT_SQL.figuresOf(allocScope, expScope),
      params,
    );
    for (const r of figures) result.set(r.grantId, r);
    return result;
  }

  async get(actor: Actor, id: string): Promise<GrantDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One grant inside the caller's transaction (or on the caller's connection, e.g. an export's). */
  async getIn(em: EntityManager, actor: Actor, id: string): Promise<GrantDto> {
    return toGrantDto(await findGrant(em, actor, id));
  }

  /** A grant that still takes new spending (planned or approved), e.g. to fund a needs request; else 409 GRANT_READ_ONLY. */
  async getOpenIn(em: EntityManager, actor: Actor, id: string): Promise<GrantDto> {
    const grant = await findGrant(em, actor, id);
    assertWritable(grant);
    return toGrantDto(grant);
  }

  /**
   * The proof of use's lists as statements, for the export's cursors on its own snapshot (check the grant with `getIn`
   * first: an unknown grant is a 404, not empty lists). `invoiceLines`: the Belegliste (rows: `ExpenditureLineRow`, by
   * order date); `lineGroups`: its sums per school and cost type with the longest texts, one pass over the same lines
   * (rows: `LineGroupRow`); `inventoryLines`: the Inventarliste (rows: `InventoryLineRow`, by inventory number).
   * `ordered: false` leaves out the ORDER BY (for an aggregate over the lines). With `asOf`, as on that day.
   */
  reportQueries(actor: Actor, grantId: string, asOf: string | null) {
    return {
      invoiceLines: ({ ordered = true } = {}): SqlQuery => expenditureLinesQuery(actor, grantId, asOf, { ordered }),
      lineGroups: (): SqlQuery => lineGroupsSql(expenditureLinesQuery(actor, grantId, asOf, { ordered: false })),
      inventoryLines: ({ ordered = true } = {}): SqlQuery => inventoryLinesQuery(actor, grantId, asOf, { ordered }),
    };
  }

  async create(actor: Actor, dto: CreateGrantDto): Promise<GrantDto> {
    const authorityId = tenantOf(actor);
    validateEarmarkingByType(dto.earmarkingYearsByType);
    if (dto.eligibleUntil < dto.eligibleFrom) throw invalidField('eligibleUntil', 'notBefore', 'eligibleUntil must not be before eligibleFrom', { date: dto.eligibleFrom });
    if (dto.status && dto.status !== 'planned' && dto.status !== 'approved') throw invalidField('status', 'newGrantStatus', 'A new grant is planned or approved');
    return transaction(this.dataSource, async (em) => {
      const { id } = (await one<{ id: string }>(em, GRANT_SQL.insert, [
          authorityId,
          dto.program,
          dto.title,
          dto.referenceNumber ?? null,
          dto.decisionDate ?? null,
          dto.approvedCents,
          percentToBp(dto.fundingRatePercent),
          dto.eligibleFrom,
          dto.eligibleUntil,
          dto.proofDueOn ?? null,
          dto.status ?? 'planned',
          dto.earmarkingYears ?? 5,
          JSON.stringify(dto.earmarkingYearsByType ?? {}),
          dto.notes ?? null,
      ]))!;
      const created = toGrantDto(await findGrant(em, actor, id));
      await this.audit.record(em, actor, { action: 'grant.created', entityType: 'grant', entityId: id, before: null, after: { ...created } });
      return created;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateGrantDto): Promise<GrantDto> {
    validateEarmarkingByType(dto.earmarkingYearsByType);
    return transaction(this.dataSource, async (em) => {
      const before = await findGrant(em, actor, id, true);
      if (dto.version !== undefined && dto.version !== before.version) {
        throw staleVersion('grant', before.version);
      }
      const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateGrantDto] !== undefined && !READ_ONLY_EXCEPTIONS.has(k));
      if (changed.length > 0) assertWritable(before);
      const next = {
        ...before,
        ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)),
        fundingRateBp: dto.fundingRatePercent !== undefined ? percentToBp(dto.fundingRatePercent) : before.fundingRateBp,
      } as GrantRow;
      if (dto.status && dto.status !== before.status && !GRANT_TRANSITIONS[before.status].includes(dto.status)) {
        throw illegalState('GRANT_STATUS_TRANSITION', `A grant that is ${before.status} cannot become ${dto.status}`, { currentStatus: before.status, requestedStatus: dto.status });
      }
      if (next.eligibleUntil < next.eligibleFrom) throw invalidField('eligibleUntil', 'notBefore', 'eligibleUntil must not be before eligibleFrom', { date: next.eligibleFrom });
      await this.checkBudgetChange(em, before, next);
      await exec(em, GRANT_SQL.update, [
          id,
          next.program,
          next.title,
          next.referenceNumber,
          next.decisionDate,
          next.approvedCents,
          next.fundingRateBp,
          next.eligibleFrom,
          next.eligibleUntil,
          next.proofDueOn,
          next.status,
          next.earmarkingYears,
          JSON.stringify(next.earmarkingYearsByType),
          next.notes,
      ]);
      const after = toGrantDto(await findGrant(em, actor, id));
      const action = dto.status && dto.status !== before.status ? 'grant.status_changed' : 'grant.updated';
      await this.audit.record(em, actor, { action, entityType: 'grant', entityId: id, before: { ...toGrantDto(before) }, after: { ...after } });
      return after;
    });
  }

  /** The approved amount may not fall below what is allocated or committed, and the period must keep every invoice. */
  private async checkBudgetChange(em: EntityManager, before: GrantRow, next: GrantRow): Promise<void> {
    const figures = (await one<{ allocated: number; committed: number; outside: number }>(em, GRANT_SQL.budgetFigures, [before.id, next.eligibleFrom, next.eligibleUntil]))!;
    if (next.approvedCents < before.approvedCents) {
      if (next.approvedCents < figures.allocated) {
        throw conflict('GRANT_APPROVED_BELOW_ALLOCATIONS', 'The approved amount may not fall below the sum of the allocations', { allocatedCents: figures.allocated, approvedCents: next.approvedCents });
      }
      if (next.approvedCents < figures.committed) {
        throw conflict('GRANT_APPROVED_BELOW_COMMITTED', 'The approved amount may not fall below the committed spending', { committedCents: figures.committed, approvedCents: next.approvedCents });
      }
    }
    if (figures.outside > 0) {
      throw conflict('GRANT_INVOICES_OUTSIDE_PERIOD', `${figures.outside} invoice(s) would fall outside the eligible period`, { invoicesOutside: figures.outside });
    }
  }

  /** Deletes a grant without expenditures (its allocations go with it); reported and closed grants stay. */
  async remove(actor: Actor, id: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      const before = await findGrant(em, actor, id, true);
      assertWritable(before);
      const { n } = (await one<{ n: number }>(em, GRANT_SQL.expenditureCount, [id]))!;
      if (n > 0) throw conflict('GRANT_HAS_EXPENDITURES', 'The grant has expenditures; delete them first', { expenditures: n });
      const needs = (await one<{ n: number }>(em, GRANT_SQL.linkedNeedCount, [id]))!.n;
      if (needs > 0) throw conflict('GRANT_HAS_NEEDS', 'Needs requests name the grant as their funding; link them to another grant or none first', { needs });
      await exec(em, GRANT_SQL.delete, [id]);
      await this.audit.record(em, actor, { action: 'grant.deleted', entityType: 'grant', entityId: id, before: { ...toGrantDto(before) }, after: null });
    });
  }

  /** The authority's grant settings with defaults filled in. */
  async settings(actor: Actor): Promise<Required<GrantSettingsDto>> {
    return this.settingsIn(this.dataSource.manager, actor);
  }

  /** The settings inside the caller's transaction. */
  async settingsIn(em: EntityManager, actor: Actor): Promise<Required<GrantSettingsDto>> {
    const section = await this.authorities.settingsSection<GrantSettingsDto>(tenantOf(actor), 'grants', em);
    return {
      deadlineWarningDays: section.deadlineWarningDays ?? DEFAULT_DEADLINE_WARNING_DAYS,
      // Only well-formed rules: a section stored before its validation caught nested arrays must not break every summary.
      categoryShareRules: (section.categoryShareRules ?? []).filter((r) => typeof r === 'object' && r !== null && !Array.isArray(r) && Number.isFinite(r.maxSharePercent)),
    };
  }

  async updateSettings(actor: Actor, dto: GrantSettingsDto): Promise<Required<GrantSettingsDto>> {
    await transaction(this.dataSource, (em) => this.authorities.updateSettingsSection(em, actor, 'grants', { ...dto }));
    return this.settings(actor);
  }

  /** Budget figures of all grants of an authority, for the statistics (spent = committed by orders). */
  async budgetOverview(authorityId: string): Promise<{ grants: number; approvedCents: number; spentCents: number; remainingCents: number }> {
    const row = (await one<{ grants: number; approvedCents: number; spentCents: number }>(this.dataSource.manager, GRANT_SQL.budgetOverview, [authorityId]))!;
    return { grants: row.grants, approvedCents: row.approvedCents, spentCents: row.spentCents, remainingCents: row.approvedCents - row.spentCents };
  }
}
