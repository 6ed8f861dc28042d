// A fake API for component tests: answers by "METHOD /path" (query string ignored), records the requests.
type Handler = (request: Request) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>;

export const requests: { method: string; path: string; body: unknown; headers: Headers }[] = [];
let routes: Record<string, Handler> = {};

export function mockApi(next: Record<string, Handler | { status?: number; body?: unknown }>): void {
  routes = Object.fromEntries(Object.entries(next).map(([k, v]) => [k, typeof v === 'function' ? v : () => v]));
}

export function resetApi(): void {
  routes = {};
  requests.length = 0;
}

(globalThis as unknown as { __fakeFetch: typeof fetch }).__fakeFetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  const text = request.method === 'GET' ? '' : await request.clone().text();
  requests.push({ method: request.method, path: url.pathname + url.search, body: text ? JSON.parse(text) : undefined, headers: request.headers });
  const key = Object.keys(routes).find((k) => {
    const [method, pattern] = k.split(' ');
    return method === request.method && new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(url.pathname);
  });
  if (!key) return new Response(JSON.stringify({ statusCode: 404, error: 'NOT_FOUND', message: `no fake for ${request.method} ${url.pathname}` }), { status: 404, headers: { 'Content-Type': 'application/json' } });
  const { status = 200, body } = await routes[key](request);
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
};
