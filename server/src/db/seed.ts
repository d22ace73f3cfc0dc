import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PrincipalKind, UserRole } from '../modules/auth/auth.enums.js';
import type { DemoAccount } from '../modules/auth/auth.types.js';
import { hashPassword } from '../modules/auth/password.js';
import { User } from '../modules/auth/user.entity.js';
import { seedDemoExperiment } from '../modules/experiments/experiment.seed.js';
import { Lead } from '../modules/leads/lead.entity.js';
import { LeadSource } from '../modules/leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../modules/scoring/scoring.enums.js';
import { DEFAULT_SCORING_MODEL, scoreLead } from '../modules/scoring/scoring.model.js';
import { createTenant } from '../onboarding/create-tenant.js';
import { demoHistory, type LeadHistory } from './seed-history.js';

export const DEMO_TENANTS = [
  { name: 'Demo GmbH', adminEmail: 'demo@demo.test', adminName: 'Dana Demo', repEmail: 'rep@demo.test', repName: 'Ravi Rep', rep2Email: 'rep2@demo.test', rep2Name: 'Rita Rep' },
  { name: 'Beispiel AG', adminEmail: 'beispiel@demo.test', adminName: 'Bea Beispiel', repEmail: 'rep@beispiel.test', repName: 'Bruno Berater', rep2Email: 'rep2@beispiel.test', rep2Name: 'Berit Berater' },
];
/** How far back the demo's history goes. */
export const DEMO_HISTORY_DAYS = 180;
/** Enough closed leads that the dashboard's rates and the learned model say something (a few per day). */
export const DEMO_LEADS_PER_TENANT = 500;
/** Share of demo leads from the last two days: some still wait for their first call (live SLA countdowns and breaches). */
const RECENT_SHARE = 0.06;
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

export function demoLeads(count: number, seed: number): Array<Omit<Lead, 'id' | 'tenant' | 'createdByKind' | 'createdById' | 'createdByName' | 'updatedAt' | 'status' | 'lastActivityAt'>> {
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
      createdAt: new Date(now - Math.floor((random.next() < RECENT_SHARE ? 2 * random.next() : random.next() * DEMO_HISTORY_DAYS) * 24 * 3600 * 1000)),
    };
  });
}

/**
 * Two demo tenants with an admin, two reps and 500 leads each (DEMO_LEADS_PER_TENANT), with six months of history
 * (see seed-history.ts). Does nothing when they exist. Leads, activities and verdicts go in with one
 * statement each per tenant.
 */
export async function seedDemo(em: EntityManager, leadsPerTenant = DEMO_LEADS_PER_TENANT): Promise<boolean> {
  const existing = await em.count(User, { email: DEMO_TENANTS[0].adminEmail }, { filters: false });
  if (existing) return false;
  const repHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  for (const [index, demo] of DEMO_TENANTS.entries()) {
    const { tenant, admin } = await createTenant(em, {
      name: demo.name,
      adminEmail: demo.adminEmail,
      adminName: demo.adminName,
      adminPassword: DEMO_PASSWORD,
    });
    await em.transactional(async (tx) => {
      const reps = [
        tx.create(User, { tenant: tenant.id, email: demo.repEmail, name: demo.repName, role: UserRole.REP, passwordHash: repHash }),
        tx.create(User, { tenant: tenant.id, email: demo.rep2Email, name: demo.rep2Name, role: UserRole.REP, passwordHash: repHash }),
      ];
      await tx.flush();
      const leads = demoLeads(leadsPerTenant, index + 1).map((lead) => ({ ...lead, id: randomUUID() }));
      const histories = demoHistory(leads, { admin: { id: admin.id, name: admin.name }, reps: reps.map((u) => ({ id: u.id, name: u.name })) }, index + 1, now);
      await insertLeads(tx, tenant.id, admin, leads, histories);
      await seedDemoExperiment(tx, tenant.id, admin, now);
      // the team and the first model were there before the first lead, not made today under six months of history
      const since = new Date(now.getTime() - (DEMO_HISTORY_DAYS + 1) * 86_400_000);
      await tx.execute('update tenant set created_at = ? where id = ?', [since, tenant.id]);
      await tx.execute('update app_user set created_at = ? where tenant_id = ?', [since, tenant.id]);
      await tx.execute('update scoring_model set created_at = ?, published_at = ? where tenant_id = ? and version = 1', [since, since, tenant.id]);
      // every lead's history starts with its creation (the experiment's leads have theirs already)
      await tx.execute(
        `insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id, created_at)
         select l.tenant_id, l.id, null, l.score, null, l.tier, l.model_version, 'CREATED', l.created_by_kind, l.created_by_id, l.created_at
           from lead l where l.tenant_id = ? and not exists (select 1 from score_change c where c.lead_id = l.id)
          order by l.created_at`,
        [tenant.id],
      );
    });
  }
  return true;
}

type DemoLead = ReturnType<typeof demoLeads>[number] & { id: string };

async function insertLeads(em: EntityManager, tenantId: string, admin: { id: string; name: string }, leads: DemoLead[], histories: LeadHistory[]): Promise<void> {
  const rows = leads.map((lead, i) => {
    const h = histories[i];
    return {
      ...lead,
      score_breakdown: lead.scoreBreakdown,
      status: h.status,
      owner_id: h.owner?.id ?? null,
      owner_name: h.owner?.name ?? null,
      contacted_at: h.contactedAt,
      closed_at: h.closedAt,
      deal_value: h.dealValue,
      lost_reason: h.lostReason,
      last_activity_at: h.lastActivityAt,
      updated_at: h.lastActivityAt,
    };
  });
  await em.execute(
    `insert into lead (id, tenant_id, name, company, email, phone, budget, company_size, industry, urgency, source, score, tier, score_breakdown, model_version,
       created_by_kind, created_by_id, created_by_name, created_at, updated_at, status, owner_id, owner_name, contacted_at, closed_at, deal_value, lost_reason, last_activity_at)
     select r.id, ?, r.name, r.company, r.email, r.phone, r.budget, r."companySize", r.industry, r.urgency, r.source, r.score, r.tier, r.score_breakdown, r."modelVersion",
       '${PrincipalKind.USER}', ?, ?, r."createdAt", r.updated_at, r.status, r.owner_id, r.owner_name, r.contacted_at, r.closed_at, r.deal_value, r.lost_reason, r.last_activity_at
       from jsonb_to_recordset(?::jsonb) as r (id uuid, name text, company text, email text, phone text, budget text, "companySize" text, industry text, urgency text,
         source text, score smallint, tier text, score_breakdown jsonb, "modelVersion" int, "createdAt" timestamptz, updated_at timestamptz, status text, owner_id uuid,
         owner_name text, contacted_at timestamptz, closed_at timestamptz, deal_value numeric, lost_reason text, last_activity_at timestamptz)`,
    [tenantId, admin.id, admin.name, JSON.stringify(rows)],
  );
  const activities = histories.flatMap((h, i) =>
    h.activities.map((a) => ({
      lead_id: leads[i].id,
      kind: a.kind,
      actor_id: a.actor.id,
      actor_name: a.actor.name,
      from_status: a.fromStatus ?? null,
      to_status: a.toStatus ?? null,
      owner_id: a.owner?.id ?? null,
      owner_name: a.owner?.name ?? null,
      feedback: a.feedback ?? null,
      deal_value: a.dealValue ?? null,
      lost_reason: a.lostReason ?? null,
      created_at: a.at,
    })),
  );
  // in time order, so the ids (which order a lead's activities) follow the time
  activities.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  const ordered = activities.map((activity, seq) => ({ ...activity, seq }));
  await em.execute(
    `insert into lead_activity (tenant_id, lead_id, kind, actor_kind, actor_id, actor_name, from_status, to_status, owner_id, owner_name, feedback, deal_value, lost_reason, created_at)
     select ?, r.lead_id, r.kind, '${PrincipalKind.USER}', r.actor_id, r.actor_name, r.from_status, r.to_status, r.owner_id, r.owner_name, r.feedback, r.deal_value, r.lost_reason, r.created_at
       from jsonb_to_recordset(?::jsonb) as r (lead_id uuid, kind text, actor_id uuid, actor_name text, from_status text, to_status text, owner_id uuid,
         owner_name text, feedback text, deal_value numeric, lost_reason text, created_at timestamptz, seq int)
      order by r.seq`,
    [tenantId, JSON.stringify(ordered)],
  );
  const verdicts = histories.flatMap((h, i) => (h.feedback ? [{ lead_id: leads[i].id, user_id: h.feedback.user.id, verdict: h.feedback.verdict, at: h.feedback.at }] : []));
  await em.execute(
    `insert into score_feedback (id, tenant_id, lead_id, user_id, verdict, created_at, updated_at)
     select gen_random_uuid(), ?, r.lead_id, r.user_id, r.verdict, r.at, r.at from jsonb_to_recordset(?::jsonb) as r (lead_id uuid, user_id uuid, verdict text, at timestamptz)`,
    [tenantId, JSON.stringify(verdicts)],
  );
}
