/**
 * The answers to the start script's early requests (app/early-requests.ts), kept until the API client asks the same GET
 * (same path, same query): taken over once, within a few seconds. Only a 2xx answer is taken: any other (a visitor's
 * 401, the platform admin's 403 on schools) is dropped and the client asks again, so the usual handling (the login
 * page, no "session expired") sees its own answer. A write (login, logout) drops every answer not yet taken: none can
 * reach another user, and none is ever cached.
 *
 * No imports: this module stays in the API client's chunk (an import of the app's modules from there would tie the
 * chunks in a circle, and the bundler then splits the start's code into more files).
 */

/** An early answer older than this is not taken (the client asks again): it is for the start, not for later visits. */
const MAX_AGE_MS = 5_000;

interface Early {
  sentAt: number;
  answer: Promise<Response>;
}

declare global {
  // The start script is a file of its own (a classic script, see vite.config.mts), the app another: one map for both.
  var inventarEarlyRequests: Map<string, Early> | undefined;
}
const early = (globalThis.inventarEarlyRequests ??= new Map<string, Early>());

/** Path and query, the query's pairs sorted: the same request whatever the order or encoding of its parameters. */
function keyOf(url: string): string {
  const u = new URL(url, 'http://x');
  const pairs = [...u.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return `${u.pathname}?${new URLSearchParams(pairs)}`;
}

/** Keeps the start script's answer to the GET of `url`. */
export function keepEarly(url: string, answer: Promise<Response>): void {
  early.set(keyOf(url), { sentAt: performance.now(), answer });
}

/**
 * The API client's fetch: an early answer to this GET (taken once), else the network. A request other than GET drops
 * all early answers.
 */
export function fetchOrTakeEarly(request: Request, init?: RequestInit): Promise<Response> {
  if (request.method !== 'GET') {
    early.clear();
    return fetch(request, init);
  }
  if (early.size === 0) return fetch(request, init);
  const key = keyOf(request.url);
  const found = early.get(key);
  if (!found) return fetch(request, init);
  early.delete(key);
  if (performance.now() - found.sentAt > MAX_AGE_MS) return fetch(request, init);
  return found.answer.then(
    (response) => (response.ok ? response : fetch(request, init)),
    () => fetch(request, init),
  );
}

/** For tests: forget every early answer. */
export function dropEarlyRequests(): void {
  early.clear();
}
