/** The counters' statements (migration Counters1765000000000 defines the tables and the functions they call). */

// Any constant works; it only has to be the same for every process of this app (see src/database/migrate.ts).
const COUNTERS_LOCK_KEY = 724_018;

export const COUNTERS_SQL = {
  /** The counters' transaction-level lock: one process folds or reconciles at a time. */
  tryLock: { sql: 'SELECT pg_try_advisory_xact_lock($1) AS locked', params: [COUNTERS_LOCK_KEY] },
  /** $1 the batch size: folds at most that many delta rows of each table; `more` when some may be left. */
  compact: 'SELECT folded, more FROM counters_compact($1)',
  reconcile: 'SELECT counters_reconcile() AS fixed',
  /** An authority's loans ($1) on a day ($2): active, overdue (due before it), returned. */
  loanCounts: `
    SELECT coalesce(sum(n) FILTER (WHERE due_on IS NOT NULL), 0) AS active, coalesce(sum(n) FILTER (WHERE due_on < $2::date), 0) AS overdue,
           coalesce(sum(n) FILTER (WHERE due_on IS NULL), 0) AS returned
      FROM (SELECT due_on, n FROM loan_counts WHERE authority_id = $1 UNION ALL SELECT due_on, n FROM loan_count_deltas WHERE authority_id = $1) c`,
} as const;
