import { todayInBerlin } from '../common/dates';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AccessService, schoolScopeSql, tenantOf } from '../common/access';
import { loggableDatabaseError } from '../common/database-errors';
import { rows, transaction } from '../common/db';
import { illegalState, notFound } from '../common/errors';
import { errorAnswer, isAnsweredError } from '../common/http-exception.filter';
import type { IdempotencyScope } from '../common/idempotency';
import type { DeviceStatus } from '../devices/device.entity';
import { BulkItemErrorDto, BulkItemResultDto, BulkLendDto, BulkResultDto, BulkReturnDto } from './loans.dto';
import { LOAN_SQL } from './loans.queries';
import { LoansService } from './loans.service';

/** A per-item error in the same shape (and with the same messages) as an HTTP error of the single routes. */
export function toItemError(error: unknown): BulkItemErrorDto | undefined {
  if (!isAnsweredError(error)) return undefined;
  return itemErrorOf(error);
}

/** The exception filter's answer, so an item fails exactly as the single route would (a bug too: its 500). */
function itemErrorOf(error: unknown): BulkItemErrorDto {
  const { requestId: _requestId, ...item } = errorAnswer(error).body;
  return item;
}

/**
 * The counter at the start and end of the school year: hundreds of devices in one request.
 * Each item runs in a transaction of its own, so one bad item neither blocks the others nor is left half done.
 */
@Injectable()
export class LoansBulkService {
  private readonly logger = new Logger('LoansBulk');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly loans: LoansService,
  ) {}

  /** With an idempotency scope, every lent item is stored with its loan and the whole answer at the end (see IdempotencyScope). */
  async lend(actor: Actor, dto: BulkLendDto, idempotency?: IdempotencyScope): Promise<BulkResultDto> {
    const authorityId = tenantOf(actor);
    const replay = await idempotency?.replay<BulkResultDto>();
    if (replay) return replay;
    if (dto.schoolId) await this.access.requireSchool(actor, dto.schoolId, 'write', this.dataSource.manager);
    const devices = await this.devicesByInventoryNumber(actor, dto.items.map((i) => i.inventoryNumber), dto.schoolId);
    const ctx = this.loans.context(this.dataSource.manager, authorityId);
    const results: BulkItemResultDto[] = [];
    for (const [index, item] of dto.items.entries()) {
      const { inventoryNumber, ...terms } = item;
      results.push(
        await this.runItem(index, inventoryNumber, async () => {
          const device = devices.get(inventoryNumber);
          if (!device) throw notFound('Device');
          return this.transaction(idempotency, index, (em) =>
            this.loans.lendDevice(
              em,
              actor,
              device.id,
              {
                ...terms,
                borrowerKind: item.borrowerKind ?? dto.borrowerKind ?? 'student',
                startedOn: item.startedOn ?? dto.startedOn,
                dueOn: item.dueOn ?? dto.dueOn,
                agreementSigned: item.agreementSigned ?? dto.agreementSigned,
                accessories: item.accessories ?? dto.accessories,
              },
              ctx,
            ),
          );
        }),
      );
    }
    return this.finish(idempotency, summarize(results));
  }

  async return(actor: Actor, dto: BulkReturnDto, idempotency?: IdempotencyScope): Promise<BulkResultDto> {
    tenantOf(actor);
    const replay = await idempotency?.replay<BulkResultDto>();
    if (replay) return replay;
    if (dto.schoolId) await this.access.requireSchool(actor, dto.schoolId, 'write', this.dataSource.manager);
    const devices = await this.devicesByInventoryNumber(actor, dto.items.map((i) => i.inventoryNumber), dto.schoolId);
    const results: BulkItemResultDto[] = [];
    for (const [index, item] of dto.items.entries()) {
      results.push(
        await this.runItem(index, item.inventoryNumber, async () => {
          const device = devices.get(item.inventoryNumber);
          if (!device) throw notFound('Device');
          if (!device.activeLoanId) throw illegalState('DEVICE_NOT_ON_LOAN', `The device is not on loan (it is ${device.status})`, { deviceStatus: device.status });
          const loanId = device.activeLoanId;
          return this.transaction(idempotency, index, (em) =>
            this.loans.returnLoan(
              em,
              actor,
              loanId,
              { returnedOn: dto.returnedOn, condition: item.condition ?? 'ok', notes: item.notes, confirmEarmarkingBreach: item.confirmEarmarkingBreach },
              todayInBerlin(),
            ),
          );
        }),
      );
    }
    return this.finish(idempotency, summarize(results));
  }

  /** One item's transaction; under an idempotency key it stores the item's answer with it (`item N`). */
  private transaction<T>(idempotency: IdempotencyScope | undefined, index: number, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return idempotency ? idempotency.transaction(work, `item ${index}`) : transaction(this.dataSource, work);
  }

  private async finish(idempotency: IdempotencyScope | undefined, result: BulkResultDto): Promise<BulkResultDto> {
    await idempotency?.save(result);
    return (await idempotency?.replay<BulkResultDto>()) ?? result;
  }

  private async runItem(index: number, inventoryNumber: string, work: () => Promise<{ loanId: string; deviceStatus: DeviceStatus }>): Promise<BulkItemResultDto> {
    try {
      const { loanId, deviceStatus } = await work();
      return { index, inventoryNumber, ok: true, loanId, deviceStatus, error: null };
    } catch (error) {
      const known = toItemError(error);
      if (!known) {
        // Only the position and error class: the item carries personal data.
        this.logger.error({ index, error: error instanceof Error ? error.name : 'unknown', db: loggableDatabaseError(error) }, 'Bulk loan item failed unexpectedly');
      }
      return { index, inventoryNumber, ok: false, loanId: null, deviceStatus: null, error: known ?? itemErrorOf(error) };
    }
  }

  /**
   * The scanned devices within the caller's scope (and the counter's school), keyed by the number as scanned (trimmed and
   * case-insensitive, the exact spelling first), with their active loan.
   */
  private async devicesByInventoryNumber(actor: Actor, inventoryNumbers: string[], schoolId?: string) {
    const params: unknown[] = [[...new Set(inventoryNumbers)], actor.authorityId];
    const scope = schoolScopeSql(actor, { authority: 'd.authority_id', school: 'd.school_id' }, params);
    const school = schoolId ? ` AND d.school_id = $${params.push(schoolId)}` : '';
    const found = await rows<{ scanned: string; id: string; inventoryNumber: string; status: DeviceStatus; activeLoanId: string | null }>(
      this.dataSource.manager,
      LOAN_SQL.devicesByInventoryNumber(scope, school),
      params,
    );
    return new Map(found.map((r) => [r.scanned, r]));
  }
}

function summarize(results: BulkItemResultDto[]): BulkResultDto {
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
