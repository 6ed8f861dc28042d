import { addMonthsKeepingMonthEnd as addMonths } from '../common/dates';
import { type DemoContext, isoDate } from './demo-context';
import { one, rows } from '../common/db';

const SECONDARY = new Set(['hauptschule', 'realschule', 'sekundarschule', 'gesamtschule', 'gymnasium']);

/** The last day of the month `months` after the month of `day`. */
function monthEnd(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0));
  return isoDate(last);
}

/**
 * The licences of Musterstadt: a learning platform for all schools, a maths app for the secondary schools (its last
 * day to cancel falls in the month after the demo's "today"), an office suite and device management paid from the
 * DigitalPakt (linked to the grant's software invoices when the grants seed ran), and a vocabulary app at one school
 * whose vendor never signed an AV-Vertrag.
 */
export async function seedLicences(ctx: DemoContext): Promise<void> {
  const { em, authorityId, schools, random } = ctx;
  const today = isoDate(ctx.today);
  const product = async (p: { name: string; vendor: string; kind: string; platforms: string[]; forStudents: boolean; studentData: boolean; dpa: [string, string] | null; dpia: boolean; hosting: string; approved: boolean }) => {
    const [{ id }] = await rows<{ id: string }>(
      em,
      `INSERT INTO licence_products (authority_id, name, vendor, kind, platforms, for_students, processes_student_data, dpa_signed_on, dpa_reference, dpia_done, hosting, approved)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [authorityId, p.name, p.vendor, p.kind, p.platforms, p.forStudents, p.studentData, p.dpa?.[0] ?? null, p.dpa?.[1] ?? null, p.dpia, p.hosting, p.approved],
    );
    return id as string;
  };
  const invoice = async (description: string) =>
    (await one<{ id: string }>(em, `SELECT id FROM expenditures WHERE authority_id = $1 AND description = $2 ORDER BY order_date, id LIMIT 1`, [authorityId, description]))?.id ?? null;
  const contract = async (c: { productId: string; allSchools: boolean; model: string; seats: number; start: string; end: string; renew: boolean; notice: number | null; oneOff: number; yearly: number; order: string; invoiceRef?: string; expenditureId?: string | null }) => {
    const [{ id }] = await rows<{ id: string }>(
      em,
      `INSERT INTO licence_contracts (authority_id, product_id, all_schools, licence_model, seats_bought, term_start, term_end, auto_renewal, renewal_months,
                                      notice_period, notice_unit, one_off_cents, yearly_cents, order_reference, invoice_reference, expenditure_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 12, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [authorityId, c.productId, c.allSchools, c.model, c.seats, c.start, c.end, c.renew, c.notice, c.notice === null ? null : 'months', c.oneOff, c.yearly, c.order, c.invoiceRef ?? null, c.expenditureId ?? null],
    );
    return id as string;
  };
  const seats = async (contractId: string, seatRows: { schoolId: string; assigned: number; inUse: number | null }[], source: 'school' | 'import') => {
    await rows(
      em,
      `INSERT INTO licence_seats (contract_id, school_id, authority_id, seats_assigned, seats_in_use, in_use_on, in_use_source)
       SELECT $1, r.school_id, $2, r.assigned, r.in_use, CASE WHEN r.in_use IS NULL THEN NULL ELSE $6::date END, CASE WHEN r.in_use IS NULL THEN NULL ELSE $7::licence_use_source END
         FROM unnest($3::uuid[], $4::int[], $5::int[]) AS r(school_id, assigned, in_use)`,
      [contractId, authorityId, seatRows.map((r) => r.schoolId), seatRows.map((r) => r.assigned), seatRows.map((r) => r.inUse), isoDate(new Date(ctx.today.getTime() - 7 * 86_400_000)), source],
    );
  };

  // 1. The learning platform, for every school, a seat per student; use imported from the vendor's report.
  const platform = await product({ name: 'LernraumPlus', vendor: 'Bildungsportal GmbH', kind: 'learning_platform', platforms: ['web', 'ipados', 'windows'], forStudents: true, studentData: true,
    dpa: ['2024-06-12', 'AV-2024-031'], dpia: true, hosting: 'eu', approved: true });
  const students = schools.reduce((sum, s) => sum + s.studentCount, 0);
  const platformContract = await contract({ productId: platform, allSchools: true, model: 'per_student', seats: Math.ceil(students / 100) * 100, start: '2024-08-01', end: '2025-07-31',
    renew: true, notice: 3, oneOff: 1_500_000, yearly: students * 350, order: 'B-2024-0815', invoiceRef: 'RE-LRP-2024-77' });
  await seats(platformContract, schools.map((s) => ({ schoolId: s.id, assigned: s.studentCount, inUse: Math.round(s.studentCount * (0.6 + random() * 0.35)) })), 'import');

  // 2. The maths app for the secondary schools; its last day to cancel is the end of next month.
  const maths = await product({ name: 'Mathe-Trainer 5–10', vendor: 'Zahlenwerk Verlag', kind: 'learning_app', platforms: ['ipados', 'android', 'web'], forStudents: true, studentData: true,
    dpa: ['2025-01-20', 'AV-2025-004'], dpia: false, hosting: 'eu', approved: true });
  const secondary = schools.filter((s) => SECONDARY.has(s.schoolType));
  const mathsSeats = secondary.map((s) => ({ schoolId: s.id, assigned: Math.round(s.studentCount * 0.6), inUse: Math.round(s.studentCount * 0.6 * (0.35 + random() * 0.6)) }));
  // Goethe-Gymnasium uses more seats than it was given (teachers passed codes on): a warning.
  const goethe = schools.find((s) => s.name === 'Goethe-Gymnasium');
  for (const row of mathsSeats) if (row.schoolId === goethe?.id) row.inUse = row.assigned + 24;
  const mathsEnd = addMonths(monthEnd(today, 1), 3);
  const mathsContract = await contract({ productId: maths, allSchools: false, model: 'per_student', seats: mathsSeats.reduce((sum, r) => sum + r.assigned, 0) + 200, start: addMonths(mathsEnd, -24).slice(0, 8) + '01',
    end: mathsEnd, renew: true, notice: 3, oneOff: 0, yearly: mathsSeats.reduce((sum, r) => sum + r.assigned, 0) * 900, order: 'B-2025-0142' });
  await seats(mathsContract, mathsSeats, 'school');

  // 3. The office suite (volume licence) and 4. device management, both bought with DigitalPakt money.
  const office = await product({ name: 'Bürowerk Office Schule', vendor: 'Bürowerk GmbH', kind: 'office_suite', platforms: ['windows', 'macos', 'ipados', 'web'], forStudents: true, studentData: true,
    dpa: ['2023-09-01', 'AV-2023-112'], dpia: true, hosting: 'eu', approved: true });
  await contract({ productId: office, allSchools: true, model: 'volume', seats: students + 2000, start: '2023-09-01', end: '2026-08-31', renew: true, notice: 6, oneOff: 0, yearly: 2_450_000,
    order: 'B-2023-0311', invoiceRef: 'RE-2023-00412', expenditureId: await invoice('Office-Lizenzen Schule') });
  const mdm = await product({ name: 'SchulMDM', vendor: 'Geräteverwaltung KG', kind: 'device_management', platforms: ['ipados', 'windows', 'android'], forStudents: false, studentData: true,
    dpa: ['2022-11-15', 'AV-2022-087'], dpia: true, hosting: 'eu', approved: true });
  await contract({ productId: mdm, allSchools: true, model: 'per_device', seats: 6000, start: '2023-01-01', end: '2025-12-31', renew: true, notice: 3, oneOff: 450_000, yearly: 6000 * 1200,
    order: 'B-2022-0990', expenditureId: await invoice('MDM-Lizenzen (3 Jahre)') });

  // 5. A vocabulary app one school bought on its own: students' data, no AV-Vertrag, hosted outside the EU, not approved.
  const vocab = await product({ name: 'VokabelBlitz', vendor: 'Lingo Apps Ltd.', kind: 'learning_app', platforms: ['ios', 'android'], forStudents: true, studentData: true,
    dpa: null, dpia: false, hosting: 'outside_eu', approved: false });
  if (goethe) {
    const vocabContract = await contract({ productId: vocab, allSchools: false, model: 'per_student', seats: 120, start: '2026-02-01', end: '2027-01-31', renew: false, notice: null, oneOff: 0, yearly: 120 * 500, order: 'GG-2026-03' });
    await seats(vocabContract, [{ schoolId: goethe.id, assigned: 120, inUse: 97 }], 'school');
  }
}
