import { addDays, todayInBerlin } from '../common/dates';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { inSchoolScope, schoolScopeSql } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { exec, one, prepared, rows, transaction } from '../common/db';
import { conflict, illegalState, invalidField, notFound, staleVersion } from '../common/errors';
import { labels } from '../i18n/labels';
import { Page, toPage } from '../common/pagination';
import { DeviceLifecycleService } from '../devices/device-lifecycle.service';
import type { DeviceStatus } from '../devices/device.entity';
import { LOAN_SQL, type LoanListSql, loanListQuery, type LockedLoan, LoanRow, personalFieldsVisibleTo, toLoanDto } from './loans.queries';
import { BorrowerKind, defaultDueDate, ReturnCondition, STATUS_AFTER_RETURN } from './loan-rules';
import { LoanSettingsDto, LoanSettingsService } from './loan-settings';
import { CreateLoanDto, ExtendLoanDto, ListLoansQueryDto, LoanDto, LoanTermsDto, MarkAgreementSignedDto, ReturnLoanDto } from './loans.dto';

registerConstraintMessages({
  uq_loans_active_device: { field: 'deviceId', reason: 'DEVICE_ON_LOAN', message: 'This device is already on loan' },
  ck_loans_due: { field: 'dueOn', code: 'notBefore', message: 'The due date must not be before the start of the loan' },
  ck_loans_returned: { field: 'returnedOn', code: 'notBefore', message: 'The return date must not be before the start of the loan' },
  ck_loans_borrower_kind: { field: 'borrowerKind', code: 'isIn', message: 'borrowerKind must be student or teacher' },
  ck_loans_return_condition: { field: 'condition', code: 'isIn', message: 'condition must be ok, damaged, defective or lost' },
  fk_loans_device: { field: 'deviceId', reason: 'DEVICE_NOT_IN_AUTHORITY', message: 'The device does not exist in this authority' },
  fk_loans_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'The school does not exist in this authority' },
});

/** A due date further out is a typo (2206 for 2026), not a loan: it would never show as overdue. */
const MAX_LOAN_DAYS = 3653;

/** What a lend needs besides the device: the borrower and the terms. */
export type LendInput = LoanTermsDto & { borrowerKind: BorrowerKind };

export interface ReturnInput {
  returnedOn?: string;
  condition: ReturnCondition;
  notes?: string;
  confirmEarmarkingBreach?: boolean;
}

/** The calendar day and the authority's loan settings a write works with (settings read at most once per request or batch). */
export interface LoanContext {
  today: string;
  settings: () => Promise<LoanSettingsDto>;
}

/** Fields of a loan that may go into the audit log: no name, reference, guardian, class or notes. */
const auditTerms = (l: { deviceId: string; schoolId: string; borrowerKind: string; startedOn: string; dueOn: string; agreementSigned: boolean; accessories: string[] }) => ({
  deviceId: l.deviceId,
  schoolId: l.schoolId,
  borrowerKind: l.borrowerKind,
  startedOn: l.startedOn,
  dueOn: l.dueOn,
  agreementSigned: l.agreementSigned,
  accessories: l.accessories,
});

@Injectable()
export class LoansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly lifecycle: DeviceLifecycleService,
    private readonly settings: LoanSettingsService,
  ) {}

  context(em: EntityManager, authorityId: string): LoanContext {
    let settings: Promise<LoanSettingsDto> | undefined;
    return { today: todayInBerlin(), settings: () => (settings ??= this.settings.forAuthority(em, authorityId)) };
  }

  async list(actor: Actor, query: ListLoansQueryDto): Promise<Page<LoanDto>> {
    const limit = query.limit ?? 50;
    const { sql, params, personalFieldsVisible } = loanListQuery(actor, { ...query, limit });
    const loans = await rows<LoanRow>(this.dataSource.manager, commonListShape(query) ? prepared(sql) : sql, params);
    return toPage(loans, limit, (r) => [r.dueOn, r.id], (r) => toLoanDto(r, personalFieldsVisible));
  }

  /**
   * The loans export's statement (rows: `LoanRow`) for the export's cursor: the loans the list shows for these filters,
   * in its order, unpaged; the personal columns only for those allowed to see them (`personalFieldsVisible`).
   */
  exportQuery(actor: Actor, filter: Omit<ListLoansQueryDto, 'limit' | 'cursor'>): LoanListSql {
    return loanListQuery(actor, filter, { paginate: false });
  }

  async get(actor: Actor, id: string): Promise<LoanDto> {
    return this.getIn(this.dataSource.manager, actor, id);
  }

  /** One loan inside the caller's transaction. */
  async getIn(em: EntityManager, actor: Actor, id: string): Promise<LoanDto> {
    const row = await this.findRow(em, actor, id);
    if (!row) throw notFound('Loan');
    return toLoanDto(row, personalFieldsVisibleTo(actor));
  }

  /** One loan as a list row, within the caller's scope (personal fields as the caller may see them). */
  async findRow(em: EntityManager, actor: Actor, id: string): Promise<LoanRow | undefined> {
    const params: unknown[] = [todayInBerlin(), id];
    const scope = schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params);
    return one<LoanRow>(em, LOAN_SQL.byId(personalFieldsVisibleTo(actor), scope), params);
  }

  /** The loans of `ids` the caller may see (any order; personal fields as the caller may see them). */
  async findRows(em: EntityManager, actor: Actor, ids: string[]): Promise<LoanRow[]> {
    const params: unknown[] = [todayInBerlin(), ids];
    const scope = schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params);
    return rows<LoanRow>(em, LOAN_SQL.byIds(personalFieldsVisibleTo(actor), scope), params);
  }

  /** The active loan of a device, if the caller may see it (for the device detail). */
  async currentLoanOfDevice(actor: Actor, deviceId: string, em: EntityManager): Promise<LoanDto | null> {
    const params: unknown[] = [todayInBerlin(), deviceId];
    const scope = schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params);
    const row = await one<LoanRow>(em, LOAN_SQL.activeOfDevice(personalFieldsVisibleTo(actor), scope), params);
    return row ? toLoanDto(row, personalFieldsVisibleTo(actor)) : null;
  }

  async lend(actor: Actor, dto: CreateLoanDto): Promise<LoanDto> {
    return transaction(this.dataSource, (em) => this.lendIn(em, actor, dto));
  }

  /** `lend` inside the caller's transaction (e.g. one that also stores the answer under an idempotency key). */
  async lendIn(em: EntityManager, actor: Actor, dto: CreateLoanDto): Promise<LoanDto> {
    const { deviceId, ...input } = dto;
    const ctx = this.context(em, actor.authorityId!);
    const { loanId } = await this.lendDevice(em, actor, deviceId, input, ctx);
    return this.getIn(em, actor, loanId);
  }

  /**
   * Lends one device inside the caller's transaction: device locked, rules checked, loan inserted, device `loaned`,
   * history and audit written. The partial unique index `uq_loans_active_device` backs the one-active-loan rule.
   */
  async lendDevice(em: EntityManager, actor: Actor, deviceId: string, input: LendInput, ctx: LoanContext): Promise<{ loanId: string; deviceStatus: DeviceStatus }> {
    const device = await this.lifecycle.lockDevice(em, deviceId);
    if (!device || !inSchoolScope(actor, device)) throw notFound('Device');
    if (device.status === 'loaned') throw conflict('DEVICE_ON_LOAN', 'This device is already on loan', { deviceStatus: device.status });
    if (device.status !== 'available') {
      throw illegalState('DEVICE_NOT_LENDABLE', `A device that is ${device.status} cannot be lent; only available devices can`, { deviceStatus: device.status });
    }
    const startedOn = input.startedOn ?? ctx.today;
    if (startedOn > ctx.today) throw invalidField('startedOn', 'notInFuture', 'startedOn must not be in the future');
    const dueOn = input.dueOn ?? defaultDueDate(startedOn, (await ctx.settings()).defaultDueMonthDay);
    if (dueOn < startedOn) throw invalidField('dueOn', 'notBefore', 'dueOn must not be before startedOn', { date: startedOn });
    if (dueOn > addDays(startedOn, MAX_LOAN_DAYS)) throw invalidField('dueOn', 'maxYearsAfter', 'dueOn must be within ten years of startedOn', { years: 10, date: startedOn });
    const accessories = input.accessories ?? [];
    const agreementSigned = input.agreementSigned ?? false;
    const { id: loanId } = (await one<{ id: string }>(em, LOAN_SQL.insert, [
        device.authorityId,
        device.schoolId,
        device.id,
        input.borrowerKind,
        input.borrowerName,
        input.borrowerReference ?? null,
        input.borrowerClass ?? null,
        input.guardianName ?? null,
        agreementSigned,
        accessories,
        input.notes ?? null,
        startedOn,
        dueOn,
        actor.id,
      ]))!;
    const after = await this.lifecycle.changeStatus(em, actor, device, { to: 'loaned', via: 'loan', kind: 'loaned', loanId });
    await this.audit.record(em, actor, {
      action: 'loan.created',
      entityType: 'loan',
      entityId: loanId,
      authorityId: device.authorityId,
      before: null,
      after: auditTerms({ deviceId: device.id, schoolId: device.schoolId, borrowerKind: input.borrowerKind, startedOn, dueOn, agreementSigned, accessories }),
    });
    return { loanId, deviceStatus: after.status };
  }

  async return(actor: Actor, id: string, dto: ReturnLoanDto): Promise<LoanDto> {
    return transaction(this.dataSource, (em) => this.returnIn(em, actor, id, dto));
  }

  /** `return` inside the caller's transaction. */
  async returnIn(em: EntityManager, actor: Actor, id: string, dto: ReturnLoanDto): Promise<LoanDto> {
    await this.returnLoan(em, actor, id, dto, todayInBerlin());
    return this.getIn(em, actor, id);
  }

  /** Takes a loan back inside the caller's transaction; the device becomes available, in_repair or lost with it. */
  async returnLoan(em: EntityManager, actor: Actor, loanId: string, input: ReturnInput, today: string): Promise<{ loanId: string; deviceStatus: DeviceStatus }> {
    const loan = await this.lockLoan(em, actor, loanId);
    if (loan.returnedOn) throw illegalState('LOAN_ALREADY_RETURNED', `This loan was already returned on ${loan.returnedOn}`, { returnedOn: loan.returnedOn });
    const returnedOn = input.returnedOn ?? today;
    if (returnedOn > today) throw invalidField('returnedOn', 'notInFuture', 'returnedOn must not be in the future');
    if (returnedOn < loan.startedOn) throw invalidField('returnedOn', 'notBefore', `returnedOn must not be before the start of the loan (${loan.startedOn})`, { date: loan.startedOn });
    const device = await this.lifecycle.lockDevice(em, loan.deviceId);
    if (!device) throw notFound('Device');
    await exec(em, LOAN_SQL.markReturned, [loanId, returnedOn, input.condition, input.notes ?? null, actor.id]);
    const after = await this.lifecycle.changeStatus(em, actor, device, {
      to: STATUS_AFTER_RETURN[input.condition],
      via: 'loan',
      kind: 'returned',
      loanId,
      // The device history keeps the condition only: the return notes may name people.
      reason: `Rückgabe: ${labels.returnCondition[input.condition]}`,
      confirmations: { earmarkingBreach: input.confirmEarmarkingBreach ?? false },
    });
    await this.audit.record(em, actor, {
      action: 'loan.returned',
      entityType: 'loan',
      entityId: loanId,
      authorityId: loan.authorityId,
      before: { returnedOn: null, returnCondition: null },
      after: { returnedOn, returnCondition: input.condition },
      meta: { deviceId: device.id, deviceStatus: after.status },
    });
    return { loanId, deviceStatus: after.status };
  }

  async extend(actor: Actor, id: string, dto: ExtendLoanDto): Promise<LoanDto> {
    return transaction(this.dataSource, async (em) => {
      const loan = await this.lockLoan(em, actor, id);
      if (loan.returnedOn) throw illegalState('LOAN_RETURNED_NOT_EXTENDABLE', 'A returned loan cannot be extended', { returnedOn: loan.returnedOn });
      if (dto.dueOn < loan.startedOn) throw invalidField('dueOn', 'notBefore', `dueOn must not be before the start of the loan (${loan.startedOn})`, { date: loan.startedOn });
      // An extension ends later than the loan did and not in the past (a date before today would make it overdue at once).
      const earliest = [addDays(loan.dueOn, 1), todayInBerlin()].sort().at(-1)!;
      if (dto.dueOn < earliest) throw invalidField('dueOn', 'notBefore', `dueOn must be after the current due date (${loan.dueOn}) and not in the past`, { date: earliest });
      if (dto.dueOn > addDays(loan.startedOn, MAX_LOAN_DAYS)) {
        throw invalidField('dueOn', 'maxYearsAfter', 'dueOn must be within ten years of the start of the loan', { years: 10, date: loan.startedOn });
      }
      await exec(em, LOAN_SQL.extend, [id, dto.dueOn]);
      await this.audit.record(em, actor, {
        action: 'loan.extended',
        entityType: 'loan',
        entityId: id,
        authorityId: loan.authorityId,
        before: { dueOn: loan.dueOn },
        after: { dueOn: dto.dueOn },
      });
      return this.getIn(em, actor, id);
    });
  }

  /**
   * Records that the signed agreement is on file, after the loan was made (it is printed after lending, signed at home).
   * Also for returned loans: the paper may come back with the device.
   */
  async markAgreementSigned(actor: Actor, id: string, dto: MarkAgreementSignedDto): Promise<LoanDto> {
    return transaction(this.dataSource, async (em) => {
      const loan = await this.lockLoan(em, actor, id);
      if (loan.version !== dto.version) {
        throw staleVersion('loan', loan.version);
      }
      if (loan.agreementSigned) throw illegalState('AGREEMENT_ALREADY_SIGNED', 'The agreement of this loan is already marked as signed', { agreementSigned: true });
      await exec(em, LOAN_SQL.markAgreementSigned, [id]);
      await this.audit.record(em, actor, {
        action: 'loan.agreement_signed',
        entityType: 'loan',
        entityId: id,
        authorityId: loan.authorityId,
        before: { agreementSigned: false },
        after: { agreementSigned: true },
      });
      return this.getIn(em, actor, id);
    });
  }

  /** Counts for the overview: `active` includes the overdue loans. */
  async loanCounts(authorityId: string, today: string): Promise<{ active: number; overdue: number; returned: number }> {
    const row = (await one<{ active: string; overdue: string; returned: string }>(this.dataSource.manager, LOAN_SQL.counts, [authorityId, today]))!;
    return { active: Number(row.active), overdue: Number(row.overdue), returned: Number(row.returned) };
  }

  /** Locks a loan the caller may see (FOR UPDATE); 404 otherwise. */
  private async lockLoan(em: EntityManager, actor: Actor, id: string): Promise<LockedLoan> {
    const params: unknown[] = [id];
    const scope = schoolScopeSql(actor, { authority: 'l.authority_id', school: 'l.school_id' }, params);
    const loan = await one<LockedLoan>(em, LOAN_SQL.lock(scope), params);
    if (!loan) throw notFound('Loan');
    return loan;
  }
}

/**
 * The lists the counter and the office open all day (a school's or the authority's loans by state, page by page) run
 * as prepared statements: parsing and planning were about half of the overdue list's time in the database
 * (bench/RESULTS.md, issue 18). Their generic plan is the same for every school (ix_loans_school_active_due,
 * ix_loans_school_due). Lists with the rarer filters are planned each time, so the prepared texts stay few.
 */
function commonListShape(query: ListLoansQueryDto): boolean {
  return query.deviceId === undefined && query.borrowerKind === undefined && query.borrowerClass === undefined && query.dueBy === undefined;
}
