import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * The web app loads only its own files: no inline or foreign script, no framing (clickjacking),
 * no MIME sniffing. Styles may be inline because Vue writes style attributes for the virtualised
 * list and the score bars; scripts never are.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self' covers the same-origin WebSocket (ws:/wss:) in current browsers
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer carries; `secure` honours X-Forwarded-Proto from trusted proxies only (see `clientOf`). */
export function setSecurityHeaders(res: ServerResponse, { sandbox, secure }: { sandbox: boolean; secure: boolean }): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (!sandbox) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  // HSTS only means something over HTTPS
  if (secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

export function securityHeaders({ production }: { production: boolean }): RequestHandler {
  return (req, res, next) => {
    // the Apollo sandbox (development only) is a page of inline and CDN scripts: it gets no policy of ours
    setSecurityHeaders(res, { sandbox: !production && req.path === '/graphql' && req.method === 'GET', secure: req.secure });
    next();
  };
}
