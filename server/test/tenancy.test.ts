import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { DEFAULT_SCORING_MODEL } from '../src/modules/scoring/scoring.model.js';
import { draftInputOf } from '../src/modules/scoring/scoring.validation.js';
import { CREATE_LEAD, createProbe, createTestApp, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let a: TestTenant;
let b: TestTenant;
let leadOfA: { id: string };

beforeAll(async () => {
  app = await createTestApp();
  a = await app.createTenant('Tenant A');
  b = await app.createTenant('Tenant B');
  leadOfA = (await app.gql(CREATE_LEAD, { input: leadInput({ name: 'Secret of A' }) }, { cookie: a.repCookie })).data.createLead;
  await app.gql(CREATE_LEAD, { input: leadInput({ name: 'Lead of B' }) }, { cookie: b.repCookie });
});
afterAll(() => app?.stop());

describe('tenant isolation', () => {
  it('lists only the caller tenant leads, also in totalCount and search', async () => {
    const res = await app.gql(`{ leads { totalCount edges { node { name } } } }`, {}, { cookie: b.repCookie });
    expect(res.data.leads.totalCount).toBe(1);
    expect(res.data.leads.edges.map((e: any) => e.node.name)).toEqual(['Lead of B']);
    const search = await app.gql(`{ leads(filter: { search: "Secret" }) { totalCount } }`, {}, { cookie: b.repCookie });
    expect(search.data.leads.totalCount).toBe(0);
  });

  it('answers lead(id) of another tenant with null, like a missing lead', async () => {
    const res = await app.gql(`query($id: ID!) { lead(id: $id) { id name } }`, { id: leadOfA.id }, { cookie: b.repCookie });
    expect(res.errors).toBeUndefined();
    expect(res.data.lead).toBeNull();
    const own = await app.gql(`query($id: ID!) { lead(id: $id) { name } }`, { id: leadOfA.id }, { cookie: a.repCookie });
    expect(own.data.lead.name).toBe('Secret of A');
  });

  it('does not let one tenant update another tenant lead', async () => {
    const res = await app.gql(`mutation($id: ID!) { updateLead(id: $id, input: { name: "Hijacked" }) { id } }`, { id: leadOfA.id }, { cookie: b.repCookie });
    expect(res.data.updateLead).toBeNull();
    const stored = await app.em(a.id).findOneOrFail(Lead, { id: leadOfA.id });
    expect(stored.name).toBe('Secret of A');
  });

  it('does not let an API key of one tenant read another', async () => {
    const key = await app.createApiKey(b, ApiKeyScope.READ);
    const res = await app.gql(`{ leads { edges { node { name } } } }`, {}, { apiKey: key });
    expect(res.data.leads.edges.map((e: any) => e.node.name)).toEqual(['Lead of B']);
  });

  it('does not let an admin revoke or list another tenant keys', async () => {
    const created = await app.gql(`mutation { createApiKey(name: "A's key", scope: READ) { secret apiKey { id } } }`, {}, { cookie: a.adminCookie });
    const res = await app.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: created.data.createApiKey.apiKey.id }, { cookie: b.adminCookie });
    expect(res.data.revokeApiKey).toBe(false);
    expect((await app.gql(`{ leads { totalCount } }`, {}, { apiKey: created.data.createApiKey.secret })).errors).toBeUndefined();
    const listed = await app.gql(`{ apiKeys { name } }`, {}, { cookie: b.adminCookie });
    expect(listed.data.apiKeys.map((k: any) => k.name)).not.toContain("A's key");
  });

  it('scores each tenant with its own model', async () => {
    const definition = structuredClone(DEFAULT_SCORING_MODEL);
    definition.criteria.INDUSTRY.SOFTWARE = 0;
    const draft = await app.gql(`mutation($input: ScoringModelDraftInput!) { saveScoringModelDraft(input: $input) { id } }`, { input: draftInputOf(definition) }, { cookie: b.adminCookie });
    const published = await app.gql(`mutation($id: ID!) { publishScoringModel(id: $id) { id } }`, { id: draft.data.saveScoringModelDraft.id }, { cookie: b.adminCookie });
    expect(published.errors).toBeUndefined();
    const preview = `{ scorePreview(input: { budget: OVER_100K, companySize: SIZE_51_200, industry: SOFTWARE, urgency: THIS_WEEK }) { score modelVersion } }`;
    expect((await app.gql(preview, {}, { cookie: a.repCookie })).data.scorePreview).toEqual({ score: 85, modelVersion: 1 });
    expect((await app.gql(preview, {}, { cookie: b.repCookie })).data.scorePreview).toEqual({ score: 65, modelVersion: 2 });
    const created = await app.gql(CREATE_LEAD, { input: leadInput() }, { cookie: b.repCookie });
    expect(created.data.createLead).toMatchObject({ score: 65, modelVersion: 2, tier: 'WARM' });
  });

  it('never delivers a lead of another tenant to a subscriber', async () => {
    const [probeA, probeB] = [await createProbe(app, a.repCookie), await createProbe(app, b.repCookie)];
    const clientA = app.wsClient({ cookie: a.repCookie });
    const clientB = app.wsClient({ cookie: b.repCookie });
    const subA = subscribe(clientA, `subscription { leadScored { lead { name } } }`, {}, probeA);
    const subB = subscribe(clientB, `subscription { leadScored { lead { name } } }`, {}, probeB);
    await subA.live(probeA.touch, probeA);
    await subB.live(probeB.touch, probeB);
    const names = (events: Array<{ data?: any }>) => events.map((r) => r.data!.leadScored.lead.name);
    const create = (name: string, tenant: TestTenant) => app.gql(CREATE_LEAD, { input: leadInput({ name }) }, { cookie: tenant.repCookie });

    // each lead is created once the one before has reached its own tenant, so every event below
    // was published before the next: a stray one would show up ahead of the tenant's next lead
    await create('Only for A', a);
    expect(names(await subA.waitFor(1))).toEqual(['Only for A']);
    await create('Only for B', b);
    expect(names(await subB.waitFor(1))).toEqual(['Only for B']);
    await create('A after B', a);
    expect(names(await subA.waitFor(2))).toEqual(['Only for A', 'A after B']);
    await create('B after A', b);
    expect(names(await subB.waitFor(2))).toEqual(['Only for B', 'B after A']);
  });

  it('refuses to read tenant data through an EntityManager that has no tenant', async () => {
    await expect(app.em().find(Lead, {})).rejects.toThrow(/tenant/);
  });
});
