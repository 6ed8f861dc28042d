import type { EntityManager } from 'typeorm';
import type { SchoolType } from '../schools/school.entity';
import { DemoContext, DemoSchool, pick, seededRandom } from './demo-context';
import { rows } from '../common/db';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';
export const DEMO_AUTHORITY_SLUG = 'musterstadt';

const STREETS = ['Schulstraße', 'Lindenallee', 'Am Stadtpark', 'Goethestraße', 'Kirchplatz', 'Bahnhofstraße', 'Rosenweg', 'Ringstraße', 'Mühlenweg', 'Parkstraße'];

// [name, type, students] — a fictional city of about 150,000 inhabitants.
const SCHOOLS: [string, SchoolType, number][] = [
  ['Grundschule Am Lindenhof', 'grundschule', 240],
  ['Grundschule Sonnenblume', 'grundschule', 310],
  ['Grundschule Kirchfeld', 'grundschule', 180],
  ['Katholische Grundschule St. Martin', 'grundschule', 220],
  ['Grundschule Mühlenbach', 'grundschule', 270],
  ['Grundschule Am Wasserturm', 'grundschule', 330],
  ['Grundschule Nordstadt', 'grundschule', 290],
  ['Grundschule Eichendorff', 'grundschule', 200],
  ['Gemeinschaftsgrundschule Rosenhügel', 'grundschule', 260],
  ['Grundschule Auf der Heide', 'grundschule', 150],
  ['Grundschule Brückenstraße', 'grundschule', 230],
  ['Grundschule Regenbogen', 'grundschule', 280],
  ['Städtische Hauptschule Süd', 'hauptschule', 380],
  ['Realschule Am Stadtpark', 'realschule', 620],
  ['Marie-Curie-Realschule', 'realschule', 560],
  ['Sekundarschule Musterstadt-Ost', 'sekundarschule', 540],
  ['Gesamtschule Nord', 'gesamtschule', 1250],
  ['Willy-Brandt-Gesamtschule', 'gesamtschule', 1100],
  ['Gesamtschule Am Hafen', 'gesamtschule', 980],
  ['Städtisches Gymnasium am Markt', 'gymnasium', 890],
  ['Goethe-Gymnasium', 'gymnasium', 960],
  ['Annette-von-Droste-Hülshoff-Gymnasium', 'gymnasium', 820],
  ['Gymnasium Schloss Berg', 'gymnasium', 740],
  ['Förderschule Lernen Am Wald', 'foerderschule', 140],
  ['Förderschule Geistige Entwicklung Sonnenhof', 'foerderschule', 110],
  ['LVR-Förderschule Sprache', 'foerderschule', 160],
  ['Berufskolleg Technik', 'berufskolleg', 2100],
  ['Berufskolleg Wirtschaft und Verwaltung', 'berufskolleg', 1800],
  ['Berufskolleg für Gesundheit und Soziales', 'berufskolleg', 1400],
  ['Abendrealschule Musterstadt', 'realschule', 200],
];

/** Creates the demo authority, its schools and one user per role. Returns the context for the feature seeds. */
export async function seedBase(em: EntityManager, passwordHash: string): Promise<DemoContext> {
  const random = seededRandom(2026);
  const [{ id: authorityId }] = await rows<{ id: string }>(
    em,
    `INSERT INTO authorities (name, slug, kind, state) VALUES ('Stadt Musterstadt', $1, 'city', 'NW') RETURNING id`,
    [DEMO_AUTHORITY_SLUG],
  );
  // A second, small authority shows that cities do not see each other's data.
  const [{ id: otherAuthorityId }] = await rows<{ id: string }>(
    em,
    `INSERT INTO authorities (name, slug, kind, state) VALUES ('Kreis Beispielland', 'beispielland', 'district', 'BY') RETURNING id`,
  );
  await rows(
    em,
    `INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count, broadband_mbps, has_fibre, wlan_coverage_percent)
     VALUES ($1, 'Gymnasium Beispielland', '901001', 'gymnasium', 700, 60, 28, 500, true, 100)`,
    [otherAuthorityId],
  );

  const schools: DemoSchool[] = [];
  for (const [index, [name, schoolType, studentCount]] of SCHOOLS.entries()) {
    const perClass = schoolType === 'grundschule' ? 24 : schoolType === 'berufskolleg' ? 22 : 27;
    const classCount = Math.max(4, Math.round(studentCount / perClass));
    const teacherCount = Math.round(studentCount / (schoolType === 'foerderschule' ? 6 : 15));
    const fibre = random() < 0.45;
    const broadband = fibre ? pick(random, [500, 1000, 1000]) : pick(random, [16, 50, 100, 250]);
    const wlan = pick(random, [20, 40, 60, 75, 90, 100, 100]);
    const schoolNumber = String(160000 + index * 37);
    const [{ id }] = await rows<{ id: string }>(
      em,
      `INSERT INTO schools (authority_id, name, school_number, school_type, street, postal_code, city, student_count, teacher_count,
                            class_count, broadband_mbps, has_fibre, wlan_coverage_percent)
       VALUES ($1, $2, $3, $4, $5, $6, 'Musterstadt', $7, $8, $9, $10, $11, $12) RETURNING id`,
      [authorityId, name, schoolNumber, schoolType, `${pick(random, STREETS)} ${1 + Math.floor(random() * 80)}`, String(45100 + (index % 9) * 11), studentCount, teacherCount, classCount, broadband, fibre, wlan],
    );
    schools.push({ id, name, schoolNumber, schoolType, studentCount, teacherCount, classCount });
  }

  const addUser = async (email: string, name: string, role: string, authority: string | null = authorityId) => {
    const [{ id }] = await rows<{ id: string }>(
      em,
      `INSERT INTO users (authority_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [authority, email, name, role, passwordHash],
    );
    return id as string;
  };
  const officeUserId = await addUser('schulamt@musterstadt.example', 'Sabine Becker', 'office');
  const viewerUserId = await addUser('controlling@musterstadt.example', 'Jan Vogel', 'viewer');
  await addUser('schulamt@beispielland.example', 'Petra Huber', 'office', otherAuthorityId);

  // Coordinators: the Goethe-Gymnasium's, one who looks after two primary schools, and the Gesamtschule Nord's.
  const byName = (name: string) => schools.find((s) => s.name === name)!.id;
  const coordinatorSpecs = [
    { email: 'it@goethe-gymnasium.example', name: 'Thomas Krüger', schoolIds: [byName('Goethe-Gymnasium')] },
    { email: 'it@grundschulen-nord.example', name: 'Aylin Demir', schoolIds: [byName('Grundschule Nordstadt'), byName('Grundschule Am Wasserturm')] },
    { email: 'it@gesamtschule-nord.example', name: 'Markus Wendt', schoolIds: [byName('Gesamtschule Nord')] },
  ];
  const coordinators = [];
  for (const spec of coordinatorSpecs) {
    const userId = await addUser(spec.email, spec.name, 'coordinator');
    for (const schoolId of spec.schoolIds) {
      await rows(em, `INSERT INTO user_schools (user_id, school_id, authority_id) VALUES ($1, $2, $3)`, [userId, schoolId, authorityId]);
    }
    coordinators.push({ userId, email: spec.email, schoolIds: spec.schoolIds });
  }

  return { em, authorityId, schools, officeUserId, viewerUserId, coordinators, random, today: new Date(Date.UTC(2026, 10, 21)) };
}
