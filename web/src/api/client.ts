import createClient, { type Middleware } from 'openapi-fetch';
import { fetchOrTakeEarly } from './early-answers';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** Called when the API answers 401 to a logged-in request: the session expired (set by the app shell). */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const sessionExpiry: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login')) onUnauthorized();
    return response;
  },
};

/**
 * The typed API client (types generated from openapi.json). The session is the HttpOnly cookie the login sets;
 * X-Requested-With is what the server requires of cookie-authenticated writes (CSRF). A GET the start script already
 * sent takes its answer (early-answers.ts).
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  credentials: 'same-origin',
  headers: { 'X-Requested-With': 'fetch' },
  fetch: fetchOrTakeEarly,
});
api.use(sessionExpiry);
