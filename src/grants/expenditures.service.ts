import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AccessService, schoolScopeSql } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { notFound, staleVersion } from '../common/errors';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { checkBudget, linkDevices, validateExpenditure } from './expenditure-rules';
import { CreateExpenditureDto, ExpenditureDto, ListExpendituresQueryDto, UpdateExpenditureDto } from './expenditures.dto';
import { findGrant, lockWritableGrant } from './grant-access';
import { fundedShareSql } from './money';

registerConstraintMessages({
  uq_expenditures_invoice: { field: 'invoiceNumber', reason: 'INVOICE_NUMBER_TAKEN', message: 'This vendor already has an invoice with this number in this authority' },
  expenditure_devices_pkey: { field: 'deviceIds', reason: 'DEVICE_LINKED_ELSEWHERE', message: 'A device belongs to at most one expenditure; one of them was just linked elsewhere' },
  fk_expenditure_devices_device: { referenced: { reason: 'DEVICE_HAS_EXPENDITURE', message: 'The device is linked to a grant expenditure and cannot be deleted' } },
  fk_expenditures_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'The school does not exist in this authority' },
  ck_expenditures_paid: { field: 'paidOn', code: 'paymentNeedsInvoice', message: 'paidOn needs an invoice and may not be before orderDate' },
  ck_expenditures_invoice: { field: 'invoiceDate', code: 'invoicePair', message: 'invoiceNumber and invoiceDate go together' },
});

const funded = fundedShareSql('e.gross_cents', 'g.funding_rate_bp');
const EXPENDITURE_COLUMNS = `e.id, e.grant_id AS "grantId", e.school_id AS "schoolId", e.category::text AS category, e.order_date AS "orderDate",
  e.invoice_number AS "invoiceNumber", e.invoice_date AS "invoiceDate", e.paid_on AS "paidOn", e.vendor, e.description,
  e.gross_cents AS "grossCents", ${funded} AS "fundedCents", e.gross_cents - ${funded} AS "ownCents",
  ARRAY(SELECT x.device_id FROM expenditure_devices x WHERE x.expenditure_id = e.id ORDER BY x.device_id) AS "deviceIds",
  e.budget_override AS "budgetOverride", e.override_reason AS "overrideReason", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/** Orders and invoices paid from a grant, and the devices they bought. */
@Injectable()
export class ExpendituresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, grantId: string, query: ListExpendituresQueryDto): Promise<Page<ExpenditureDto>> {
    await findGrant(this.dataSource.manager, actor, grantId);
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
    const rows: ExpenditureDto[] = await this.dataSource.query(
      `SELECT ${EXPENDITURE_COLUMNS} FROM expenditures e JOIN grants g ON g.id = e.grant_id
        WHERE ${where.join(' AND ')} ORDER BY e.order_date, e.id LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, (e) => [e.orderDate, e.id], (e) => e);
  }

  async get(actor: Actor, grantId: string, id: string, em: EntityManager = this.dataSource.manager, lock = false): Promise<ExpenditureDto> {
    await findGrant(em, actor, grantId);
    const params: unknown[] = [grantId, id];
    const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
    const rows: ExpenditureDto[] = await em.query(
      `SELECT ${EXPENDITURE_COLUMNS} FROM expenditures e JOIN grants g ON g.id = e.grant_id
        WHERE e.grant_id = $1 AND e.id = $2 AND ${scope}${lock ? ' FOR UPDATE OF e' : ''}`,
      params,
    );
    if (!rows[0]) throw notFound('Expenditure');
    return rows[0];
  }

  async create(actor: Actor, grantId: string, dto: CreateExpenditureDto): Promise<ExpenditureDto> {
    return this.dataSource.transaction(async (em) => {
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
      const [{ id }] = await em.query(
        `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, invoice_number, invoice_date, paid_on, vendor, description,
                                   gross_cents, budget_override, override_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [grant.authorityId, grantId, ...Object.values(values), override !== null, override?.reason ?? null],
      );
      await linkDevices(em, grant, id, dto.deviceIds ?? []);
      const created = await this.get(actor, grantId, id, em);
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
    return this.dataSource.transaction(async (em) => {
      const grant = await lockWritableGrant(em, actor, grantId);
      const before = await this.get(actor, grantId, id, em, true);
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
      await em.query(
        `UPDATE expenditures SET school_id = $2, category = $3, order_date = $4, invoice_number = $5, invoice_date = $6, paid_on = $7,
                vendor = $8, description = $9, gross_cents = $10, budget_override = $11, override_reason = $12,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, ...Object.values(values), override ? true : before.budgetOverride, override ? override.reason : before.overrideReason],
      );
      if (dto.deviceIds) await linkDevices(em, grant, id, dto.deviceIds);
      const after = await this.get(actor, grantId, id, em);
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
    await this.dataSource.transaction(async (em) => {
      await lockWritableGrant(em, actor, grantId);
      const before = await this.get(actor, grantId, id, em, true);
      await em.query(`DELETE FROM expenditures WHERE id = $1`, [id]);
      await this.audit.record(em, actor, { action: 'grant.expenditure_deleted', entityType: 'expenditure', entityId: id, before: { ...before }, after: null, meta: { grantId } });
    });
  }
}
