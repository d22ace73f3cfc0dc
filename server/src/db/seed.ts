import type { EntityManager } from '@mikro-orm/postgresql';
import { PrincipalKind, UserRole } from '../modules/auth/auth.enums.js';
import type { DemoAccount } from '../modules/auth/auth.types.js';
import { hashPassword } from '../modules/auth/password.js';
import { User } from '../modules/auth/user.entity.js';
import { Lead } from '../modules/leads/lead.entity.js';
import { LeadSource } from '../modules/leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../modules/scoring/scoring.enums.js';
import { DEFAULT_SCORING_MODEL, scoreLead } from '../modules/scoring/scoring.model.js';
import { createTenant } from '../onboarding/create-tenant.js';

export const DEMO_TENANTS = [
  { name: 'Demo GmbH', adminEmail: 'demo@demo.test', adminName: 'Dana Demo', repEmail: 'rep@demo.test', repName: 'Ravi Rep' },
  { name: 'Beispiel AG', adminEmail: 'beispiel@demo.test', adminName: 'Bea Beispiel', repEmail: 'rep@beispiel.test', repName: 'Bruno Berater' },
];
export const DEMO_PASSWORD = 'demo';

/** The demo logins, for the sign-in page: the app hands them to auth when it runs with demo data. */
export function demoAccounts(): DemoAccount[] {
  return DEMO_TENANTS.flatMap((t) => [
    { email: t.adminEmail, password: DEMO_PASSWORD, name: t.adminName, role: UserRole.ADMIN, tenantName: t.name },
    { email: t.repEmail, password: DEMO_PASSWORD, name: t.repName, role: UserRole.REP, tenantName: t.name },
  ]);
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hannes', 'Ines', 'Jonas', 'Katja', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul', 'Rosa', 'Samir', 'Tina', 'Umut'];
const LAST = ['Albrecht', 'Berger', 'Castillo', 'Dietrich', 'Engel', 'Fischer', 'Graf', 'Hoffmann', 'Ivanova', 'Jung', 'Keller', 'Lang', 'Meyer', 'Nowak', 'Okafor', 'Peters'];
const COMPANY = ['Nordlicht', 'Alpenblick', 'Rheinwerk', 'Isar', 'Elbe', 'Spree', 'Bodensee', 'Harz', 'Taunus', 'Eifel', 'Mosel', 'Allgäu'];
// company names that fit the lead's industry, so the demo reads like a real pipeline
const SUFFIX: Record<Industry, readonly string[]> = {
  SOFTWARE: ['Software', 'Digital', 'Systems'],
  FINANCE: ['Finanz', 'Capital', 'Versicherung'],
  MANUFACTURING: ['Werke', 'Maschinenbau', 'Metall'],
  HEALTHCARE: ['Medizintechnik', 'Klinikum', 'Pharma'],
  RETAIL: ['Handel', 'Markt', 'Mode'],
  EDUCATION: ['Akademie', 'Hochschule', 'Bildung'],
  OTHER: ['Partners', 'Services', 'Gruppe'],
};

/** Deterministic, so the demo looks the same on every machine. */
function generator(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

export function demoLeads(count: number, seed: number): Array<Omit<Lead, 'id' | 'tenant' | 'createdByKind' | 'createdById' | 'createdByName' | 'updatedAt'>> {
  const random = generator(seed);
  const budgets = Object.values(BudgetRange), sizes = Object.values(CompanySize), industries = Object.values(Industry);
  const urgencies = Object.values(Urgency), sources = Object.values(LeadSource);
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const first = random.pick(FIRST), last = random.pick(LAST);
    // cycling through the options first guarantees every option occurs; the rest is random
    const choice = <T>(list: readonly T[]) => (i < list.length ? list[i] : random.pick(list));
    const scored = { budget: choice(budgets), companySize: choice(sizes), industry: choice(industries), urgency: choice(urgencies) };
    const company = `${random.pick(COMPANY)} ${random.pick(SUFFIX[scored.industry])}`;
    const result = scoreLead(DEFAULT_SCORING_MODEL, scored);
    const domain = company.toLowerCase().replace(/[^a-z]+/g, '-');
    return {
      name: `${first} ${last}`,
      company,
      email: `${first}.${last}@${domain}.example`.toLowerCase(),
      phone: random.next() < 0.7 ? `+49 30 ${String(Math.floor(random.next() * 9_000_000) + 1_000_000)}` : null,
      ...scored,
      source: choice(sources),
      score: result.score,
      tier: result.tier,
      scoreBreakdown: result.breakdown,
      modelVersion: 1,
      createdAt: new Date(now - Math.floor(random.next() * 60 * 24 * 3600 * 1000)),
    };
  });
}

/** Two demo tenants with an admin, a rep and about 200 leads each. Does nothing when they exist. */
export async function seedDemo(em: EntityManager, leadsPerTenant = 200): Promise<boolean> {
  const existing = await em.count(User, { email: DEMO_TENANTS[0].adminEmail }, { filters: false });
  if (existing) return false;
  const repHash = await hashPassword(DEMO_PASSWORD);
  for (const [index, demo] of DEMO_TENANTS.entries()) {
    const { tenant, admin } = await createTenant(em, {
      name: demo.name,
      adminEmail: demo.adminEmail,
      adminName: demo.adminName,
      adminPassword: DEMO_PASSWORD,
    });
    await em.transactional(async (tx) => {
      tx.create(User, { tenant: tenant.id, email: demo.repEmail, name: demo.repName, role: UserRole.REP, passwordHash: repHash });
      for (const lead of demoLeads(leadsPerTenant, index + 1)) {
        tx.create(Lead, {
          ...lead,
          tenant: tenant.id,
          createdByKind: PrincipalKind.USER,
          createdById: admin.id,
          createdByName: admin.name,
          updatedAt: lead.createdAt,
        });
      }
    });
  }
  return true;
}
