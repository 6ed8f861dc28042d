import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, schoolScopeSql } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { exec, one, rows, transaction } from '../common/db';
import { notFound, staleVersion } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { checkBudget, linkDevices, validateExpenditure } from './expenditure-rules';
import { CreateExpenditureDto, ExpenditureDto, ListExpendituresQueryDto, UpdateExpenditureDto } from './expenditures.dto';
import { findGrant, lockWritableGrant } from './grant-access';
import { GRANT_SQL } from './grants.queries';

registerConstraintMessages({
  uq_expenditures_invoice: { field: 'invoiceNumber', reason: 'INVOICE_NUMBER_TAKEN', message: 'This vendor already has an invoice with this number in this authority' },
  expenditure_devices_pkey: { field: 'deviceIds', reason: 'DEVICE_LINKED_ELSEWHERE', message: 'A device belongs to at most one expenditure; one of them was just linked elsewhere' },
  fk_expenditure_devices_device: { referenced: { reason: 'DEVICE_HAS_EXPENDITURE', message: 'The device is linked to a grant expenditure and cannot be deleted' } },
  fk_expenditures_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'The school does not exist in this authority' },
  ck_expenditures_paid: { field: 'paidOn', code: 'paymentNeedsInvoice', message: 'paidOn needs an invoice and may not be before orderDate' },
  ck_expenditures_invoice: { field: 'invoiceDate', code: 'invoicePair', message: 'invoiceNumber and invoiceDate go together' },
});


/** Orders and invoices paid from a grant, and the devices they bought. */
@Injectable()
export class ExpendituresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, grantId: string, query: ListExpendituresQueryDto): Promise<Page<ExpenditureDto>> {
    const em = this.dataSource.manager;
    await findGrant(em, actor, grantId);
    const limit = query.limit ?? 50;
    const params: unknown[] = [grantId];
    const where = ['e.grant_id = $1', schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params)];
    if (query.schoolId) where.push(`e.school_id = $${params.push(query.schoolId)}`);
    if (query.category) where.push(`e.category = $${params.push(query.category)}`);
    if (query.cursor) {
      const [orderDate, id] = decodeCursor(query.cursor, 2);
      where.push(`(e.order_date, e.id) > ($${params.push(orderDate)}::date, $${params.push(id)}::uuid)`);
    }
    params.push(limit + 1);
    const expenditures = await rows<ExpenditureDto>(em, GRANT_SQL.expenditures(where.join(' AND '), params.length), params);
    return toPage(expenditures, limit, (e) => [e.orderDate, e.id], (e) => e);
  }

  async get(actor: Actor, grantId: string, id: string): Promise<ExpenditureDto> {
    return this.getIn(this.dataSource.manager, actor, grantId, id);
  }

  /** One expenditure inside the caller's transaction (`lock`: FOR UPDATE). */
  private async getIn(em: EntityManager, actor: Actor, grantId: string, id: string, lock = false): Promise<ExpenditureDto> {
    await findGrant(em, actor, grantId);
    const params: unknown[] = [grantId, id];
    const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
    const expenditure = await one<ExpenditureDto>(em, GRANT_SQL.expenditure(scope, lock), params);
    if (!expenditure) throw notFound('Expenditure');
    return expenditure;
  }

  async create(actor: Actor, grantId: string, dto: CreateExpenditureDto): Promise<ExpenditureDto> {
    return transaction(this.dataSource, async (em) => {
      const grant = await lockWritableGrant(em, actor, grantId);
      await this.access.requireSchool(actor, dto.schoolId, 'write', em);
      const values = {
        schoolId: dto.schoolId,
        category: dto.category,
        orderDate: dto.orderDate,
        invoiceNumber: dto.invoiceNumber ?? null,
        invoiceDate: dto.invoiceDate ?? null,
        paidOn: dto.paidOn ?? null,
        vendor: dto.vendor,
        description: dto.description,
        grossCents: dto.grossCents,
      };
      validateExpenditure(grant, values);
      const override = await checkBudget(em, grant, { schoolId: values.schoolId, grossCents: values.grossCents, excludeId: null }, dto);
      const { id } = (await one<{ id: string }>(em, GRANT_SQL.insertExpenditure, [
        grant.authorityId,
        grantId,
        ...Object.values(values),
        override !== null,
        override?.reason ?? null,
      ]))!;
      await linkDevices(em, grant, id, dto.deviceIds ?? []);
      const created = await this.getIn(em, actor, grantId, id);
      await this.audit.record(em, actor, {
        action: 'grant.expenditure_created',
        entityType: 'expenditure',
        entityId: id,
        before: null,
        after: { ...created },
        meta: { grantId, ...(override ? { budgetOverride: override } : {}) },
      });
      return created;
    });
  }

  async update(actor: Actor, grantId: string, id: string, dto: UpdateExpenditureDto): Promise<ExpenditureDto> {
    return transaction(this.dataSource, async (em) => {
      const grant = await lockWritableGrant(em, actor, grantId);
      const before = await this.getIn(em, actor, grantId, id, true);
      if (dto.version !== undefined && dto.version !== before.version) {
        throw staleVersion('expenditure', before.version);
      }
      if (dto.schoolId && dto.schoolId !== before.schoolId) await this.access.requireSchool(actor, dto.schoolId, 'write', em);
      const pick = <K extends keyof typeof before>(k: K) => (dto[k as keyof UpdateExpenditureDto] !== undefined ? dto[k as keyof UpdateExpenditureDto] : before[k]);
      const values = {
        schoolId: pick('schoolId') as string,
        category: pick('category') as string,
        orderDate: pick('orderDate') as string,
        invoiceNumber: pick('invoiceNumber') as string | null,
        invoiceDate: pick('invoiceDate') as string | null,
        paidOn: pick('paidOn') as string | null,
        vendor: pick('vendor') as string,
        description: pick('description') as string,
        grossCents: pick('grossCents') as number,
      };
      validateExpenditure(grant, values);
      // Only a change that adds spending to a school (more money, or another school) is checked against the budget again.
      const addsSpending = values.schoolId !== before.schoolId || values.grossCents > before.grossCents;
      const override = addsSpending ? await checkBudget(em, grant, { schoolId: values.schoolId, grossCents: values.grossCents, excludeId: id }, dto) : null;
      await exec(em, GRANT_SQL.updateExpenditure, [id, ...Object.values(values), override ? true : before.budgetOverride, override ? override.reason : before.overrideReason]);
      if (dto.deviceIds) await linkDevices(em, grant, id, dto.deviceIds);
      const after = await this.getIn(em, actor, grantId, id);
      await this.audit.record(em, actor, {
        action: 'grant.expenditure_updated',
        entityType: 'expenditure',
        entityId: id,
        before: { ...before },
        after: { ...after },
        meta: { grantId, ...(override ? { budgetOverride: override } : {}) },
      });
      return after;
    });
  }

  async remove(actor: Actor, grantId: string, id: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      await lockWritableGrant(em, actor, grantId);
      const before = await this.getIn(em, actor, grantId, id, true);
      await exec(em, GRANT_SQL.deleteExpenditure, [id]);
      await this.audit.record(em, actor, { action: 'grant.expenditure_deleted', entityType: 'expenditure', entityId: id, before: { ...before }, after: null, meta: { grantId } });
    });
  }
}
