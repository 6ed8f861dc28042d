import { todayInBerlin } from '../src/common/dates';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { TestApp } from './harness';

/** A loan row straight from the database (all columns, personal ones included). */
export async function loanRow(ds: DataSource, id: string): Promise<Record<string, unknown>> {
  const [row] = await ds.query(`SELECT * FROM loans WHERE id = $1`, [id]);
  return row;
}

export async function deviceStatus(ds: DataSource, id: string): Promise<string> {
  const [row] = await ds.query(`SELECT status::text AS status FROM devices WHERE id = $1`, [id]);
  return row.status;
}

/** Inserts a loan directly (for list, retention and visibility tests); the device is set to loaned when active. */
export async function insertLoan(
  ds: DataSource,
  o: {
    authorityId: string;
    schoolId: string;
    deviceId: string;
    borrowerName?: string;
    borrowerReference?: string | null;
    borrowerKind?: 'student' | 'teacher';
    borrowerClass?: string | null;
    guardianName?: string | null;
    startedOn: string;
    dueOn: string;
    returnedOn?: string | null;
    condition?: string | null;
    notes?: string | null;
  },
): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO loans (authority_id, school_id, device_id, borrower_kind, borrower_name, borrower_reference, borrower_class, guardian_name,
                        started_on, due_on, returned_on, return_condition, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      o.authorityId,
      o.schoolId,
      o.deviceId,
      o.borrowerKind ?? 'student',
      o.borrowerName ?? 'Test Person',
      o.borrowerReference ?? null,
      o.borrowerClass ?? null,
      o.guardianName ?? null,
      o.startedOn,
      o.dueOn,
      o.returnedOn ?? null,
      o.returnedOn ? (o.condition ?? 'ok') : null,
      o.notes ?? null,
    ],
  );
  if (!o.returnedOn) await ds.query(`UPDATE devices SET status = 'loaned' WHERE id = $1`, [o.deviceId]);
  return id;
}

/** Today in the service's calendar (Berlin) and relative dates. */
export const berlinToday = (): string => todayInBerlin();

export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** supertest: collect a binary body as a Buffer. */
export function binary(response: unknown, callback: (err: Error | null, body: Buffer) => void): void {
  const res = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The text of each page of a PDF as a viewer extracts it (PDF.js in a child process, see test/support/pdf-text.mjs). */
export function pdfPages(pdf: Buffer): string[] {
  const result = spawnSync(process.execPath, [join(__dirname, 'support', 'pdf-text.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`PDF text extraction failed: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString('utf8'));
}

/** The whole text of a PDF, pages one after the other. */
export const pdfText = (pdf: Buffer): string => pdfPages(pdf).join('\n');

export function lendVia(t: TestApp, auth: string, body: Record<string, unknown>) {
  return t.http().post('/api/v1/loans').set('Authorization', auth).send({ borrowerKind: 'student', borrowerName: 'Lena Schneider', ...body });
}
