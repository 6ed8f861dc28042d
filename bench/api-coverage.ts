import type { Actor } from '../src/common/actor';
import { COVERAGE_SORTS } from '../src/coverage/coverage-sort';
import { todayInBerlin } from '../src/common/dates';
import { effectiveCoverageSettings } from '../src/coverage/coverage-settings';
import { coverageQuery, inventoryQuery } from '../src/coverage/coverage.queries';
import { NEED_COUNTS_SQL } from '../src/needs/needs.queries';
import { Client } from 'pg';
import type { BenchContext, Scenario, ScenarioGroup } from './api';
import { ensureBenchUser, seeded, tokenFor } from './common';
import { BENCH_LAND_OFFICE, BENCH_LAND_SLUG } from './seed-coverage';

/** What CoverageService reads before its query (the authority's settings section). */
const SETTINGS_SQL = `SELECT settings -> $2 AS section FROM authorities WHERE id = $1`;
/** Copies of CountersService.loanCounts and GrantsService.budgetOverview, for the plain-pg baseline of the overview. */
const LOAN_COUNTS_SQL = `SELECT coalesce(sum(n) FILTER (WHERE due_on IS NOT NULL), 0) AS active, coalesce(sum(n) FILTER (WHERE due_on < $2::date), 0) AS overdue,
              coalesce(sum(n) FILTER (WHERE due_on IS NULL), 0) AS returned
         FROM (SELECT due_on, n FROM loan_counts WHERE authority_id = $1 UNION ALL SELECT due_on, n FROM loan_count_deltas WHERE authority_id = $1) c`;
const GRANT_BUDGET_SQL = `SELECT count(*)::int AS grants, coalesce(sum(g.approved_cents), 0)::bigint AS "approvedCents",
              coalesce(sum((SELECT sum(e.gross_cents) FROM expenditures e WHERE e.grant_id = g.id)), 0)::bigint AS "spentCents"
         FROM grants g WHERE g.authority_id = $1`;

/**
 * Coverage report and overview for the 500-school district `bench-land` (seed part `coverage`), as its office user.
 * The list is computed for all 500 schools on every request (sorting needs them all), then one page of 50 is sent.
 */
export const coverageScenarios: ScenarioGroup = {
  name: 'coverage',
  async scenarios({ client, api, url }: BenchContext): Promise<Scenario[]> {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM authorities WHERE slug = $1`, [BENCH_LAND_SLUG]);
    if (!rows[0]) throw new Error('The coverage bench data is missing: run `npm run bench:seed` (part `coverage`) first');
    const authorityId = rows[0].id;
    // The steady state autovacuum keeps in production: all-visible pages, so the grouped pass is an index-only scan.
    // Right after the seed (one big insert, below autovacuum's insert threshold for a 1,000,000-row table) it is not yet.
    await client.query('VACUUM (ANALYZE) devices, loans, device_counts, device_count_deltas, loan_counts, loan_count_deltas');
    const userId = await ensureBenchUser(client, { email: BENCH_LAND_OFFICE, role: 'office', authorityId });
    const actor: Actor = { id: userId, role: 'office', authorityId, schoolIds: [] };
    const token = tokenFor(api.secret, userId);
    const asOf = todayInBerlin();
    const settings = effectiveCoverageSettings({});
    const forHttp = seeded(11);
    const settingsStatement = { sql: SETTINGS_SQL, params: [authorityId, 'coverage'] };
    const list: Scenario = {
      name: 'coverage.list',
      description: 'GET /coverage for a 500-school authority, first page of 50, sorted by a varying indicator, as office',
      token,
      targetP95Ms: 50,
      path: () => `/api/v1/coverage?limit=50&sort=${COVERAGE_SORTS[Math.floor(forHttp() * COVERAGE_SORTS.length)]}`,
      statements: () => [settingsStatement, coverageQuery(actor, {}, settings, asOf)],
    };
    const overview: Scenario = {
      name: 'coverage.overview',
      description: 'GET /stats/overview for the same authority: devices by type and status, loans, coverage summary, needs, grants',
      token,
      targetP95Ms: 50,
      path: () => '/api/v1/stats/overview',
      statements: () => [
        settingsStatement,
        coverageQuery(actor, {}, settings, asOf),
        inventoryQuery(actor),
        { sql: LOAN_COUNTS_SQL, params: [authorityId, asOf] },
        { sql: NEED_COUNTS_SQL, params: [authorityId] },
        { sql: GRANT_BUDGET_SQL, params: [authorityId] },
      ],
    };
    // The same two while another city writes 20 times a second: every committed write makes the next request compute
    // its answer again (VersionedReads, src/common/coalesce.ts), so these show the cost without the stored answer.
    // (Only where another authority has devices: a database seeded with part `coverage` alone has none.)
    const elsewhere = await otherAuthorityDevice(client, authorityId);
    if (!elsewhere) return [list, overview];
    const writing = (s: Scenario): Scenario => ({
      ...s,
      name: `${s.name}-while-writing`,
      description: `${s.name} while a device of another authority changes status every 50 ms (a committed write each time)`,
      statements: undefined,
      meanwhile: () => writeEvery(url, elsewhere, 50),
    });
    return [list, overview, writing(list), writing(overview)];
  },
};

/** An available device of another authority, to write to beside the scenarios. */
async function otherAuthorityDevice(client: BenchContext['client'], authorityId: string): Promise<string | undefined> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM devices WHERE authority_id <> $1 AND status = 'available' ORDER BY id LIMIT 1`,
    [authorityId],
  );
  return rows[0]?.id;
}

/** Commits a status change of the device (there and back) every `ms` until stopped; leaves it available. */
function writeEvery(url: string, deviceId: string, ms: number): { stop(): Promise<void> } {
  const writer = new Client({ connectionString: url });
  let stopped = false;
  const done = (async () => {
    await writer.connect();
    while (!stopped) {
      await writer.query(`UPDATE devices SET status = CASE WHEN status = 'available' THEN 'in_repair' ELSE 'available' END::device_status WHERE id = $1`, [deviceId]);
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    await writer.query(`UPDATE devices SET status = 'available' WHERE id = $1`, [deviceId]);
    await writer.end();
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
