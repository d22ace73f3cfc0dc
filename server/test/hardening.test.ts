import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/security.js';
import { connected, createTestApp, subscribe, type TestApp, type TestTenant } from './utils.js';

let dev: TestApp;
let prod: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  dev = await createTestApp();
  prod = await createTestApp({ production: true });
  tenant = await prod.createTenant();
});
afterAll(async () => {
  await prod?.stop();
  await dev?.stop();
});

const post = (app: TestApp, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

describe('HTTP hardening', () => {
  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const res = await post(prod, 'query={__typename}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
    const get = await fetch(`${prod.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/i);
  });

  it('refuses batched requests', async () => {
    const res = await post(prod, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
  });

  it('turns introspection off in production and keeps it on in development', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const off = await (await post(prod, query)).json() as any;
    expect(off.errors[0].message).toMatch(/introspection/i);
    const on = await (await post(dev, query)).json() as any;
    expect(on.data.__schema.queryType.name).toBe('Query');
  });

  it('serves the sandbox landing page only outside production', async () => {
    const devPage = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await devPage.text()).toMatch(/apollo/i);
    const prodPage = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await prodPage.text()).not.toMatch(/embeddable-sandbox|apollo-server-landing-page/i);
  });

  it('sends no stack traces in production errors', async () => {
    const res: any = await (await post(prod, JSON.stringify({ query: '{ leads(first: 500) { totalCount } }' }), {
      'content-type': 'application/json',
      cookie: tenant.repCookie,
    })).json();
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('limits aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await post(prod, JSON.stringify({ query: `{ ${aliases} }` }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/aliases/);
  });

  it('limits tokens, answering 400 before any work', async () => {
    const res = await post(prod, JSON.stringify({ query: `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }` }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/token/i);
  });

  it('refuses oversized bodies', async () => {
    const res = await post(prod, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200_000) } }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toMatch(/too large/);
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(/);
    const broken = await post(prod, '{"query": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers CORS for ALLOWED_ORIGINS only, HTTP and WebSocket alike', async () => {
    const partner = 'https://crm.partner.example';
    const app = await createTestApp({ allowedOrigins: [partner] });
    try {
      const preflight = await fetch(`${app.url}/graphql`, { method: 'OPTIONS', headers: { origin: partner, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(partner);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await fetch(`${app.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const tenant = await app.createTenant();
      const fromPartner = app.wsClient({ cookie: tenant.repCookie, origin: partner });
      subscribe(fromPartner, 'subscription { leadScored { reason } }');
      await connected(fromPartner);
    } finally {
      await app.stop();
    }
  });

  it('returns the request id it was given, or a new one', async () => {
    const given = await post(prod, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', 'x-request-id': 'abc-123' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await post(prod, JSON.stringify({ query: '{ __typename }' }));
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
