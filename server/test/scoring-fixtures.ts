// Shared by the scoring, rescoring and ledger tests: documents, leads in bulk, waiting for a job.
import { expect } from 'vitest';
import { PrincipalKind } from '../src/modules/auth/auth.enums.js';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { LeadSource } from '../src/modules/leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../src/modules/scoring/scoring.enums.js';
import { DEFAULT_SCORING_MODEL, scoreLead, type ScoringModelDefinition } from '../src/modules/scoring/scoring.model.js';
import { draftInputOf } from '../src/modules/scoring/scoring.validation.js';
import type { TestApp, TestTenant } from './utils.js';

export const SAVE_DRAFT = /* GraphQL */ `
  mutation SaveDraft($input: ScoringModelDraftInput!) {
    saveScoringModelDraft(input: $input) { id version status comment createdBy createdAt publishedBy publishedAt maxScore
      criteria { criterion maxPoints options { value points } } thresholds { hot keyAccount warm } tiers { tier minScore isKeyAccount } }
  }
`;
export const PUBLISH = /* GraphQL */ `mutation Publish($id: ID!) { publishScoringModel(id: $id) { id modelVersion state done total createdAt startedAt finishedAt error } }`;
export const JOB = /* GraphQL */ `query Job($id: ID!) { rescoringJob(id: $id) { id modelVersion state done total startedAt finishedAt error } }`;
export const MODELS = /* GraphQL */ `{ scoringModels { id version status comment createdBy publishedBy publishedAt maxScore criteria { criterion maxPoints } } }`;

/**
 * The seed's own example: "Budget 40 %, Size 20 %", and "Immediately = 25 points". Budget and
 * urgency weigh more, size and industry less; the maxima add up to 100.
 */
export function budgetHeavyModel(): ScoringModelDefinition {
  return {
    criteria: {
      BUDGET: { UNDER_10K: 5, FROM_10K_TO_50K: 20, FROM_50K_TO_100K: 30, OVER_100K: 40 },
      COMPANY_SIZE: { SIZE_1_10: 0, SIZE_11_50: 5, SIZE_51_200: 10, SIZE_201_1000: 15, SIZE_OVER_1000: 20 },
      INDUSTRY: { SOFTWARE: 15, FINANCE: 15, MANUFACTURING: 10, HEALTHCARE: 10, RETAIL: 5, EDUCATION: 0, OTHER: 0 },
      URGENCY: { IMMEDIATELY: 25, THIS_WEEK: 15, THIS_MONTH: 10, THIS_QUARTER: 5, NO_TIMELINE: 0 },
    },
    tiers: { HOT: 85, KEY_ACCOUNT: 70, WARM: 40 },
  };
}

/** A small deterministic generator, so a failing run can be repeated. */
export function random(seed: number) {
  let state = seed >>> 0 || 1;
  return <T>(values: readonly T[]): T => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return values[(state >>> 0) % values.length];
  };
}

/**
 * `count` leads of the tenant with varied fields, scored by `model` as if created under it
 * (version `version`), written through the ORM in one flush. Returns their ids.
 */
export async function insertLeads(app: TestApp, tenant: TestTenant, count: number, options: { seed?: number; model?: ScoringModelDefinition; version?: number; prefix?: string } = {}): Promise<string[]> {
  const pick = random(options.seed ?? 42);
  const model = options.model ?? DEFAULT_SCORING_MODEL;
  const em = app.em(tenant.id);
  const leads: Lead[] = [];
  for (let i = 0; i < count; i++) {
    const fields = {
      budget: pick(Object.values(BudgetRange)),
      companySize: pick(Object.values(CompanySize)),
      industry: pick(Object.values(Industry)),
      urgency: pick(Object.values(Urgency)),
      source: pick(Object.values(LeadSource)),
    };
    const result = scoreLead(model, fields);
    leads.push(
      em.create(Lead, {
        tenant: tenant.id,
        name: `${options.prefix ?? 'Lead'} ${i}`,
        company: `Company ${i}`,
        ...fields,
        score: result.score,
        tier: result.tier,
        scoreBreakdown: result.breakdown,
        modelVersion: options.version ?? 1,
        createdByKind: PrincipalKind.USER,
        createdById: tenant.admin.id,
        createdByName: 'Fixture',
      }),
    );
  }
  await em.flush();
  return leads.map((lead) => lead.id);
}

/** Saves `model` as a draft through the API (as the tenant's admin) and returns its id. */
export async function saveDraft(app: TestApp, tenant: TestTenant, model: ScoringModelDefinition, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await app.gql(SAVE_DRAFT, { input: { ...draftInputOf(model), ...extra } }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  return res.data.saveScoringModelDraft.id;
}

/** Publishes a version as the tenant's admin; returns the rescoring job. */
export async function publish(app: TestApp, tenant: TestTenant, id: string): Promise<{ id: string; total: number; modelVersion: number; state: string }> {
  const res = await app.gql(PUBLISH, { id }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  return res.data.publishScoringModel;
}

/** Waits until the job has ended; returns it as the API shows it. */
export async function finishedJob(app: TestApp, tenant: TestTenant, id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.gql(JOB, { id }, { cookie: tenant.adminCookie });
    const job = res.data?.rescoringJob;
    if (job && (job.state === 'DONE' || job.state === 'FAILED')) return job;
    if (Date.now() > deadline) throw new Error(`rescoring job ${id} did not end: ${JSON.stringify(res)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tenant's leads as stored: fields, score, tier, version. */
export async function storedLeads(app: TestApp, tenant: TestTenant) {
  return app.em(tenant.id).find(Lead, {}, { orderBy: { id: 'asc' } });
}
