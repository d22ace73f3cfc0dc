import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/db/seed.js';
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
  it('has two tenants with about 200 leads each, spread over every option', async () => {
    const tenants = await app.em().find(Tenant, {}, { orderBy: { name: 'asc' } });
    expect(tenants.map((t) => t.name)).toEqual(['Beispiel AG', 'Demo GmbH']);
    for (const tenant of tenants) {
      const leads = await app.em(tenant.id).find(Lead, {});
      expect(leads).toHaveLength(200);
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

  it('seeds only once', async () => {
    expect(await seedDemo(app.server.orm.em.fork())).toBe(false);
    expect(await app.em().count(Tenant, {})).toBe(2);
  });
});
