import { addDays, todayInBerlin } from '../common/dates';
import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditEvent, AuditService } from '../audit/audit.service';
import { AccessService, tenantOf } from '../common/access';
import { exec, rows, transaction } from '../common/db';
import { invalidField } from '../common/errors';
import { effectiveLoanSettings, LOAN_SETTINGS_SECTION } from './loan-settings';
import { EraseBorrowerDto, ErasureResultDto } from './loans.dto';
import { LOAN_SQL } from './loans.queries';

/** Rows per transaction of the retention job: short locks, bounded audit inserts. */
const RETENTION_BATCH = 1000;

/**
 * Data protection (DSGVO) for loans: personal data are erased when no longer needed, either after the retention
 * period past the return (a nightly job) or at once on a borrower's request (right to erasure). The loan itself stays
 * for statistics. Neither logs nor audit entries carry the erased values.
 */
@Injectable()
export class LoanPrivacyService {
  private readonly logger = new Logger('LoanRetention');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Erases a borrower's personal data from every returned loan of a school (matched by reference and/or name,
   * case-insensitive). Loans still running keep theirs until the device is back (Art. 17 (3) DSGVO; the retention
   * job erases them after the return). The office, who must not see borrowers, must not learn from the answer
   * whether someone is borrowing: an active borrower gets the same answer as an unknown name. Every request is
   * audited, without the name or reference.
   */
  async eraseBorrower(actor: Actor, dto: EraseBorrowerDto): Promise<ErasureResultDto> {
    tenantOf(actor);
    if (!dto.borrowerReference && !dto.borrowerName) throw invalidField('borrowerReference', 'borrowerRequired', 'Give the borrowerReference or the borrowerName');
    return transaction(this.dataSource, async (em) => {
      await this.access.requireSchool(actor, dto.schoolId, 'write', em);
      const params: unknown[] = [dto.schoolId];
      const where: string[] = [];
      if (dto.borrowerReference) where.push(`lower(borrower_reference) = lower($${params.push(dto.borrowerReference)})`);
      if (dto.borrowerName) where.push(`lower(borrower_name) = lower($${params.push(dto.borrowerName)})`);
      const ids = (await rows<{ id: string }>(em, LOAN_SQL.erasable(where.join(' AND ')), params)).map((r) => r.id);
      await this.erase(em, actor, ids, 'request');
      await this.audit.record(em, actor, {
        action: 'loan.erasure_requested',
        entityType: 'school',
        entityId: dto.schoolId,
        meta: { byReference: Boolean(dto.borrowerReference), byName: Boolean(dto.borrowerName), erasedLoans: ids.length },
      });
      return { erasedLoans: ids.length };
    });
  }

  /**
   * Erases the personal fields of every loan returned at least `retentionDays` (loan settings of its authority) before `today`.
   * The job's core; tests call it with a chosen today.
   */
  async eraseExpired(today: string): Promise<ErasureResultDto> {
    const authorities = await rows<{ id: string; section: unknown }>(this.dataSource.manager, LOAN_SQL.authoritiesWithPersonalData, [LOAN_SETTINGS_SECTION]);
    let erasedLoans = 0;
    for (const authority of authorities) {
      const { retentionDays } = effectiveLoanSettings(authority.section as Record<string, never>);
      const cutoff = addDays(today, -retentionDays);
      for (;;) {
        const erased = await transaction(this.dataSource, async (em) => {
          const due = await rows<{ id: string }>(em, LOAN_SQL.pastRetention, [authority.id, cutoff, RETENTION_BATCH]);
          await this.erase(em, null, due.map((r) => r.id), 'retention', authority.id);
          return due.length;
        });
        erasedLoans += erased;
        if (erased < RETENTION_BATCH) break;
      }
    }
    return { erasedLoans };
  }

  /** Nightly in German time, when no counter is open. */
  @Cron('20 3 * * *', { name: 'loans-retention', timeZone: 'Europe/Berlin' })
  async runRetentionJob(): Promise<void> {
    try {
      const { erasedLoans } = await this.eraseExpired(todayInBerlin());
      this.logger.log({ erasedLoans }, 'Erased the personal data of loans past their retention period');
    } catch (error) {
      this.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'Loan retention job failed');
    }
  }

  private async erase(em: EntityManager, actor: Actor | null, ids: string[], reason: 'request' | 'retention', authorityId?: string): Promise<void> {
    if (ids.length === 0) return;
    const erased = await exec<{ id: string; authority_id: string }>(em, LOAN_SQL.erase, [ids]);
    const events: AuditEvent[] = erased.rows.map((r) => ({
      action: 'loan.personal_data_erased',
      entityType: 'loan',
      entityId: r.id,
      authorityId: authorityId ?? r.authority_id,
      meta: { reason },
    }));
    await this.audit.recordMany(em, actor, events);
  }
}
