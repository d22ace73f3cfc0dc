import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { CREATE_LEAD, connected, createProbe, createTestApp, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let tenant: TestTenant;
let probe: Awaited<ReturnType<typeof createProbe>>;
const LEAD_SCORED = `subscription($min: Int) { leadScored(minScore: $min) { reason previousScore lead { id name score tier isKeyAccount } } }`;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant();
  probe = await createProbe(app, tenant.repCookie);
});
afterAll(() => app?.stop());

function closeCode(client: ReturnType<TestApp['wsClient']>): Promise<number> {
  return new Promise((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
}

const names = (events: Array<{ data?: any }>) => events.map((e) => e.data!.leadScored.lead.name);

/** HTTP status the server answers a WebSocket upgrade from `origin` with (101 when it accepts). */
function upgradeStatus(origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { origin, cookie: tenant.repCookie } });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode!);
      socket.on('error', () => {}).terminate();
    });
    socket.on('upgrade', (response) => resolve(response.statusCode!));
    socket.on('open', () => socket.close());
    socket.on('error', reject);
  });
}

describe('leadScored', () => {
  it('delivers a created lead after commit, readable by id when it arrives', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const sub = subscribe(client, LEAD_SCORED);
    await sub.live(probe.touch, probe);
    const created = (await app.gql(CREATE_LEAD, { input: leadInput() }, { cookie: tenant.repCookie })).data.createLead;
    const [event] = await sub.waitFor(1);
    expect(event.data!.leadScored).toEqual({
      reason: 'CREATED',
      previousScore: null,
      lead: { id: created.id, name: 'Grace Hopper', score: 85, tier: 'HOT', isKeyAccount: true },
    });
    const byId = await app.gql(`query($id: ID!) { lead(id: $id) { id } }`, { id: created.id }, { cookie: tenant.repCookie });
    expect(byId.data.lead.id).toBe(created.id);
  });

  it('delivers updates with the previous score', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const sub = subscribe(client, LEAD_SCORED);
    await sub.live(probe.touch, probe);
    const created = (await app.gql(CREATE_LEAD, { input: leadInput({ urgency: 'NO_TIMELINE' }) }, { cookie: tenant.repCookie })).data.createLead;
    await app.gql(`mutation($id: ID!) { updateLead(id: $id, input: { urgency: IMMEDIATELY }) { id } }`, { id: created.id }, { cookie: tenant.repCookie });
    const events = await sub.waitFor(2);
    expect(events.map((e) => e.data!.leadScored)).toMatchObject([
      { reason: 'CREATED', previousScore: null, lead: { id: created.id, score: 70 } },
      { reason: 'UPDATED', previousScore: 70, lead: { id: created.id, score: 90 } },
    ]);
  });

  it('only delivers leads scoring at least minScore', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const sub = subscribe(client, LEAD_SCORED, { min: 80 }, probe);
    // unfiltered, on the same socket: shows when the cold lead has been published
    const all = subscribe(client, LEAD_SCORED, {}, probe);
    await sub.live(probe.touch, probe);
    await all.live(probe.touch, probe);
    await app.gql(CREATE_LEAD, { input: leadInput({ name: 'Cold one', budget: 'UNDER_10K', urgency: 'NO_TIMELINE' }) }, { cookie: tenant.repCookie });
    expect(names(await all.waitFor(1))).toEqual(['Cold one']);
    // published after the cold one, so a cold one let through would have arrived first
    await app.gql(CREATE_LEAD, { input: leadInput({ name: 'Hot one' }) }, { cookie: tenant.repCookie });
    expect(names(await sub.waitFor(1))).toEqual(['Hot one']);
    expect(names(await all.waitFor(2))).toEqual(['Cold one', 'Hot one']);
  });

  it('does not deliver a lead whose transaction failed', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const sub = subscribe(client, LEAD_SCORED);
    await sub.live(probe.touch, probe);
    const refused = await app.gql(CREATE_LEAD, { input: leadInput({ name: '' }) }, { cookie: tenant.repCookie });
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.data).toBeNull();
    // written after the refusal answered: an event of the refused lead would have come first
    await app.gql(CREATE_LEAD, { input: leadInput({ name: 'After the refusal' }) }, { cookie: tenant.repCookie });
    expect(names(await sub.waitFor(1))).toEqual(['After the refusal']);
  });

  it('authenticates partner tools by connectionParams.authorization', async () => {
    const key = await app.createApiKey(tenant, ApiKeyScope.READ);
    const client = app.wsClient({ apiKey: key });
    const sub = subscribe(client, LEAD_SCORED);
    await sub.live(probe.touch, probe);
    await app.gql(CREATE_LEAD, { input: leadInput({ name: 'For the partner' }) }, { cookie: tenant.repCookie });
    expect((await sub.waitFor(1))[0].data!.leadScored.lead.name).toBe('For the partner');
  });

  it('closes unauthenticated sockets with 4403', async () => {
    for (const caller of [{}, { cookie: 'lse_session=forged' }, { connectionParams: { authorization: 'Bearer lse_00000000_nope' } }]) {
      const client = app.wsClient(caller);
      const closed = closeCode(client);
      subscribe(client, LEAD_SCORED);
      expect(await closed).toBe(4403);
    }
  });

  it('refuses a WebSocket from a foreign Origin, and accepts its own', async () => {
    expect(await upgradeStatus('https://evil.example')).toBe(401);
    const foreign = app.wsClient({ cookie: tenant.repCookie, origin: 'https://evil.example' });
    const closed = closeCode(foreign);
    const refused = subscribe(foreign, LEAD_SCORED);
    // the upgrade is refused, so the socket never opens: closed abnormally, before any graphql-ws message
    expect(await closed).toBe(1006);
    expect(refused.results).toEqual([]);
    expect(await upgradeStatus(app.url)).toBe(101);
    const own = app.wsClient({ cookie: tenant.repCookie, origin: app.url });
    subscribe(own, LEAD_SCORED);
    await connected(own);
  });

  it('applies the HTTP validation rules and limits over the WebSocket too', async () => {
    const client = app.wsClient({ cookie: tenant.repCookie });
    const unknownField = subscribe(client, `subscription { leadScored { nope } }`);
    await unknownField.waitFor(1);
    expect(JSON.stringify(unknownField.closed)).toMatch(/Cannot query field \\"nope\\"/);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: reason`).join(' ');
    const manyAliases = subscribe(client, `subscription { leadScored { ${aliases} } }`);
    await manyAliases.waitFor(1);
    expect(JSON.stringify(manyAliases.closed)).toMatch(/aliases/);
    const huge = subscribe(client, `subscription { leadScored { ${'reason '.repeat(6_000)} } }`);
    await huge.waitFor(1);
    expect(JSON.stringify(huge.closed)).toMatch(/token/i);
  });
});
