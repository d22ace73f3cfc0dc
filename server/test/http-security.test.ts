import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CLIENT_ERROR_LIMITS } from '../src/modules/client-errors/client-error.resolver.js';
import { CONTENT_SECURITY_POLICY } from '../src/security-headers.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';

let direct: TestApp;
let proxied: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  direct = await createTestApp({ production: true });
  // the same database behind a TLS-terminating proxy on this host
  proxied = await createTestApp({ production: true, databaseUrl: direct.databaseUrl, trustProxy: ['loopback'] });
  tenant = await direct.createTenant();
});
afterAll(async () => {
  await proxied?.stop();
  await direct?.stop();
});

const signIn = (app: TestApp, headers: Record<string, string>) =>
  app.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: tenant.rep.email, p: tenant.rep.password }, { headers });

describe('browser security headers', () => {
  it('sends a strict policy on every answer: no inline or foreign script, no framing, no sniffing', async () => {
    // (an unknown path is the web app's page when it is built, else Express's 404, whose own policy is default-src 'none')
    for (const path of ['/healthz', '/readyz', '/graphql']) {
      const res = await fetch(`${direct.url}${path}`, { method: path === '/graphql' ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: path === '/graphql' ? '{"query":"{ __typename }"}' : undefined });
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      // plain HTTP: HSTS would mean nothing
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
  });

  it('leaves the development sandbox page its own scripts', async () => {
    const dev = await createTestApp({ databaseUrl: direct.databaseUrl });
    try {
      const page = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-security-policy')).toBeNull();
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const api = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(api.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await dev.stop();
    }
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy: __Host- cookie, Secure and HSTS', async () => {
    const viaProxy = await signIn(proxied, { 'x-forwarded-proto': 'https' });
    const cookie = viaProxy.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-lse_session=[^;]+; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    expect(viaProxy.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // the __Host- cookie signs the caller in
    const me = await proxied.gql('{ me { email } }', undefined, { cookie: cookie.split(';')[0], headers: { 'x-forwarded-proto': 'https' } });
    expect(me.data.me.email).toBe(tenant.rep.email);

    // the same header sent straight to a server that trusts no proxy is ignored
    const spoofed = await signIn(direct, { 'x-forwarded-proto': 'https' });
    const plain = spoofed.headers.get('set-cookie')!;
    expect(plain).toMatch(/^lse_session=/);
    expect(plain).not.toMatch(/Secure/);
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });

  it('counts the socket address, whatever X-Forwarded-For says, unless the proxy is trusted', async () => {
    const report = (app: TestApp, i: number) =>
      app.gql('mutation($i: ClientErrorInput!) { reportClientError(input: $i) }', { i: { event: 'test', message: `report ${i}` } }, { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    const limit = CLIENT_ERROR_LIMITS.reportsPerMinute;
    // straight to the server: every forged address is the same caller (127.0.0.1)
    const straight = [];
    for (let i = 1; i <= limit + 1; i++) straight.push(await report(direct, i));
    expect(straight.slice(0, limit).every((r) => r.data?.reportClientError === true)).toBe(true);
    expect(straight[limit].status).toBe(429);
    expect(straight[limit].errors![0].extensions!.code).toBe('RATE_LIMITED');
    // behind a trusted proxy the forwarded address counts: each of these is a caller of its own
    const forwarded = [];
    for (let i = 101; i <= 101 + limit; i++) forwarded.push(await report(proxied, i));
    expect(forwarded.every((r) => r.data?.reportClientError === true)).toBe(true);
  });

  it('reads TRUST_PROXY as off, a hop count, or proxy addresses, and names it when wrong', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback,::1' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', '::1']);
    for (const wrong of ['true', 'proxy.example', '10.0.0.0/40', '1.2.3.4/8/9']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/^TRUST_PROXY must be off, a number of proxy hops, or comma-separated proxy addresses/);
    }
  });
});
