import type { DemoContext, DemoSeed } from './demo-context';
import { exec, rows } from '../common/db';

/**
 * Two stocktakings (Inventur), as if counted with the app: a closed complete count of the Gesamtschule Nord in
 * September 2025 (two devices not found and kept open, one unknown label), and the Goethe-Gymnasium's count in
 * progress (two fifths found), which its coordinator can carry on. Every other school was never counted completely,
 * so coverage and the overview show them as due. Runs after the loans seed: loaned devices are not expected.
 */
export const seedStocktakings: DemoSeed = async (ctx) => {
  await countSchool(ctx, {
    school: 'Gesamtschule Nord',
    startedAt: '2025-09-15T07:30:00Z',
    closedAt: '2025-09-17T13:45:00Z',
    note: 'Inventur Schuljahresbeginn 2025/26 (alle Räume)',
    // Two devices were not found; both were kept open for the next count.
    found: 'n NOT IN (7, 42)',
    unknown: { tag: 'GSN-ALT-0815', room: 'Informatikraum', note: 'Altgerät ohne lesbares Etikett im Schrank' },
  });
  await countSchool(ctx, {
    school: 'Goethe-Gymnasium',
    startedAt: '2026-11-19T07:45:00Z',
    closedAt: null,
    note: 'Inventur 2026 (alle Räume)',
    found: 'n % 5 < 2',
  });
};

interface Count {
  school: string;
  startedAt: string;
  closedAt: string | null;
  note: string;
  /** Which of the expected devices (numbered n by room and inventory number) were found: an SQL condition on n. */
  found: string;
  unknown?: { tag: string; room: string; note: string };
}

async function countSchool(ctx: DemoContext, c: Count): Promise<void> {
  const { em, authorityId } = ctx;
  const schoolId = ctx.schools.find((s) => s.name === c.school)!.id;
  const counter = ctx.coordinators.find((k) => k.schoolIds.includes(schoolId))?.userId ?? ctx.officeUserId;
  const [{ id }] = await rows<{ id: string }>(
    em,
    `INSERT INTO stocktakings (authority_id, school_id, status, note, started_by, started_at, closed_by, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::timestamptz IS NULL THEN NULL ELSE $5::uuid END, $7) RETURNING id`,
    [authorityId, schoolId, c.closedAt ? 'closed' : 'open', c.note, counter, c.startedAt, c.closedAt],
  );
  // The devices in service then (as the app's snapshot takes them), found one after the other, 20 seconds apart.
  await rows(
    em,
    `INSERT INTO stocktaking_items (stocktaking_id, authority_id, device_id, room, found_at, found_by, found_room, resolution)
     SELECT $1, $2, d.id, d.room,
            CASE WHEN ${c.found} THEN $4::timestamptz + n * interval '20 seconds' END,
            CASE WHEN ${c.found} THEN $5::uuid END,
            CASE WHEN ${c.found} THEN d.room END,
            CASE WHEN NOT (${c.found}) AND $6 THEN 'kept_open'::stocktaking_resolution END
       FROM (SELECT d.id, btrim(coalesce(d.location, '')) AS room,
                    row_number() OVER (ORDER BY btrim(coalesce(d.location, '')), d.inventory_number) AS n
               FROM devices d
              WHERE d.authority_id = $2 AND d.school_id = $3 AND d.status IN ('available', 'in_use', 'in_repair')
                AND coalesce(d.commissioned_on, d.purchase_date, DATE '2000-01-01') <= ($4::timestamptz AT TIME ZONE 'Europe/Berlin')::date) d`,
    [id, authorityId, schoolId, c.startedAt, counter, c.closedAt !== null],
  );
  await rows(
    em,
    `INSERT INTO stocktaking_scans (stocktaking_id, authority_id, tag, room, result, device_id, scanned_by, scanned_at)
     SELECT i.stocktaking_id, i.authority_id, d.inventory_number, i.room, 'found', i.device_id, i.found_by, i.found_at
       FROM stocktaking_items i JOIN devices d ON d.id = i.device_id
      WHERE i.stocktaking_id = $1 AND i.found_at IS NOT NULL ORDER BY i.found_at`,
    [id],
  );
  if (c.unknown) {
    await rows(
      em,
      `INSERT INTO stocktaking_scans (stocktaking_id, authority_id, tag, room, result, note, scanned_by, scanned_at)
       VALUES ($1, $2, $3, $4, 'unknown', $5, $6, $7::timestamptz + interval '1 hour')`,
      [id, authorityId, c.unknown.tag, c.unknown.room, c.unknown.note, counter, c.startedAt],
    );
  }
  await exec(
    em,
    `UPDATE devices d SET last_counted_on = (i.found_at AT TIME ZONE 'Europe/Berlin')::date
       FROM stocktaking_items i WHERE i.stocktaking_id = $1 AND i.device_id = d.id AND i.found_at IS NOT NULL`,
    [id],
  );
}
