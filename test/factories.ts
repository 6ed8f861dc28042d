import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '../src/common/actor';
import type { TestApp } from './harness';

let counter = 0;
const next = () => ++counter;

export async function createAuthority(ds: DataSource, overrides: { name?: string; slug?: string; state?: string } = {}): Promise<string> {
  const n = next();
  const [{ id }] = await ds.query(`INSERT INTO authorities (name, slug, state) VALUES ($1, $2, $3) RETURNING id`, [
    overrides.name ?? `Stadt Test ${n}`,
    overrides.slug ?? `stadt-test-${n}-${randomUUID().slice(0, 6)}`,
    overrides.state ?? 'NW',
  ]);
  return id;
}

export interface SchoolOverrides {
  name?: string;
  schoolNumber?: string;
  schoolType?: string;
  studentCount?: number;
  teacherCount?: number;
  classCount?: number;
  broadbandMbps?: number | null;
  wlanCoveragePercent?: number | null;
}

export async function createSchool(ds: DataSource, authorityId: string, o: SchoolOverrides = {}): Promise<string> {
  const n = next();
  const [{ id }] = await ds.query(
    `INSERT INTO schools (authority_id, name, school_number, school_type, student_count, teacher_count, class_count, broadband_mbps, wlan_coverage_percent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      authorityId,
      o.name ?? `Testschule ${n}`,
      o.schoolNumber ?? String(100000 + n),
      o.schoolType ?? 'gymnasium',
      o.studentCount ?? 500,
      o.teacherCount ?? 40,
      o.classCount ?? 20,
      o.broadbandMbps === undefined ? 100 : o.broadbandMbps,
      o.wlanCoveragePercent === undefined ? 80 : o.wlanCoveragePercent,
    ],
  );
  return id;
}

export interface TestUser {
  id: string;
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

/** A user with a real (but throwaway) password hash; use `token` rather than logging in. */
export async function createUser(t: TestApp, o: { role: Role; authorityId: string | null; schoolIds?: string[]; email?: string }): Promise<TestUser> {
  const email = o.email ?? `${o.role}-${next()}-${randomUUID().slice(0, 6)}@test.example`;
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO users (authority_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, 'x') RETURNING id`,
    [o.authorityId, email, `Test ${o.role}`, o.role],
  );
  for (const schoolId of o.schoolIds ?? []) {
    await t.dataSource.query(`INSERT INTO user_schools (user_id, school_id, authority_id) VALUES ($1, $2, $3)`, [id, schoolId, o.authorityId]);
  }
  const token = t.tokenFor(id);
  return { id, token, auth: `Bearer ${token}` };
}

export interface DeviceOverrides {
  inventoryNumber?: string;
  serialNumber?: string | null;
  type?: string;
  manufacturer?: string;
  model?: string;
  status?: string;
  purchaseDate?: string | null;
  purchasePriceCents?: number | null;
  commissionedOn?: string | null;
  warrantyUntil?: string | null;
}

export async function createDevice(ds: DataSource, authorityId: string, schoolId: string, o: DeviceOverrides = {}): Promise<string> {
  const n = next();
  const status = o.status ?? 'available';
  const [{ id }] = await ds.query(
    `INSERT INTO devices (authority_id, school_id, inventory_number, serial_number, type, manufacturer, model, status, retired_on,
                          purchase_date, purchase_price_cents, commissioned_on, warranty_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      authorityId,
      schoolId,
      o.inventoryNumber ?? `INV-${n}-${randomUUID().slice(0, 4)}`,
      o.serialNumber === undefined ? `SN${n}${randomUUID().slice(0, 8)}` : o.serialNumber,
      o.type ?? 'laptop',
      o.manufacturer ?? 'Lenovo',
      o.model ?? 'ThinkPad L13',
      status,
      status === 'retired' ? '2025-01-01' : null,
      o.purchaseDate === undefined ? '2023-08-01' : o.purchaseDate,
      o.purchasePriceCents === undefined ? 59900 : o.purchasePriceCents,
      o.commissionedOn === undefined ? '2023-08-15' : o.commissionedOn,
      o.warrantyUntil === undefined ? '2026-08-01' : o.warrantyUntil,
    ],
  );
  return id;
}

/**
 * Two authorities side by side, for access tests:
 * city A with schools a1 and a2, a coordinator of a1 only, office, viewer;
 * city B with school b1, its office and coordinator; and the platform admin.
 */
export interface World {
  authorityA: string;
  authorityB: string;
  schoolA1: string;
  schoolA2: string;
  schoolB1: string;
  admin: TestUser;
  officeA: TestUser;
  coordinatorA1: TestUser;
  viewerA: TestUser;
  officeB: TestUser;
  coordinatorB1: TestUser;
}

export async function createWorld(t: TestApp): Promise<World> {
  const ds = t.dataSource;
  const authorityA = await createAuthority(ds, { name: 'Stadt A' });
  const authorityB = await createAuthority(ds, { name: 'Stadt B' });
  const schoolA1 = await createSchool(ds, authorityA, { name: 'A1 Gymnasium' });
  const schoolA2 = await createSchool(ds, authorityA, { name: 'A2 Grundschule', schoolType: 'grundschule' });
  const schoolB1 = await createSchool(ds, authorityB, { name: 'B1 Realschule', schoolType: 'realschule' });
  const [{ id: adminId }] = await ds.query(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
  return {
    authorityA,
    authorityB,
    schoolA1,
    schoolA2,
    schoolB1,
    admin: { id: adminId, token: t.tokenFor(adminId), auth: `Bearer ${t.tokenFor(adminId)}` },
    officeA: await createUser(t, { role: 'office', authorityId: authorityA }),
    coordinatorA1: await createUser(t, { role: 'coordinator', authorityId: authorityA, schoolIds: [schoolA1] }),
    viewerA: await createUser(t, { role: 'viewer', authorityId: authorityA }),
    officeB: await createUser(t, { role: 'office', authorityId: authorityB }),
    coordinatorB1: await createUser(t, { role: 'coordinator', authorityId: authorityB, schoolIds: [schoolB1] }),
  };
}
