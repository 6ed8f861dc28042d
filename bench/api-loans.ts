import { todayInBerlin } from '../src/common/dates';
import type { Actor } from '../src/common/actor';
import { loanListQuery } from '../src/loans/loans.queries';
import type { BenchContext, BenchStep, Scenario, ScenarioGroup } from './api';
import { ensureBenchUser, log, percentile, seeded, tokenFor } from './common';
import { benchFixtures } from './seed-devices';

/** The overdue list of one school (first page of 50, by due date) as its coordinator, over the 2,000,000 past loans. */
export const loanScenarios: ScenarioGroup = {
  name: 'loans',
  async scenarios({ client, api }: BenchContext): Promise<Scenario[]> {
    const { bigCityId, coordinatorSchoolIds } = await benchFixtures(client);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM loans WHERE school_id = ANY($1)`, [coordinatorSchoolIds]);
    if (!rows[0].n) throw new Error('The loans bench data is missing: run `npm run bench:seed` (part `loans`) first');
    const userId = await ensureBenchUser(client, { email: 'bench-coordinator@bench.example', role: 'coordinator', authorityId: bigCityId, schoolIds: coordinatorSchoolIds });
    const actor: Actor = { id: userId, role: 'coordinator', authorityId: bigCityId, schoolIds: coordinatorSchoolIds };
    const token = tokenFor(api.secret, userId);
    const forHttp = seeded(21);
    const forPg = seeded(21);
    const pickSchool = (random: () => number) => coordinatorSchoolIds[Math.floor(random() * coordinatorSchoolIds.length)];
    return [
      {
        name: 'loans.overdue-list',
        description: "one school's overdue loans, first page of 50 by due date, as its coordinator (borrowers visible)",
        token,
        targetP95Ms: 25,
        path: () => `/api/v1/loans?schoolId=${pickSchool(forHttp)}&state=overdue&limit=50`,
        statements: () => {
          const { sql, params } = loanListQuery(actor, { schoolId: pickSchool(forPg), state: 'overdue', limit: 50 }, { today: todayInBerlin() });
          return [{ sql, params }];
        },
      },
    ];
  },
};

const CLIENTS = 32;

async function call(url: string, token: string, body: unknown): Promise<{ status: number; ms: number; json: { id?: string } }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { id?: string };
  return { status: res.status, ms: performance.now() - started, json };
}

/**
 * Lending and returning at the counter: 32 concurrent clients, each on its own available devices of the big city,
 * lend (POST /loans) then return (POST /loans/{id}/return) in a loop for BENCH_DURATION seconds, as the city's office.
 * Every device is available again afterwards, so the step can run again.
 */
export const lendReturnStep: BenchStep = {
  name: 'loans.lend-return',
  async run({ client, api }: BenchContext): Promise<Record<string, unknown>> {
    const { bigCityId } = await benchFixtures(client);
    const userId = await ensureBenchUser(client, { email: 'bench-office@bench.example', role: 'office', authorityId: bigCityId });
    const token = tokenFor(api.secret, userId);
    const duration = Number(process.env.BENCH_DURATION ?? 20);
    const perClient = 400;
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM devices WHERE authority_id = $1 AND status = 'available' AND type IN ('laptop', 'tablet') ORDER BY md5(id::text) LIMIT $2`,
      [bigCityId, CLIENTS * perClient],
    );
    if (rows.length < CLIENTS) throw new Error('Not enough available devices for the lend/return benchmark');
    const lend: number[] = [];
    const giveBack: number[] = [];
    let loans = 0;
    let errors = 0;
    const end = Date.now() + duration * 1000;
    const worker = async (k: number) => {
      // Distinct devices per client: client k uses devices k, k + 32, k + 64, ...
      for (let i = k; i < rows.length && Date.now() < end; i += CLIENTS) {
        const out = await call(`${api.baseUrl}/api/v1/loans`, token, { deviceId: rows[i].id, borrowerKind: 'student', borrowerName: `Bench Counter ${k}-${i}`, borrowerClass: '7a', accessories: ['charger'] });
        if (out.status !== 201 || !out.json.id) {
          errors++;
          continue;
        }
        lend.push(out.ms);
        const back = await call(`${api.baseUrl}/api/v1/loans/${out.json.id}/return`, token, { condition: 'ok' });
        if (back.status !== 200) {
          errors++;
          continue;
        }
        giveBack.push(back.ms);
        loans++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, k) => worker(k)));
    const seconds = (performance.now() - started) / 1000;
    lend.sort((a, b) => a - b);
    giveBack.sort((a, b) => a - b);
    const r = (n: number) => Math.round(n * 10) / 10;
    const result = {
      clients: CLIENTS,
      seconds: r(seconds),
      loansPerSecond: r(loans / seconds),
      requestsPerSecond: r((lend.length + giveBack.length) / seconds),
      lendP50Ms: r(percentile(lend, 50)),
      lendP95Ms: r(percentile(lend, 95)),
      returnP50Ms: r(percentile(giveBack, 50)),
      returnP95Ms: r(percentile(giveBack, 95)),
      errors,
    };
    log(`  ${loans} loans lent and returned`);
    return result;
  },
};
