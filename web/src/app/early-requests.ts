import { keepEarly } from '../api/early-answers';
import { COVERAGE_PAGE_SIZE, coverageQueryOf } from '../coverage/coverage-params';
import { devicePageQuery, filtersFromParams } from '../devices/device-filters';
import { SCREEN_CHUNKS_ID } from './early-screens';

/**
 * The first requests of a typed address, sent by the start script (web/src/boot.ts) while the app's code still loads:
 * who is logged in, their schools and, on the device list, the overview and the Medienentwicklungsplan, their first page. Without them these requests
 * would leave only once React, React Aria and the app are evaluated, and the schools only after the login check's answer.
 *
 * The API client takes the answers over (api/early-answers.ts).
 */

/** The school names' page size: a city's or a state's schools (≤ 5,000) in one request (the shell waits for them). */
export const SCHOOL_PAGE_SIZE = 5000;

/** Where this browser keeps each user's school choice (app/school.tsx): only ids, nothing personal. */
export const STORAGE_KEY = 'inventar.school';

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

/** The address's path without a trailing slash: the key of its screen (`/geraete/` is `/geraete`). */
const screenPath = (pathname: string) => pathname.replace(/\/+$/, '') || '/';

/** The GETs the app sends first on this address (its path and query), as paths with their query. */
export function earlyPaths(pathname: string, search: URLSearchParams, schoolId: string | null): string[] {
  const path = screenPath(pathname);
  if (path === '/anmelden') return [];
  // The platform admin's screen: the admin has no schools (the API answers 403), so no school names are asked for.
  if (path === '/plattform') return ['/api/v1/auth/me'];
  const paths = ['/api/v1/auth/me', pathWith('/api/v1/schools/names', { limit: SCHOOL_PAGE_SIZE })];
  // The screens whose first request their prefetch sends (Screen.prefetch in screens.ts), with the same query.
  if (path === '/geraete') paths.push(pathWith('/api/v1/devices', devicePageQuery(filtersFromParams(search), schoolId)));
  if (path === '/uebersicht') paths.push('/api/v1/stats/overview');
  if (path === '/medienentwicklungsplan') paths.push(pathWith('/api/v1/coverage', { ...coverageQueryOf(search), limit: COVERAGE_PAGE_SIZE }));
  return paths;
}

/**
 * The address's screen's code, as module preloads (the chunks the build lists in index.html, see early-screens.ts): fetched
 * and compiled while the app's entry loads, so the screen renders when its data is there, not a chunk load later.
 */
export function preloadScreenChunks(pathname: string): void {
  let chunks: Record<string, string[]>;
  try {
    chunks = JSON.parse(document.getElementById(SCREEN_CHUNKS_ID)?.textContent || '{}') as Record<string, string[]>;
  } catch {
    return;
  }
  for (const href of chunks[screenPath(pathname)] ?? []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
}

/** Sends the address's first requests (the start script, before the app's code). */
export function sendEarlyRequests(): void {
  const paths = earlyPaths(location.pathname, new URLSearchParams(location.search), rememberedSchool());
  for (const path of paths) {
    const answer = fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
    // Never an unhandled rejection for an answer nobody takes.
    answer.catch(() => undefined);
    keepEarly(new URL(path, location.origin).href, answer);
  }
}
