import { todayInBerlin } from '../common/dates';
import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditEvent, AuditService } from '../audit/audit.service';
import { AccessService, tenantOf } from '../common/access';
import { invalidField } from '../common/errors';
import { addDays } from './loan-rules';
import { effectiveLoanSettings, LOAN_SETTINGS_SECTION } from './loan-settings';
import { EraseBorrowerDto, ErasureResultDto } from './loans.dto';

/** The personal fields of a loan, all cleared together (the check constraint ck_loans_erased_fields insists). */
const ERASE_SET = `borrower_name = NULL, borrower_reference = NULL, guardian_name = NULL, notes = NULL, return_notes = NULL,
                   personal_data_erased_at = now(), version = version + 1, updated_at = now()`;

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
    return this.dataSource.transaction(async (em) => {
      await this.access.requireSchool(actor, dto.schoolId, 'write', em);
      const params: unknown[] = [dto.schoolId];
      const where = ['school_id = $1', 'personal_data_erased_at IS NULL', 'returned_on IS NOT NULL'];
      if (dto.borrowerReference) where.push(`lower(borrower_reference) = lower($${params.push(dto.borrowerReference)})`);
      if (dto.borrowerName) where.push(`lower(borrower_name) = lower($${params.push(dto.borrowerName)})`);
      const rows: { id: string }[] = await em.query(`SELECT id FROM loans WHERE ${where.join(' AND ')} FOR UPDATE`, params);
      const ids = rows.map((r) => r.id);
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
    const authorities: { id: string; section: unknown }[] = await this.dataSource.query(
      `SELECT a.id, a.settings -> $1 AS section FROM authorities a
        WHERE EXISTS (SELECT 1 FROM loans l WHERE l.authority_id = a.id AND l.returned_on IS NOT NULL AND l.personal_data_erased_at IS NULL)`,
      [LOAN_SETTINGS_SECTION],
    );
    let erasedLoans = 0;
    for (const authority of authorities) {
      const { retentionDays } = effectiveLoanSettings(authority.section as Record<string, never>);
      const cutoff = addDays(today, -retentionDays);
      for (;;) {
        const erased = await this.dataSource.transaction(async (em) => {
          const rows: { id: string }[] = await em.query(
            `SELECT id FROM loans
              WHERE authority_id = $1 AND returned_on IS NOT NULL AND personal_data_erased_at IS NULL AND returned_on <= $2::date
              LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [authority.id, cutoff, RETENTION_BATCH],
          );
          await this.erase(em, null, rows.map((r) => r.id), 'retention', authority.id);
          return rows.length;
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
    const [rows] = await em.query(`UPDATE loans SET ${ERASE_SET} WHERE id = ANY($1::uuid[]) RETURNING id, authority_id`, [ids]);
    const events: AuditEvent[] = (rows as { id: string; authority_id: string }[]).map((r) => ({
      action: 'loan.personal_data_erased',
      entityType: 'loan',
      entityId: r.id,
      authorityId: authorityId ?? r.authority_id,
      meta: { reason },
    }));
    await this.audit.recordMany(em, actor, events);
  }
}
