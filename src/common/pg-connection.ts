import type { QueryRunner } from 'typeorm';

/** TypeORM's PostgresQueryRunner method that hands the connection back to the pg pool (not part of QueryRunner's type). */
type PostgresRunner = QueryRunner & { releasePostgresConnection(err?: Error): Promise<void> };

/**
 * Returns a query runner's connection to the pool, or, with an `error`, makes the pool destroy it: whatever the server
 * still does for that connection (an export's open cursor) stops with it. `QueryRunner.release()` cannot pass the error;
 * TypeORM's PostgresQueryRunner can, through a method outside its public type. src/common/pg-connection.spec.ts breaks
 * when an upgrade renames it.
 */
export function releaseConnection(runner: QueryRunner, error?: Error): Promise<void> {
  return (runner as PostgresRunner).releasePostgresConnection(error);
}
