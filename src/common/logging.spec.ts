import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createRootLogger, requestLogging } from './logging';

describe('request logging (the access line on the root logger)', () => {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw.push(chunk.toString());
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const handler = requestLogging(createRootLogger({ LOG_LEVEL: 'info' }, destination));
    server = createServer((req, res) =>
      handler(req as never, res as never, () => {
        res.statusCode = req.url === '/missing' ? 404 : req.url === '/broken' ? 500 : 200;
        res.end('ok');
      }),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const waitForLines = async (n: number) => {
    for (let i = 0; i < 100 && lines.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('writes one line per request with id, method, url and status, and never the token', async () => {
    const res = await fetch(`${base}/api/v1/devices?q=x`, { headers: { Authorization: 'Bearer secret-token-value', 'X-Request-Id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    await waitForLines(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'abc-123', method: 'GET', url: '/api/v1/devices?q=x' }, res: { statusCode: 200 } });
    expect(raw.join('')).not.toContain('secret-token-value');
  });

  it('replaces an unsafe request id and logs client errors as warnings', async () => {
    const res = await fetch(`${base}/missing`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitForLines(2);
    expect(lines[1]).toMatchObject({ level: 40, req: { id, url: '/missing' }, res: { statusCode: 404 } });
  });

  it('logs a 5xx answer as an error with the status, and nothing of the request but id, method and url', async () => {
    const res = await fetch(`${base}/broken`, { method: 'POST', headers: { Cookie: 'inventar_session=secret-cookie-value' }, body: 'secret-body-value' });
    expect(res.status).toBe(500);
    await waitForLines(3);
    expect(lines[2]).toMatchObject({ level: 50, msg: 'request errored', req: { id: res.headers.get('x-request-id'), method: 'POST', url: '/broken' }, res: { statusCode: 500 }, err: { message: 'failed with status code 500' } });
    expect(typeof lines[2].responseTime).toBe('number');
    expect(raw.join('')).not.toMatch(/secret-(cookie|body)-value/);
  });
});
