import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seat sums of each licence contract kept on its row (assigned, in use as reported, schools taking part), so that
 * the office's contract list and the warnings read 200 contract rows instead of summing the seats of every school per
 * contract (28,000 seats rows at 500 schools). Statement triggers recompute the sums of the contracts a statement
 * touched (one grouped pass, however many rows an import changes). Writers of seats lock the contract row first anyway
 * (LicenceSeatsService), so the trigger's update of that row waits for no one else. A seats row never moves to
 * another contract (the contract is part of its key), so the new rows of an UPDATE name every contract touched.
 */
export class LicenceSeatSums1764940000000 implements MigrationInterface {
  name = 'LicenceSeatSums1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE licence_contracts ADD COLUMN seats_assigned_sum bigint NOT NULL DEFAULT 0,
                     ADD COLUMN seats_in_use_sum bigint, ADD COLUMN seat_schools integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION licence_seat_sums() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE licence_contracts c
           SET seats_assigned_sum = x.assigned, seats_in_use_sum = x.in_use, seat_schools = x.schools
          FROM (SELECT t.contract_id, coalesce(sum(s.seats_assigned), 0) AS assigned, sum(s.seats_in_use) AS in_use, count(s.contract_id)::int AS schools
                  FROM (SELECT DISTINCT contract_id FROM changed) t
                  LEFT JOIN licence_seats s ON s.contract_id = t.contract_id
                 GROUP BY t.contract_id) x
         WHERE c.id = x.contract_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tg_licence_seats_sums_insert AFTER INSERT ON licence_seats REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licence_seat_sums()`);
    await q.query(`CREATE TRIGGER tg_licence_seats_sums_update AFTER UPDATE ON licence_seats REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licence_seat_sums()`);
    await q.query(`CREATE TRIGGER tg_licence_seats_sums_delete AFTER DELETE ON licence_seats REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licence_seat_sums()`);
    await q.query(`
      UPDATE licence_contracts c SET seats_assigned_sum = x.assigned, seats_in_use_sum = x.in_use, seat_schools = x.schools
        FROM (SELECT contract_id, sum(seats_assigned) AS assigned, sum(seats_in_use) AS in_use, count(*)::int AS schools FROM licence_seats GROUP BY contract_id) x
       WHERE c.id = x.contract_id`);
    // The warnings' over-used seats: a few rows, read from the index alone
    // (index-only, in key order) instead of every seats row of the authority.
    await q.query(`CREATE INDEX ix_licence_seats_over_used ON licence_seats (authority_id, contract_id, school_id) INCLUDE (seats_assigned, seats_in_use) WHERE seats_in_use > seats_assigned`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_licence_seats_over_used`);
    await q.query(`DROP TRIGGER tg_licence_seats_sums_insert ON licence_seats`);
    await q.query(`DROP TRIGGER tg_licence_seats_sums_update ON licence_seats`);
    await q.query(`DROP TRIGGER tg_licence_seats_sums_delete ON licence_seats`);
    await q.query(`DROP FUNCTION licence_seat_sums()`);
    await q.query(`ALTER TABLE licence_contracts DROP COLUMN seats_assigned_sum, DROP COLUMN seats_in_use_sum, DROP COLUMN seat_schools`);
  }
}
