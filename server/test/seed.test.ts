import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/db/seed.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { BudgetRange, CompanySize, Industry, LeadSource, Urgency } from '../src/modules/scoring/scoring.enums.js';
import { DEFAULT_SCORING_MODEL, scoreLead } from '../src/modules/scoring/scoring.model.js';
import { createTestApp, type TestApp } from './utils.js';

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
      // stored scores agree with the scoring function
      for (const lead of leads.slice(0, 20)) expect(lead.score).toBe(scoreLead(DEFAULT_SCORING_MODEL, lead).score);
      expect(new Set(leads.map((l) => l.tier)).size).toBe(4);
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
