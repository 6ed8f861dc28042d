import type { Client } from 'pg';
import { log } from './common';
import type { SeedPart } from './seed';

/**
 * The state-scale inventory: 400 authorities (one large city, `bench-001`, with 250 schools), 5,000 schools and
 * 1,000,000 devices of mixed types, ages and states. Devices are generated inside PostgreSQL
 * (INSERT ... SELECT over generate_series), which beats shipping a million rows through the driver.
 * No device is `loaned` here: the loans part lends devices together with their loan records.
 */

export const BENCH_AUTHORITIES = 400;
export const BENCH_SCHOOLS = 5_000;
export const BENCH_DEVICES = 1_000_000;
/** Schools of the large city `bench-001`. */
const BIG_CITY_SCHOOLS = 250;
/** The three schools of the bench coordinator (school numbers 100001..100003) get a fixed, large inventory. */
const COORDINATOR_SCHOOL_DEVICES = [20_000, 8_000, 3_000];

export const BENCH_BIG_CITY_SLUG = 'bench-001';
export const BENCH_COORDINATOR_SCHOOL_NUMBERS = ['100001', '100002', '100003'];

export const authoritiesPart: SeedPart = {
  name: 'authorities',
  describe: `${BENCH_AUTHORITIES} authorities`,
  async run({ client }) {
    await client.query(
      `INSERT INTO authorities (name, slug, kind, state)
       SELECT CASE WHEN i = 1 THEN 'Bench-Großstadt' ELSE 'Bench-Kommune ' || lpad(i::text, 3, '0') END,
              'bench-' || lpad(i::text, 3, '0'), CASE WHEN i % 5 = 0 THEN 'district' ELSE 'city' END, 'NW'
         FROM generate_series(1, $1::int) AS i`,
      [BENCH_AUTHORITIES],
    );
  },
};

export const schoolsPart: SeedPart = {
  name: 'schools',
  describe: `${BENCH_SCHOOLS} schools`,
  async run({ client }) {
    // School i belongs to the big city for i <= 250, else round-robin to the others; numbers are unique per authority.
    await client.query(
      `WITH a AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM authorities WHERE slug LIKE 'bench-%')
       INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count, broadband_mbps, has_fibre, wlan_coverage_percent)
       SELECT a.id,
              (ARRAY['Grundschule', 'Grundschule', 'Grundschule', 'Hauptschule', 'Realschule', 'Gesamtschule', 'Gymnasium', 'Förderschule', 'Berufskolleg'])[1 + i % 9] || ' Bench ' || i,
              (100000 + i)::text,
              (ARRAY['grundschule', 'grundschule', 'grundschule', 'hauptschule', 'realschule', 'gesamtschule', 'gymnasium', 'foerderschule', 'berufskolleg'])[1 + i % 9]::school_type,
              150 + (i * 37) % 1300, 15 + (i * 7) % 90, 6 + (i * 3) % 40, (ARRAY[16, 50, 100, 250, 1000])[1 + i % 5], i % 3 = 0, (i * 13) % 101
         FROM generate_series(1, $1::int) AS i
         JOIN a ON a.n = CASE WHEN i <= $2 THEN 1 ELSE 2 + (i - $2 - 1) % ($3::int - 1) END`,
      [BENCH_SCHOOLS, BIG_CITY_SCHOOLS, BENCH_AUTHORITIES],
    );
  },
};

/** Device counts per school: the coordinator's three schools fixed, the rest by a skewed weight, summing to the target. */
function deviceCounts(schoolNumbers: string[], total: number, scale: number): number[] {
  const fixed = COORDINATOR_SCHOOL_DEVICES.map((n) => Math.round(n * scale));
  const rest = total - fixed.reduce((a, b) => a + b, 0);
  const weights = schoolNumbers.map((nr, i) => (BENCH_COORDINATOR_SCHOOL_NUMBERS.includes(nr) ? 0 : 1 + ((i * 7919) % 97) / 24));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * rest));
  counts[counts.length - 1] += rest - counts.reduce((a, b) => a + b, 0);
  return schoolNumbers.map((nr, i) => {
    const f = BENCH_COORDINATOR_SCHOOL_NUMBERS.indexOf(nr);
    return f >= 0 ? fixed[f] : counts[i];
  });
}

// [type, share in %, [manufacturer, model, operating system, price in cents]...]
const CATALOG: [string, number, [string, string, string | null, number][]][] = [
  ['laptop', 40, [['Lenovo', 'ThinkPad L13 Gen 4', 'Windows 11 Education', 74900], ['Dell', 'Latitude 3440', 'Windows 11 Education', 69900], ['HP', 'ProBook 440 G10', 'Windows 11 Education', 71900], ['Acer', 'TravelMate B3', 'Windows 11 Education', 42900], ['Lenovo', '300e Chromebook Gen 4', 'ChromeOS', 32900], ['Apple', 'MacBook Air 13 M2', 'macOS', 119900]]],
  ['tablet', 30, [['Apple', 'iPad 10.2 (9. Gen.)', 'iPadOS', 39900], ['Apple', 'iPad 10.9 (10. Gen.)', 'iPadOS', 47900], ['Samsung', 'Galaxy Tab S6 Lite', 'Android', 32900], ['Microsoft', 'Surface Go 4', 'Windows 11 Education', 59900]]],
  ['desktop', 12, [['Fujitsu', 'Esprimo D7012', 'Windows 11 Education', 79900], ['Dell', 'OptiPlex 7010', 'Windows 11 Education', 84900], ['HP', 'Elite Mini 800 G9', 'Windows 11 Education', 89900]]],
  ['interactive_display', 6, [['Promethean', 'ActivPanel 9 75"', 'Android', 449900], ['Samsung', 'Flip Pro WM75B', 'Tizen', 389900], ['Clevertouch', 'IMPACT Max 86"', 'Android', 529900]]],
  ['projector', 3, [['Epson', 'EB-L210W', null, 119900], ['BenQ', 'MW560', null, 54900]]],
  ['document_camera', 3, [['Elmo', 'MX-P3', null, 69900], ['IPEVO', 'VZ-X', null, 24900]]],
  ['access_point', 4, [['Ubiquiti', 'UniFi U6 Pro', null, 16900], ['Aruba', 'AP-505', null, 49900], ['LANCOM', 'LW-600', null, 39900]]],
  ['printer', 2, [['Brother', 'HL-L8360CDW', null, 59900], ['Kyocera', 'ECOSYS M5526cdw', null, 64900]]],
];

async function createCatalog(client: Client): Promise<void> {
  await client.query(`CREATE TEMP TABLE bench_catalog (type device_type, k int, manufacturer text, model text, os text, price int, n int) ON COMMIT DROP`);
  await client.query(`CREATE TEMP TABLE bench_type_share (lo int, hi int, type device_type) ON COMMIT DROP`);
  let lo = 0;
  for (const [type, share, models] of CATALOG) {
    await client.query(`INSERT INTO bench_type_share VALUES ($1, $2, $3)`, [lo, lo + share, type]);
    lo += share;
    for (const [k, [manufacturer, model, os, price]] of models.entries()) {
      await client.query(`INSERT INTO bench_catalog VALUES ($1, $2, $3, $4, $5, $6, $7)`, [type, k, manufacturer, model, os, price, models.length]);
    }
  }
}

export const devicesPart: SeedPart = {
  name: 'devices',
  describe: `${BENCH_DEVICES.toLocaleString('en')} devices across the schools`,
  async run({ client, scale }) {
    await createCatalog(client);
    const { rows: schools } = await client.query<{ id: string; school_number: string }>(
      `SELECT s.id, s.school_number FROM schools s JOIN authorities a ON a.id = s.authority_id WHERE a.slug LIKE 'bench-%' ORDER BY a.slug, s.school_number`,
    );
    const counts = deviceCounts(schools.map((s) => s.school_number), Math.round(BENCH_DEVICES * scale), scale);
    const batch = 250;
    let done = 0;
    for (let i = 0; i < schools.length; i += batch) {
      const slice = schools.slice(i, i + batch);
      // h1/h2: per-device pseudo-random numbers from a hash, so a re-seed gives the same data.
      const inserted = await client.query(
          `INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, operating_system,
                                purchase_date, purchase_price_cents, commissioned_on, warranty_until, location, status, retired_on, retirement_reason)
           SELECT s.authority_id, s.id, 'INV-' || s.school_number || '-' || lpad(g::text, 6, '0'),
                  upper(substr(md5(s.id::text || g), 1, 12)),
                  c.type, c.manufacturer, c.model, c.os, p.purchase_date,
                  c.price + (h.h2 % 7 - 3) * 500, p.purchase_date + 7 + h.h1 % 30,
                  (p.purchase_date + CASE WHEN c.type = 'interactive_display' THEN interval '5 years' ELSE interval '3 years' END)::date,
                  CASE WHEN c.type IN ('access_point', 'projector', 'interactive_display') THEN 'Raum ' || (100 + h.h2 % 300) ELSE 'Medienraum ' || (1 + h.h2 % 4) END,
                  st.status::device_status,
                  CASE WHEN st.status = 'retired' THEN least(p.purchase_date + 1500 + h.h1 % 900, DATE '2026-06-30') END,
                  CASE WHEN st.status = 'retired' THEN (ARRAY['Displayschaden, Reparatur unwirtschaftlich', 'Akku defekt, Ersatz unwirtschaftlich', 'Technisch veraltet', 'Wasserschaden'])[1 + h.h1 % 4] END
             FROM unnest($1::uuid[], $2::int[]) AS x(school_id, n)
             JOIN schools s ON s.id = x.school_id
             CROSS JOIN LATERAL generate_series(1, x.n) AS g
             CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || ':' || g)) AS h1, abs(hashtext(g || ':' || s.id::text)) AS h2) h
             JOIN bench_type_share ts ON h.h1 % 100 >= ts.lo AND h.h1 % 100 < ts.hi
             JOIN bench_catalog c ON c.type = ts.type AND c.k = h.h2 % c.n
             CROSS JOIN LATERAL (SELECT DATE '2015-01-01' + h.h2 % 4200 AS purchase_date) p
             CROSS JOIN LATERAL (SELECT CASE WHEN (h.h1 / 100) % 100 < 50 THEN 'in_use' WHEN (h.h1 / 100) % 100 < 83 THEN 'available'
                                             WHEN (h.h1 / 100) % 100 < 87 THEN 'in_repair' WHEN (h.h1 / 100) % 100 < 98 THEN 'retired' ELSE 'lost' END AS status) st`,
        [slice.map((s) => s.id), counts.slice(i, i + batch)],
      );
      done += inserted.rowCount ?? 0;
      log(`devices: ${done.toLocaleString('en')} inserted`);
    }
  },
};

/** The bench world the scenarios use: the big city and the coordinator's three schools (largest first). */
export async function benchFixtures(client: Client): Promise<{ bigCityId: string; coordinatorSchoolIds: string[] }> {
  const { rows } = await client.query<{ authority_id: string; id: string }>(
    `SELECT s.authority_id, s.id FROM schools s JOIN authorities a ON a.id = s.authority_id
      WHERE a.slug = $1 AND s.school_number = ANY($2) ORDER BY s.school_number`,
    [BENCH_BIG_CITY_SLUG, BENCH_COORDINATOR_SCHOOL_NUMBERS],
  );
  if (rows.length !== BENCH_COORDINATOR_SCHOOL_NUMBERS.length) throw new Error('The bench data set is missing: run `npm run bench:seed` first');
  return { bigCityId: rows[0].authority_id, coordinatorSchoolIds: rows.map((r) => r.id) };
}
