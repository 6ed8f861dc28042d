import type { Response } from 'supertest';
import { fieldTemplate, fieldText, missingParams, reasonTemplate, reasonText } from '../src/i18n/messages';
import { createDevice, World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, lendVia, shiftDays } from './loans-fixtures';

/**
 * Every error carries a stable `reason` with the `params` its German text needs, every field error a `code` (with
 * `params`): src/i18n/messages.ts renders them for a person; `message` stays English for programmers.
 */
describe('Error reasons and field codes', () => {
  let t: TestApp;
  let w: World;
  const today = berlinToday();

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
  });
  afterAll(() => t.close());

  /** The body's reason and field codes have German texts, and the params fill every placeholder of them. */
  function expectRenderable(res: Response): void {
    const body = res.body as { reason: string; params?: Record<string, never>; fieldErrors?: { field: string; code: string; params?: Record<string, never> }[] };
    expect([body.reason, missingParams(reasonTemplate(body.reason), body.params)]).toEqual([body.reason, []]);
    for (const f of body.fieldErrors ?? []) expect([f.field, missingParams(fieldTemplate(f.code), f.params)]).toEqual([f.field, []]);
  }

  it('a device create with a too long model and no manufacturer: one field error each, with code and params', async () => {
    const res = await t
      .http()
      .post('/api/v1/devices')
      .set('Authorization', w.officeA.auth)
      .send({ schoolId: w.schoolA1, inventoryNumber: 'ER-1', type: 'laptop', model: 'x'.repeat(201) })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', reason: 'VALIDATION_FAILED' });
    const byField = Object.fromEntries(res.body.fieldErrors.map((f: { field: string }) => [f.field, f]));
    expect(byField.model).toEqual({ field: 'model', code: 'maxLength', params: { max: 200 }, messages: ['model must be shorter than or equal to 200 characters'] });
    expect(byField.manufacturer).toMatchObject({ field: 'manufacturer', code: 'isNotEmpty' });
    expect(byField.manufacturer.params).toBeUndefined();
    expect(fieldText(byField.model.code, byField.model.params)).toBe('Höchstens 200 Zeichen.');
    expect(fieldText(byField.manufacturer.code)).toBe('Bitte ausfüllen.');
    expect(res.body.message).toContain('model must be shorter than or equal to 200 characters');
    expectRenderable(res);
  });

  it('an unknown field, an empty string, a wrong enum and a malformed id name their constraint', async () => {
    const res = await t
      .http()
      .post('/api/v1/devices')
      .set('Authorization', w.officeA.auth)
      .send({ schoolId: w.schoolA1, inventoryNumber: '  ', type: 'toaster', manufacturer: 'Lenovo', model: 'L13', colour: 'red' })
      .expect(400);
    const codes = Object.fromEntries(res.body.fieldErrors.map((f: { field: string; code: string }) => [f.field, f.code]));
    expect(codes).toEqual({ inventoryNumber: 'isNotEmpty', type: 'isIn', colour: 'whitelistValidation' });
    expect(res.body.fieldErrors.find((f: { field: string }) => f.field === 'type').params.values).toContain('laptop');
    expectRenderable(res);
    const badId = await t.http().get('/api/v1/devices/not-a-uuid').set('Authorization', w.officeA.auth).expect(400);
    expect(badId.body.fieldErrors).toEqual([{ field: 'id', code: 'isUuid', messages: ['id must be a UUID'] }]);
  });

  it('lending a device on loan: DEVICE_ON_LOAN with its status; a due date before the start names the date', async () => {
    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'ER-LOAN' });
    await lendVia(t, w.coordinatorA1.auth, { deviceId: device, dueOn: shiftDays(today, 30) }).expect(201);
    const again = await lendVia(t, w.coordinatorA1.auth, { deviceId: device, dueOn: shiftDays(today, 30) }).expect(409);
    expect(again.body).toMatchObject({ error: 'CONFLICT', reason: 'DEVICE_ON_LOAN', params: { deviceStatus: 'loaned' }, message: 'This device is already on loan' });
    expect(reasonText(again.body.reason, again.body.params)).toBe('Das Gerät ist bereits verliehen.');
    expectRenderable(again);

    const other = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'ER-LOAN-2' });
    const start = shiftDays(today, -10);
    const early = await lendVia(t, w.coordinatorA1.auth, { deviceId: other, startedOn: start, dueOn: shiftDays(today, -20) }).expect(400);
    expect(early.body.fieldErrors).toEqual([{ field: 'dueOn', code: 'notBefore', params: { date: start }, messages: ['dueOn must not be before startedOn'] }]);
    expect(fieldText('notBefore', early.body.fieldErrors[0].params)).toBe(`Das Datum darf nicht vor dem ${start.slice(8, 10)}.${start.slice(5, 7)}.${start.slice(0, 4)} liegen.`);
  });

  it('a return writes a German history reason; a second return is LOAN_ALREADY_RETURNED, a stale version STALE_VERSION', async () => {
    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'ER-RET' });
    const loan = await lendVia(t, w.coordinatorA1.auth, { deviceId: device, dueOn: shiftDays(today, 30) }).expect(201);
    await t.http().post(`/api/v1/loans/${loan.body.id}/return`).set('Authorization', w.coordinatorA1.auth).send({ condition: 'damaged' }).expect(200);
    const events = await t.dataSource.query(`SELECT reason FROM device_events WHERE device_id = $1 AND kind = 'returned'`, [device]);
    expect(events).toEqual([{ reason: 'Rückgabe: beschädigt' }]);

    const twice = await t.http().post(`/api/v1/loans/${loan.body.id}/return`).set('Authorization', w.coordinatorA1.auth).send({ condition: 'ok' }).expect(409);
    expect(twice.body).toMatchObject({ error: 'ILLEGAL_STATE', reason: 'LOAN_ALREADY_RETURNED', params: { returnedOn: today }, details: { returnedOn: today } });
    expect(reasonText(twice.body.reason, twice.body.params)).toBe(`Diese Ausleihe wurde bereits am ${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)} zurückgegeben.`);
    expectRenderable(twice);

    const stale = await t.http().post(`/api/v1/loans/${loan.body.id}/agreement-signed`).set('Authorization', w.coordinatorA1.auth).send({ version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ error: 'STALE_VERSION', reason: 'STALE_VERSION', params: { entity: 'loan', currentVersion: 2 }, details: { currentVersion: 2 } });
    expect(reasonText(stale.body.reason, stale.body.params)).toMatch(/^Die Ausleihe wurde inzwischen von jemand anderem geändert\./);
  });

  it('the earmarking refusal names the grant, the end and the amount, and the real field confirmEarmarkingBreach', async () => {
    const g = (await createGrant(t, w.officeA, { title: 'Zweckbindung', eligibleFrom: '2020-01-01', eligibleUntil: '2030-12-31', earmarkingYears: 5, earmarkingYearsByType: { laptop: 3 } })).id;
    await allocate(t, w.officeA, g, w.schoolA1, 1_000_000);
    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'ER-EARMARK', type: 'laptop', purchasePriceCents: 100_000, commissionedOn: '2024-01-15' });
    await spend(t, w.officeA, g, w.schoolA1, { grossCents: 100_000, deviceIds: [device], orderDate: '2024-01-02', invoiceDate: '2024-01-10', paidOn: '2024-01-20' });
    const res = await t
      .http()
      .post(`/api/v1/devices/${device}/status`)
      .set('Authorization', w.officeA.auth)
      .send({ status: 'retired', reason: 'Displaybruch', retiredOn: '2025-01-15' })
      .expect(409);
    expect(res.body).toMatchObject({
      error: 'ILLEGAL_STATE',
      reason: 'EARMARKING_BREACH_NEEDS_CONFIRMATION',
      params: { grantTitle: 'Zweckbindung', earmarkingEnd: '2027-01-15', amountAtRiskCents: 60_000, requestedStatus: 'retired' },
      details: { confirmation: 'earmarkingBreach', grantId: g },
    });
    expect(res.body.message).toContain('confirmEarmarkingBreach: true');
    expect(res.body.message).not.toContain('confirmations.');
    expect(reasonText(res.body.reason, res.body.params)).toBe(
      'Das Gerät wurde aus dem Förderprogramm „Zweckbindung“ bezahlt und ist bis zum 15.01.2027 zweckgebunden; betroffener Förderbetrag: 600,00\u00a0€. ' +
        'Bitte bestätigen Sie ausdrücklich, dass es trotzdem als „ausgesondert“ gebucht werden soll.',
    );
    expectRenderable(res);
  });

  it('deleting a school with devices: SCHOOL_HAS_DEVICES; a school number taken: SCHOOL_NUMBER_TAKEN on the field', async () => {
    const school = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ schoolNumber: '887766', name: 'Gerätschule', schoolType: 'grundschule' }).expect(201);
    await createDevice(t.dataSource, w.authorityA, school.body.id, { inventoryNumber: 'ER-SCHOOL' });
    const res = await t.http().delete(`/api/v1/schools/${school.body.id}`).set('Authorization', w.officeA.auth).expect(409);
    expect(res.body).toMatchObject({ error: 'CONFLICT', reason: 'SCHOOL_HAS_DEVICES', details: { constraint: 'fk_devices_school' } });
    expect(res.body.fieldErrors).toBeUndefined();
    expect(reasonText(res.body.reason, res.body.params)).toBe('Die Schule hat noch Geräte. Bitte setzen Sie sie zuerst an eine andere Schule um oder löschen Sie sie.');
    const taken = await t.http().post('/api/v1/schools').set('Authorization', w.officeA.auth).send({ schoolNumber: '887766', name: 'Zweite', schoolType: 'grundschule' }).expect(409);
    expect(taken.body).toMatchObject({ reason: 'SCHOOL_NUMBER_TAKEN', fieldErrors: [{ field: 'schoolNumber', code: 'taken' }] });
    expectRenderable(taken);
  });

  it('grants, devices and needs: the budget, a stale device and a status step carry their reason and params', async () => {
    const g = (await createGrant(t, w.officeA, { title: 'Budget', approvedCents: 1_000_000 })).id;
    await allocate(t, w.officeA, g, w.schoolA1, 800_000);
    const over = await t.http().put(`/api/v1/grants/${g}/allocations/${w.schoolA2}`).set('Authorization', w.officeA.auth).send({ amountCents: 300_000 }).expect(409);
    expect(over.body).toMatchObject({ reason: 'GRANT_ALLOCATION_EXCEEDS_BUDGET', params: { approvedCents: 1_000_000, availableCents: 200_000 } });
    expect(reasonText(over.body.reason, over.body.params)).toBe(
      'Die Budgets der Schulen würden den bewilligten Betrag (10.000,00\u00a0€) übersteigen; für diese Schule sind noch 2.000,00\u00a0€ frei.',
    );
    expectRenderable(over);

    const device = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'ER-STALE' });
    await t.http().patch(`/api/v1/devices/${device}`).set('Authorization', w.officeA.auth).send({ version: 1, location: 'Raum 1' }).expect(200);
    const stale = await t.http().patch(`/api/v1/devices/${device}`).set('Authorization', w.officeA.auth).send({ version: 1, location: 'Raum 2' }).expect(409);
    expect(stale.body).toMatchObject({ error: 'STALE_VERSION', reason: 'STALE_VERSION', params: { entity: 'device', currentVersion: 2 } });
    const lost = await createDevice(t.dataSource, w.authorityA, w.schoolA1, { inventoryNumber: 'ER-LOST', status: 'lost' });
    const transition = await t.http().post(`/api/v1/devices/${lost}/status`).set('Authorization', w.officeA.auth).send({ status: 'in_use' }).expect(409);
    expect(transition.body).toMatchObject({ reason: 'DEVICE_STATUS_TRANSITION', params: { currentStatus: 'lost', requestedStatus: 'in_use' } });
    expect(reasonText(transition.body.reason, transition.body.params)).toBe('Ein Gerät mit dem Status „verloren“ kann nicht „im Einsatz“ werden.');

    const need = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', w.coordinatorA1.auth)
      .send({ schoolId: w.schoolA1, category: 'student_devices', title: '10 Tablets für die Klasse 5', quantity: 10, estimatedCostCents: 400_000, justification: 'Die Klasse 5 arbeitet ab dem Schuljahr 2026/27 mit Tablets.', priority: 'high' })
      .expect(201);
    const decide = await t.http().post(`/api/v1/needs/${need.body.id}/decide`).set('Authorization', w.officeA.auth).send({ decision: 'approved', version: need.body.version }).expect(409);
    expect(decide.body).toMatchObject({ error: 'ILLEGAL_STATE', reason: 'NEED_ACTION_STATUS', params: { currentStatus: 'draft', allowedFrom: ['submitted'] } });
    expect(reasonText(decide.body.reason, decide.body.params)).toBe('Eine Bedarfsmeldung mit dem Status „Entwurf“ kann das nicht (nur bei: eingereicht).');
    expectRenderable(decide);
  });

  it('not found, forbidden and unknown routes carry specific reasons too', async () => {
    const missing = await t.http().get('/api/v1/loans/00000000-0000-4000-8000-000000000000').set('Authorization', w.officeA.auth).expect(404);
    expect(missing.body).toMatchObject({ error: 'NOT_FOUND', reason: 'LOAN_NOT_FOUND' });
    const role = await t.http().post('/api/v1/schools').set('Authorization', w.viewerA.auth).send({ schoolNumber: '887700', name: 'X', schoolType: 'grundschule' }).expect(403);
    expect(role.body).toMatchObject({ error: 'FORBIDDEN', reason: 'ROLE_REQUIRED', params: { roles: ['office'] } });
    expect(reasonText(role.body.reason, role.body.params)).toBe('Dafür ist eine dieser Rollen nötig: Schulverwaltungsamt (Schulträger).');
    const route = await t.http().get('/api/v1/no-such-thing').set('Authorization', w.officeA.auth).expect(404);
    expect(route.body).toMatchObject({ error: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND' });
    const anonymous = await t.http().get('/api/v1/loans').expect(401);
    expect(anonymous.body).toMatchObject({ error: 'UNAUTHORIZED', reason: 'UNAUTHORIZED' });
  });
});
