import type { Request, Response } from 'express';

/**
 * The browser's session: the same JWT as the bearer token, in an HttpOnly cookie the page's scripts cannot read.
 * SameSite=Strict keeps other sites' requests from carrying it; writes also need CSRF_HEADER (see AuthGuard), which
 * a cross-site form or image cannot send.
 */
export const SESSION_COOKIE = 'inventar_session';
/** Cookie-authenticated writes must carry this header (any value; the web app sends `fetch`). */
export const CSRF_HEADER = 'x-requested-with';
const COOKIE_PATH = '/api';

/** The session token from the Cookie header, if any. */
export function readSessionCookie(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
  }
  return undefined;
}

/** `Secure` when the request came over https (with TRUST_PROXY: as the proxy's X-Forwarded-Proto says). */
export function setSessionCookie(request: Request, response: Response, token: string, maxAgeSeconds: number): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: COOKIE_PATH, maxAge: maxAgeSeconds * 1000 });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: COOKIE_PATH });
}

/** Reads change nothing; every other method is a write. */
export const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
