/** Anything that runs SQL in the caller's transaction: an EntityManager, a QueryRunner, an export connection. */
interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** Planner and memory settings a heavy read may change for its own transaction (why: bench/RESULTS.md, at each caller). */
export interface TransactionTuning {
  /** No JIT compilation: rows handed out one by one never repay its start-up cost. */
  jit?: false;
  /** No parallel workers: they would take the cores the other requests (or the export's writer) need. */
  parallelWorkers?: 0;
  /**
   * No statement_timeout: a cursor's statement lasts until its reader is done (PostgreSQL times the whole portal, not
   * each fetch), so a large export to a slow client would be cancelled half-way. Only for readers with a pace of their own,
   * and for background jobs that must finish (the counters' nightly recount).
   */
  statementTimeout?: 0;
  /** A larger work_mem for one big sort or hash, e.g. '64MB'. */
  workMem?: `${number}${'kB' | 'MB' | 'GB'}`;
}

/**
 * Changes PostgreSQL settings for the current transaction only (SET LOCAL): they end with its commit or rollback, so a
 * pooled connection never carries them to the next request. The one place features tune a query's session.
 */
export async function tuneTransaction(db: Queryable, tuning: TransactionTuning): Promise<void> {
  if (tuning.jit === false) await db.query('SET LOCAL jit = off');
  if (tuning.parallelWorkers === 0) await db.query('SET LOCAL max_parallel_workers_per_gather = 0');
  if (tuning.statementTimeout === 0) await db.query('SET LOCAL statement_timeout = 0');
  if (tuning.workMem !== undefined) {
    // SET takes no parameters: the value is checked to be a plain size.
    if (!/^\d+(kB|MB|GB)$/.test(tuning.workMem)) throw new Error(`Not a memory size: ${tuning.workMem}`);
    await db.query(`SET LOCAL work_mem = '${tuning.workMem}'`);
  }
}
