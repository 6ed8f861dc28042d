import { createTestApp, TestApp } from './harness';

describe('Application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health answers 200 with the database up, without a login', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves Swagger UI at /api/docs and the OpenAPI JSON at /api/docs-json', async () => {
    const ui = await t.http().get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/api/v1/schools']).toBeDefined();
  });

  it('echoes a safe X-Request-Id or makes one, and puts it into error bodies', async () => {
    const given = await t.http().get('/api/v1/auth/me').set('X-Request-Id', 'counter-7-abc').expect(401);
    expect(given.headers['x-request-id']).toBe('counter-7-abc');
    expect(given.body.requestId).toBe('counter-7-abc');
    const made = await t.http().get('/api/v1/auth/me').set('X-Request-Id', 'bad id with spaces').expect(401);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    // Scripts only from the app's own files (and WebAssembly for the camera decoder): an injected inline script never runs.
    expect(csp.split(';')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp.split(';')).toContain("script-src-attr 'none'");
  });

  it('answers unknown routes and malformed JSON in the one error shape, without internals', async () => {
    const missing = await t.http().get('/api/v1/nothing-here').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND', message: expect.any(String) });
    const login = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(login.body).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST' });
    expect(JSON.stringify(login.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
