import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'supertest';
import { createDevice, type TestUser, type World } from './factories';
import { createGrant } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';

/**
 * Spec-driven fuzzing: for every operation of openapi.json an office user and a coordinator may call, malformed
 * requests built from the operation's own schema (wrong types, huge strings, NUL bytes, lone surrogates and other
 * unicode, missing and unknown fields, bad ids and queries, junk bodies and files). Not one may answer 5xx.
 * Deterministic: a seeded generator, the same requests on every run.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  format?: string;
  enum?: Json[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  nullable?: boolean;
}
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  roles: string[] | null;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  body?: Schema;
  multipart: boolean;
}

const spec = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));

function resolve(schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 10; i++) {
    if (s.$ref) s = spec.components.schemas[s.$ref.split('/').pop()!];
    else if (s.allOf?.length === 1) s = { ...s.allOf[0], ...s, allOf: undefined };
    else if (s.oneOf?.length) s = s.oneOf[0];
    else break;
  }
  return s;
}

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method] as
        | { operationId: string; security?: unknown[]; 'x-roles'?: string[]; parameters?: { in: string; name: string; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
        | undefined;
      if (!op || !op.security?.some((s) => Object.keys(s as object).length > 0)) continue; // public ones carry `[{}]`
      const content = op.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        operationId: op.operationId,
        roles: op['x-roles'] ?? null,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: content['application/json']?.schema,
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  return ops;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

const HUGE = 'x'.repeat(100_000);
/** Strings no field should choke on. */
const BAD_STRINGS = [
  '', ' ', 'a\u0000b', '\u0000', '\ud800', 'x\udfffy', '😀'.repeat(300), '\u202eevil', 'ß̶̢̛̥̺̱̫ͮ̎', 'İıŞşĞğ', HUGE, 'Ünïcödé €', '\\', '%', "'; DROP TABLE devices; --",
  '{"a":1}', '2025-02-30', '2025-13-01', '0000-00-00', '99999-01-01', '-1', '1e309', 'NaN', 'null', 'true', '00000000-0000-0000-0000-000000000000',
  '6f1c1d3e-0000-4000-8000-00000000abcd\u0000', 'not-a-uuid', '../../etc/passwd', '<script>alert(1)</script>', ' padded ', '\t\n\r',
];
const BAD_VALUES: Json[] = [
  null, true, false, 0, -1, 1.5, -2147483649, 2147483648, 9007199254740992, 1e308, -1e308, [], [null], [[[]]], {}, { nested: { deep: [1, 'a', null] } },
  ['a\u0000b'], [HUGE], Array.from({ length: 600 }, (_, i) => i), ...BAD_STRINGS,
];
const BAD_IDS = ['x', '1', '-1', '0', 'null', 'undefined', '%00', 'a%00b', '%C0%AE', 'ä', '%F0%9F%98%80', '00000000-0000-0000-0000-000000000000', '6F1C1D3E-0000-4000-8000-00000000ABCD', 'x'.repeat(5000), '..%2F..%2Fetc', '%ED%A0%80', '1e309', '%20'];
const BAD_QUERY = ['a%00b', '%00', '%ED%A0%80', '-1', '0', '1e309', '999999999999999999999', 'abc', '', '%F0%9F%98%80', 'x'.repeat(3000), 'true', '[]', '2025-02-30', 'null', "'", '%C3%28'];

describe('Fuzzing every operation from openapi.json', () => {
  let t: TestApp;
  let w: World;
  /** Real ids of the caller's own records, so that some mutations reach the services and the database. */
  let own: Record<string, string>;

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const grant = await createGrant(t, w.officeA);
    own = { schoolId: w.schoolA1, deviceId: await createDevice(t.dataSource, w.authorityA, w.schoolA1), grantId: grant.id, authorityId: w.authorityA, userId: w.viewerA.id };
  });
  afterAll(() => t.close());

  /** A plausible value for a schema, with the real own ids for id fields. */
  function sample(schema: Schema | undefined, name: string, depth = 0): Json {
    const s = resolve(schema);
    if (s.enum?.length) return s.enum[0];
    if (s.format === 'uuid') return own[name] ?? own[`${name.replace(/s$/, '')}`] ?? own.schoolId;
    if (s.format === 'date') return '2025-09-01';
    if (s.format === 'date-time') return '2025-09-01T08:00:00Z';
    if (s.format === 'email') return `fuzz-${name}@test.example`;
    switch (s.type) {
      case 'integer':
      case 'number':
        return s.minimum !== undefined && s.minimum > 1 ? s.minimum : 1;
      case 'boolean':
        return false;
      case 'string':
        return name.toLowerCase().includes('password') ? 'Kastanie-Fähre-Lupe-3' : `Fuzz ${name}`;
      case 'array':
        return depth > 3 ? [] : [sample(s.items, name.replace(/s$/, ''), depth + 1)];
      default: {
        if (!s.properties || depth > 3) return {};
        const out: Record<string, Json> = {};
        for (const [key, prop] of Object.entries(s.properties)) out[key] = sample(prop, key, depth + 1);
        return out;
      }
    }
  }

  /** The malformed variants of one operation's request: path, query, body (or file). */
  function variants(op: Operation, rnd: ReturnType<typeof generator>): { label: string; path: Record<string, string>; query: string; body?: unknown; raw?: string; file?: Buffer }[] {
    const ownPath = Object.fromEntries(op.pathParams.map((p) => [p, p === 'tag' ? 'INV-1' : (own[p] ?? own.grantId)]));
    const base = op.body ? sample(op.body, 'body') : undefined;
    const out: ReturnType<typeof variants> = [];
    for (const param of op.pathParams) {
      for (let i = 0; i < 3; i++) {
        const bad = rnd.pick(BAD_IDS);
        out.push({ label: `path ${param}=${bad.slice(0, 30)}`, path: { ...ownPath, [param]: bad }, query: '', body: base });
      }
    }
    for (const q of op.queryParams) {
      for (let i = 0; i < 3; i++) {
        const bad = rnd.pick(BAD_QUERY);
        out.push({ label: `query ${q.name}=${bad.slice(0, 30)}`, path: ownPath, query: `${q.name}=${bad}` });
      }
      out.push({ label: `query ${q.name} twice`, path: ownPath, query: `${q.name}=a&${q.name}=b` });
      out.push({ label: `query ${q.name}[x]`, path: ownPath, query: `${q.name}[x]=1` });
    }
    if (op.body) {
      const props = Object.keys(resolve(op.body).properties ?? {});
      for (const prop of props) {
        for (let i = 0; i < 2; i++) {
          const bad = rnd.pick(BAD_VALUES);
          out.push({ label: `body ${prop}=${JSON.stringify(bad)?.slice(0, 30)}`, path: ownPath, query: '', body: { ...(base as object), [prop]: bad } });
        }
        const rest = { ...(base as Record<string, Json>) };
        delete rest[prop];
        out.push({ label: `body without ${prop}`, path: ownPath, query: '', body: rest });
        // Inside arrays of objects (bulk items): one field of the first item.
        const value = (base as Record<string, Json>)[prop];
        if (Array.isArray(value) && value[0] && typeof value[0] === 'object' && !Array.isArray(value[0])) {
          for (const key of Object.keys(value[0])) {
            const bad = rnd.pick(BAD_VALUES);
            out.push({ label: `body ${prop}[0].${key}=${JSON.stringify(bad)?.slice(0, 30)}`, path: ownPath, query: '', body: { ...(base as object), [prop]: [{ ...value[0], [key]: bad }] } });
          }
        }
      }
      for (const junk of [[], 'text', 42, null, { unknownField: 1 }, Array.from({ length: 300 }, () => base)]) {
        out.push({ label: `body ${JSON.stringify(junk)?.slice(0, 30)}`, path: ownPath, query: '', body: junk });
      }
      out.push({ label: 'invalid JSON', path: ownPath, query: '', raw: '{"a": ' });
      out.push({ label: 'JSON with NUL key', path: ownPath, query: '', body: { ...(base as object), 'a\u0000': 1 } });
      out.push({ label: 'JSON __proto__', path: ownPath, query: '', raw: JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":1},') });
    }
    if (op.multipart) {
      for (const file of [Buffer.alloc(0), Buffer.from('\u0000\u0001\u0002PK\u0003\u0004garbage'), Buffer.from('PK\u0003\u0004' + 'A'.repeat(200)), Buffer.from('a;b;c\n\u0000;\ud800;x\n'), Buffer.from('\ufeff' + 'x'.repeat(50_000)), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xd8, 0x00])]) {
        out.push({ label: `file of ${file.length} bytes`, path: ownPath, query: '', file });
      }
      out.push({ label: 'no file', path: ownPath, query: '' });
    }
    return out;
  }

  async function fuzz(user: TestUser, role: string, seed: number): Promise<{ sent: number; failures: string[] }> {
    const rnd = generator(seed);
    const failures: string[] = [];
    let sent = 0;
    // Logout would end the fuzzing session itself (its whole input is the token).
    const ops = operations().filter((o) => o.operationId !== 'Auth_logout' && (!o.roles || o.roles.includes(role)));
    for (const op of ops) {
      for (const v of variants(op, rnd)) {
        const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (v.path[name].includes('%') ? v.path[name] : encodeURIComponent(v.path[name]))) + (v.query ? `?${v.query}` : '');
        let req: Test = t.http()[op.method](url).set('Authorization', user.auth);
        if (v.file) req = req.attach('file', v.file, 'fuzz.csv');
        else if (v.raw !== undefined || v.body !== undefined) req = req.set('Content-Type', 'application/json').send(v.raw ?? JSON.stringify(v.body));
        const res = await req;
        sent++;
        if (res.status >= 500) failures.push(`${op.method.toUpperCase()} ${op.path} [${v.label}] → ${res.status} ${res.body?.error ?? ''}`);
      }
    }
    return { sent, failures };
  }

  it('never answers 5xx to an office user', async () => {
    const { sent, failures } = await fuzz(w.officeA, 'office', 20261201);
    expect(failures).toEqual([]);
    // About 1,900 requests as office and 1,000 as coordinator (deterministic: the same ones on every run, more with every new route).
    expect(sent).toBeGreaterThan(1200);
  }, 300_000);

  it('never answers 5xx to a coordinator', async () => {
    const { sent, failures } = await fuzz(w.coordinatorA1, 'coordinator', 4711);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(600);
  }, 300_000);
});
