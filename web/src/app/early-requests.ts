import { COVERAGE_PAGE_SIZE, coverageQueryOf } from '../coverage/coverage-params';
import { devicePageQuery, filtersFromParams } from '../devices/device-filters';

/**
 * The first requests of a typed address, sent by the start script (web/src/boot.ts) while the app's code still loads:
 * who is logged in, their schools and, on the device list, the overview and the Medienentwicklungsplan, their first page. Without them these requests
 * would leave only once React, React Aria and the app are evaluated, and the schools only after the login check's answer.
 *
 * The API client takes an answer over when it asks the same GET (same path, same query) within a few seconds, once.
 * Only a 2xx answer is taken: any other (a visitor's 401, the platform admin's 403 on schools) is dropped and the
 * client asks again, so the usual handling (the login page, no "session expired") sees its own answer. A write
 * (login, logout) drops every answer not yet taken: none can reach another user, and none is ever cached.
 */

/** The schools' page size: a city's schools (≤ 1,000) in one request (the shell waits for them). */
export const SCHOOL_PAGE_SIZE = 1000;

/** An early answer older than this is not taken (the client asks again): it is for the start, not for later visits. */
const MAX_AGE_MS = 5_000;

/** Where this browser keeps each user's school choice (app/school.tsx): only ids, nothing personal. */
export const STORAGE_KEY = 'inventar.school';

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

type Query = Record<string, string | number | boolean | string[] | undefined>;

function pathWith(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The school choice this browser keeps, before the user is known (the start's first page of a screen): the one kept
 * choice; null when there is none, or several users' choices.
 */
export function rememberedSchool(): string | null {
  try {
    const choices = Object.values(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, string | null>);
    return choices.length === 1 ? (choices[0] ?? null) : null;
  } catch {
    return null;
  }
}

/** The GETs the app sends first on this address (its path and query), as paths with their query. */
export function earlyPaths(pathname: string, search: URLSearchParams, schoolId: string | null): string[] {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/anmelden') return [];
  const paths = ['/api/v1/auth/me', pathWith('/api/v1/schools', { limit: SCHOOL_PAGE_SIZE })];
  // The screens whose first request their prefetch sends (Screen.prefetch in screens.ts), with the same query.
  if (path === '/geraete') paths.push(pathWith('/api/v1/devices', devicePageQuery(filtersFromParams(search), schoolId)));
  if (path === '/uebersicht') paths.push('/api/v1/stats/overview');
  if (path === '/medienentwicklungsplan') paths.push(pathWith('/api/v1/coverage', { ...coverageQueryOf(search), limit: COVERAGE_PAGE_SIZE }));
  return paths;
}

/** Sends the address's first requests (the start script, before the app's code). */
export function sendEarlyRequests(): void {
  const paths = earlyPaths(location.pathname, new URLSearchParams(location.search), rememberedSchool());
  for (const path of paths) {
    const answer = fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
    // Never an unhandled rejection for an answer nobody takes.
    answer.catch(() => undefined);
    early.set(keyOf(new URL(path, location.origin).href), { sentAt: performance.now(), answer });
  }
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
