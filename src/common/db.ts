import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to read the database in new code: SQL from the feature's `x.queries.ts`, the transaction (`em`)
 * passed explicitly. These helpers type the rows and hide TypeORM's quirk that `em.query()` answers an UPDATE or
 * DELETE (also with RETURNING) with `[rows, rowCount]` but a SELECT or INSERT with the rows themselves.
 */

/**
 * A statement with its parameters, built by a feature for someone else to run: e.g. what a feature's service hands
 * the export machinery for its streaming cursor (`DevicesService.exportQuery`), so `exports/` never sees the SQL files.
 */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** A statement's text, or a prepared statement made by `prepared`. */
export type Sql = string | PreparedSql;

/** A statement PostgreSQL keeps parsed and planned on each connection (see `prepared`). */
export interface PreparedSql {
  readonly name: string;
  readonly text: string;
}

/**
 * The statement as a named prepared statement (named by a hash of its text): each pooled connection parses it once,
 * and after a few runs PostgreSQL reuses a generic plan instead of planning it on every call. Only for a hot
 * statement whose planning costs about as much as its run (a stocktaking scan's one statement: planning was half of
 * its time in the database, bench/RESULTS.md #16) and whose text has few forms (e.g. one per `schoolScopeSql` form:
 * parameters, never values, in the text; every distinct text stays prepared on every connection). Its plan must suit
 * every parameter value (lookups by key, not a list whose best plan depends on the filter).
 */
export function prepared(text: string): PreparedSql {
  return { name: `p_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`, text };
}

/** The rows of a SELECT or an INSERT … RETURNING. */
export async function rows<T>(em: EntityManager, sql: Sql, params: unknown[] = []): Promise<T[]> {
  return unwrap<T>(await query(em, sql, params)).rows;
}

/** The first row of a SELECT or an INSERT … RETURNING, or undefined when there is none. */
export async function one<T>(em: EntityManager, sql: Sql, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(em, sql, params))[0];
}

/** An UPDATE or DELETE (with or without RETURNING): the rows it returned and how many rows it touched. */
export async function exec<T = Record<string, unknown>>(em: EntityManager, sql: Sql, params: unknown[] = []): Promise<{ rows: T[]; count: number }> {
  return unwrap<T>(await query(em, sql, params));
}

/**
 * What the database's committed state is now, as a string that changes whenever a transaction that wrote anything
 * ends, and never comes back: PostgreSQL's current snapshot (one past the newest transaction id that has ended, and the
 * older ones still running). A transaction that ends either raises the first or leaves the list. Read-only
 * transactions have no id and do not change it. For `VersionedReads` (common/coalesce.ts).
 */
export async function databaseVersion(em: EntityManager): Promise<string> {
  const row = await one<{ v: string }>(em, DATABASE_VERSION_SQL);
  return row!.v;
}

const DATABASE_VERSION_SQL = prepared('SELECT pg_current_snapshot()::text AS v');

// TypeORM hands the statement to node-postgres as it is, and node-postgres takes `{ name, text }` for a prepared one.
function query(em: EntityManager, sql: Sql, params: unknown[]): Promise<unknown> {
  return em.query(sql as string, params);
}

/** SQLSTATEs after which the same transaction, run again, may well succeed: serialization failure, deadlock. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/** True when the database aborted the transaction because of a concurrent one (not because of what it did). */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/**
 * The one way to write: `fn` runs in a transaction; when PostgreSQL aborts it with a serialization failure (40001)
 * or a deadlock (40P01), it runs once more in a fresh transaction (a second abort is the caller's error).
 * `fn` must therefore do nothing outside `em` that cannot be repeated; work after the commit belongs after this call.
 */
export async function transaction<T>(dataSource: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(fn);
  } catch (error) {
    if (!isRetryableConflict(error)) throw error;
    return dataSource.transaction(fn);
  }
}

/** What `onClient` needs of a client: pg's `Client` and `PoolClient` have it. */
export interface BareClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * The same three helpers on a bare pg client, for the few places that run without the application's DataSource
 * (the first admin before the server starts, the password-reset command: src/auth/first-admin.ts). The transaction
 * around them (BEGIN/COMMIT) is the caller's.
 */
export function onClient(client: BareClient) {
  return {
    rows: async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await client.query(sql, params)).rows as T[],
    one: async <T>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await client.query(sql, params)).rows[0] as T | undefined,
    exec: async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<{ rows: T[]; count: number }> => {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[], count: result.rowCount ?? 0 };
    },
  };
}

function unwrap<T>(result: unknown): { rows: T[]; count: number } {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return { rows: result[0] as T[], count: result[1] };
  }
  const list = Array.isArray(result) ? (result as T[]) : [];
  return { rows: list, count: list.length };
}

/**
 * Lets the current transaction's COMMIT return before its WAL reaches the disk (`synchronous_commit = off` for this
 * transaction only). Consistency is untouched; a crash of the database server may lose the last fraction of a second
 * of such commits. Only for frequent observations a person simply repeats when one is missing (a stocktaking scan),
 * never for a write someone relies on having happened (a loan, a move, money): the disk flush is most of such a write's
 * latency on ordinary disks (see bench/RESULTS.md, stocktaking scans).
 */
export async function commitWithoutWaitingForDisk(em: EntityManager): Promise<void> {
  await em.query('SET LOCAL synchronous_commit = off');
}
