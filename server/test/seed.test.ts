import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HISTORY_DAYS, seedDemo } from '../src/db/seed.js';
import { User } from '../src/modules/auth/user.entity.js';
import { LeadActivity } from '../src/modules/lifecycle/lead-activity.entity.js';
import { ScoreFeedbackEntry } from '../src/modules/lifecycle/score-feedback.entity.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { LeadSource } from '../src/modules/leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../src/modules/scoring/scoring.enums.js';
import { createTestApp, type TestApp } from './utils.js';

// the README's scoring table, written out here rather than read from the code that stored the scores
const README_POINTS: Record<string, Record<string, number>> = {
  BUDGET: { UNDER_10K: 5, FROM_10K_TO_50K: 15, FROM_50K_TO_100K: 25, OVER_100K: 30 },
  COMPANY_SIZE: { SIZE_1_10: 5, SIZE_11_50: 10, SIZE_51_200: 20, SIZE_201_1000: 25, SIZE_OVER_1000: 30 },
  INDUSTRY: { SOFTWARE: 20, FINANCE: 20, MANUFACTURING: 15, HEALTHCARE: 15, RETAIL: 10, EDUCATION: 5, OTHER: 5 },
  URGENCY: { IMMEDIATELY: 20, THIS_WEEK: 15, THIS_MONTH: 10, THIS_QUARTER: 5, NO_TIMELINE: 0 },
};
const README_MAX = { BUDGET: 30, COMPANY_SIZE: 30, INDUSTRY: 20, URGENCY: 20 };
// HOT ≥ 85, KEY_ACCOUNT ≥ 70, WARM ≥ 40, COLD below
const readmeTier = (score: number) => (score >= 85 ? 'HOT' : score >= 70 ? 'KEY_ACCOUNT' : score >= 40 ? 'WARM' : 'COLD');

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seedDemo: true });
});
afterAll(() => app?.stop());

describe('demo data', () => {
  it('has two tenants with 500 leads each, spread over every option', async () => {
    const tenants = await app.em().find(Tenant, {}, { orderBy: { name: 'asc' } });
    expect(tenants.map((t) => t.name)).toEqual(['Beispiel AG', 'Demo GmbH']);
    for (const tenant of tenants) {
      const leads = await app.em(tenant.id).find(Lead, {});
      expect(leads).toHaveLength(500);
      for (const [field, options] of [['budget', BudgetRange], ['companySize', CompanySize], ['industry', Industry], ['urgency', Urgency], ['source', LeadSource]] as const) {
        expect(new Set(leads.map((l) => l[field]))).toEqual(new Set(Object.values(options)));
      }
      expect(new Set(leads.map((l) => l.tier)).size).toBe(4);
    }
  });

  it('stores every demo lead with the points, score and tier of the README table', async () => {
    for (const tenant of await app.em().find(Tenant, {})) {
      for (const lead of await app.em(tenant.id).find(Lead, {})) {
        const chosen = { BUDGET: lead.budget, COMPANY_SIZE: lead.companySize, INDUSTRY: lead.industry, URGENCY: lead.urgency };
        const expected = Object.entries(chosen).map(([criterion, option]) => ({
          criterion,
          points: README_POINTS[criterion][option],
          maxPoints: README_MAX[criterion as keyof typeof README_MAX],
        }));
        expect(lead.scoreBreakdown, lead.name).toEqual(expected);
        const sum = expected.reduce((total, part) => total + part.points, 0);
        expect({ score: lead.score, tier: lead.tier, modelVersion: lead.modelVersion }, lead.name).toEqual({ score: sum, tier: readmeTier(sum), modelVersion: 1 });
      }
    }
  });

  // the seed walks through the options in order for its first leads, so these rows always exist
  it.each([
    ['UNDER_10K', 'SIZE_1_10', 'SOFTWARE', 'IMMEDIATELY', 50, 'WARM'], // 5 + 5 + 20 + 20
    ['FROM_10K_TO_50K', 'SIZE_11_50', 'FINANCE', 'THIS_WEEK', 60, 'WARM'], // 15 + 10 + 20 + 15
    ['FROM_50K_TO_100K', 'SIZE_51_200', 'MANUFACTURING', 'THIS_MONTH', 70, 'KEY_ACCOUNT'], // 25 + 20 + 15 + 10
    ['OVER_100K', 'SIZE_201_1000', 'HEALTHCARE', 'THIS_QUARTER', 75, 'KEY_ACCOUNT'], // 30 + 25 + 15 + 5
  ])('scores the demo leads of %s, %s, %s, %s as %i, %s', async (budget, companySize, industry, urgency, score, tier) => {
    for (const tenant of await app.em().find(Tenant, {})) {
      const rows = await app.em(tenant.id).find(Lead, { budget, companySize, industry, urgency } as never);
      expect(rows.length).toBeGreaterThanOrEqual(1);
      for (const row of rows) expect({ score: row.score, tier: row.tier }).toEqual({ score, tier });
    }
  });

  it('lets the demo logins sign in, each into its own tenant', async () => {
    for (const [email, tenantName] of [['demo@demo.test', 'Demo GmbH'], ['beispiel@demo.test', 'Beispiel AG'], ['rep@demo.test', 'Demo GmbH']]) {
      const res = await app.gql(`mutation { login(email: "${email}", password: "demo") { tenant { name } } }`);
      expect(res.data.login.tenant.name).toBe(tenantName);
    }
  });

  it('offers the demo logins on the sign-in page only in demo mode', async () => {
    const res = await app.gql(`{ demoAccounts { email password tenantName role } }`);
    expect(res.data.demoAccounts.map((a: { email: string }) => a.email)).toEqual(['demo@demo.test', 'rep@demo.test', 'beispiel@demo.test', 'rep@beispiel.test']);
    const plain = await createTestApp({ seedDemo: false });
    try {
      expect((await plain.gql(`{ demoAccounts { email } }`)).data.demoAccounts).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it('has six months of history: every status, owners, contacts before closes, outcomes that fit the status', async () => {
    for (const tenant of await app.em().find(Tenant, {})) {
      const em = app.em(tenant.id);
      const leads = await em.find(Lead, {});
      const reps = await em.find(User, { role: 'REP' } as never);
      expect(reps).toHaveLength(2);
      expect(new Set(leads.map((l) => l.status))).toEqual(new Set(['NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST']));
      const oldest = Math.min(...leads.map((l) => l.createdAt.getTime()));
      expect(Date.now() - oldest).toBeGreaterThan((DEMO_HISTORY_DAYS - 30) * 86_400_000);
      expect(new Set(leads.map((l) => l.ownerId).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
      for (const lead of leads) {
        const { status, contactedAt, closedAt, dealValue, lostReason, createdAt } = lead;
        expect(contactedAt == null, `${lead.name} ${status}`).toBe(status === 'NEW');
        if (contactedAt) expect(contactedAt.getTime()).toBeGreaterThanOrEqual(createdAt.getTime());
        expect(closedAt != null).toBe(status === 'WON' || status === 'LOST');
        if (closedAt) expect(closedAt.getTime()).toBeGreaterThan(contactedAt!.getTime());
        expect(dealValue != null && dealValue > 0).toBe(status === 'WON');
        expect(lostReason != null).toBe(status === 'LOST');
        if (status !== 'NEW') expect(lead.ownerId).not.toBeNull();
      }
    }
  });

  it('dates the team and the first model from before the first lead', async () => {
    for (const tenant of await app.em().find(Tenant, {})) {
      const em = app.em(tenant.id);
      const oldestLead = Math.min(...(await em.find(Lead, {})).map((l) => l.createdAt.getTime()));
      expect(tenant.createdAt.getTime()).toBeLessThan(oldestLead);
      for (const user of await em.find(User, {})) expect(user.createdAt.getTime(), user.email).toBeLessThan(oldestLead);
      const [first] = await em.getConnection().execute<Array<{ created_at: string; published_at: string }>>(
        'select created_at, published_at from scoring_model where tenant_id = ? and version = 1',
        [tenant.id],
      );
      expect(new Date(first.created_at).getTime()).toBeLessThan(oldestLead);
      expect(first.published_at).toEqual(first.created_at);
    }
  });

  it('makes key accounts convert clearly better than the rest, but not always', async () => {
    for (const tenant of await app.em().find(Tenant, {})) {
      const leads = await app.em(tenant.id).find(Lead, { status: { $in: ['WON', 'LOST'] } } as never);
      const rate = (group: Lead[]) => group.filter((l) => l.status === 'WON').length / group.length;
      const key = leads.filter((l) => l.tier === 'HOT' || l.tier === 'KEY_ACCOUNT');
      const rest = leads.filter((l) => l.tier === 'WARM' || l.tier === 'COLD');
      expect(key.length).toBeGreaterThan(20);
      expect(rest.length).toBeGreaterThan(20);
      expect(rate(key)).toBeGreaterThan(rate(rest) + 0.15);
      expect(rate(key)).toBeLessThan(0.9);
      expect(rate(rest)).toBeGreaterThan(0.05);
    }
  });

  it('records the history as activities, some verdicts on the score, and leaves some leads past their SLA', async () => {
    for (const tenant of await app.em().find(Tenant, {})) {
      const em = app.em(tenant.id);
      const leads = await em.find(Lead, {});
      const activities = await em.find(LeadActivity, {}, { orderBy: { id: 'asc' } });
      for (const lead of leads.filter((l) => l.status !== 'NEW')) {
        const changes = activities.filter((a) => a.lead === lead.id && a.kind === 'STATUS_CHANGED');
        expect(changes.at(-1)?.toStatus, lead.name).toBe(lead.status);
        expect(changes[0].createdAt.getTime()).toBe(lead.contactedAt!.getTime());
      }
      const feedback = await em.find(ScoreFeedbackEntry, {});
      expect(feedback.length).toBeGreaterThan(10);
      expect(new Set(feedback.map((f) => f.verdict))).toEqual(new Set(['ACCURATE', 'TOO_HIGH', 'TOO_LOW']));
    }
    const login = await app.login('rep@demo.test', 'demo');
    const breached = await app.gql('{ leads(filter: { slaBreached: true, tiers: [HOT, KEY_ACCOUNT, WARM] }) { totalCount } }', {}, { cookie: login });
    expect(breached.data.leads.totalCount).toBeGreaterThan(0);
    const waiting = await app.gql('{ leads(filter: { slaBreached: false, statuses: [NEW] }) { totalCount } }', {}, { cookie: login });
    expect(waiting.data.leads.totalCount).toBeGreaterThan(0);
  });

  it('starts every lead\'s score history with its creation, and the history ends at the lead\'s score', async () => {
    const rows = await app.em().getConnection().execute<Array<{ id: string; score: number; first_reason: string; last_score: number; entries: number }>>(
      `select l.id, l.score,
              (select c.reason from score_change c where c.lead_id = l.id order by c.id limit 1) as first_reason,
              (select c.new_score from score_change c where c.lead_id = l.id order by c.id desc limit 1) as last_score,
              (select count(*)::int from score_change c where c.lead_id = l.id) as entries
         from lead l`,
    );
    expect(rows.length).toBe(1000);
    for (const row of rows) {
      expect(row.first_reason, row.id).toBe('CREATED');
      expect(row.last_score, row.id).toBe(row.score);
    }
  });

  it('seeds only once', async () => {
    expect(await seedDemo(app.server.orm.em.fork())).toBe(false);
    expect(await app.em().count(Tenant, {})).toBe(2);
  });
});
