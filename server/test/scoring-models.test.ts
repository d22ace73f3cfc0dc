import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope, UserRole } from '../src/modules/auth/auth.enums.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { LeadTier } from '../src/modules/leads/lead.enums.js';
import { DEFAULT_SCORING_MODEL, scoreLead } from '../src/modules/scoring/scoring.model.js';
import { draftInputOf } from '../src/modules/scoring/scoring.validation.js';
import { budgetHeavyModel, insertLeads, MODELS, SAVE_DRAFT, saveDraft, storedLeads } from './scoring-fixtures.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';

const IMPACT = /* GraphQL */ `query Impact($id: ID!) { scoringModelImpact(id: $id) {
  modelId fromVersion toVersion leads moves { from to count } histogram { from to before after }
  averageBefore averageAfter averageChange changedScores changedTiers newKeyAccounts lostKeyAccounts newHot lostHot
  examples { leadId name company oldScore newScore oldTier newTier } tookMs } }`;

let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  tenant = await app.createTenant('Models GmbH');
});
afterAll(() => app?.stop());

const TIERS = [LeadTier.HOT, LeadTier.KEY_ACCOUNT, LeadTier.WARM, LeadTier.COLD];

describe('scoring model versions', () => {
  it('start with the default model as version 1, ACTIVE, readable by any signed-in user', async () => {
    const res = await app.gql(MODELS, {}, { cookie: tenant.repCookie });
    expect(res.data.scoringModels).toEqual([
      expect.objectContaining({ version: 1, status: 'ACTIVE', createdBy: null, maxScore: 100, publishedAt: expect.any(String) }),
    ]);
    expect(res.data.scoringModels[0].criteria.map((c: { criterion: string }) => c.criterion)).toEqual(['BUDGET', 'COMPANY_SIZE', 'INDUSTRY', 'URGENCY']);
  });

  it('saves a draft as the next version, overwrites it in place by id, and lists versions newest first', async () => {
    const other = await app.createTenant();
    const first = await app.gql(SAVE_DRAFT, { input: { ...draftInputOf(budgetHeavyModel()), comment: 'Budget 40 %' } }, { cookie: other.adminCookie });
    expect(first.data.saveScoringModelDraft).toMatchObject({ version: 2, status: 'DRAFT', comment: 'Budget 40 %', createdBy: expect.stringMatching(/^Admin /), publishedAt: null, maxScore: 100 });
    const budget = first.data.saveScoringModelDraft.criteria.find((c: { criterion: string }) => c.criterion === 'BUDGET');
    expect(budget).toEqual({ criterion: 'BUDGET', maxPoints: 40, options: [
      { value: 'UNDER_10K', points: 5 }, { value: 'FROM_10K_TO_50K', points: 20 }, { value: 'FROM_50K_TO_100K', points: 30 }, { value: 'OVER_100K', points: 40 },
    ] });

    const input = { ...draftInputOf(DEFAULT_SCORING_MODEL), id: first.data.saveScoringModelDraft.id, comment: 'back to 30' };
    const second = await app.gql(SAVE_DRAFT, { input }, { cookie: other.adminCookie });
    expect(second.data.saveScoringModelDraft).toMatchObject({ id: input.id, version: 2, comment: 'back to 30' });
    const third = await saveDraft(app, other, budgetHeavyModel());
    const listed = await app.gql(MODELS, {}, { cookie: other.adminCookie });
    expect(listed.data.scoringModels.map((m: { id: string; version: number; status: string }) => [m.version, m.status])).toEqual([[3, 'DRAFT'], [2, 'DRAFT'], [1, 'ACTIVE']]);
    expect(listed.data.scoringModels[0].id).toBe(third);
    // other tenants see none of it
    expect((await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels.map((m: { version: number }) => m.version)).not.toContain(3);
  });

  it('scores the lead source when a draft gives it points, listing SOURCE as a criterion', async () => {
    const model = budgetHeavyModel();
    model.criteria.URGENCY = { IMMEDIATELY: 15, THIS_WEEK: 10, THIS_MONTH: 5, THIS_QUARTER: 5, NO_TIMELINE: 0 };
    model.criteria.SOURCE = { WEBSITE: 5, REFERRAL: 10, EVENT: 5, OUTBOUND: 0, PARTNER: 10, ADVERTISING: 0, OTHER: 0 };
    const res = await app.gql(SAVE_DRAFT, { input: draftInputOf(model) }, { cookie: tenant.adminCookie });
    expect(res.data.saveScoringModelDraft.criteria.map((c: { criterion: string; maxPoints: number }) => [c.criterion, c.maxPoints])).toEqual([
      ['BUDGET', 40], ['COMPANY_SIZE', 20], ['INDUSTRY', 15], ['URGENCY', 15], ['SOURCE', 10],
    ]);
  });

  it('normalizes a draft whose maxima do not add up to 100 when asked, and answers with the scaled points', async () => {
    const model = structuredClone(DEFAULT_SCORING_MODEL);
    model.criteria.BUDGET = { UNDER_10K: 10, FROM_10K_TO_50K: 20, FROM_50K_TO_100K: 40, OVER_100K: 60 };
    // maxima 60 + 30 + 20 + 20 = 130, scaled by 100/130
    const res = await app.gql(SAVE_DRAFT, { input: { ...draftInputOf(model), normalize: true } }, { cookie: tenant.adminCookie });
    const version = res.data.saveScoringModelDraft;
    expect(version.maxScore).toBe(100);
    expect(version.criteria.map((c: { maxPoints: number }) => c.maxPoints)).toEqual([46, 23, 16, 15]);
  });

  it('refuse bad drafts with BAD_USER_INPUT naming each field, and store nothing', async () => {
    const before = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels.length;
    const input = draftInputOf(DEFAULT_SCORING_MODEL);
    input.criteria[0].options[0].points = 120;
    input.criteria[3].options.pop();
    const res = await app.gql(SAVE_DRAFT, { input: { ...input, thresholds: { hot: 60, keyAccount: 70, warm: 40 } } }, { cookie: tenant.adminCookie });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields.map((f: { field: string; code: string }) => `${f.field} ${f.code}`)).toEqual([
      'criteria.BUDGET.UNDER_10K OUT_OF_RANGE',
      'criteria.URGENCY.NO_TIMELINE REQUIRED',
      'thresholds.hot OUT_OF_RANGE',
    ]);
    const sum = draftInputOf({ ...DEFAULT_SCORING_MODEL, criteria: { ...DEFAULT_SCORING_MODEL.criteria, INDUSTRY: { ...DEFAULT_SCORING_MODEL.criteria.INDUSTRY, SOFTWARE: 30 } } });
    const over = await app.gql(SAVE_DRAFT, { input: sum }, { cookie: tenant.adminCookie });
    expect(over.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'criteria', code: 'OUT_OF_RANGE', message: expect.stringContaining('110') })]);
    expect((await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels).toHaveLength(before);
  });

  it('keep published versions: overwriting or deleting one is BAD_USER_INPUT', async () => {
    const [active] = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels.filter((m: { status: string }) => m.status === 'ACTIVE');
    const overwrite = await app.gql(SAVE_DRAFT, { input: { ...draftInputOf(DEFAULT_SCORING_MODEL), id: active.id } }, { cookie: tenant.adminCookie });
    expect(overwrite.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
    const remove = await app.gql(`mutation($id: ID!) { deleteScoringModelDraft(id: $id) }`, { id: active.id }, { cookie: tenant.adminCookie });
    expect(remove.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('delete a draft; false for an id that is no version of the tenant', async () => {
    const id = await saveDraft(app, tenant, budgetHeavyModel());
    const del = (vars: { id: string }) => app.gql(`mutation($id: ID!) { deleteScoringModelDraft(id: $id) }`, vars, { cookie: tenant.adminCookie });
    expect((await del({ id })).data.deleteScoringModelDraft).toBe(true);
    expect((await del({ id })).data.deleteScoringModelDraft).toBe(false);
    expect((await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels.map((m: { id: string }) => m.id)).not.toContain(id);
  });
});

describe('admin-only operations', () => {
  it('are FORBIDDEN to reps, managers and API keys, and change nothing', async () => {
    const draft = await saveDraft(app, tenant, budgetHeavyModel());
    const em = app.em();
    em.create(User, { tenant: tenant.id, email: `manager-${draft.slice(0, 8)}@test.example`, name: 'Manager', role: UserRole.MANAGER, passwordHash: await hashPassword('manager-pass') });
    await em.flush();
    const managerCookie = await app.login(`manager-${draft.slice(0, 8)}@test.example`, 'manager-pass');
    const callers = [
      { cookie: tenant.repCookie },
      { cookie: managerCookie },
      { apiKey: await app.createApiKey(tenant, ApiKeyScope.WRITE) },
      { apiKey: await app.createApiKey(tenant, ApiKeyScope.READ) },
    ];
    const operations: Array<[string, Record<string, unknown>]> = [
      [SAVE_DRAFT, { input: draftInputOf(DEFAULT_SCORING_MODEL) }],
      [`mutation($id: ID!) { deleteScoringModelDraft(id: $id) }`, { id: draft }],
      [`mutation($id: ID!) { publishScoringModel(id: $id) { id } }`, { id: draft }],
      [IMPACT, { id: draft }],
      [`query($id: ID!) { rescoringJob(id: $id) { id } }`, { id: draft }],
      [`{ activeRescoringJob { id } }`, {}],
    ];
    for (const caller of callers) {
      for (const [query, variables] of operations) {
        const res = await app.gql(query, variables, caller);
        expect(res.errors?.[0]?.extensions?.code, `${query.slice(0, 40)} as ${JSON.stringify(caller).slice(0, 30)}`).toBe('FORBIDDEN');
      }
    }
    const versions = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels;
    expect(versions.find((m: { id: string }) => m.id === draft).status).toBe('DRAFT');
  });
});

describe('scoringModelImpact', () => {
  it('previews a draft against the tenant’s leads exactly as scoreLead would rescore them', async () => {
    const shop = await app.createTenant('Impact AG');
    await insertLeads(app, shop, 400, { seed: 7 });
    // another tenant's leads never count
    await insertLeads(app, tenant, 50, { seed: 8 });
    const model = budgetHeavyModel();
    const id = await saveDraft(app, shop, model);
    const res = await app.gql(IMPACT, { id }, { cookie: shop.adminCookie });
    expect(res.errors).toBeUndefined();
    const impact = res.data.scoringModelImpact;

    // the oracle: every lead scored in JavaScript
    const leads = (await storedLeads(app, shop)).map((lead) => ({ lead, next: scoreLead(model, lead) }));
    const count = (test: (x: (typeof leads)[number]) => boolean) => leads.filter(test).length;
    const key = (tier: LeadTier) => tier === LeadTier.HOT || tier === LeadTier.KEY_ACCOUNT;
    expect(impact).toMatchObject({
      modelId: id,
      fromVersion: 1,
      toVersion: 2,
      leads: 400,
      changedScores: count((x) => x.next.score !== x.lead.score),
      changedTiers: count((x) => x.next.tier !== x.lead.tier),
      newKeyAccounts: count((x) => key(x.next.tier) && !key(x.lead.tier)),
      lostKeyAccounts: count((x) => key(x.lead.tier) && !key(x.next.tier)),
      newHot: count((x) => x.next.tier === LeadTier.HOT && x.lead.tier !== LeadTier.HOT),
      lostHot: count((x) => x.lead.tier === LeadTier.HOT && x.next.tier !== LeadTier.HOT),
    });
    expect(impact.changedTiers).toBeGreaterThan(0);
    expect(impact.moves).toEqual(TIERS.flatMap((from) => TIERS.map((to) => ({ from, to, count: count((x) => x.lead.tier === from && x.next.tier === to) }))));
    const bin = (score: number) => Math.min(19, Math.floor(score / 5));
    expect(impact.histogram).toEqual(
      Array.from({ length: 20 }, (_, i) => ({
        from: i * 5,
        to: i === 19 ? 100 : i * 5 + 4,
        before: count((x) => bin(x.lead.score) === i),
        after: count((x) => bin(x.next.score) === i),
      })),
    );
    const average = (scores: number[]) => Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
    expect(impact.averageBefore).toBe(average(leads.map((x) => x.lead.score)));
    expect(impact.averageAfter).toBe(average(leads.map((x) => x.next.score)));

    // examples: leads that change tier, biggest moves first, as they are stored
    const biggest = Math.max(...leads.filter((x) => x.next.tier !== x.lead.tier).map((x) => Math.abs(x.next.score - x.lead.score)));
    expect(impact.examples).toHaveLength(10);
    expect(Math.abs(impact.examples[0].newScore - impact.examples[0].oldScore)).toBe(biggest);
    const moves = impact.examples.map((e: { oldScore: number; newScore: number }) => Math.abs(e.newScore - e.oldScore));
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
    for (const example of impact.examples) {
      const { lead, next } = leads.find((x) => x.lead.id === example.leadId)!;
      expect(example).toEqual({ leadId: lead.id, name: lead.name, company: lead.company, oldScore: lead.score, newScore: next.score, oldTier: lead.tier, newTier: next.tier });
      expect(example.oldTier).not.toBe(example.newTier);
    }
    expect(impact.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('of the active model changes nothing; of an unknown version is BAD_USER_INPUT', async () => {
    const shop = await app.createTenant();
    await insertLeads(app, shop, 30);
    const [active] = (await app.gql(MODELS, {}, { cookie: shop.adminCookie })).data.scoringModels;
    const same = (await app.gql(IMPACT, { id: active.id }, { cookie: shop.adminCookie })).data.scoringModelImpact;
    expect(same).toMatchObject({ leads: 30, changedScores: 0, changedTiers: 0, averageChange: 0, examples: [] });
    const foreign = await saveDraft(app, tenant, budgetHeavyModel());
    const res = await app.gql(IMPACT, { id: foreign }, { cookie: shop.adminCookie });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
  });

  it('of a tenant without leads is all zeros', async () => {
    const empty = await app.createTenant();
    const id = await saveDraft(app, empty, budgetHeavyModel());
    const impact = (await app.gql(IMPACT, { id }, { cookie: empty.adminCookie })).data.scoringModelImpact;
    expect(impact).toMatchObject({ leads: 0, averageBefore: 0, averageAfter: 0, changedScores: 0, examples: [] });
    expect(impact.moves).toHaveLength(16);
    expect(impact.histogram).toHaveLength(20);
  });
});
