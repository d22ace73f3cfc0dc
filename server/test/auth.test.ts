import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/auth/api-key.entity.js';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { User } from '../src/modules/auth/user.entity.js';
import { Session } from '../src/modules/auth/session.entity.js';
import { sha256 } from '../src/modules/auth/password.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let tenant: TestTenant;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id email name role tenant { id name } } }`;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Auth GmbH');
});
afterAll(() => app?.stop());

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user', async () => {
    const res = await app.gql(LOGIN, { e: tenant.rep.email.toUpperCase(), p: tenant.rep.password });
    expect(res.data.login).toMatchObject({ id: tenant.rep.id, role: 'REP', tenant: { id: tenant.id, name: 'Auth GmbH' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lse_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const me = await app.gql(`{ me { id email } }`, {}, { cookie: cookie.split(';')[0] });
    expect(me.data.me).toEqual({ id: tenant.rep.id, email: tenant.rep.email });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const wrongPassword = await app.gql(LOGIN, { e: tenant.rep.email, p: 'nope' });
    const unknownEmail = await app.gql(LOGIN, { e: 'nobody@test.example', p: tenant.rep.password });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
    expect(wrongPassword.errors![0].message).not.toMatch(/email not|unknown|password is wrong/i);
  });

  it('lets sessions expire, and clears a user\'s expired sessions at the next sign-in', async () => {
    const cookie = await app.login(tenant.rep.email, tenant.rep.password);
    const tokenHash = sha256(decodeURIComponent(cookie.split('=')[1]));
    await app.em().nativeUpdate(Session, { tokenHash }, { expiresAt: new Date(Date.now() - 1_000) });
    const expired = await app.gql(`{ leads { totalCount } }`, {}, { cookie });
    expect(expired.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await app.login(tenant.rep.email, tenant.rep.password);
    expect(await app.em().count(Session, { tokenHash }, { filters: false })).toBe(0);
  });

  it('refuses further guesses for an email after 10 failed sign-ins, with 429 and Retry-After', async () => {
    const own = await createTestApp();
    try {
      const victim = await own.createTenant();
      for (let i = 0; i < 10; i++) {
        const res = await own.gql(LOGIN, { e: victim.rep.email, p: `guess ${i}` });
        expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      }
      const blocked = await own.gql(LOGIN, { e: victim.rep.email, p: victim.rep.password });
      expect(blocked.status).toBe(429);
      expect(blocked.errors![0].extensions!.code).toBe('RATE_LIMITED');
      expect(blocked.errors![0].message).toMatch(/Try again in 15 minutes/);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(blocked.headers.get('set-cookie')).toBeNull();
      // unknown emails are throttled the same way, so the answer tells nothing about who has an account
      for (let i = 0; i < 10; i++) await own.gql(LOGIN, { e: 'nobody@nowhere.example', p: `guess ${i}` });
      expect((await own.gql(LOGIN, { e: 'nobody@nowhere.example', p: 'x' })).errors![0].extensions!.code).toBe('RATE_LIMITED');
      // other accounts can still sign in
      const other = await own.gql(LOGIN, { e: victim.admin.email, p: victim.admin.password });
      expect(other.errors).toBeUndefined();
    } finally {
      await own.stop();
    }
  });

  it('stores passwords only as scrypt hashes', async () => {
    const user = await app.em().findOneOrFail(User, { id: tenant.rep.id }, { filters: false });
    expect(user.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(user.passwordHash).not.toContain(tenant.rep.password);
  });

  it('logout ends the session: the cookie no longer works', async () => {
    const cookie = await app.login(tenant.rep.email, tenant.rep.password);
    const res = await app.gql(`mutation { logout }`, {}, { cookie });
    expect(res.data.logout).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/lse_session=;/);
    const after = await app.gql(`{ leads { totalCount } }`, {}, { cookie });
    expect(after.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('authentication', () => {
  it.each([
    ['query', `{ leads { totalCount } }`],
    ['query', `query { lead(id: "00000000-0000-4000-8000-000000000000") { id } }`],
    ['query', `{ scorePreview(input: {}) { score } }`],
    ['mutation', `mutation { createLead(input: { name: "a", company: "b", budget: UNDER_10K, companySize: SIZE_1_10, industry: OTHER, urgency: NO_TIMELINE }) { id } }`],
    ['mutation', `mutation { createApiKey(name: "x", scope: READ) { secret } }`],
  ])('refuses an anonymous %s with UNAUTHENTICATED', async (_kind, query) => {
    const res = await app.gql(query);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.status).toBe(401);
  });

  it('refuses a made-up session cookie and a made-up API key', async () => {
    for (const caller of [{ cookie: 'lse_session=forged' }, { apiKey: 'lse_00000000_forged' }, { apiKey: 'garbage' }]) {
      const res = await app.gql(`{ leads { totalCount } }`, {}, caller);
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers me with null for anonymous callers', async () => {
    const res = await app.gql(`{ me { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toBeNull();
  });
});

describe('API keys', () => {
  it('lets an admin create a key whose secret is shown once, recognisable and stored hashed', async () => {
    const res = await app.gql(
      `mutation { createApiKey(name: "CRM sync", scope: WRITE) { secret apiKey { id name scope prefix createdAt revokedAt } } }`,
      {},
      { cookie: tenant.adminCookie },
    );
    const { secret, apiKey } = res.data.createApiKey;
    expect(secret).toMatch(/^lse_[0-9a-f]{8}_[\w-]{40,}$/);
    expect(secret.startsWith(apiKey.prefix + '_')).toBe(true);
    expect(apiKey).toMatchObject({ name: 'CRM sync', scope: 'WRITE', revokedAt: null });
    const stored = await app.em(tenant.id).findOneOrFail(ApiKey, { id: apiKey.id });
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(13));
    const listed = await app.gql(`{ apiKeys { id prefix } }`, {}, { cookie: tenant.adminCookie });
    expect(JSON.stringify(listed.data)).not.toContain(secret.slice(13));
  });

  it('refuses key management to reps and to API keys with FORBIDDEN', async () => {
    const rep = await app.gql(`mutation { createApiKey(name: "x", scope: READ) { secret } }`, {}, { cookie: tenant.repCookie });
    expect(rep.errors![0].extensions!.code).toBe('FORBIDDEN');
    const key = await app.createApiKey(tenant, ApiKeyScope.WRITE);
    const viaKey = await app.gql(`mutation { createApiKey(name: "x", scope: READ) { secret } }`, {}, { apiKey: key });
    expect(viaKey.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('lets a WRITE key create leads, recorded as created by the key', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.WRITE);
    const res = await app.gql(CREATE_LEAD, { input: leadInput() }, { apiKey: key });
    expect(res.errors).toBeUndefined();
    expect(res.data.createLead.createdBy).toMatchObject({ kind: 'API_KEY', name: 'key WRITE' });
  });

  it('lets a READ key query but refuses its mutations with FORBIDDEN, storing nothing', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const read = await app.gql(`{ leads { totalCount } }`, {}, { apiKey: key });
    expect(read.errors).toBeUndefined();
    const before = await app.em(tenant.id).count(Lead, {});
    const write = await app.gql(CREATE_LEAD, { input: leadInput() }, { apiKey: key });
    expect(write.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(write.status).toBe(403);
    expect(await app.em(tenant.id).count(Lead, {})).toBe(before);
  });

  it('accepts the bare key without the Bearer scheme', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const res = await app.gql(`{ leads { totalCount } }`, {}, { headers: { authorization: key } });
    expect(res.errors).toBeUndefined();
  });

  it('stops accepting a key the moment it is revoked', async () => {
    const created = await app.gql(`mutation { createApiKey(name: "temp", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    const { secret, apiKey } = created.data.createApiKey;
    expect((await app.gql(`{ leads { totalCount } }`, {}, { apiKey: secret })).errors).toBeUndefined();
    const revoked = await app.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, { cookie: tenant.adminCookie });
    expect(revoked.data.revokeApiKey).toBe(true);
    const after = await app.gql(`{ leads { totalCount } }`, {}, { apiKey: secret });
    expect(after.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const again = await app.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, { cookie: tenant.adminCookie });
    expect(again.data.revokeApiKey).toBe(false);
  });
});
