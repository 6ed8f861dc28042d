import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './harness';

const ROOT = join(__dirname, '..');
const SPEC_FILE = join(ROOT, 'openapi.json');
const METADATA_FILE = join(ROOT, 'src', 'metadata.ts');
const WEB_CLIENT_FILE = join(ROOT, 'web', 'src', 'api', 'schema.d.ts');
const UPDATE = process.env.UPDATE_OPENAPI === '1';

/** Object keys sorted at every level, so the committed file diffs cleanly. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/**
 * The committed openapi.json, src/metadata.ts and the web app's client types (web/src/api/schema.d.ts) must match the
 * code. `npm run openapi` regenerates all three.
 */
describe('OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    if (UPDATE) execFileSync(process.execPath, ['scripts/generate-openapi-metadata.mjs'], { cwd: ROOT, stdio: 'ignore' });
    t = await createTestApp();
  }, 180_000); // the generator type-checks the whole project first
  afterAll(() => t.close());

  it('src/metadata.ts is what the swagger plugin derives from the current DTOs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-metadata-'));
    execFileSync(process.execPath, ['scripts/generate-openapi-metadata.mjs', dir], { cwd: ROOT, stdio: 'ignore' });
    const fresh = readFileSync(join(dir, 'metadata.ts'), 'utf8');
    expect(readFileSync(METADATA_FILE, 'utf8') === fresh ? 'up to date' : 'stale: run npm run openapi').toBe('up to date');
  });

  it('openapi.json is the document the app serves', async () => {
    const text = `${JSON.stringify(sorted(t.document), null, 2)}\n`;
    if (UPDATE) writeFileSync(SPEC_FILE, text);
    expect(existsSync(SPEC_FILE)).toBe(true);
    const committed = readFileSync(SPEC_FILE, 'utf8');
    expect(committed === text ? 'up to date' : 'stale: run npm run openapi').toBe('up to date');
    const served = await t.http().get('/api/docs-json').expect(200);
    expect(sorted(served.body)).toEqual(sorted(t.document));
  });

  // After the openapi.json test: with UPDATE_OPENAPI the client is generated from the document just written.
  it('web/src/api/schema.d.ts is what openapi-typescript generates from openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-web-client-'));
    execFileSync(process.execPath, ['scripts/generate-web-client.mjs', join(dir, 'schema.d.ts')], { cwd: ROOT, stdio: 'ignore' });
    const fresh = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
    if (UPDATE) writeFileSync(WEB_CLIENT_FILE, fresh);
    expect(existsSync(WEB_CLIENT_FILE) && readFileSync(WEB_CLIENT_FILE, 'utf8') === fresh ? 'up to date' : 'stale: run npm run openapi').toBe('up to date');
  });

  it('documents every route with auth and its errors, and request bodies with their DTO properties', () => {
    const publicRoutes = new Set(['get /api/health', 'post /api/v1/auth/login', 'get /api/v1/site']);
    const seen = new Set<string>();
    type Op = { security?: unknown[]; responses: Record<string, unknown>; parameters?: { in: string; name: string }[] };
    for (const [path, item] of Object.entries(t.document.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Op>)) {
        const key = `${method} ${path}`;
        const codes = Object.keys(op.responses);
        expect({ key, success: codes.some((c) => c.startsWith('2')) }).toEqual({ key, success: true });
        if (publicRoutes.has(key)) {
          seen.add(key);
          // Anyone may call it: an empty security requirement, and no 403 (the login's 401 is a wrong password).
          expect({ key, security: op.security, has403: codes.includes('403') }).toEqual({ key, security: [{}], has403: false });
          continue;
        }
        expect({ key, security: op.security }).toEqual({ key, security: [{ bearer: [] }] });
        expect({ key, has401: codes.includes('401'), has403: codes.includes('403') }).toEqual({ key, has401: true, has403: true });
        // A record named in the path answers 404 when it is outside the caller's view.
        const pathIds = (op.parameters ?? []).filter((p) => p.in === 'path' && /(^id$|Id$)/.test(p.name));
        if (pathIds.length) expect({ key, has404: codes.includes('404') }).toEqual({ key, has404: true });
      }
    }
    expect([...seen].sort()).toEqual([...publicRoutes].sort());
    const health = (t.document.paths['/api/health'] as Record<string, Op>).get;
    expect(Object.keys(health.responses).sort()).toEqual(['200', '503']);
    const schemas = t.document.components?.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.CreateSchoolDto.properties ?? {})).toEqual(expect.arrayContaining(['name', 'schoolNumber', 'schoolType', 'studentCount']));
  });

  it('is valid OpenAPI by Redocly and swagger-parser (npm run lint:openapi)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-lint-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(t.document));
    let output = '';
    try {
      execFileSync(process.execPath, ['scripts/lint-openapi.mjs', file], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      output = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`.replace(/^.*[║╔╚].*$/gm, '').trim() || 'failed';
    }
    expect(output).toBe('');
  }, 60_000);
});
