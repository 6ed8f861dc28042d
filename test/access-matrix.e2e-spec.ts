import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'supertest';
import type { Role } from '../src/common/actor';
import { createDevice, type TestUser, type World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';
import { berlinToday, lendVia, shiftDays } from './loans-fixtures';

/**
 * The access matrix, generated from the committed openapi.json: every operation of the spec must have a row here
 * (a new route fails the first test until it gets one). For each operation:
 * - without a token: 401 (unless public);
 * - with each role not allowed: 403;
 * - with an id of the other authority's record: 404, and for coordinators with an id of another school's record
 *   of their own authority: 404. The request is otherwise valid, so that the 404 is the access decision.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface SpecOperation {
  method: Method;
  path: string;
  operationId: string;
  roles: Role[] | null;
  authenticated: boolean;
  pathParams: string[];
  multipart: boolean;
}

/** The records of one place (a school of an authority) that path ids point at. */
interface Place {
  authorityId: string;
  schoolId: string;
  deviceId: string;
  deviceTag: string;
  loanId: string;
  needId: string;
  grantId: string;
  expenditureId: string;
  productId: string;
  contractId: string;
  userId: string;
  stocktakingId: string;
}

interface Target {
  params: Record<string, string>;
  body?: object;
}

interface Case {
  /** Who may call it (the route's @Roles; every role where it has none). */
  roles: Role[];
  /** A valid request on the records of `place`; `own` is the caller's own place (for ids in the body). */
  target?: (place: Place, own: Place) => Target;
  /** The records belong to the authority, not to one school: no cross-school case. */
  authorityWide?: boolean;
  /** The platform admin's own records (authorities): no cross-authority case. */
  platform?: boolean;
}

const ALL: Role[] = ['admin', 'office', 'coordinator', 'viewer'];
const READERS: Role[] = ['office', 'coordinator', 'viewer'];
const WRITERS: Role[] = ['office', 'coordinator'];
const OFFICE: Role[] = ['office'];
const ADMIN: Role[] = ['admin'];
const ADMIN_OFFICE: Role[] = ['admin', 'office'];

const future = shiftDays(berlinToday(), 30);

const MATRIX: Record<string, Case> = {
  Health_check: { roles: ALL },
  Auth_login: { roles: ALL },
  Site_site: { roles: ALL },
  Auth_logout: { roles: ALL },
  Auth_me: { roles: ALL },
  Auth_changePassword: { roles: ALL },
  Audit_list: { roles: OFFICE },

  Authorities_list: { roles: ADMIN },
  Authorities_create: { roles: ADMIN },
  Authorities_current: { roles: READERS },
  Authorities_get: { roles: ADMIN, platform: true, target: (p) => ({ params: { id: p.authorityId } }) },
  Authorities_update: { roles: ADMIN, platform: true, target: (p) => ({ params: { id: p.authorityId }, body: { name: 'Umbenannt' } }) },

  Users_list: { roles: ADMIN_OFFICE },
  Users_create: { roles: ADMIN_OFFICE },
  Users_get: { roles: ADMIN_OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.userId } }) },
  Users_update: { roles: ADMIN_OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.userId }, body: { displayName: 'Umbenannt' } }) },
  Users_setSchools: { roles: ADMIN_OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.userId }, body: { schoolIds: [] } }) },

  Schools_list: { roles: READERS },
  Schools_names: { roles: READERS },
  Schools_create: { roles: OFFICE },
  Schools_get: { roles: READERS, target: (p) => ({ params: { id: p.schoolId } }) },
  // Coordinators change their schools' figures only, not the name.
  Schools_update: { roles: WRITERS, target: (p) => ({ params: { id: p.schoolId }, body: { studentCount: 510 } }) },
  Schools_remove: { roles: OFFICE, target: (p) => ({ params: { id: p.schoolId } }) },
  SchoolCoverage_get: { roles: READERS, target: (p) => ({ params: { id: p.schoolId } }) },

  Devices_list: { roles: READERS },
  Devices_create: { roles: WRITERS },
  Devices_importFile: { roles: WRITERS },
  Devices_byTag: { roles: READERS, target: (p) => ({ params: { tag: p.deviceTag } }) },
  Devices_get: { roles: READERS, target: (p) => ({ params: { id: p.deviceId } }) },
  Devices_update: { roles: WRITERS, target: (p) => ({ params: { id: p.deviceId }, body: { version: 1, notes: 'geändert' } }) },
  Devices_history: { roles: READERS, target: (p) => ({ params: { id: p.deviceId } }) },
  Devices_move: { roles: WRITERS, target: (p, own) => ({ params: { id: p.deviceId }, body: { schoolId: own.schoolId } }) },
  Devices_changeStatus: { roles: WRITERS, target: (p) => ({ params: { id: p.deviceId }, body: { status: 'in_repair', reason: 'Display' } }) },

  Labels_formats: { roles: READERS },
  Labels_pdf: { roles: WRITERS },

  Loans_list: { roles: READERS },
  Loans_create: { roles: WRITERS },
  Loans_bulkLend: { roles: WRITERS },
  Loans_bulkReturn: { roles: WRITERS },
  Loans_erase: { roles: OFFICE },
  Loans_getSettings: { roles: READERS },
  Loans_updateSettings: { roles: OFFICE },
  Loans_get: { roles: READERS, target: (p) => ({ params: { id: p.loanId } }) },
  Loans_agreement: { roles: READERS, target: (p) => ({ params: { id: p.loanId } }) },
  Loans_agreements: { roles: READERS },
  Loans_markAgreementSigned: { roles: WRITERS, target: (p) => ({ params: { id: p.loanId }, body: { version: 1 } }) },
  Loans_extend: { roles: WRITERS, target: (p) => ({ params: { id: p.loanId }, body: { dueOn: future } }) },
  Loans_return: { roles: WRITERS, target: (p) => ({ params: { id: p.loanId }, body: { condition: 'ok' } }) },

  Grants_list: { roles: READERS },
  Grants_create: { roles: OFFICE },
  Grants_settings: { roles: READERS },
  Grants_updateSettings: { roles: OFFICE },
  Grants_get: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.grantId } }) },
  Grants_update: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.grantId }, body: { title: 'Umbenannt' } }) },
  Grants_remove: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.grantId } }) },
  Grants_summary: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.grantId } }) },
  Grants_listAllocations: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.grantId } }) },
  Grants_setAllocation: { roles: OFFICE, target: (p) => ({ params: { id: p.grantId, schoolId: p.schoolId }, body: { amountCents: 100 } }) },
  Grants_removeAllocation: { roles: OFFICE, target: (p) => ({ params: { id: p.grantId, schoolId: p.schoolId } }) },
  ReportExports_grantReportXlsx: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.grantId } }) },
  Expenditures_list: { roles: READERS, authorityWide: true, target: (p) => ({ params: { grantId: p.grantId } }) },
  Expenditures_create: {
    roles: OFFICE,
    target: (p) => ({
      params: { grantId: p.grantId },
      body: { schoolId: p.schoolId, category: 'devices', orderDate: '2021-03-01', vendor: 'Bechtle GmbH', description: '30 Tablets', grossCents: 100 },
    }),
  },
  Expenditures_get: { roles: READERS, target: (p) => ({ params: { grantId: p.grantId, id: p.expenditureId } }) },
  Expenditures_update: { roles: OFFICE, target: (p) => ({ params: { grantId: p.grantId, id: p.expenditureId }, body: { description: 'Geändert' } }) },
  Expenditures_remove: { roles: OFFICE, target: (p) => ({ params: { grantId: p.grantId, id: p.expenditureId } }) },

  Needs_list: { roles: READERS },
  Needs_create: { roles: WRITERS },
  Needs_get: { roles: READERS, target: (p) => ({ params: { id: p.needId } }) },
  Needs_update: { roles: WRITERS, target: (p) => ({ params: { id: p.needId }, body: { title: 'Geändert' } }) },
  Needs_remove: { roles: WRITERS, target: (p) => ({ params: { id: p.needId } }) },
  Needs_submit: { roles: WRITERS, target: (p) => ({ params: { id: p.needId }, body: {} }) },
  Needs_withdraw: { roles: WRITERS, target: (p) => ({ params: { id: p.needId }, body: {} }) },
  Needs_decide: { roles: OFFICE, target: (p) => ({ params: { id: p.needId }, body: { decision: 'rejected', reason: 'Kein Budget' } }) },
  Needs_linkGrant: { roles: OFFICE, target: (p, own) => ({ params: { id: p.needId }, body: { grantId: own.grantId } }) },

  Coverage_list: { roles: READERS },
  Coverage_settings: { roles: READERS },
  Coverage_updateSettings: { roles: OFFICE },
  ReportExports_coverageXlsx: { roles: READERS },
  ReportExports_needsXlsx: { roles: READERS },
  Stats_overview: { roles: ['office', 'viewer'] },
  Exports_inventoryXlsx: { roles: READERS },
  Exports_loansXlsx: { roles: READERS },

  Licences_listProducts: { roles: READERS },
  Licences_createProduct: { roles: OFFICE },
  Licences_getProduct: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.productId } }) },
  Licences_updateProduct: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.productId }, body: { notes: 'Geändert' } }) },
  Licences_removeProduct: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.productId } }) },
  Licences_listContracts: { roles: READERS },
  Licences_createContract: { roles: OFFICE },
  Licences_getContract: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.contractId } }) },
  Licences_updateContract: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.contractId }, body: { notes: 'Geändert' } }) },
  Licences_removeContract: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.contractId } }) },
  Licences_listSeats: { roles: READERS, authorityWide: true, target: (p) => ({ params: { id: p.contractId } }) },
  Licences_assignSeats: { roles: OFFICE, target: (p) => ({ params: { id: p.contractId, schoolId: p.schoolId }, body: { seatsAssigned: 1 } }) },
  Licences_removeSeats: { roles: OFFICE, target: (p) => ({ params: { id: p.contractId, schoolId: p.schoolId } }) },
  Licences_setUse: { roles: WRITERS, target: (p) => ({ params: { id: p.contractId, schoolId: p.schoolId }, body: { seatsInUse: 1 } }) },
  Stocktakings_list: { roles: READERS },
  Stocktakings_settings: { roles: READERS },
  Stocktakings_due: { roles: READERS },
  Stocktakings_updateSettings: { roles: OFFICE },
  Stocktakings_start: { roles: WRITERS },
  Stocktakings_get: { roles: READERS, target: (p) => ({ params: { id: p.stocktakingId } }) },
  Stocktakings_scan: { roles: WRITERS, target: (p) => ({ params: { id: p.stocktakingId }, body: { tag: p.deviceTag } }) },
  Stocktakings_scans: { roles: READERS, target: (p) => ({ params: { id: p.stocktakingId } }) },
  Stocktakings_missing: { roles: READERS, target: (p) => ({ params: { id: p.stocktakingId } }) },
  Stocktakings_close: { roles: WRITERS, target: (p) => ({ params: { id: p.stocktakingId }, body: {} }) },
  ReportExports_stocktakingXlsx: { roles: READERS, target: (p) => ({ params: { id: p.stocktakingId } }) },

  Licences_importUsage: { roles: OFFICE, authorityWide: true, target: (p) => ({ params: { id: p.contractId } }) },
  Licences_warnings: { roles: READERS },
  LicencesExport_licencesXlsx: { roles: READERS },
  Licences_settings: { roles: READERS },
  Licences_updateSettings: { roles: OFFICE },
};

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

function specOperations(): SpecOperation[] {
  const spec = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as
        | { operationId: string; security?: unknown[]; parameters?: { in: string; name: string }[]; 'x-roles'?: Role[]; requestBody?: { content: Record<string, unknown> } }
        | undefined;
      if (!op) continue;
      operations.push({
        method,
        path,
        operationId: op.operationId,
        roles: op['x-roles'] ?? null,
        // Public operations carry an empty requirement (`[{}]`: anyone may call them).
        authenticated: Boolean(op.security?.some((s) => Object.keys(s as object).length > 0)),
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        multipart: Boolean(op.requestBody?.content['multipart/form-data']),
      });
    }
  }
  return operations;
}

const OPERATIONS = specOperations();
const RANDOM_ID = '6f1c1d3e-0000-4000-8000-00000000abcd';

describe('Access matrix (every operation of openapi.json)', () => {
  let t: TestApp;
  let w: World;
  let places: { a1: Place; a2: Place; b1: Place };

  const user = (role: Role): TestUser => ({ admin: w.admin, office: w.officeA, coordinator: w.coordinatorA1, viewer: w.viewerA })[role];

  function call(op: SpecOperation, params: Record<string, string>, auth?: string, body?: object): Test {
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? RANDOM_ID));
    let req = t.http()[op.method](url);
    if (auth) req = req.set('Authorization', auth);
    if (op.multipart) return req.attach('file', Buffer.from('schoolNumber;seatsInUse\n100001;1\n'), 'nutzung.csv');
    return body !== undefined ? req.send(body) : req;
  }

  async function place(authorityId: string, schoolId: string, office: TestUser, userId: string, grantId: string, productId: string, contractId: string): Promise<Place> {
    const deviceTag = `MX-${schoolId.slice(0, 8)}`;
    const deviceId = await createDevice(t.dataSource, authorityId, schoolId, { inventoryNumber: deviceTag });
    const loanDevice = await createDevice(t.dataSource, authorityId, schoolId);
    const loan = await lendVia(t, office.auth, { deviceId: loanDevice }).expect(201);
    const need = await t.http().post('/api/v1/needs').set('Authorization', office.auth)
      .send({ schoolId, title: 'Tablets', category: 'student_devices', quantity: 3, estimatedCostCents: 150_000, justification: 'Für die Klasse 5' }).expect(201);
    await allocate(t, office, grantId, schoolId, 1_000_000);
    const expenditure = await spend(t, office, grantId, schoolId);
    const stocktaking = await t.http().post('/api/v1/stocktakings').set('Authorization', office.auth).send({ schoolId }).expect(201);
    return {
      authorityId, schoolId, deviceId, deviceTag, loanId: loan.body.id, needId: need.body.id, grantId, expenditureId: expenditure.id, productId, contractId, userId,
      stocktakingId: stocktaking.body.id,
    };
  }

  async function licences(office: TestUser): Promise<{ productId: string; contractId: string }> {
    const product = await t.http().post('/api/v1/licences/products').set('Authorization', office.auth)
      .send({ name: 'Mathe-App', vendor: 'Lern GmbH', kind: 'learning_app', processesStudentData: false }).expect(201);
    const contract = await t.http().post('/api/v1/licences/contracts').set('Authorization', office.auth)
      .send({ productId: product.body.id, allSchools: true, licenceModel: 'per_student', seatsBought: 100, termStart: '2025-08-01', termEnd: future }).expect(201);
    return { productId: product.body.id, contractId: contract.body.id };
  }

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const grantA = await createGrant(t, w.officeA);
    const grantB = await createGrant(t, w.officeB);
    const licA = await licences(w.officeA);
    const licB = await licences(w.officeB);
    places = {
      a1: await place(w.authorityA, w.schoolA1, w.officeA, w.viewerA.id, grantA.id, licA.productId, licA.contractId),
      a2: await place(w.authorityA, w.schoolA2, w.officeA, w.viewerA.id, grantA.id, licA.productId, licA.contractId),
      b1: await place(w.authorityB, w.schoolB1, w.officeB, w.coordinatorB1.id, grantB.id, licB.productId, licB.contractId),
    };
  }, 120_000);
  afterAll(() => t.close());

  it('has a row for every operation of the spec, and its roles are the ones the spec declares', () => {
    const inSpec = OPERATIONS.map((o) => o.operationId).sort();
    expect(inSpec).toEqual(Object.keys(MATRIX).sort());
    for (const op of OPERATIONS) {
      expect([op.operationId, [...(op.roles ?? ALL)].sort()]).toEqual([op.operationId, [...MATRIX[op.operationId].roles].sort()]);
      // Every operation with an id in its path says how to reach a record with it.
      expect([op.operationId, op.pathParams.length > 0]).toEqual([op.operationId, Boolean(MATRIX[op.operationId].target)]);
    }
    // Public are exactly the login, health and the web app's site facts (accessibility contact, legal links).
    expect(OPERATIONS.filter((o) => !o.authenticated).map((o) => o.operationId).sort()).toEqual(['Auth_login', 'Health_check', 'Site_site']);
  });

  it('answers 401 without a token on every authenticated operation', async () => {
    const failures: string[] = [];
    for (const op of OPERATIONS.filter((o) => o.authenticated)) {
      const res = await call(op, {});
      if (res.status !== 401) failures.push(`${op.operationId}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role not allowed', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of OPERATIONS.filter((o) => o.authenticated)) {
      const { roles, target } = MATRIX[op.operationId];
      for (const role of ALL.filter((r) => !roles.includes(r))) {
        const res = await call(op, target?.(places.a1, places.a1).params ?? {}, user(role).auth);
        checked++;
        if (res.status !== 403) failures.push(`${op.operationId} as ${role}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("answers 404 for the other authority's records, and to coordinators for another school's", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of OPERATIONS.filter((o) => o.pathParams.length > 0)) {
      const { roles, target, authorityWide, platform } = MATRIX[op.operationId];
      if (!platform) {
        const role = (['office', 'coordinator', 'viewer'] as const).find((r) => roles.includes(r))!;
        const { params, body } = target!(places.b1, places.a1);
        const res = await call(op, params, user(role).auth, body);
        checked++;
        if (res.status !== 404) failures.push(`${op.operationId} as ${role} of A on B: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
      if (roles.includes('coordinator') && !authorityWide && !platform) {
        const { params, body } = target!(places.a2, places.a1);
        const res = await call(op, params, w.coordinatorA1.auth, body);
        checked++;
        if (res.status !== 404) failures.push(`${op.operationId} as coordinator of A1 on A2: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('reaches the same records with the own ids (the 404s above are about access, not about the requests)', async () => {
    const failures: string[] = [];
    for (const op of OPERATIONS.filter((o) => o.pathParams.length > 0 && o.method === 'get')) {
      const { roles, target } = MATRIX[op.operationId];
      const role = roles.includes('office') ? 'office' : roles[0];
      const res = await call(op, target!(places.a1, places.a1).params, user(role).auth);
      if (res.status !== 200) failures.push(`${op.operationId} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
  });
});
