import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

// Any constant works; it only has to be the same for every process of this app (see src/database/migrate.ts).
const COUNTERS_LOCK_KEY = 724_018;

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
  async loanCounts(authorityId: string, today: string): Promise<{ active: number; overdue: number; returned: number }> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(sum(n) FILTER (WHERE due_on IS NOT NULL), 0) AS active, coalesce(sum(n) FILTER (WHERE due_on < $2::date), 0) AS overdue,
              coalesce(sum(n) FILTER (WHERE due_on IS NULL), 0) AS returned
         FROM (SELECT due_on, n FROM loan_counts WHERE authority_id = $1 UNION ALL SELECT due_on, n FROM loan_count_deltas WHERE authority_id = $1) c`,
      [authorityId, today],
    );
    return { active: Number(row.active), overdue: Number(row.overdue), returned: Number(row.returned) };
  }

  /** Folds the deltas into the counter rows (readers see the same figures before and after). */
  async compact(): Promise<CompactResult> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [COUNTERS_LOCK_KEY]);
      if (!locked) return { ran: false, folded: 0 };
      const [{ folded }] = await em.query('SELECT counters_compact() AS folded');
      return { ran: true, folded: Number(folded) };
    });
  }

  /** Recounts from the base tables, repairs the counters where they differ, then folds the deltas. */
  async reconcile(): Promise<ReconcileResult> {
    const repaired = await this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [COUNTERS_LOCK_KEY]);
      if (!locked) return null;
      // One recount of every device and loan: no parallel workers competing with the requests for the cores.
      await em.query('SET LOCAL max_parallel_workers_per_gather = 0');
      const [{ fixed }] = await em.query('SELECT counters_reconcile() AS fixed');
      return Number(fixed);
    });
    if (repaired === null) return { ran: false, repaired: 0, folded: 0 };
    const { folded } = await this.compact();
    return { ran: true, repaired, folded };
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
