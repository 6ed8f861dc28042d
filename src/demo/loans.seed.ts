import { addDays, type DemoContext, type DemoSeed, isoDate, pick } from './demo-context';
import { labels } from '../i18n/labels';
import { exec, rows } from '../common/db';

/**
 * Loans on the demo laptops and tablets (selected by SQL, so this runs after the devices seed):
 * this school year's active loans, last year's loans never brought back (overdue), last year's returns
 * (a few damaged or defective), and the year before's returns whose personal data the retention period has erased.
 * The coordinators' schools get the most, so their logins show the counter at work.
 */

const FIRST_NAMES = ['Lena', 'Jonas', 'Mia', 'Elias', 'Emma', 'Noah', 'Hannah', 'Leon', 'Sofia', 'Paul', 'Emilia', 'Ben', 'Lina', 'Finn', 'Marie', 'Luca', 'Ela', 'Yusuf', 'Amira', 'Milan', 'Zeynep', 'Mateo', 'Leni', 'Anton'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Yilmaz', 'Kaya', 'Nowak', 'Krüger', 'Hartmann', 'Lange'];
const GUARDIAN_FIRST = ['Sabine', 'Andreas', 'Katrin', 'Michael', 'Nicole', 'Stefan', 'Aylin', 'Murat', 'Julia', 'Thomas'];

interface Row {
  schoolId: string;
  deviceId: string;
  kind: 'student' | 'teacher';
  name: string | null;
  reference: string | null;
  className: string | null;
  guardian: string | null;
  accessories: string[];
  startedOn: string;
  dueOn: string;
  returnedOn: string | null;
  condition: 'ok' | 'damaged' | 'defective' | null;
  erased: boolean;
}

export const seedLoans: DemoSeed = async (ctx) => {
  const { random } = ctx;
  const today = ctx.today;
  const year = today.getUTCFullYear();
  // The school year runs from late August to 31 July.
  const schoolYearStart = today.getUTCMonth() >= 7 ? year : year - 1;
  const coordinated = new Set(ctx.coordinators.flatMap((c) => c.schoolIds));
  const loans: Row[] = [];

  for (const school of ctx.schools) {
    const busy = coordinated.has(school.id);
    const devices = await rows<{ id: string; type: string }>(
      ctx.em,
      `SELECT id, type::text AS type FROM devices
        WHERE authority_id = $1 AND school_id = $2 AND status = 'available' AND type IN ('laptop', 'tablet')
        ORDER BY inventory_number LIMIT $3`,
      [ctx.authorityId, school.id, busy ? 400 : 60],
    );
    if (devices.length === 0) continue;
    const primary = school.schoolType === 'grundschule' || school.schoolType === 'foerderschule';
    const className = () => {
      const grade = primary ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 6);
      return school.schoolType === 'berufskolleg' ? pick(random, ['IT1', 'IT2', 'KB1', 'HH2', 'GS3']) : `${grade}${pick(random, ['a', 'b', 'c', 'd'])}`;
    };
    let n = 0;
    const person = (kind: 'student' | 'teacher', startYear: number): Pick<Row, 'name' | 'reference' | 'className' | 'guardian'> => {
      n++;
      const last = pick(random, LAST_NAMES);
      if (kind === 'teacher') return { name: `${pick(random, FIRST_NAMES)} ${last}`, reference: `L-${school.schoolNumber}-${String(n).padStart(3, '0')}`, className: pick(random, ['Mathematik', 'Deutsch', 'Englisch', 'Informatik', 'Sport']), guardian: null };
      return { name: `${pick(random, FIRST_NAMES)} ${last}`, reference: `S-${startYear}-${String(1000 + n)}`, className: className(), guardian: random() < 0.8 ? `${pick(random, GUARDIAN_FIRST)} ${last}` : null };
    };
    const accessories = (type: string) => (type === 'tablet' ? (random() < 0.7 ? ['case', 'pen', 'charger'] : ['case', 'charger']) : ['charger', ...(random() < 0.5 ? ['case'] : [])]);
    const date = (y: number, month: number, day: number) => isoDate(new Date(Date.UTC(y, month - 1, day)));

    const share = busy ? 0.55 : 0.25;
    for (const device of devices) {
      const r = random();
      const kind = random() < 0.12 ? 'teacher' : 'student';
      // Last year's and the year before's loans on the same devices (all returned), for history and statistics.
      if (random() < 0.6) {
        const y = schoolYearStart - 2;
        loans.push({ schoolId: school.id, deviceId: device.id, kind, ...person(kind, y), accessories: accessories(device.type), startedOn: date(y, 9, 1 + Math.floor(random() * 20)), dueOn: date(y + 1, 7, 31), returnedOn: date(y + 1, 6, 20 + Math.floor(random() * 10)), condition: 'ok', erased: true });
      }
      if (random() < 0.7) {
        const y = schoolYearStart - 1;
        const condition = random() < 0.85 ? 'ok' : random() < 0.65 ? 'damaged' : 'defective';
        const stillOut = r < (busy ? 0.04 : 0.02);
        loans.push({ schoolId: school.id, deviceId: device.id, kind, ...person(kind, y), accessories: accessories(device.type), startedOn: date(y, 8, 25 + Math.floor(random() * 6)), dueOn: date(y + 1, 7, 31), returnedOn: stillOut ? null : date(y + 1, 7, 1 + Math.floor(random() * 20)), condition: stillOut ? null : condition, erased: false });
        if (stillOut) continue; // overdue since 31 July: this device is still out
      }
      if (r < share) {
        const started = addDays(new Date(Date.UTC(schoolYearStart, 7, 26)), Math.floor(random() * 20));
        const teacherTerm = kind === 'teacher' && random() < 0.3;
        loans.push({
          schoolId: school.id,
          deviceId: device.id,
          kind,
          ...person(kind, schoolYearStart),
          accessories: accessories(device.type),
          startedOn: isoDate(started > today ? addDays(today, -7) : started),
          // A few teacher loans ran for a term only and are overdue now.
          dueOn: teacherTerm ? isoDate(addDays(today, -12)) : date(schoolYearStart + 1, 7, 31),
          returnedOn: null,
          condition: null,
          erased: false,
        });
      }
    }
  }
  await insertLoans(ctx, loans);
};

async function insertLoans(ctx: DemoContext, loans: Row[]): Promise<void> {
  for (let i = 0; i < loans.length; i += 2_000) {
    const chunk = loans.slice(i, i + 2_000);
    const col = <K extends keyof Row>(key: K) => chunk.map((r) => r[key]);
    const inserted = await rows<{ id: string; device_id: string; returned_on: string | null; started_on: string; return_condition: string | null; authority_id: string }>(
      ctx.em,
      `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_reference, borrower_class, guardian_name,
                          agreement_signed, accessories, started_on, due_on, returned_on, return_condition, personal_data_erased_at, lent_by, returned_by)
       SELECT $1, x.school_id, x.device_id, x.kind, CASE WHEN x.erased THEN NULL ELSE x.name END, CASE WHEN x.erased THEN NULL ELSE x.reference END,
              CASE WHEN x.erased THEN NULL ELSE x.class_name END, CASE WHEN x.erased THEN NULL ELSE x.guardian END, true, string_to_array(x.accessories, ','), x.started_on, x.due_on,
              x.returned_on, x.condition, CASE WHEN x.erased THEN x.returned_on::timestamptz + interval '366 days' END, $2,
              CASE WHEN x.returned_on IS NOT NULL THEN $2::uuid END
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::date[], $12::date[], $13::date[], $14::text[], $15::boolean[])
              AS x(school_id, device_id, kind, name, reference, class_name, guardian, accessories, started_on, due_on, returned_on, condition, erased)
       RETURNING id, device_id, returned_on, started_on, return_condition, authority_id`,
      [
        ctx.authorityId,
        ctx.officeUserId,
        col('schoolId'),
        col('deviceId'),
        col('kind'),
        col('name'),
        col('reference'),
        col('className'),
        col('guardian'),
        chunk.map((r) => r.accessories.join(',')),
        col('startedOn'),
        col('dueOn'),
        col('returnedOn'),
        col('condition'),
        col('erased'),
      ],
    );
    // The device history: lent, and (for returned loans) back; damaged ones went to repair and came back repaired.
    await rows(
      ctx.em,
      `INSERT INTO device_events (device_id, authority_id, kind, from_status, to_status, reason, loan_id, actor_id, occurred_at)
       SELECT l.device_id, l.authority_id, 'loaned', 'available'::device_status, 'loaned'::device_status, NULL, l.id, $2::uuid, l.started_on + time '08:15' FROM loans l WHERE l.id = ANY($1::uuid[])
       UNION ALL
       SELECT l.device_id, l.authority_id, 'returned', 'loaned'::device_status, CASE WHEN l.return_condition = 'ok' THEN 'available' ELSE 'in_repair' END::device_status,
              'Rückgabe: ' || ($3::jsonb ->> l.return_condition::text), l.id, $2, l.returned_on + time '10:30'
         FROM loans l WHERE l.id = ANY($1::uuid[]) AND l.returned_on IS NOT NULL
       UNION ALL
       SELECT l.device_id, l.authority_id, 'status_changed', 'in_repair'::device_status, 'available'::device_status, 'Repariert', NULL, $2, l.returned_on + 21 + time '09:00'
         FROM loans l WHERE l.id = ANY($1::uuid[]) AND l.return_condition IN ('damaged', 'defective')`,
      [inserted.map((l) => l.id), ctx.officeUserId, JSON.stringify(labels.returnCondition)],
    );
    const active = inserted.filter((l) => !l.returned_on).map((l) => l.device_id);
    await exec(ctx.em, `UPDATE devices SET status = 'loaned', version = version + 1 WHERE id = ANY($1::uuid[])`, [active]);
  }
}
