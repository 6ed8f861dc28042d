import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The device history's return entries read "Rückgabe: damaged" until the reason was written with the German label of
 * the condition (src/i18n/labels.ts); the entries written before say it in German too.
 */
export class GermanReturnReasons1764930000000 implements MigrationInterface {
  name = 'GermanReturnReasons1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE device_events e SET reason = 'Rückgabe: ' || c.label
        FROM (VALUES ('ok', 'in Ordnung'), ('damaged', 'beschädigt'), ('defective', 'defekt'), ('lost', 'verloren')) AS c(code, label)
       WHERE e.kind = 'returned' AND e.reason = 'Rückgabe: ' || c.code`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE device_events e SET reason = 'Rückgabe: ' || c.code
        FROM (VALUES ('ok', 'in Ordnung'), ('damaged', 'beschädigt'), ('defective', 'defekt'), ('lost', 'verloren')) AS c(code, label)
       WHERE e.kind = 'returned' AND e.reason = 'Rückgabe: ' || c.label`);
  }
}
