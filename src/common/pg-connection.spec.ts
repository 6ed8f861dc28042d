import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

describe('releaseConnection (TypeORM private API)', () => {
  it('relies on PostgresQueryRunner.releasePostgresConnection(err), which an upgrade may rename', () => {
    const method = (PostgresQueryRunner.prototype as unknown as Record<string, unknown>).releasePostgresConnection;
    expect(typeof method).toBe('function');
    expect((method as (err?: Error) => unknown).length).toBe(1);
  });
});
