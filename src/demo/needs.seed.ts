import { addDays, type DemoContext } from './demo-context';
import { one, rows } from '../common/db';

interface DemoNeed {
  school: string;
  category: string;
  title: string;
  quantity: number;
  costCents: number;
  priority: 'low' | 'medium' | 'high';
  justification: string;
  status: 'draft' | 'submitted' | 'approved' | 'partially_approved' | 'rejected';
  approved?: { quantity: number; cents: number };
  reason?: string;
  /** Link to the authority's first grant, if the grants seed created one. */
  funded?: boolean;
  /** Days before the demo's "today" the request was written. */
  ageDays: number;
}

const NEEDS: DemoNeed[] = [
  { school: 'Grundschule Nordstadt', category: 'student_devices', title: '24 Tablets für die Klassen 3a und 3b', quantity: 24, costCents: 24 * 48_000, priority: 'high', status: 'draft', ageDays: 3,
    justification: 'Die dritten Klassen starten nach den Herbstferien mit dem Medienpass NRW; bisher teilen sich 60 Kinder einen Tabletkoffer.' },
  { school: 'Grundschule Am Wasserturm', category: 'wlan', title: 'WLAN im Neubau (6 Klassenräume)', quantity: 6, costCents: 6 * 60_000 + 250_000, priority: 'medium', status: 'draft', ageDays: 10,
    justification: 'Der Erweiterungsbau hat noch keine Access Points; dort finden 6 von 14 Klassen ihren Unterricht statt.' },
  { school: 'Goethe-Gymnasium', category: 'displays', title: 'Interaktive Displays für die Fachräume Physik und Chemie', quantity: 4, costCents: 4 * 600_000, priority: 'medium', status: 'submitted', ageDays: 40,
    justification: 'Die Beamer der Fachräume sind von 2014 und fallen regelmäßig aus; Experimente sollen per Dokumentenkamera gezeigt werden.' },
  { school: 'Goethe-Gymnasium', category: 'teacher_devices', title: 'Dienstlaptops für neue Lehrkräfte', quantity: 12, costCents: 12 * 60_000, priority: 'high', status: 'submitted', ageDays: 35,
    justification: 'Zum Schuljahr 2025/26 kamen 12 Lehrkräfte hinzu, die noch kein Dienstgerät haben (Programm Leihgeräte für Lehrkräfte ausgeschöpft).' },
  { school: 'Berufskolleg Technik', category: 'software', title: 'CAD-Lizenzen für die Fachklassen Technisches Produktdesign', quantity: 60, costCents: 60 * 12_000, priority: 'low', status: 'submitted', ageDays: 28,
    justification: 'Die Kammerprüfung verlangt das aktuelle CAD-System; die Schullizenz läuft im Sommer aus.' },
  { school: 'Gesamtschule Nord', category: 'student_devices', title: '120 Tablets für die Jahrgänge 5 und 6', quantity: 120, costCents: 120 * 48_000, priority: 'high', status: 'approved', funded: true, ageDays: 120,
    justification: 'Einführung der 1:1-Ausstattung ab Jahrgang 5 laut Medienkonzept; Schulkonferenzbeschluss liegt vor.' },
  { school: 'Gesamtschule Nord', category: 'teacher_devices', title: 'Laptops für das Kollegium', quantity: 40, costCents: 40 * 60_000, priority: 'medium', status: 'partially_approved', approved: { quantity: 25, cents: 25 * 60_000 }, ageDays: 110,
    reason: 'Im Haushalt 2026 sind 25 Geräte finanziert; der Rest wird für 2027 vorgemerkt.',
    justification: '40 Lehrkräfte arbeiten bisher mit privaten Geräten; Datenschutz verlangt Dienstgeräte.' },
  { school: 'Realschule Am Stadtpark', category: 'broadband', title: 'Glasfaseranschluss', quantity: 1, costCents: 3_500_000, priority: 'high', status: 'rejected', ageDays: 90,
    reason: 'Der Anschluss ist Teil des Gigabit-Förderprojekts des Kreises (Bauabschnitt 2026) und wird dort finanziert.',
    justification: 'Die Schule hat 50 Mbit/s für 23 Klassen; digitale Prüfungen sind so nicht möglich.' },
  { school: 'Städtisches Gymnasium am Markt', category: 'training', title: 'Fortbildung Tablets im Unterricht', quantity: 2, costCents: 2 * 90_000, priority: 'low', status: 'approved', ageDays: 60,
    justification: 'Zwei halbtägige Fortbildungen für das Kollegium vor der Tablet-Einführung.' },
];

/** Needs requests in every state, at schools with and without a coordinator. */
export async function seedNeeds(ctx: DemoContext): Promise<void> {
  const { em, authorityId, officeUserId } = ctx;
  const schoolId = (name: string) => ctx.schools.find((s) => s.name === name)!.id;
  const coordinatorOf = (id: string) => ctx.coordinators.find((c) => c.schoolIds.includes(id))?.userId ?? officeUserId;
  const grant = await one<{ id: string }>(em, `SELECT id FROM grants WHERE authority_id = $1 ORDER BY created_at, id LIMIT 1`, [authorityId]);
  for (const need of NEEDS) {
    const school = schoolId(need.school);
    const author = coordinatorOf(school);
    const created = addDays(ctx.today, -need.ageDays);
    const submitted = need.status === 'draft' ? null : addDays(created, 2);
    const decided = ['approved', 'partially_approved', 'rejected'].includes(need.status) ? addDays(created, 30) : null;
    const approved = need.status === 'approved' ? { quantity: need.quantity, cents: need.costCents } : (need.approved ?? null);
    await rows(
      em,
      `INSERT INTO need_requests (authority_id, school_id, category, title, quantity, estimated_cost_cents, justification, priority, status,
                                  approved_quantity, approved_cents, decision_reason, grant_id, created_by, submitted_by, submitted_at,
                                  decided_by, decided_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        authorityId,
        school,
        need.category,
        need.title,
        need.quantity,
        need.costCents,
        need.justification,
        need.priority,
        need.status,
        approved?.quantity ?? null,
        approved?.cents ?? null,
        need.reason ?? null,
        need.funded && grant ? grant.id : null,
        author,
        submitted ? author : null,
        submitted,
        decided ? officeUserId : null,
        decided,
        created,
        decided ?? submitted ?? created,
      ],
    );
  }
}
