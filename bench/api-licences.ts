import type { Actor } from '../src/common/actor';
import { contractsQuery, warningFactsQuery } from '../src/licences/licences.queries';
import type { BenchContext, Scenario, ScenarioGroup } from './api';
import { ensureBenchUser, tokenFor } from './common';
import { BENCH_LICENCES_OFFICE, BENCH_LICENCES_SLUG } from './seed-licences';

/** What LicencesService.settings reads first (the authority's settings section). */
const SETTINGS_SQL = `SELECT settings -> $2 AS section FROM authorities WHERE id = $1`;

/**
 * The licence list and the warnings of the 500-school authority `bench-licences` (seed part `licences`) with its 200
 * contracts, as its office user: the whole list in one page of 200 (seat sums per contract), and the warnings
 * (the settings, then products, all contracts with their sums and the over-used seats in one statement). `npm run bench:api -- --only=licences`.
 */
export const licenceScenarios: ScenarioGroup = {
  name: 'licences',
  async scenarios({ client, api }: BenchContext): Promise<Scenario[]> {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM authorities WHERE slug = $1`, [BENCH_LICENCES_SLUG]);
    if (!rows[0]) throw new Error('The licence bench data is missing: run `npm run bench:seed -- --only=licences` first');
    const authorityId = rows[0].id;
    await client.query('VACUUM (ANALYZE) licence_contracts, licence_seats, licence_products');
    const userId = await ensureBenchUser(client, { email: BENCH_LICENCES_OFFICE, role: 'office', authorityId });
    const actor: Actor = { id: userId, role: 'office', authorityId, schoolIds: [] };
    const token = tokenFor(api.secret, userId);
    return [
      {
        name: 'licences.contracts',
        description: 'GET /licences/contracts?limit=200: all 200 contracts of a 500-school authority with their seat sums, as office',
        token,
        targetP95Ms: 100,
        path: () => '/api/v1/licences/contracts?limit=200',
        statements: () => [contractsQuery(actor, {}, { limit: 200 }, false, 'json')],
      },
      {
        name: 'licences.warnings',
        description: 'GET /licences/warnings for the same authority: data protection, deadlines, seats, use',
        token,
        targetP95Ms: 100,
        path: () => '/api/v1/licences/warnings',
        statements: () => [{ sql: SETTINGS_SQL, params: [authorityId, 'licences'] }, warningFactsQuery(actor)],
      },
    ];
  },
};
