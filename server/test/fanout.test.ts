import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_LEAD, createProbe, createTestApp, gqlAt, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

// Two server processes' worth of app on one database: each has its own HTTP server, WebSocket
// server, in-process pub/sub and PostgreSQL listener, exactly as two deployed instances would.
let first: TestApp;
let second: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  first = await createTestApp();
  second = await createTestApp({ databaseUrl: first.databaseUrl });
  tenant = await first.createTenant();
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

describe('fan-out across server instances', () => {
  it('delivers every event to the subscribers of both instances, whichever instance wrote it', async () => {
    const probe = await createProbe(first, tenant.repCookie);
    const onFirst = first.wsClient({ cookie: tenant.repCookie });
    const onSecond = second.wsClient({ cookie: tenant.repCookie });
    const query = `subscription { leadScored { reason lead { name } } }`;
    const subFirst = subscribe(onFirst, query, {}, probe);
    const subSecond = subscribe(onSecond, query, {}, probe);
    // probes written on the other instance: each subscription is proven live across instances
    await subFirst.live(probe.touchAt(second.url), probe);
    await subSecond.live(probe.touchAt(first.url), probe);

    await gqlAt(first.url, CREATE_LEAD, { input: leadInput({ name: 'Written on first' }) }, { cookie: tenant.repCookie });
    await gqlAt(second.url, CREATE_LEAD, { input: leadInput({ name: 'Written on second' }) }, { cookie: tenant.repCookie });

    const [a, b] = await Promise.all([subFirst.waitFor(2), subSecond.waitFor(2)]);
    const names = (events: typeof a) => events.map((e) => e.data!.leadScored.lead.name).sort();
    expect(names(a)).toEqual(['Written on first', 'Written on second']);
    expect(names(b)).toEqual(['Written on first', 'Written on second']);
  });

  it('stops accepting a revoked key or ended session on every instance, not just the one that revoked it', async () => {
    const created = await gqlAt(first.url, `mutation { createApiKey(name: "shared", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    const { secret, apiKey } = created.data.createApiKey;
    const cookie = await second.login(tenant.rep.email, tenant.rep.password);
    // both credentials are now verified (and remembered) on the second instance
    expect((await gqlAt(second.url, `{ leads { totalCount } }`, {}, { apiKey: secret })).errors).toBeUndefined();
    expect((await gqlAt(second.url, `{ leads { totalCount } }`, {}, { cookie })).errors).toBeUndefined();

    await gqlAt(first.url, `mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, { cookie: tenant.adminCookie });
    await gqlAt(first.url, `mutation { logout }`, {}, { cookie });

    const refused = async (caller: { apiKey?: string; cookie?: string }) => {
      for (let i = 0; i < 20; i++) {
        const res = await gqlAt(second.url, `{ leads { totalCount } }`, {}, caller);
        if (res.errors?.[0].extensions?.code === 'UNAUTHENTICATED') return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    };
    expect(await refused({ apiKey: secret })).toBe(true);
    expect(await refused({ cookie })).toBe(true);
  });

  it('closes live connections of a revoked key or ended session, on every instance', async () => {
    const created = await gqlAt(first.url, `mutation { createApiKey(name: "live", scope: READ) { secret apiKey { id } } }`, {}, { cookie: tenant.adminCookie });
    const { secret, apiKey } = created.data.createApiKey;
    const cookie = await first.login(tenant.rep.email, tenant.rep.password);
    const closedWith = (client: ReturnType<TestApp['wsClient']>) =>
      new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));

    const partner = second.wsClient({ apiKey: secret });
    const rep = second.wsClient({ cookie });
    const partnerClosed = closedWith(partner);
    const repClosed = closedWith(rep);
    const probe = await createProbe(first, tenant.repCookie);
    await subscribe(partner, `subscription { leadScored { lead { name } } }`, {}, probe).live(probe.touch, probe);
    await subscribe(rep, `subscription { leadScored { lead { name } } }`, {}, probe).live(probe.touch, probe);

    await gqlAt(first.url, `mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, { cookie: tenant.adminCookie });
    expect(await partnerClosed).toBe(4403);
    await gqlAt(first.url, `mutation { logout }`, {}, { cookie });
    expect(await repClosed).toBe(4403);
  });

  it('shares sessions: a cookie from one instance works on the other', async () => {
    const res = await gqlAt(second.url, `{ me { id } }`, {}, { cookie: tenant.repCookie });
    expect(res.data.me.id).toBe(tenant.rep.id);
  });
});
