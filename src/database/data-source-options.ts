import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';

// Dates without time stay 'YYYY-MM-DD' strings (no time-zone shifts); bigint sums of cents fit a JS number.
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/** The one place that turns a connection URL into TypeORM options. `synchronize` stays off: the schema is the migrations'. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    extra: { max: poolSize, application_name: 'schul-it-inventar' },
    // Failed queries surface through the exception filter (constraint violations are expected 409s, not log noise).
    logging: false,
  };
}
