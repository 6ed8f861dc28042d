// Median SQL time per request of coverage and overview, old (main before #18) and new statements alternating.
const nw = require('/work/wt-counters/dist/src/coverage/coverage.queries');
const old = require('/work/wt-counters-base/dist/src/coverage/coverage.queries');
const { effectiveCoverageSettings } = require('/work/wt-counters/dist/src/coverage/coverage-settings');
const { Client } = require('pg');
const LOANS_OLD = `SELECT count(*) FILTER (WHERE returned_on IS NULL) AS active, count(*) FILTER (WHERE returned_on IS NULL AND due_on < $2::date) AS overdue, count(*) FILTER (WHERE returned_on IS NOT NULL) AS returned FROM loans WHERE authority_id = $1`;
const LOANS_NEW = `SELECT coalesce(sum(n) FILTER (WHERE due_on IS NOT NULL), 0) AS active, coalesce(sum(n) FILTER (WHERE due_on < $2::date), 0) AS overdue, coalesce(sum(n) FILTER (WHERE due_on IS NULL), 0) AS returned FROM (SELECT due_on, n FROM loan_counts WHERE authority_id = $1 UNION ALL SELECT due_on, n FROM loan_count_deltas WHERE authority_id = $1) c`;
(async () => {
  const c = new Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
  await c.query('SET max_parallel_workers_per_gather = 0');
  const { rows } = await c.query(`SELECT a.id, u.id AS uid FROM authorities a JOIN users u ON u.authority_id = a.id WHERE a.slug = 'bench-land' LIMIT 1`);
  const actor = { id: rows[0].uid, role: 'office', authorityId: rows[0].id, schoolIds: [] };
  const s = effectiveCoverageSettings({}); const day = '2026-12-07';
  const sets = {
    'coverage old': [old.coverageQuery(actor, {}, s, day)],
    'coverage new': [nw.coverageQuery(actor, {}, s, day)],
    'overview old': [old.overviewQuery(actor, s, day), { sql: LOANS_OLD, params: [actor.authorityId, day] }],
    'overview new': [nw.coverageQuery(actor, {}, s, day), nw.inventoryQuery(actor), { sql: LOANS_NEW, params: [actor.authorityId, day] }],
  };
  const times = Object.fromEntries(Object.keys(sets).map((k) => [k, []]));
  for (let round = 0; round < 25; round++) for (const [k, qs] of Object.entries(sets)) {
    const t0 = process.hrtime.bigint(); for (const q of qs) await c.query(q.sql, q.params); times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };
  for (const [k, a] of Object.entries(times)) console.log(`${process.env.LABEL} ${k}: median ${med(a).toFixed(1)} ms, min ${Math.min(...a).toFixed(1)} ms (25 runs, alternating)`);
  await c.end();
})();
