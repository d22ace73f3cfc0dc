import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { CREATE_LEAD, createTestApp, leadInput, type GraphQLResponse, type TestApp, type TestTenant } from "./utils.js";

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id name company email score tier industry source createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type Page = { leads: { totalCount: number; edges: Array<{ cursor: string; node: any }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

let app: TestApp;
let tenant: TestTenant;

const OPTIONS = {
  budget: ['UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'OVER_100K'],
  companySize: ['SIZE_1_10', 'SIZE_11_50', 'SIZE_51_200', 'SIZE_201_1000', 'SIZE_OVER_1000'],
  industry: ['SOFTWARE', 'FINANCE', 'MANUFACTURING', 'HEALTHCARE', 'RETAIL', 'EDUCATION', 'OTHER'],
  urgency: ['IMMEDIATELY', 'THIS_WEEK', 'THIS_MONTH', 'THIS_QUARTER', 'NO_TIMELINE'],
  source: ['WEBSITE', 'REFERRAL', 'EVENT', 'OUTBOUND', 'PARTNER', 'ADVERTISING', 'OTHER'],
};

async function create(overrides: Record<string, unknown> = {}) {
  const res = await app.gql(CREATE_LEAD, { input: leadInput(overrides) }, { cookie: tenant.repCookie });
  expect(res.errors).toBeUndefined();
  return res.data.createLead;
}

async function allPages(variables: Record<string, unknown>, first = 7): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<Page> = await app.gql<Page>(PAGE, { ...variables, first, after }, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    nodes.push(...res.data!.leads.edges.map((e) => e.node));
    if (!res.data!.leads.pageInfo.hasNextPage) return nodes;
    after = res.data!.leads.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Leads Co');
  // 35 leads covering every option of every criterion and source
  for (let i = 0; i < 35; i++) {
    await create({
      name: `Lead ${i}`,
      company: i % 5 === 0 ? `Percent 100%_${i} GmbH` : `Company ${i}`,
      email: `lead${i}@example.com`,
      budget: OPTIONS.budget[i % 4],
      companySize: OPTIONS.companySize[(i * 3) % 5],
      industry: OPTIONS.industry[i % 7],
      urgency: OPTIONS.urgency[(i * 2) % 5],
      source: OPTIONS.source[(i * 3) % 7],
    });
  }
});
afterAll(() => app?.stop());

describe('createLead', () => {
  it('scores, stores and returns the lead with its breakdown, model version and creator', async () => {
    const lead = await create();
    expect(lead).toMatchObject({
      name: 'Grace Hopper', company: 'Compilers Inc', email: 'grace@compilers.example', phone: '+1 555 0100',
      score: 85, tier: 'HOT', isKeyAccount: true, modelVersion: 1, source: 'REFERRAL',
      createdBy: { kind: 'USER', id: tenant.rep.id },
    });
    expect(lead.scoreBreakdown).toHaveLength(4);
    const stored = await app.em(tenant.id).findOneOrFail(Lead, { id: lead.id });
    expect(stored.score).toBe(85);
    expect(stored.scoreBreakdown.map((c) => c.points)).toEqual([30, 20, 20, 15]);
    expect(stored.modelVersion).toBe(1);
    await app.em(tenant.id).nativeDelete(Lead, { id: lead.id });
  });

  it('trims text and stores empty optional fields as null; source defaults to OTHER', async () => {
    const { source: _, ...withoutSource } = leadInput({ name: '  Ada  ', email: '  ', phone: '' });
    const res = await app.gql(CREATE_LEAD, { input: withoutSource }, { cookie: tenant.repCookie });
    expect(res.errors).toBeUndefined();
    expect(res.data.createLead).toMatchObject({ name: 'Ada', email: null, phone: null, source: 'OTHER' });
    await app.em(tenant.id).nativeDelete(Lead, { id: res.data.createLead.id });
  });
});

describe('leads', () => {
  it('lists highest score first, newest first within a score', async () => {
    const nodes = await allPages({});
    expect(nodes).toHaveLength(35);
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      expect(a.score > b.score || (a.score === b.score && a.createdAt >= b.createdAt)).toBe(true);
    }
  });

  it('orders by creation time with CREATED_DESC', async () => {
    const nodes = await allPages({ orderBy: 'CREATED_DESC' }, 10);
    expect(nodes).toHaveLength(35);
    const times = nodes.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages with keyset cursors: no duplicates and no gaps, even while leads are inserted', async () => {
    const before = (await allPages({}, 50)).map((n) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    let inserted = 0;
    for (;;) {
      const res: GraphQLResponse<Page> = await app.gql<Page>(PAGE, { first: 4, after }, { cookie: tenant.repCookie });
      seen.push(...res.data!.leads.edges.map((e) => e.node.id));
      // a colleague adds leads between page loads, some scoring above and some below the cursor
      const extra = await create({ name: `Inserted ${inserted++}`, budget: inserted % 2 ? 'OVER_100K' : 'UNDER_10K' });
      if (!res.data!.leads.pageInfo.hasNextPage) break;
      after = res.data!.leads.pageInfo.endCursor;
      expect(extra.id).toBeTruthy();
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    await app.em(tenant.id).nativeDelete(Lead, { name: { $like: 'Inserted %' } });
  });

  it('counts all matching leads in totalCount, not just the page', async () => {
    const res = await app.gql<Page>(PAGE, { first: 3 }, { cookie: tenant.repCookie });
    expect(res.data!.leads.totalCount).toBe(35);
    expect(res.data!.leads.edges).toHaveLength(3);
    expect(res.data!.leads.pageInfo.hasNextPage).toBe(true);
  });

  it('filters by minScore', async () => {
    const nodes = await allPages({ filter: { minScore: 70 } });
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.score >= 70)).toBe(true);
    const all = await allPages({}, 50);
    expect(nodes).toHaveLength(all.filter((n) => n.score >= 70).length);
  });

  it('filters by tiers, industries and sources, and combines filters', async () => {
    const all = await allPages({}, 50);
    const hot = await allPages({ filter: { tiers: ['HOT', 'COLD'] } });
    expect(hot.map((n) => n.id).sort()).toEqual(all.filter((n) => n.tier === 'HOT' || n.tier === 'COLD').map((n) => n.id).sort());
    const finance = await allPages({ filter: { industries: ['FINANCE'] } });
    expect(finance).toHaveLength(5);
    expect(finance.every((n) => n.industry === 'FINANCE')).toBe(true);
    const sources = await allPages({ filter: { sources: ['EVENT', 'PARTNER'] } });
    expect(sources.map((n) => n.id).sort()).toEqual(all.filter((n) => ['EVENT', 'PARTNER'].includes(n.source)).map((n) => n.id).sort());
    const both = await allPages({ filter: { industries: ['SOFTWARE'], minScore: 50 } });
    expect(both.map((n) => n.id).sort()).toEqual(all.filter((n) => n.industry === 'SOFTWARE' && n.score >= 50).map((n) => n.id).sort());
  });

  it('searches name, company and email, ignoring case', async () => {
    expect((await allPages({ filter: { search: 'lead 1' } })).map((n) => n.name).sort()).toEqual(
      ['Lead 1', 'Lead 10', 'Lead 11', 'Lead 12', 'Lead 13', 'Lead 14', 'Lead 15', 'Lead 16', 'Lead 17', 'Lead 18', 'Lead 19'].sort(),
    );
    expect((await allPages({ filter: { search: 'COMPANY 33' } })).map((n) => n.name)).toEqual(['Lead 33']);
    expect((await allPages({ filter: { search: 'lead7@example' } })).map((n) => n.name)).toEqual(['Lead 7']);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const nodes = await allPages({ filter: { search: '100%_1' } });
    expect(nodes.map((n) => n.name).sort()).toEqual(['Lead 10', 'Lead 15']);
    expect(await allPages({ filter: { search: '%' } })).toHaveLength(7);
  });

  it('returns one lead by id, and null for an unknown or malformed id', async () => {
    const [first] = await allPages({}, 1).then((n) => n.slice(0, 1));
    const res = await app.gql(`query($id: ID!) { lead(id: $id) { id name score } }`, { id: first.id }, { cookie: tenant.repCookie });
    expect(res.data.lead).toMatchObject({ id: first.id, name: first.name, score: first.score });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const missing = await app.gql(`query($id: ID!) { lead(id: $id) { id } }`, { id }, { cookie: tenant.repCookie });
      expect(missing.errors).toBeUndefined();
      expect(missing.data.lead).toBeNull();
    }
  });
});

describe('fields selected through fragments', () => {
  it('returns every field a client selects, however the selection is written', async () => {
    const res = await app.gql(
      `query { leads(first: 1) { edges { node { ...Row ... on Lead { scoreBreakdown { points } createdBy { name } } } } } }
       fragment Row on Lead { id name isKeyAccount tier updatedAt modelVersion email }`,
      {},
      { cookie: tenant.repCookie },
    );
    const node = res.data.leads.edges[0].node;
    expect(node.name).toMatch(/^Lead /);
    expect(typeof node.isKeyAccount).toBe('boolean');
    expect(node.isKeyAccount).toBe(node.tier === 'HOT' || node.tier === 'KEY_ACCOUNT');
    expect(node.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(node.modelVersion).toBe(1);
    expect(node.email).toMatch(/@example\.com$/);
    expect(node.scoreBreakdown).toHaveLength(4);
    expect(node.createdBy.name).toBe(`Rep ${tenant.rep.email.slice(4, 12)}`);
  });
});

describe('updateLead', () => {
  it('changes fields and re-scores with the active model', async () => {
    const lead = await create({ urgency: 'NO_TIMELINE' });
    expect(lead.score).toBe(70);
    const res = await app.gql(
      `mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { id score tier company urgency updatedAt } }`,
      { id: lead.id, input: { urgency: 'IMMEDIATELY', company: 'Renamed AG' } },
      { cookie: tenant.repCookie },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateLead).toMatchObject({ id: lead.id, score: 90, tier: 'HOT', company: 'Renamed AG', urgency: 'IMMEDIATELY' });
    expect(res.data.updateLead.updatedAt >= lead.updatedAt).toBe(true);
    await app.em(tenant.id).nativeDelete(Lead, { id: lead.id });
  });
});

describe('scoringModel', () => {
  it('describes the active model: version, thresholds and points per option', async () => {
    const res = await app.gql(`{ scoringModel { version thresholds { hot keyAccount warm } criteria { criterion maxPoints options { value points } } } }`, {}, { cookie: tenant.repCookie });
    expect(res.data.scoringModel.version).toBe(1);
    expect(res.data.scoringModel.thresholds).toEqual({ hot: 85, keyAccount: 70, warm: 40 });
    const budget = res.data.scoringModel.criteria.find((c: { criterion: string }) => c.criterion === 'BUDGET');
    expect(budget).toEqual({ criterion: 'BUDGET', maxPoints: 30, options: [
      { value: 'UNDER_10K', points: 5 }, { value: 'FROM_10K_TO_50K', points: 15 }, { value: 'FROM_50K_TO_100K', points: 25 }, { value: 'OVER_100K', points: 30 },
    ] });
  });
});

describe('scorePreview', () => {
  it('previews with the server model without storing anything', async () => {
    const before = await app.em(tenant.id).count(Lead, {});
    const res = await app.gql(
      `query($input: LeadScoreInput!) { scorePreview(input: $input) { score tier isKeyAccount missing modelVersion breakdown { criterion points maxPoints } } }`,
      { input: { budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK' } },
      { cookie: tenant.repCookie },
    );
    expect(res.data.scorePreview).toMatchObject({ score: 85, tier: 'HOT', isKeyAccount: true, missing: [], modelVersion: 1 });
    const partial = await app.gql(`query { scorePreview(input: { budget: FROM_50K_TO_100K }) { score tier missing } }`, {}, { cookie: tenant.repCookie });
    expect(partial.data.scorePreview).toEqual({ score: 25, tier: 'COLD', missing: ['COMPANY_SIZE', 'INDUSTRY', 'URGENCY'] });
    expect(await app.em(tenant.id).count(Lead, {})).toBe(before);
  });
});
