import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import proxyAddr from 'proxy-addr';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import type { Credentials } from './modules/auth/auth.service.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './modules/auth/auth.service.js';

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
  const cookies = parseCookies(headers.cookie);
  return { sessionToken: cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE] };
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

/** The id a request is logged and answered with: the caller's X-Request-Id (at most 100 characters) or a new one. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const requestId = String(req.headers['x-request-id'] ?? randomUUID()).slice(0, 100);
  res.setHeader('x-request-id', requestId);
  return requestId;
}

/** Which proxies are believed, as Express compiles TRUST_PROXY: the address and its hop (0 = the socket's peer). */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The client's address and whether it reached us over HTTPS: the socket's, or what trusted
 * proxies forwarded (X-Forwarded-For, X-Forwarded-Proto); the same rules as Express's `req.ip`
 * and `req.secure`, for requests that do not pass through Express.
 */
export function clientOf(req: IncomingMessage, trust: TrustProxy): { address: string; secure: boolean } {
  let secure = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  if (trust(req.socket.remoteAddress ?? '', 0)) {
    const forwarded = req.headers['x-forwarded-proto'];
    const proto = typeof forwarded === 'string' && forwarded ? forwarded.split(',')[0].trim() : undefined;
    if (proto !== undefined) secure = proto === 'https';
  }
  return { address: proxyAddr(req, trust), secure };
}

/** CORS headers for a request from a configured browser origin; true when it was a preflight, answered here. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.has(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
  if (req.method !== 'OPTIONS') return false;
  res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, apollo-require-preflight, x-request-id');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.statusCode = 204;
  res.end();
  return true;
}

/** CORS for the configured browser origins only; the server's own origin needs none. */
export function corsFor(allowedOrigins: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    if (!applyCors(req, res, allowedOrigins)) next();
  };
}

/** The JSON of an error answer that never reached GraphQL (unreadable body, too large, a crash). */
export function errorBody(status: number): string {
  const message =
    status === 413 ? 'The request body is too large (at most 100 kB).' : status < 500 ? 'The request could not be read as JSON.' : 'Internal server error';
  return JSON.stringify({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR } }] });
}

/** body-parser and other middleware errors: JSON like every other answer, never an HTML stack trace. */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) logger.error({ err: error }, 'request failed');
    res.status(status).type('application/json').send(errorBody(status));
  };
}

/** The built single-page app: its files, and index.html for every other page address. */
export function webApp(dist: string): RequestHandler {
  const files = express.static(dist, { index: false, maxAge: '1h' });
  const index = path.join(dist, 'index.html');
  return (req, res, next) =>
    files(req, res, () => {
      if (req.method !== 'GET' || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
}
