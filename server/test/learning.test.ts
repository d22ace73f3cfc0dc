import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_COLUMNS } from '../src/modules/learning/features.js';
import { coefficientsToPoints } from '../src/modules/learning/points.js';
import { criterionSentence } from '../src/modules/learning/sentences.js';
import { closedLeadsNeeded } from '../src/modules/learning/suggestion.js';
import { CRITERION_OPTIONS, DEFAULT_SCORING_MODEL } from '../src/modules/scoring/scoring.model.js';
import { createRandom, type Random } from '../src/stats/random.js';
import { createTestApp, type TestApp, type TestTenant } from './utils.js';

// suggestScoringModel on synthetic tenants whose outcomes follow a known truth, through the API on a
// real database; the translation into points and the sentences as pure functions.

const SUGGEST = `query($input: SuggestScoringModelInput!) { suggestScoringModel(input: $input) {
  enoughData message closedLeads wins losses moreClosedLeadsNeeded currentVersion shownBetter intervalsOverlap
  learnedAuc { estimate lower upper } rulesAuc { estimate lower upper } aucDifference { estimate lower upper }
  feedbackUse feedbackLeads feedbackNote
  calibration { bin leads meanPredicted observed { estimate lower upper } }
  criteria { criterion maxPoints currentMaxPoints shift sentence options { value points currentPoints coefficient leads } }
  thresholds { hot keyAccount warm } } }`;

/** Log-odds of a win per option; options left out have no effect. Industry and company size do not matter at all. */
const TRUTH: Record<string, Record<string, number>> = {
  urgency: { IMMEDIATELY: 1.6, THIS_WEEK: 1.0, THIS_MONTH: 0.4, THIS_QUARTER: -0.2, NO_TIMELINE: -0.8 },
  budget: { OVER_100K: 0.6, FROM_50K_TO_100K: 0.3, FROM_10K_TO_50K: 0, UNDER_10K: -0.3 },
  source: { REFERRAL: 0.8 },
};
const INTERCEPT = -1.2;
const FIELDS = { budget: 'BUDGET', companySize: 'COMPANY_SIZE', industry: 'INDUSTRY', urgency: 'URGENCY', source: 'SOURCE' } as const;
const DAY = 24 * 3600 * 1000;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.stop();
});

interface SyntheticLead {
  fields: Record<keyof typeof FIELDS, string>;
  status: 'WON' | 'LOST' | 'NEW';
  closedDaysAgo: number | null;
}

function syntheticLeads(random: Random, n: number): SyntheticLead[] {
  return Array.from({ length: n }, () => {
    const fields = Object.fromEntries(Object.entries(FIELDS).map(([field, criterion]) => [field, CRITERION_OPTIONS[criterion][random.int(CRITERION_OPTIONS[criterion].length)]])) as SyntheticLead['fields'];
    const eta = Object.entries(TRUTH).reduce((sum, [field, effects]) => sum + (effects[fields[field as keyof typeof FIELDS]] ?? 0), INTERCEPT);
    const won = random.bernoulli(1 / (1 + Math.exp(-eta))) === 1;
    return { fields, status: won ? 'WON' : 'LOST', closedDaysAgo: 30 };
  });
}

/** Writes the leads in one statement; closed leads were created 40 days before they closed. */
async function insertLeads(tenant: TestTenant, leads: SyntheticLead[]): Promise<string[]> {
  const ids = leads.map(() => randomUUID());
  const now = Date.now();
  const rows = leads.map((lead, i) => {
    const closed = lead.closedDaysAgo === null ? null : new Date(now - lead.closedDaysAgo * DAY);
    const created = new Date((closed?.getTime() ?? now) - 40 * DAY);
    const f = lead.fields;
    return [ids[i], tenant.id, `Lead ${i}`, f.budget, f.companySize, f.industry, f.urgency, f.source, tenant.admin.id, created, created, lead.status, closed];
  });
  await app.server.orm.em.fork().execute(
    `insert into lead (id, tenant_id, name, company, budget, company_size, industry, urgency, source, score, tier, score_breakdown, model_version,
       created_by_kind, created_by_id, created_by_name, created_at, updated_at, status, closed_at)
     values ${rows.map(() => `(?, ?, ?, 'Synthetic', ?, ?, ?, ?, ?, 50, 'WARM', '[]', 1, 'USER', ?, 'Fixture', ?, ?, ?, ?)`).join(', ')}`,
    rows.flat(),
  );
  return ids;
}

async function suggest(tenant: TestTenant, since = new Date(Date.now() - 365 * DAY)) {
  const res = await app.gql(SUGGEST, { input: { since: since.toISOString(), outcomeWindowDays: 60 } }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  return res.data.suggestScoringModel;
}

describe('suggestScoringModel on a tenant with a known truth', () => {
  let tenant: TestTenant;
  let result: any;
  beforeAll(async () => {
    tenant = await app.createTenant();
    await insertLeads(tenant, syntheticLeads(createRandom(501), 1200));
    result = await suggest(tenant);
  });

  it('recovers the ordering of the true effects within each criterion and between criteria', () => {
    expect(result).toMatchObject({ enoughData: true, closedLeads: 1200, moreClosedLeadsNeeded: 0, currentVersion: 1 });
    const criterion = (name: string) => result.criteria.find((c: { criterion: string }) => c.criterion === name);
    const points = (name: string) => Object.fromEntries(criterion(name).options.map((o: { value: string; points: number }) => [o.value, o.points]));
    const urgency = points('URGENCY');
    expect([urgency.IMMEDIATELY, urgency.THIS_WEEK, urgency.THIS_MONTH, urgency.THIS_QUARTER, urgency.NO_TIMELINE]).toEqual(
      [urgency.IMMEDIATELY, urgency.THIS_WEEK, urgency.THIS_MONTH, urgency.THIS_QUARTER, urgency.NO_TIMELINE].sort((a, b) => b - a),
    );
    expect(urgency.NO_TIMELINE).toBe(0);
    expect(urgency.IMMEDIATELY).toBeGreaterThan(urgency.THIS_WEEK);
    const budget = points('BUDGET');
    expect(budget.OVER_100K).toBeGreaterThan(budget.FROM_10K_TO_50K);
    expect(budget.UNDER_10K).toBe(0);
    const source = points('SOURCE');
    expect(Math.max(...Object.values(source) as number[])).toBe(source.REFERRAL);
    // criteria by weight: urgency (range 2.4) > budget (0.9) ≈ source (0.8) > industry, size (none)
    const max = (name: string) => criterion(name).maxPoints;
    expect(max('URGENCY')).toBeGreaterThan(max('BUDGET'));
    expect(max('BUDGET')).toBeGreaterThan(max('INDUSTRY'));
    expect(max('SOURCE')).toBeGreaterThan(max('COMPANY_SIZE'));
    expect(result.criteria.reduce((sum: number, c: { maxPoints: number }) => sum + c.maxPoints, 0)).toBe(100);
  });

  it('says how each criterion compares with the current model, in a sentence', () => {
    const urgency = result.criteria.find((c: { criterion: string }) => c.criterion === 'URGENCY');
    expect(urgency).toMatchObject({ currentMaxPoints: 20, shift: 'MORE' });
    expect(urgency.sentence).toBe(`Urgency matters more than the current model says: ${urgency.maxPoints} points instead of 20.`);
    const size = result.criteria.find((c: { criterion: string }) => c.criterion === 'COMPANY_SIZE');
    expect(size).toMatchObject({ currentMaxPoints: 30, shift: 'LESS' });
    const source = result.criteria.find((c: { criterion: string }) => c.criterion === 'SOURCE');
    expect(source).toMatchObject({ currentMaxPoints: null, shift: 'NEW' });
    expect(source.sentence).toBe(`Source is not scored by the current model; the outcomes give it ${source.maxPoints} points.`);
  });

  it('beats the mis-weighted current rules on cross-validated AUC, with intervals that say so', () => {
    expect(result.learnedAuc.estimate).toBeGreaterThan(result.rulesAuc.estimate);
    expect(result.aucDifference.lower).toBeGreaterThan(0);
    expect(result.learnedAuc.lower).toBeLessThan(result.learnedAuc.estimate);
    expect(result.learnedAuc.upper).toBeGreaterThan(result.learnedAuc.estimate);
    expect(result.shownBetter).toBe(!result.intervalsOverlap);
    expect(result.message).toMatch(result.shownBetter ? /^The learned model ranks leads better/ : /^The learned model is not shown to be better/);
  });

  it('reports a calibration table by decile whose predictions follow the observed rates', () => {
    expect(result.calibration).toHaveLength(10);
    expect(result.calibration.reduce((sum: number, bin: { leads: number }) => sum + bin.leads, 0)).toBe(1200);
    const first = result.calibration[0];
    const last = result.calibration[9];
    expect(last.meanPredicted).toBeGreaterThan(first.meanPredicted);
    expect(last.observed.estimate).toBeGreaterThan(first.observed.estimate);
    for (const bin of result.calibration) expect(bin.observed.lower).toBeLessThanOrEqual(bin.observed.estimate);
  });

  it('counts only leads closed since the given date, and only the caller\'s tenant', async () => {
    const other = await app.createTenant();
    const empty = await suggest(other);
    expect(empty).toMatchObject({ enoughData: false, closedLeads: 0, moreClosedLeadsNeeded: 50 });
    const recent = await suggest(tenant, new Date(Date.now() - 10 * DAY));
    expect(recent.closedLeads).toBe(0);
  });
});

describe('suggestScoringModel with little data', () => {
  it('says how many more closed leads it needs and suggests no model', async () => {
    const tenant = await app.createTenant();
    const leads = syntheticLeads(createRandom(502), 30).map((lead, i) => ({ ...lead, status: (i < 20 ? 'WON' : 'LOST') as 'WON' | 'LOST' }));
    await insertLeads(tenant, leads);
    const result = await suggest(tenant);
    expect(result).toMatchObject({ enoughData: false, closedLeads: 30, wins: 20, losses: 10, moreClosedLeadsNeeded: 20, learnedAuc: null, rulesAuc: null, calibration: [], criteria: [] });
    expect(result.message).toMatch(/^Not enough data: 20 more closed leads needed/);
  });

  it('needs ten of each outcome even with enough leads', async () => {
    const tenant = await app.createTenant();
    const leads = syntheticLeads(createRandom(503), 60).map((lead, i) => ({ ...lead, status: (i < 4 ? 'WON' : 'LOST') as 'WON' | 'LOST' }));
    await insertLeads(tenant, leads);
    const result = await suggest(tenant);
    expect(result).toMatchObject({ enoughData: false, wins: 4, losses: 56, moreClosedLeadsNeeded: 6, criteria: [] });
  });

  it('learns one model at a time per server: a second asked meanwhile gets RATE_LIMITED (429) and is answered when asked again', async () => {
    const tenant = await app.createTenant();
    await insertLeads(tenant, syntheticLeads(createRandom(505), 200));
    const input = { since: new Date(Date.now() - 365 * DAY).toISOString(), outcomeWindowDays: 60 };
    const burst = await Promise.all(Array.from({ length: 4 }, () => app.gql(SUGGEST, { input }, { cookie: tenant.adminCookie })));
    const codes = burst.map((res) => (res.errors ? String(res.errors[0].extensions?.code) : 'OK'));
    // the first holds the fit from its first statement on, so the others arrive while it runs
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3);
    const refused = burst.find((res) => res.errors)!;
    expect(refused.status).toBe(429);
    expect(refused.errors![0].message).toMatch(/^Another scoring model is being learned on this server right now/);
    expect((await suggest(tenant)).closedLeads).toBe(200);
  });

  it('refuses an outcome window out of range', async () => {
    const tenant = await app.createTenant();
    const res = await app.gql(SUGGEST, { input: { since: new Date(0).toISOString(), outcomeWindowDays: 2 } }, { cookie: tenant.adminCookie });
    expect(res.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'outcomeWindowDays', code: 'OUT_OF_RANGE' })]);
  });
});

describe('rep feedback as a weak signal', () => {
  it('is tried two ways and used only in the way that raises the cross-validated AUC, saying so with the numbers', async () => {
    const tenant = await app.createTenant();
    const random = createRandom(504);
    const closedIds = await insertLeads(tenant, syntheticLeads(random, 300));
    // open leads rated the way the truth says: urgent ones too low, others too high
    const open = syntheticLeads(random, 60).map((lead) => ({ ...lead, status: 'NEW' as const, closedDaysAgo: null }));
    const openIds = await insertLeads(tenant, open);
    const verdicts = [
      ...open.map((lead, i) => [openIds[i], ['IMMEDIATELY', 'THIS_WEEK'].includes(lead.fields.urgency) ? 'TOO_LOW' : 'TOO_HIGH']),
      // and 25 closed leads called mis-scored
      ...closedIds.slice(0, 25).map((id) => [id, 'TOO_HIGH']),
    ];
    await app.server.orm.em.fork().execute(
      `insert into score_feedback (id, tenant_id, lead_id, user_id, verdict) values ${verdicts.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      verdicts.flatMap(([id, verdict]) => [randomUUID(), tenant.id, id, tenant.admin.id, verdict]),
    );
    const result = await suggest(tenant);
    expect(result.feedbackLeads).toBe(85);
    expect(result.feedbackNote).toMatch(
      /\(outcomes alone 0\.\d{3}; with 60 open leads rated too low or too high as weak outcomes \(weight 0.25\) 0\.\d{3}; with 25 closed leads called mis-scored counting 2× 0\.\d{3}\)\.$/,
    );
    const aucs = [...result.feedbackNote.matchAll(/ (0\.\d{3})/g)].map((m: RegExpMatchArray) => Number(m[1]));
    const best = aucs.indexOf(Math.max(...aucs));
    // the first of equal AUCs wins, so outcomes alone win ties
    expect(result.feedbackUse).toBe(['NONE', 'OPEN_LEADS', 'DISPUTED_WEIGHTS'][best]);
    expect(result.feedbackNote).toMatch(result.feedbackUse === 'NONE' ? /^Rep feedback is left out/ : /^Rep feedback is used/);
  });
});

describe('coefficients as points (pure)', () => {
  it('shifts each criterion\'s worst option to 0 and scales the maxima to exactly 100, keeping the order', () => {
    const random = createRandom(601);
    for (let run = 0; run < 50; run++) {
      const coefficients = FEATURE_COLUMNS.map(() => random.normal());
      const model = coefficientsToPoints(coefficients, DEFAULT_SCORING_MODEL.tiers)!;
      let sum = 0;
      for (const [criterion, points] of Object.entries(model.criteria)) {
        const values = Object.values(points as Record<string, number>);
        expect(Math.min(...values)).toBe(0);
        for (const value of values) expect(Number.isInteger(value)).toBe(true);
        sum += Math.max(...values);
        // a higher coefficient never gets fewer points
        const options = Object.keys(points as object);
        for (const a of options) {
          for (const b of options) {
            const ca = coefficients[FEATURE_COLUMNS.findIndex((c) => c.criterion === criterion && c.option === a)];
            const cb = coefficients[FEATURE_COLUMNS.findIndex((c) => c.criterion === criterion && c.option === b)];
            if (ca > cb) expect((points as Record<string, number>)[a]).toBeGreaterThanOrEqual((points as Record<string, number>)[b]);
          }
        }
      }
      expect(sum).toBe(100);
    }
  });

  it('gives no model when no option differs from another', () => {
    expect(coefficientsToPoints(FEATURE_COLUMNS.map(() => 0.3), DEFAULT_SCORING_MODEL.tiers)).toBeNull();
  });

  it('words the comparison with the current model', () => {
    expect(criterionSentence('URGENCY' as never, 31, 20)).toBe('Urgency matters more than the current model says: 31 points instead of 20.');
    expect(criterionSentence('BUDGET' as never, 12, 30)).toBe('Budget matters less than the current model says: 12 points instead of 30.');
    expect(criterionSentence('INDUSTRY' as never, 21, 20)).toBe('Industry matters about as much as the current model says: 21 points instead of 20.');
  });

  it('counts the closed leads still needed for 50 with 10 of each outcome', () => {
    expect(closedLeadsNeeded(0, 0)).toBe(50);
    expect(closedLeadsNeeded(45, 3)).toBe(7);
    expect(closedLeadsNeeded(60, 52)).toBe(2);
    expect(closedLeadsNeeded(50, 10)).toBe(0);
  });
});
