import { log } from './common';
import type { SeedPart } from './seed';

/**
 * The export benchmark's data: one authority, `bench-export` ("Bench-Exportstadt"), whose office sees
 * 1,000,000 devices in 100 schools (no regular authority of the state-scale set is that large; the export must be
 * measured at the size an office can ask for), and a DigitalPakt grant with 50,000 invoices that bought 200,000
 * of those devices. Generated inside PostgreSQL (INSERT ... SELECT over generate_series); deterministic.
 */

export const EXPORT_AUTHORITY_SLUG = 'bench-export';
export const EXPORT_SCHOOLS = 100;
export const EXPORT_DEVICES = 1_000_000;
export const REPORT_INVOICES = 50_000;
export const REPORT_DEVICES = 200_000;
export const REPORT_GRANT_REFERENCE = 'BENCH-DP-2020-001';

export const exportDevicesPart: SeedPart = {
  name: 'export-devices',
  describe: `authority ${EXPORT_AUTHORITY_SLUG} with ${EXPORT_SCHOOLS} schools and ${EXPORT_DEVICES.toLocaleString('en')} devices`,
  async run({ client, scale }) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO authorities (name, slug, kind, state) VALUES ('Bench-Exportstadt', $1, 'city', 'NW') RETURNING id`,
      [EXPORT_AUTHORITY_SLUG],
    );
    const authorityId = rows[0].id;
    await client.query(
      `INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count, broadband_mbps, wlan_coverage_percent)
       SELECT $1, (ARRAY['Grundschule', 'Realschule', 'Gesamtschule', 'Gymnasium', 'Berufskolleg'])[1 + i % 5] || ' Exportstadt ' || i,
              (700000 + i)::text, (ARRAY['grundschule', 'realschule', 'gesamtschule', 'gymnasium', 'berufskolleg'])[1 + i % 5]::school_type,
              300 + (i * 37) % 1200, 25 + i % 80, 12 + i % 40, 250, (i * 13) % 101
         FROM generate_series(1, $2::int) AS i`,
      [authorityId, EXPORT_SCHOOLS],
    );
    const total = Math.round(EXPORT_DEVICES * scale);
    const chunk = 100_000;
    for (let from = 1; from <= total; from += chunk) {
      const to = Math.min(total, from + chunk - 1);
      // Device g goes to school 1 + g % 100; type, model, dates and price vary with g.
      await client.query(
        `WITH s AS (SELECT id, row_number() OVER (ORDER BY school_number) - 1 AS k FROM schools WHERE authority_id = $1)
         INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, operating_system,
                              purchase_date, purchase_price_cents, commissioned_on, warranty_until, location, status)
         SELECT $1, s.id, 'EX-' || lpad(g::text, 7, '0'), 'SN' || upper(substr(md5(g::text), 1, 10)),
                (ARRAY['laptop', 'tablet', 'tablet', 'desktop', 'interactive_display', 'access_point'])[1 + g % 6]::device_type,
                (ARRAY['Lenovo', 'Apple', 'Samsung', 'Fujitsu', 'Promethean', 'Ubiquiti'])[1 + g % 6],
                (ARRAY['ThinkPad L13 Gen 4', 'iPad 10.9 (10. Gen.)', 'Galaxy Tab S6 Lite', 'Esprimo D7012', 'ActivPanel 9 75"', 'UniFi U6 Pro'])[1 + g % 6],
                (ARRAY['Windows 11 Education', 'iPadOS', 'Android', 'Windows 11 Education', 'Android', NULL])[1 + g % 6],
                DATE '2019-06-01' + (g * 7) % 2000, 16900 + ((g::bigint * 7919) % 500000)::int, DATE '2019-06-15' + (g * 7) % 2000,
                DATE '2022-06-01' + (g * 7) % 2000, 'Raum ' || (100 + g % 300),
                (ARRAY['available', 'in_use', 'in_use', 'in_repair', 'available'])[1 + g % 5]::device_status
           FROM generate_series($2::int, $3::int) AS g
           JOIN s ON s.k = g % $4`,
        [authorityId, from, to, EXPORT_SCHOOLS],
      );
      log(`export-devices: ${to.toLocaleString('en')} of ${total.toLocaleString('en')}`);
    }
  },
};

export const grantReportPart: SeedPart = {
  name: 'grant-report',
  describe: `a grant of ${EXPORT_AUTHORITY_SLUG} with ${REPORT_INVOICES.toLocaleString('en')} invoices and ${REPORT_DEVICES.toLocaleString('en')} linked devices`,
  async run({ client, scale }) {
    const invoices = Math.round(REPORT_INVOICES * scale);
    const { rows } = await client.query<{ authority: string; grant: string }>(
      `WITH a AS (SELECT id FROM authorities WHERE slug = $1)
       INSERT INTO grants (authority_id, program, title, reference_number, decision_date, approved_cents, funding_rate_bp, eligible_from, eligible_until, status)
       SELECT a.id, 'digitalpakt_basis', 'DigitalPakt Schule – Basis (Bench)', $2, DATE '2020-03-15', 40000000000, 9000, DATE '2019-05-17', DATE '2099-12-31', 'approved'
         FROM a RETURNING authority_id AS authority, id AS grant`,
      [EXPORT_AUTHORITY_SLUG, REPORT_GRANT_REFERENCE],
    );
    const { authority, grant } = rows[0];
    await client.query(
      `INSERT INTO grant_allocations (authority_id, grant_id, school_id, amount_cents)
       SELECT $1, $2, id, 400000000 FROM schools WHERE authority_id = $1`,
      [authority, grant],
    );
    // Invoice i is for school 1 + i % 100; every 50th has no invoice document yet and every 97th no devices linked,
    // so the review notes sheet has lines to show.
    await client.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY school_number) - 1 AS k FROM schools WHERE authority_id = $1)
       INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, invoice_number, invoice_date, paid_on, vendor, description, gross_cents)
       SELECT $1, $2, s.id, (ARRAY['devices', 'devices', 'devices', 'displays', 'network', 'software'])[1 + i % 6]::expenditure_category,
              DATE '2020-01-01' + i % 1500,
              CASE WHEN i % 50 <> 0 THEN 'RE-' || lpad(i::text, 6, '0') END,
              CASE WHEN i % 50 <> 0 THEN DATE '2020-01-10' + i % 1500 END,
              CASE WHEN i % 50 <> 0 AND i % 3 <> 0 THEN DATE '2020-02-10' + i % 1500 END,
              (ARRAY['Bechtle AG', 'Cancom SE', 'Medienhaus Nord', 'Netzbau GmbH', 'Dataport'])[1 + i % 5],
              'Beschaffung ' || i || ' für die Schule', 5000 + (i::bigint * 104729) % 2500000
         FROM generate_series(1, $3::int) AS i JOIN s ON s.k = i % 100`,
      [authority, grant, invoices],
    );
    // Device EX-g (g = 1 .. 200,000) goes to the (g mod m)-th invoice of those that link devices (m of them).
    await client.query(
      `WITH x AS (SELECT id, (regexp_match(description, '[0-9]+'))[1]::int AS i FROM expenditures WHERE grant_id = $2),
            e AS (SELECT id, row_number() OVER (ORDER BY i) - 1 AS k FROM x WHERE i % 97 <> 0),
            m AS (SELECT count(*) AS n FROM e)
       INSERT INTO expenditure_devices (device_id, expenditure_id, authority_id)
       SELECT d.id, e.id, $1
         FROM generate_series(1, $3::int) AS g
        CROSS JOIN m
         JOIN e ON e.k = (g - 1) % m.n
         JOIN devices d ON d.authority_id = $1 AND d.inventory_number = 'EX-' || lpad(g::text, 7, '0')`,
      [authority, grant, Math.round(REPORT_DEVICES * scale)],
    );
    const { rows: counts } = await client.query(
      `SELECT (SELECT count(*) FROM expenditures WHERE grant_id = $1)::int AS invoices,
              (SELECT count(*) FROM expenditure_devices ed JOIN expenditures e ON e.id = ed.expenditure_id WHERE e.grant_id = $1)::int AS devices`,
      [grant],
    );
    log(`grant-report: ${counts[0].invoices} invoices, ${counts[0].devices} linked devices`);
  },
};
