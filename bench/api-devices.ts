import type { Actor } from '../src/common/actor';
import { encodeCursor } from '../src/common/pagination';
import type { ListDevicesQueryDto } from '../src/devices/device-filters';
import { buildDeviceListSql } from '../src/devices/devices.queries';
import type { BenchContext, Scenario, ScenarioGroup } from './api';
import { ensureBenchUser, seeded, tokenFor } from './common';
import { benchFixtures } from './seed-devices';

// The baselines run exactly the SQL one API request runs. The caller lookup of the auth guard is not part of it:
// AuthService keeps it for AUTH_CACHE_SECONDS (default 2 s), so under load it costs one query per user every 2 s.

function toQueryString(query: Partial<ListDevicesQueryDto>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  return `/api/v1/devices?${params.toString()}`;
}

/** A scenario whose requests and baseline statements come from one query generator. */
function listScenario(base: Omit<Scenario, 'path' | 'statements'>, actor: Actor, nextQuery: (random: () => number) => Partial<ListDevicesQueryDto>): Scenario {
  const forHttp = seeded(7);
  const forPg = seeded(7);
  return {
    ...base,
    path: () => toQueryString(nextQuery(forHttp)),
    statements: () => {
      const query = { limit: 50, sort: 'inventoryNumber', ...nextQuery(forPg) } as ListDevicesQueryDto;
      const { sql, params } = buildDeviceListSql(actor, query);
      return [{ sql, params }];
    },
  };
}

const pick = <T>(random: () => number, items: T[]): T => items[Math.floor(random() * items.length)];

export const deviceScenarios: ScenarioGroup = {
  name: 'devices',
  async scenarios({ client, api }: BenchContext): Promise<Scenario[]> {
    const { bigCityId, coordinatorSchoolIds } = await benchFixtures(client);
    const userId = await ensureBenchUser(client, { email: 'bench-coordinator@bench.example', role: 'coordinator', authorityId: bigCityId, schoolIds: coordinatorSchoolIds });
    const actor: Actor = { id: userId, role: 'coordinator', authorityId: bigCityId, schoolIds: coordinatorSchoolIds };
    const token = tokenFor(api.secret, userId);

    // Fragments of real serial numbers of the coordinator's devices (6 of their 12 characters).
    const { rows: serials } = await client.query<{ serial_number: string }>(
      `SELECT serial_number FROM devices WHERE school_id = ANY($1) AND serial_number IS NOT NULL ORDER BY md5(id::text) LIMIT 500`,
      [coordinatorSchoolIds],
    );
    const fragments = serials.map((s, i) => s.serial_number.slice(i % 6, (i % 6) + 6));

    // Cursors deep inside the largest school (after its 5,000th to 19,000th device by inventory number).
    const { rows: deep } = await client.query<{ inventory_number: string; id: string }>(
      `SELECT inventory_number, id FROM (
         SELECT inventory_number, id, row_number() OVER (ORDER BY inventory_number, id) AS n FROM devices WHERE school_id = $1) x
        WHERE n >= 5000 AND n % 97 = 0 LIMIT 150`,
      [coordinatorSchoolIds[0]],
    );
    const cursors = deep.map((r) => encodeCursor([r.inventory_number, r.id]));

    return [
      listScenario(
        { name: 'devices.available-laptops', description: "(a) one school's available laptops, first page of 50, as coordinator", token, targetP95Ms: 25 },
        actor,
        (random) => ({ schoolId: pick(random, coordinatorSchoolIds), status: ['available'], type: ['laptop'], limit: 50 }),
      ),
      listScenario(
        { name: 'devices.serial-fragment', description: '(b) search by a 6-character serial-number fragment over the coordinator\'s schools', token, targetP95Ms: 50 },
        actor,
        (random) => ({ q: pick(random, fragments), limit: 50 }),
      ),
      listScenario(
        { name: 'devices.deep-page', description: '(c) a deep page by cursor (after device 5,000-19,000 of a 20,000-device school), 50 rows', token, targetP95Ms: 25 },
        actor,
        (random) => ({ schoolId: coordinatorSchoolIds[0], cursor: pick(random, cursors), limit: 50 }),
      ),
    ];
  },
};
