import { addDays, isoDate, pick, type DemoContext, type DemoSchool } from './demo-context';
import { labelOf } from '../i18n/labels';
import { rows } from '../common/db';

/**
 * Three grants of different programs with allocations per school and a few hundred orders and invoices,
 * linked to the demo devices of each school (selected by SQL, so this runs after the devices seed).
 * Spending stays within every allocation, so the demo shows the budget rules as they are meant to work;
 * one override (with its reason) shows what an accepted overspend looks like.
 */
interface GrantSpec {
  program: string;
  title: string;
  referenceNumber: string;
  decisionDate: string;
  approvedCents: number;
  fundingRateBp: number;
  eligibleFrom: string;
  eligibleUntil: string;
  proofDueOn: string;
  status: string;
  earmarkingByType: Record<string, number>;
  /** Which device types its invoices buy, and the category they are booked under. */
  deviceTypes: string[];
  /** Share of each allocation that is spent, and which schools take part. */
  spendShare: number;
  schools: (s: DemoSchool) => boolean;
  /** Budget per school (before scaling to the approved amount). */
  weight: (s: DemoSchool) => number;
  otherCategories: string[];
  /** Grants pick their devices in this order. */
  spendOrder: number;
}

const VENDORS = ['Bechtle GmbH & Co. KG', 'Cancom GmbH', 'Computacenter AG', 'Systemhaus Musterstadt GmbH', 'Elektro Schneider KG', 'Medienzentrum Nord eG'];

const OTHER_LINES: Record<string, string[]> = {
  network: ['Strukturierte Verkabelung Trakt B', 'WLAN-Ausleuchtung und Controller', 'Switches und Patchfelder'],
  installation: ['Montage interaktiver Displays', 'Installation Serverschrank', 'Einrichtung MDM und Rollout'],
  software: ['MDM-Lizenzen (3 Jahre)', 'Lernplattform-Lizenzen', 'Office-Lizenzen Schule'],
  training: ['Fortbildung Tablets im Unterricht', 'Schulung IT-Koordination', 'Workshop interaktive Displays'],
  other: ['Ladewagen für Tablets', 'Schutzhüllen und Eingabestifte', 'Dokumentenkameras'],
};

const GRANTS: GrantSpec[] = [
  {
    program: 'digitalpakt_basis',
    title: 'DigitalPakt Schule 2019–2024 (Basis)',
    referenceNumber: '48.01-DP-2020-0117',
    decisionDate: '2020-03-12',
    approvedCents: 420_000_000,
    fundingRateBp: 9000,
    eligibleFrom: '2019-05-17',
    eligibleUntil: '2024-12-31',
    proofDueOn: '2026-12-31',
    status: 'approved',
    earmarkingByType: { laptop: 3, tablet: 3, access_point: 10 },
    deviceTypes: ['interactive_display', 'desktop', 'projector', 'document_camera', 'access_point', 'printer', 'tablet', 'laptop'],
    spendShare: 0.88,
    schools: () => true,
    weight: (s) => 40_000 + s.studentCount * 110,
    otherCategories: ['network', 'installation', 'software', 'training', 'other'],
    spendOrder: 3,
  },
  {
    program: 'sofortausstattung',
    title: 'Sofortausstattungsprogramm 2020 (Schülerleihgeräte)',
    referenceNumber: '48.01-SAP-2020-0031',
    decisionDate: '2020-08-20',
    approvedCents: 56_000_000,
    fundingRateBp: 10000,
    eligibleFrom: '2020-07-03',
    eligibleUntil: '2021-12-31',
    proofDueOn: '2022-06-30',
    status: 'reported',
    earmarkingByType: { laptop: 3, tablet: 3 },
    deviceTypes: ['tablet'],
    spendShare: 0.97,
    schools: (s) => s.schoolType !== 'berufskolleg',
    weight: (s) => s.studentCount,
    otherCategories: ['other', 'software'],
    spendOrder: 1,
  },
  {
    program: 'leihgeraete_lehrkraefte',
    title: 'Leihgeräte für Lehrkräfte 2021',
    referenceNumber: '48.01-LGL-2021-0009',
    decisionDate: '2021-04-28',
    approvedCents: 30_000_000,
    fundingRateBp: 8750,
    eligibleFrom: '2021-01-01',
    eligibleUntil: '2022-12-31',
    proofDueOn: isoDate(addDays(new Date(), 60)),
    status: 'approved',
    earmarkingByType: { laptop: 3, tablet: 3 },
    deviceTypes: ['laptop'],
    spendShare: 0.9,
    schools: () => true,
    weight: (s) => s.teacherCount,
    otherCategories: ['software'],
    spendOrder: 2,
  },
];

const DEVICE_CATEGORY: Record<string, string> = { interactive_display: 'displays', projector: 'displays', document_camera: 'displays', access_point: 'network' };

function randomDate(ctx: DemoContext, from: string, until: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Math.min(Date.parse(`${until}T00:00:00Z`), ctx.today.getTime());
  return isoDate(new Date(start + Math.floor(ctx.random() * Math.max(1, (end - start) / 86_400_000)) * 86_400_000));
}

export async function seedGrants(ctx: DemoContext): Promise<void> {
  const { em, authorityId } = ctx;
  let invoiceCounter = 0;
  const created: { spec: GrantSpec; grantId: string; allocations: { school: DemoSchool; cents: number }[] }[] = [];
  for (const spec of GRANTS) {
    const [{ id: grantId }] = await rows<{ id: string }>(
      em,
      `INSERT INTO grants (authority_id, program, title, reference_number, decision_date, approved_cents, funding_rate_bp, eligible_from, eligible_until,
                           proof_due_on, status, earmarking_years, earmarking_years_by_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 5, $12) RETURNING id`,
      [authorityId, spec.program, spec.title, spec.referenceNumber, spec.decisionDate, spec.approvedCents, spec.fundingRateBp, spec.eligibleFrom, spec.eligibleUntil, spec.proofDueOn, spec.status, JSON.stringify(spec.earmarkingByType)],
    );
    const schools = ctx.schools.filter(spec.schools);
    const totalWeight = schools.reduce((s, x) => s + spec.weight(x), 0);
    // 95 % of the approved amount is allocated; the rest is the office's reserve.
    const allocations = schools.map((s) => ({ school: s, cents: Math.floor((spec.approvedCents * 0.95 * spec.weight(s)) / totalWeight) }));
    for (const a of allocations) {
      await rows(em, `INSERT INTO grant_allocations (authority_id, grant_id, school_id, amount_cents) VALUES ($1, $2, $3, $4)`, [authorityId, grantId, a.school.id, a.cents]);
    }
    created.push({ spec, grantId, allocations });
  }

  // The add-on programs bought the loan devices first; DigitalPakt Basis takes the devices left over.
  for (const { spec, grantId, allocations } of [...created].sort((a, b) => a.spec.spendOrder - b.spec.spendOrder)) {
    for (const { school, cents } of allocations) {
      let budget = Math.floor(cents * spec.spendShare);
      const invoices: { category: string; description: string; gross: number; deviceIds: string[]; date?: string }[] = [];
      // Devices of this school not yet bought by another grant, in chunks of up to 12 per invoice.
      const devices = await rows<{ id: string; type: string; price: number | null; purchaseDate: string | null }>(
        em,
        `SELECT d.id, d.type::text AS type, d.purchase_price_cents AS price, d.purchase_date AS "purchaseDate" FROM devices d
          WHERE d.authority_id = $1 AND d.school_id = $2 AND d.type = ANY($3::device_type[])
            AND NOT EXISTS (SELECT 1 FROM expenditure_devices x WHERE x.device_id = d.id)
          ORDER BY d.type, d.purchase_date NULLS LAST, d.inventory_number LIMIT 60`,
        [authorityId, school.id, spec.deviceTypes],
      );
      for (let i = 0; i < devices.length; ) {
        const type = devices[i].type;
        const chunk = [];
        while (i < devices.length && devices[i].type === type && chunk.length < 12) chunk.push(devices[i++]);
        const gross = chunk.reduce((s, d) => s + (d.price ?? 45_000), 0);
        if (gross > budget) break;
        budget -= gross;
        // The invoice is dated on the devices' purchase date when that lies in the eligible period.
        const bought = chunk[0].purchaseDate;
        const date = bought && bought >= spec.eligibleFrom && bought <= spec.eligibleUntil && bought <= isoDate(ctx.today) ? bought : undefined;
        invoices.push({ category: DEVICE_CATEGORY[type] ?? 'devices', description: `${chunk.length} × ${labelOf('deviceType', type)}`, gross, deviceIds: chunk.map((d) => d.id), date });
      }
      // Services and equipment without inventory numbers fill the rest of the budget in a few invoices.
      for (let n = 0; n < 4 && budget > 50_000; n++) {
        const category = pick(ctx.random, spec.otherCategories);
        const gross = n === 3 ? budget : Math.min(budget, 20_000 + Math.floor(ctx.random() * budget * 0.45));
        budget -= gross;
        invoices.push({ category, description: pick(ctx.random, OTHER_LINES[category]), gross, deviceIds: [] });
      }
      for (const inv of invoices) {
        const invoiceDate = inv.date ?? randomDate(ctx, spec.eligibleFrom, spec.eligibleUntil);
        const orderDate = isoDate(addDays(new Date(`${invoiceDate}T00:00:00Z`), -(14 + Math.floor(ctx.random() * 40))));
        const paidDate = addDays(new Date(`${invoiceDate}T00:00:00Z`), 10 + Math.floor(ctx.random() * 30));
        // The most recent invoices of the open grant are ordered and invoiced but not yet paid.
        const paidOn = spec.status === 'approved' && ctx.random() < 0.12 ? null : isoDate(paidDate > ctx.today ? ctx.today : paidDate);
        const [{ id }] = await rows<{ id: string }>(
          em,
          `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, invoice_number, invoice_date, paid_on, vendor, description, gross_cents)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [authorityId, grantId, school.id, inv.category, orderDate, `RE-${invoiceDate.slice(0, 4)}-${String(++invoiceCounter).padStart(5, '0')}`, invoiceDate, paidOn, pick(ctx.random, VENDORS), inv.description, inv.gross],
        );
        if (inv.deviceIds.length) {
          await rows(em, `INSERT INTO expenditure_devices (device_id, expenditure_id, authority_id) SELECT unnest($1::uuid[]), $2, $3`, [inv.deviceIds, id, authorityId]);
        }
      }
    }
  }

  // One accepted overspend, as the office records it: an emergency replacement beyond the school's allocation.
  const [dp] = await rows<{ id: string }>(em, `SELECT id FROM grants WHERE authority_id = $1 AND program = 'digitalpakt_basis'`, [authorityId]);
  const school = ctx.schools.find((s) => s.name === 'Goethe-Gymnasium') ?? ctx.schools[0];
  const [{ left }] = await rows<{ left: number }>(
    em,
    `SELECT a.amount_cents - coalesce((SELECT sum(gross_cents) FROM expenditures e WHERE e.grant_id = a.grant_id AND e.school_id = a.school_id), 0)::bigint AS left
       FROM grant_allocations a WHERE a.grant_id = $1 AND a.school_id = $2`,
    [dp.id, school.id],
  );
  const [{ id: overId }] = await rows<{ id: string }>(
    em,
    `INSERT INTO expenditures (authority_id, grant_id, school_id, category, order_date, invoice_number, invoice_date, paid_on, vendor, description, gross_cents,
                               budget_override, override_reason)
     VALUES ($1, $2, $3, 'network', '2024-09-02', $4, '2024-09-20', '2024-10-04', 'Elektro Schneider KG', 'Ersatz Netzwerkschrank nach Wasserschaden', $5,
             true, 'Wasserschaden im Serverraum; Ersatz unaufschiebbar, Ausschussbeschluss 2024/117')
     RETURNING id`,
    [authorityId, dp.id, school.id, `RE-2024-${String(++invoiceCounter).padStart(5, '0')}`, Math.max(0, left) + 1_250_000],
  );
  await rows(
    em,
    `INSERT INTO audit_log (authority_id, actor_id, action, entity_type, entity_id, changes) VALUES ($1, $2, 'grant.expenditure_created', 'expenditure', $3, $4)`,
    [authorityId, ctx.officeUserId, overId, JSON.stringify({ meta: { grantId: dp.id, budgetOverride: { reason: 'Wasserschaden im Serverraum; Ersatz unaufschiebbar, Ausschussbeschluss 2024/117' } } })],
  );
}
