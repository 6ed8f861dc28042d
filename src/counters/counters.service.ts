import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { one, transaction } from '../common/db';
import { tuneTransaction } from '../common/session-tuning';
import { AppConfig } from '../config/app-config';
import { COUNTERS_SQL } from './counters.queries';

/** Delta rows of each table folded per transaction. */
const COMPACT_BATCH = 50_000;

export interface CompactResult {
  /** False when another process held the counters' lock: it does the work. */
  ran: boolean;
  /** Delta rows folded into the counter rows. */
  folded: number;
}

export interface ReconcileResult extends CompactResult {
  /** Counter cells found wrong by the recount and repaired (0 when the counters were right). */
  repaired: number;
}

/**
 * The counters behind the office's figures (migration Counters1765000000000): triggers append signed deltas with every
 * write; this folds them into the counter rows now and then (compact) and, nightly or on command, recounts from the
 * devices and loans and repairs what differs (reconcile). Both take a transaction-level advisory lock, so with several
 * workers (API_WORKERS) or replicas one process does the work and the others skip it.
 */
@Injectable()
export class CountersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Counters');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.COUNTERS_COMPACT_SECONDS;
    if (seconds > 0) {
      this.timer = setInterval(() => void this.runJob('compact', () => this.compact()), seconds * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** The authority's loans: active, overdue on `today` (due before it) and returned, from the loan counters. */
  async loanCounts(authorityId: string, today: string, em: EntityManager): Promise<{ active: number; overdue: number; returned: number }> {
    const row = await one<{ active: string; overdue: string; returned: string }>(em, COUNTERS_SQL.loanCounts, [authorityId, today]);
    return { active: Number(row?.active ?? 0), overdue: Number(row?.overdue ?? 0), returned: Number(row?.returned ?? 0) };
  }

  /**
   * Folds the deltas into the counter rows (readers see the same figures before and after), COMPACT_BATCH delta rows of
   * each table per transaction until none are left: a backlog never makes one long statement.
   */
  async compact(): Promise<CompactResult> {
    let folded = 0;
    for (;;) {
      const step = await transaction(this.dataSource, async (em) => {
        if (!(await this.tryLock(em))) return undefined;
        return one<{ folded: number; more: boolean }>(em, COUNTERS_SQL.compact, [COMPACT_BATCH]);
      });
      // Another process holds the lock: it folds the rest.
      if (!step) return { ran: folded > 0, folded };
      folded += Number(step.folded);
      if (!step.more) return { ran: true, folded };
    }
  }

  /** Recounts from the base tables, repairs the counters where they differ, then folds the deltas. */
  async reconcile(): Promise<ReconcileResult> {
    const repaired = await transaction(this.dataSource, async (em) => {
      if (!(await this.tryLock(em))) return null;
      // One recount of every device and loan: no parallel workers competing with the requests for the cores, and no
      // statement timeout (a state's millions of devices may take longer than a request may).
      await tuneTransaction(em, { parallelWorkers: 0, statementTimeout: 0 });
      const row = await one<{ fixed: number }>(em, COUNTERS_SQL.reconcile);
      return Number(row?.fixed ?? 0);
    });
    if (repaired === null) return { ran: false, repaired: 0, folded: 0 };
    const { folded } = await this.compact();
    return { ran: true, repaired, folded };
  }

  private async tryLock(em: EntityManager): Promise<boolean> {
    const row = await one<{ locked: boolean }>(em, COUNTERS_SQL.tryLock.sql, [...COUNTERS_SQL.tryLock.params]);
    return row?.locked === true;
  }

  /** Nightly in German time, after the loan retention job. */
  @Cron('40 3 * * *', { name: 'counters-reconcile', timeZone: 'Europe/Berlin' })
  async runReconcileJob(): Promise<void> {
    await this.runJob('reconcile', () => this.reconcile());
  }

  private async runJob(name: string, job: () => Promise<CompactResult & { repaired?: number }>): Promise<void> {
    if (this.running) return;
    const run = job();
    this.running = run;
    try {
      const result = await run;
      if (result.repaired) this.logger.warn({ repaired: result.repaired }, 'Counters differed from a recount and were repaired');
      else if (name === 'reconcile' && result.ran) this.logger.log({ folded: result.folded }, 'Counters reconciled');
    } catch (error) {
      this.logger.error({ error: error instanceof Error ? error.message : String(error) }, `Counters ${name} failed`);
    } finally {
      this.running = undefined;
    }
  }
}
