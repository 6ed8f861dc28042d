import type { TestApp } from './harness';
import type { TestUser } from './factories';

/** A valid grant body; override what a test is about. */
export const grantBody = (o: Record<string, unknown> = {}) => ({
  program: 'digitalpakt_basis',
  title: 'DigitalPakt Basis 2020',
  approvedCents: 10_000_000,
  fundingRatePercent: 90,
  eligibleFrom: '2019-05-17',
  eligibleUntil: '2024-12-31',
  status: 'approved',
  ...o,
});

export const expenditureBody = (schoolId: string, o: Record<string, unknown> = {}) => ({
  schoolId,
  category: 'devices',
  orderDate: '2021-03-01',
  invoiceNumber: `RE-${Math.random().toString(36).slice(2, 10)}`,
  invoiceDate: '2021-03-20',
  paidOn: '2021-04-02',
  vendor: 'Bechtle GmbH',
  description: '30 Tablets',
  grossCents: 100_000,
  ...o,
});

export async function createGrant(t: TestApp, user: TestUser, o: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await t.http().post('/api/v1/grants').set('Authorization', user.auth).send(grantBody(o));
  if (res.status !== 201) throw new Error(`createGrant: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function allocate(t: TestApp, user: TestUser, grantId: string, schoolId: string, amountCents: number): Promise<void> {
  const res = await t.http().put(`/api/v1/grants/${grantId}/allocations/${schoolId}`).set('Authorization', user.auth).send({ amountCents });
  if (res.status !== 200) throw new Error(`allocate: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function spend(t: TestApp, user: TestUser, grantId: string, schoolId: string, o: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await t.http().post(`/api/v1/grants/${grantId}/expenditures`).set('Authorization', user.auth).send(expenditureBody(schoolId, o));
  if (res.status !== 201) throw new Error(`spend: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Sets a grant's status directly (tests of read-only states that need a grant with data in it). */
export async function setStatus(t: TestApp, grantId: string, status: string): Promise<void> {
  await t.dataSource.query(`UPDATE grants SET status = $2 WHERE id = $1`, [grantId, status]);
}
