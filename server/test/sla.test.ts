import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { countBreachedLeads, markBreachedLeads, SLA_SWEEP_JOB } from '../src/modules/lifecycle/sla.job.js';
import { CREATE_LEAD, createTestApp, leadInput, type Caller, type TestApp, type TestTenant } from './utils.js';

const SETTINGS = `{ tenantSettings { sla { hotMinutes keyAccountMinutes warmMinutes coldMinutes } decay { enabled points everyDays floor } } }`;
const UPDATE = `mutation($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { sla { hotMinutes keyAccountMinutes warmMinutes coldMinutes } decay { enabled points everyDays floor } } }`;
const DEFAULTS = { sla: { hotMinutes: 60, keyAccountMinutes: 240, warmMinutes: 2880, coldMinutes: null }, decay: { enabled: false, points: 5, everyDays: 30, floor: 0 } };
// default model: 85 HOT, 70 KEY_ACCOUNT, 40 WARM
const INPUT = {
  HOT: leadInput(),
  KEY_ACCOUNT: leadInput({ urgency: 'NO_TIMELINE' }), // 70
  WARM: leadInput({ budget: 'UNDER_10K', urgency: 'THIS_QUARTER' }), // 50
  COLD: leadInput({ budget: 'UNDER_10K', companySize: 'SIZE_1_10', industry: 'OTHER', urgency: 'NO_TIMELINE' }), // 15
} as const;

let app: TestApp;
let acme: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await createTestApp({ metricsPort: 0 });
  acme = await app.createTenant('Acme');
  other = await app.createTenant('Other');
});
afterAll(() => app?.stop());

async function leadAgo(tenant: TestTenant, tier: keyof typeof INPUT, minutesAgo: number): Promise<string> {
  const res = await app.gql(CREATE_LEAD, { input: INPUT[tier] }, { cookie: tenant.repCookie });
  expect(res.data.createLead.tier).toBe(tier);
  const id = res.data.createLead.id;
  await app.em().getConnection().execute(`update lead set created_at = now() - make_interval(mins => ?) where id = ?`, [minutesAgo, id]);
  return id;
}

async function breachedIds(caller: Caller, slaBreached: boolean): Promise<string[]> {
  const res = await app.gql('query($f: LeadFilter) { leads(first: 200, filter: $f) { totalCount edges { node { id slaBreached } } } }', { f: { slaBreached } }, caller);
  expect(res.errors).toBeUndefined();
  const nodes = res.data.leads.edges.map((e: { node: { id: string; slaBreached: boolean } }) => e.node);
  // the derived field and the filter agree
  for (const node of nodes) expect(node.slaBreached).toBe(slaBreached);
  expect(res.data.leads.totalCount).toBe(nodes.length);
  return nodes.map((n: { id: string }) => n.id).sort();
}

async function scrape(): Promise<string> {
  return (await fetch(app.server.metricsUrl!)).text();
}
function sample(text: string, name: string, tier: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`tier="${tier}"`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

describe('tenant settings', () => {
  it('start at the defaults, readable by every signed-in user', async () => {
    for (const cookie of [acme.repCookie, acme.adminCookie]) expect((await app.gql(SETTINGS, {}, { cookie })).data.tenantSettings).toEqual(DEFAULTS);
  });

  it('change only for admins: a rep and an API key get FORBIDDEN', async () => {
    const input = { sla: { hotMinutes: 30 } };
    expect((await app.gql(UPDATE, { input }, { cookie: acme.repCookie })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const key = await app.createApiKey(acme, ApiKeyScope.WRITE);
    expect((await app.gql(UPDATE, { input }, { apiKey: key })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(SETTINGS, {}, { cookie: acme.repCookie })).data.tenantSettings).toEqual(DEFAULTS);
  });

  it('replace the part given (a tier left out has no SLA), keep the other, and stay within the tenant', async () => {
    const res = await app.gql(UPDATE, { input: { sla: { hotMinutes: 30, keyAccountMinutes: 120, warmMinutes: null } } }, { cookie: other.adminCookie });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateTenantSettings).toEqual({ sla: { hotMinutes: 30, keyAccountMinutes: 120, warmMinutes: null, coldMinutes: null }, decay: DEFAULTS.decay });
    const decay = await app.gql(UPDATE, { input: { decay: { enabled: true, points: 10, everyDays: 14, floor: 20 } } }, { cookie: other.adminCookie });
    expect(decay.data.updateTenantSettings).toEqual({ sla: { hotMinutes: 30, keyAccountMinutes: 120, warmMinutes: null, coldMinutes: null }, decay: { enabled: true, points: 10, everyDays: 14, floor: 20 } });
    expect((await app.gql(SETTINGS, {}, { cookie: acme.repCookie })).data.tenantSettings).toEqual(DEFAULTS);
  });

  it.each([
    [{ sla: { hotMinutes: 0 } }, 'input.sla.hotMinutes'],
    [{ sla: { coldMinutes: 525_601 } }, 'input.sla.coldMinutes'],
    [{ decay: { enabled: true, points: 0, everyDays: 30, floor: 0 } }, 'input.decay.points'],
    [{ decay: { enabled: true, points: 51, everyDays: 30, floor: 0 } }, 'input.decay.points'],
    [{ decay: { enabled: true, points: 5, everyDays: 366, floor: 0 } }, 'input.decay.everyDays'],
    [{ decay: { enabled: true, points: 5, everyDays: 0, floor: 0 } }, 'input.decay.everyDays'],
    [{ decay: { enabled: true, points: 5, everyDays: 30, floor: 100 } }, 'input.decay.floor'],
    [{ decay: { enabled: true, points: 5, everyDays: 30, floor: -1 } }, 'input.decay.floor'],
  ])('refuse %j (OUT_OF_RANGE on %s) and store nothing', async (input, field) => {
    const res = await app.gql(UPDATE, { input: { sla: { hotMinutes: 45 }, ...input } }, { cookie: acme.adminCookie });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field, code: 'OUT_OF_RANGE', message: expect.any(String) }] });
    expect((await app.gql(SETTINGS, {}, { cookie: acme.adminCookie })).data.tenantSettings).toEqual(DEFAULTS);
  });
});

describe('SLA', () => {
  it("derives slaDueAt from the lead's creation and its tier's SLA, only while NEW", async () => {
    const hot = await leadAgo(acme, 'HOT', 10);
    const cold = await leadAgo(acme, 'COLD', 10);
    const read = async (id: string) => (await app.gql('query($id: ID!) { lead(id: $id) { createdAt slaDueAt slaBreached } }', { id }, { cookie: acme.repCookie })).data.lead;
    const lead = await read(hot);
    expect(Date.parse(lead.slaDueAt) - Date.parse(lead.createdAt)).toBe(60 * 60_000);
    expect(lead.slaBreached).toBe(false);
    expect(await read(cold)).toMatchObject({ slaDueAt: null, slaBreached: false });
    await app.gql('mutation($id: ID!) { changeLeadStatus(id: $id, input: { status: CONTACTED }) { id } }', { id: hot }, { cookie: acme.repCookie });
    expect(await read(hot)).toMatchObject({ slaDueAt: null, slaBreached: false });
  });

  it("filters breached leads by the tenant's own settings, and the metric counts each breach once", async () => {
    // Other: HOT 30 min, KEY_ACCOUNT 120, no SLA for WARM (set above); Acme: the defaults
    const expected: Record<string, string[]> = { acme: [], other: [] };
    const fresh: Record<string, string[]> = { acme: [], other: [] };
    expected.acme.push(await leadAgo(acme, 'HOT', 61), await leadAgo(acme, 'KEY_ACCOUNT', 300), await leadAgo(acme, 'WARM', 3000));
    fresh.acme.push(await leadAgo(acme, 'HOT', 45), await leadAgo(acme, 'KEY_ACCOUNT', 200), await leadAgo(acme, 'COLD', 100_000));
    expected.other.push(await leadAgo(other, 'HOT', 45), await leadAgo(other, 'KEY_ACCOUNT', 200));
    fresh.other.push(await leadAgo(other, 'WARM', 5000), await leadAgo(other, 'HOT', 10));
    // contacted after its SLA ran out: no longer breached
    const contacted = await leadAgo(acme, 'HOT', 500);
    await app.gql('mutation($id: ID!) { changeLeadStatus(id: $id, input: { status: CONTACTED }) { id } }', { id: contacted }, { cookie: acme.repCookie });

    expect(await breachedIds({ cookie: acme.repCookie }, true)).toEqual([...expected.acme].sort());
    expect(await breachedIds({ cookie: other.repCookie }, true)).toEqual([...expected.other].sort());
    const notBreached = await breachedIds({ cookie: acme.repCookie }, false);
    for (const id of [...fresh.acme, contacted]) expect(notBreached).toContain(id);
    for (const id of expected.acme) expect(notBreached).not.toContain(id);
    // combined with other filters
    expect(await app.gql('query { leads(filter: { slaBreached: true, tiers: [HOT] }) { edges { node { id } } } }', {}, { cookie: acme.repCookie }).then((r) => r.data.leads.edges.map((e: { node: { id: string } }) => e.node.id))).toEqual([expected.acme[0]]);

    // the job, as pg-boss runs it (its cron may beat us to it: each lead is marked, and counted, once either way)
    await app.server.jobs.send(SLA_SWEEP_JOB, {});
    const want = { HOT: 2, KEY_ACCOUNT: 2, WARM: 1, COLD: 0 };
    const deadline = Date.now() + 15_000;
    let text = await scrape();
    while (Object.entries(want).some(([tier, n]) => sample(text, 'lead_scoring_sla_breaches_total', tier) !== n) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      text = await scrape();
    }
    for (const [tier, n] of Object.entries(want)) expect(sample(text, 'lead_scoring_sla_breaches_total', tier), tier).toBe(n);
    expect(await markBreachedLeads(app.em())).toEqual({ HOT: 0, KEY_ACCOUNT: 0, WARM: 0, COLD: 0 });
    // what is breached now, across tenants; the gauge shows the same
    expect(await countBreachedLeads(app.em())).toEqual(want);
    for (const [tier, n] of Object.entries(want)) expect(sample(text, 'lead_scoring_sla_breached_leads', tier), tier).toBe(n);
  });

  it('marks a lead that went past a shortened SLA, and takes one contacted since out of the gauge', async () => {
    const warm = await leadAgo(acme, 'WARM', 100);
    expect(await markBreachedLeads(app.em())).toMatchObject({ WARM: 0 });
    await app.gql(UPDATE, { input: { sla: { hotMinutes: 60, keyAccountMinutes: 240, warmMinutes: 90 } } }, { cookie: acme.adminCookie });
    expect(await breachedIds({ cookie: acme.repCookie }, true)).toContain(warm);
    const before = await countBreachedLeads(app.em());
    const marked = await markBreachedLeads(app.em());
    // the cron run may have marked it first
    expect(marked.WARM).toBeLessThanOrEqual(1);
    expect((await countBreachedLeads(app.em())).WARM).toBe(before.WARM + (marked.WARM ? 1 : 0));
    await app.gql('mutation($id: ID!) { changeLeadStatus(id: $id, input: { status: LOST, lostReason: NO_RESPONSE }) { id } }', { id: warm }, { cookie: acme.repCookie });
    expect((await countBreachedLeads(app.em())).WARM).toBe(before.WARM + (marked.WARM ? 1 : 0) - 1);
  });
});
