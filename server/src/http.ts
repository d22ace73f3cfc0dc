import type { IncomingHttpHeaders } from 'node:http';
import type { Credentials } from './modules/auth/auth.service.js';
import { SESSION_COOKIE } from './modules/auth/auth.service.js';

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie is ignored, like a missing one
    }
  }
  return cookies;
}

/** "Bearer lse_…", or the bare key (some tools cannot add the scheme). */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const token = value.replace(/^Bearer\s+/i, '').trim();
  return token || undefined;
}

/** An API key wins over a cookie: a partner tool never means to act as the browser's user. */
export function credentialsFrom(headers: IncomingHttpHeaders, connectionAuthorization?: unknown): Credentials {
  const apiKey = bearerToken(connectionAuthorization) ?? bearerToken(headers.authorization);
  if (apiKey) return { apiKey };
  return { sessionToken: parseCookies(headers.cookie)[SESSION_COOKIE] };
}

/** Same origin as the request's Host, or listed in ALLOWED_ORIGINS. Requests without an Origin (non-browser tools) pass. */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
