import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { guardedClient } from './guarded-client';

// Dates without time stay 'YYYY-MM-DD' strings (no time-zone shifts); bigint sums of cents fit a JS number.
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/** How long the API waits for the database (src/config/app-config.ts: DB_STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS). */
export interface DatabaseTimeouts {
  /** Server-side statement_timeout; a query that runs longer is cancelled (57014, answered 503). 0: none. */
  statementTimeoutMs: number;
  /** Waiting for a pooled connection, or for a new one to be made. 0: forever. */
  connectTimeoutMs: number;
}

/** The one place that turns a connection URL into TypeORM options. `synchronize` stays off: the schema is the migrations'. */
export function dataSourceOptions(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSourceOptions {
  // The server cancels a long statement itself; when it cannot answer at all (frozen, cut off), the client gives up a
  // little later and drops the connection. Both make a request fail fast with 503 instead of hanging.
  const guard = timeouts
    ? {
        statement_timeout: timeouts.statementTimeoutMs,
        connectionTimeoutMillis: timeouts.connectTimeoutMs,
        Client: guardedClient(timeouts.statementTimeoutMs ? timeouts.statementTimeoutMs + Math.max(timeouts.connectTimeoutMs, 1000) : 0),
      }
    : {};
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    extra: { max: poolSize, application_name: 'schul-it-inventar', ...guard },
    // Failed queries surface through the exception filter (constraint violations are expected 409s, not log noise).
    logging: false,
  };
}
