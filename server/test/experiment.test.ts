import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../src/modules/auth/auth.enums.js';
import { armOf, assignmentValue, assignmentValueSql } from '../src/modules/experiments/assignment.js';
import { planExperiment } from '../src/modules/experiments/verdict.js';
import { DEFAULT_SCORING_MODEL, scoreLead, type ScoreInput, type ScoringModelDefinition } from '../src/modules/scoring/scoring.model.js';
import { draftInputOf } from '../src/modules/scoring/scoring.validation.js';
import { finishedJob } from './scoring-fixtures.js';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

// Experiments through the API on a real database: who may run them, how leads are assigned and
// scored, what stopping and publishing do, and the result numbers against hand-computed values.

const SAVE_DRAFT = `mutation($input: ScoringModelDraftInput!) { saveScoringModelDraft(input: $input) { id version } }`;
const START = `mutation($input: StartExperimentInput!) {
  startExperiment(input: $input) { id status controlVersion challengerVersion challengerModelId split outcomeWindowDays minimumDetectableEffect baselineRate
    plannedControlOutcomes plannedChallengerOutcomes plannedOutcomes leads startedBy challengerChanged } }`;
const STOP = `mutation($id: ID!) { stopExperiment(id: $id) { id status finishedBy endReason leads } }`;
const LIST = `{ experiments { id status endReason leads } }`;
const RESULT = `query($id: ID!) { experimentResult(id: $id) {
  experiment { id status }
  control { arm modelVersion leads outcomes wins pending plannedOutcomes conversion { estimate lower upper } topDecile { threshold outcomes wins conversion { estimate lower upper } } }
  challenger { arm modelVersion leads outcomes wins pending plannedOutcomes conversion { estimate lower upper } topDecile { threshold outcomes wins conversion { estimate lower upper } } }
  difference { estimate lower upper } test pValue outcomesForObservedDifference horizonReached moreOutcomesNeeded verdict
  decision { controlOutcomes controlWins challengerOutcomes challengerWins difference { estimate lower upper } test pValue decidedAt } } }`;
const UPDATE_LEAD = `mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { id score modelVersion } }`;

/** Urgency counts twice as much as in the default model; the maxima add up to 100. */
const URGENCY_HEAVY: ScoringModelDefinition = {
  criteria: {
    BUDGET: { UNDER_10K: 0, FROM_10K_TO_50K: 10, FROM_50K_TO_100K: 15, OVER_100K: 20 },
    COMPANY_SIZE: { SIZE_1_10: 0, SIZE_11_50: 5, SIZE_51_200: 10, SIZE_201_1000: 15, SIZE_OVER_1000: 20 },
    INDUSTRY: { SOFTWARE: 20, FINANCE: 15, MANUFACTURING: 10, HEALTHCARE: 10, RETAIL: 5, EDUCATION: 0, OTHER: 0 },
    URGENCY: { IMMEDIATELY: 40, THIS_WEEK: 30, THIS_MONTH: 20, THIS_QUARTER: 10, NO_TIMELINE: 0 },
  },
  tiers: { HOT: 85, KEY_ACCOUNT: 70, WARM: 40 },
};

const BUDGETS = ['UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'OVER_100K'];
const URGENCIES = ['IMMEDIATELY', 'THIS_WEEK', 'THIS_MONTH', 'THIS_QUARTER', 'NO_TIMELINE'];
const DAY = 24 * 3600 * 1000;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.stop();
});

async function saveChallenger(tenant: TestTenant, definition = URGENCY_HEAVY): Promise<{ id: string; version: number }> {
  const res = await app.gql(SAVE_DRAFT, { input: draftInputOf(definition, 'challenger') }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  return res.data.saveScoringModelDraft;
}

async function start(tenant: TestTenant, input: Record<string, unknown>) {
  const res = await app.gql(START, { input }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  return res.data.startExperiment;
}

async function createLead(tenant: TestTenant, i: number) {
  const res = await app.gql(CREATE_LEAD, { input: leadInput({ name: `Lead ${i}`, budget: BUDGETS[i % 4], urgency: URGENCIES[(i * 3) % 5] }) }, { cookie: tenant.adminCookie });
  expect(res.errors).toBeUndefined();
  return res.data.createLead as { id: string; score: number; modelVersion: number } & ScoreInput;
}

async function sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
  return app.server.orm.em.fork().execute(query, params) as Promise<T[]>;
}

describe('who may run experiments', () => {
  it('answers FORBIDDEN to reps, managers and API keys, for every operation', async () => {
    const tenant = await app.createTenant();
    const challenger = await saveChallenger(tenant);
    const member = await app.gql(
      `mutation($input: CreateTeamMemberInput!) { createTeamMember(input: $input) { initialPassword member { email } } }`,
      { input: { name: 'Mia Manager', email: `manager-${randomUUID().slice(0, 8)}@test.example`, role: 'MANAGER' } },
      { cookie: tenant.adminCookie },
    );
    const managerCookie = await app.login(member.data.createTeamMember.member.email, member.data.createTeamMember.initialPassword);
    const apiKey = await app.createApiKey(tenant, ApiKeyScope.WRITE);
    const experiment = await start(tenant, { challengerId: challenger.id });
    const operations: Array<[string, Record<string, unknown>]> = [
      [LIST, {}],
      [RESULT, { id: experiment.id }],
      [START, { input: { challengerId: challenger.id } }],
      [STOP, { id: experiment.id }],
      [`query($input: SuggestScoringModelInput!) { suggestScoringModel(input: $input) { enoughData } }`, { input: { since: new Date(0).toISOString() } }],
    ];
    for (const caller of [{ cookie: tenant.repCookie }, { cookie: managerCookie }, { apiKey }]) {
      for (const [query, variables] of operations) {
        const res = await app.gql(query, variables, caller);
        expect(res.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      }
    }
    // nothing was stopped by the refused calls
    expect((await app.gql(LIST, {}, { cookie: tenant.adminCookie })).data.experiments[0].status).toBe('RUNNING');
  });
});

describe('starting', () => {
  it('plans the outcomes per arm from the minimum detectable effect, and allows one running experiment per tenant', async () => {
    const tenant = await app.createTenant();
    const challenger = await saveChallenger(tenant);
    const experiment = await start(tenant, { challengerId: challenger.id, split: 0.3, minimumDetectableEffect: 0.1 });
    // no history: the plan assumes a 20 % win rate
    const plan = planExperiment({ baselineRate: 0.2, minimumDetectableEffect: 0.1, split: 0.3 });
    expect(experiment).toMatchObject({ status: 'RUNNING', controlVersion: 1, challengerVersion: challenger.version, split: 0.3, outcomeWindowDays: 60, baselineRate: 0.2, leads: 0, ...plan });
    expect(experiment.plannedOutcomes).toBe(plan.plannedControlOutcomes + plan.plannedChallengerOutcomes);
    // the arms fill in the split's ratio, and an uneven split needs more outcomes than the even one (294 per arm)
    expect(plan.plannedChallengerOutcomes / plan.plannedControlOutcomes).toBeCloseTo(3 / 7, 2);
    expect(experiment.plannedOutcomes).toBeGreaterThan(2 * 294);

    const again = await app.gql(START, { input: { challengerId: challenger.id } }, { cookie: tenant.adminCookie });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.extensions?.fields[0]).toMatchObject({ field: 'challengerId', code: 'OUT_OF_RANGE' });
  });

  it('refuses the active version as challenger and input out of range, storing nothing', async () => {
    const tenant = await app.createTenant();
    const [active] = await sql<{ id: string }>(`select id from scoring_model where tenant_id = ? and status = 'ACTIVE'`, [tenant.id]);
    const own = await app.gql(START, { input: { challengerId: active.id } }, { cookie: tenant.adminCookie });
    expect(own.errors?.[0]?.extensions?.fields[0]).toMatchObject({ field: 'challengerId', code: 'OUT_OF_RANGE' });
    const challenger = await saveChallenger(tenant);
    const wrong = await app.gql(START, { input: { challengerId: challenger.id, split: 0.95, outcomeWindowDays: 3, minimumDetectableEffect: 0 } }, { cookie: tenant.adminCookie });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.fields.map((f: { field: string }) => f.field)).toEqual(['split', 'outcomeWindowDays', 'minimumDetectableEffect']);
    expect((await app.gql(LIST, {}, { cookie: tenant.adminCookie })).data.experiments).toEqual([]);
  });
});

describe('assignment and scoring', () => {
  it('assigns by the hash of experiment and lead id, computed the same in SQL', async () => {
    const experimentId = randomUUID();
    const leadIds = Array.from({ length: 50 }, () => randomUUID());
    const rows = await sql<{ v: string }>(`select ${assignmentValueSql('?::uuid', 'l')} as v from unnest(?::uuid[]) with ordinality as t(l, i) order by i`, [
      experimentId,
      `{${leadIds.join(',')}}`,
    ]);
    expect(rows.map((r) => Number(r.v))).toEqual(leadIds.map((id) => assignmentValue(experimentId, id)));
  });

  it('lands within a point of the split over 20,000 leads, and differently in another experiment', () => {
    const first = randomUUID();
    const second = randomUUID();
    const ids = Array.from({ length: 20_000 }, () => randomUUID());
    const share = ids.filter((id) => armOf(first, id, 0.3) === 'CHALLENGER').length / ids.length;
    // binomial standard error at n = 20,000: 0.0032
    expect(Math.abs(share - 0.3)).toBeLessThan(0.01);
    const agree = ids.filter((id) => armOf(first, id, 0.5) === armOf(second, id, 0.5)).length / ids.length;
    expect(Math.abs(agree - 0.5)).toBeLessThan(0.02);
  });

  it('scores each new lead by its arm, records the visible score in the ledger and the other in the shadow ledger', async () => {
    const tenant = await app.createTenant();
    const before = await createLead(tenant, 99);
    const challenger = await saveChallenger(tenant);
    const experiment = await start(tenant, { challengerId: challenger.id, split: 0.5 });
    const leads = [];
    for (let i = 0; i < 30; i++) leads.push(await createLead(tenant, i));

    const stored = await sql<{ lead_id: string; arm: string; control_score: number; challenger_score: number }>(
      'select lead_id, arm, control_score, challenger_score from lead_experiment where tenant_id = ? and experiment_id = ?',
      [tenant.id, experiment.id],
    );
    expect(stored).toHaveLength(30);
    const arms = new Map(stored.map((row) => [row.lead_id, row]));
    expect(arms.has(before.id)).toBe(false);
    let challengers = 0;
    for (const lead of leads) {
      const row = arms.get(lead.id)!;
      expect(row.arm).toBe(armOf(experiment.id, lead.id, 0.5));
      const control = scoreLead(DEFAULT_SCORING_MODEL, lead).score;
      const challengerScore = scoreLead(URGENCY_HEAVY, lead).score;
      expect([row.control_score, row.challenger_score]).toEqual([control, challengerScore]);
      const onChallenger = row.arm === 'CHALLENGER';
      if (onChallenger) challengers++;
      expect(lead.score).toBe(onChallenger ? challengerScore : control);
      expect(lead.modelVersion).toBe(onChallenger ? challenger.version : 1);
      const visible = await sql('select new_score, model_version, reason from score_change where tenant_id = ? and lead_id = ?', [tenant.id, lead.id]);
      expect(visible).toEqual([{ new_score: lead.score, model_version: lead.modelVersion, reason: 'CREATED' }]);
      const shadow = await sql('select old_score, new_score, model_version, reason from experiment_score_change where tenant_id = ? and lead_id = ?', [tenant.id, lead.id]);
      expect(shadow).toEqual([{ old_score: null, new_score: onChallenger ? control : challengerScore, model_version: onChallenger ? 1 : challenger.version, reason: 'CREATED' }]);
    }
    // both arms are used (the chance of 30 leads in one arm is 2 in a billion)
    expect(challengers).toBeGreaterThan(0);
    expect(challengers).toBeLessThan(30);

    // an update rescores by the arm and logs both; a lead from before the start stays with the active model
    const onChallenger = leads.find((lead) => arms.get(lead.id)!.arm === 'CHALLENGER')!;
    const updated = await app.gql(UPDATE_LEAD, { id: onChallenger.id, input: { urgency: 'IMMEDIATELY' } }, { cookie: tenant.adminCookie });
    const fields = { ...onChallenger, urgency: 'IMMEDIATELY' } as never;
    expect(updated.data.updateLead).toMatchObject({ score: scoreLead(URGENCY_HEAVY, fields).score, modelVersion: challenger.version });
    const shadow = await sql('select new_score, model_version, reason from experiment_score_change where tenant_id = ? and lead_id = ? order by id', [tenant.id, onChallenger.id]);
    if (scoreLead(DEFAULT_SCORING_MODEL, fields).score !== scoreLead(DEFAULT_SCORING_MODEL, onChallenger).score) {
      expect(shadow.at(-1)).toEqual({ new_score: scoreLead(DEFAULT_SCORING_MODEL, fields).score, model_version: 1, reason: 'UPDATED' });
    }
    const old = await app.gql(UPDATE_LEAD, { id: before.id, input: { urgency: 'IMMEDIATELY' } }, { cookie: tenant.adminCookie });
    expect(old.data.updateLead.modelVersion).toBe(1);
    expect(await sql('select 1 from lead_experiment where lead_id = ?', [before.id])).toEqual([]);
  });

  it('never assigns another tenant\'s leads, and shows its experiments to no other tenant', async () => {
    const owner = await app.createTenant();
    const other = await app.createTenant();
    const challenger = await saveChallenger(owner);
    const experiment = await start(owner, { challengerId: challenger.id });
    const foreign = await createLead(other, 1);
    expect(foreign.modelVersion).toBe(1);
    expect(await sql('select 1 from lead_experiment where lead_id = ?', [foreign.id])).toEqual([]);
    expect((await app.gql(LIST, {}, { cookie: other.adminCookie })).data.experiments).toEqual([]);
    for (const query of [RESULT, STOP]) {
      const res = await app.gql(query, { id: experiment.id }, { cookie: other.adminCookie });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await app.gql(LIST, {}, { cookie: owner.adminCookie })).data.experiments[0].status).toBe('RUNNING');
  });
});

describe('ending', () => {
  it('gives every lead the active model\'s score when stopped, in a rescoring job, with ledger entries and events, and assigns no new lead', async () => {
    const tenant = await app.createTenant();
    const challenger = await saveChallenger(tenant);
    const experiment = await start(tenant, { challengerId: challenger.id, split: 0.5 });
    const leads = [];
    for (let i = 0; i < 16; i++) leads.push(await createLead(tenant, i));
    const onChallenger = leads.filter((lead) => lead.modelVersion === challenger.version).length;
    expect(onChallenger).toBeGreaterThan(0);
    const stopped = await app.gql(STOP, { id: experiment.id }, { cookie: tenant.adminCookie });
    expect(stopped.data.stopExperiment).toMatchObject({ status: 'FINISHED', leads: 16 });
    expect(stopped.data.stopExperiment.endReason).toMatch(/^Stopped by /);
    // the challenger's leads go back to the active model in the background, as after a publish
    const [job] = await sql(`select id, model_version, total from rescoring_job where tenant_id = ?`, [tenant.id]);
    expect(job).toMatchObject({ model_version: 1, total: onChallenger });
    expect(await finishedJob(app, tenant, job.id)).toMatchObject({ state: 'DONE', done: onChallenger, total: onChallenger });

    for (const lead of leads) {
      const [row] = await sql('select score, model_version from lead where id = ?', [lead.id]);
      expect(row).toEqual({ score: scoreLead(DEFAULT_SCORING_MODEL, lead).score, model_version: 1 });
      const changed = lead.score !== row.score;
      const rescored = await sql(`select old_score, new_score, model_version from score_change where lead_id = ? and reason = 'RESCORED'`, [lead.id]);
      expect(rescored).toEqual(changed ? [{ old_score: lead.score, new_score: row.score, model_version: 1 }] : []);
      const events = await sql(`select payload->>'reason' as reason from event where aggregate_id = ? and type = 'lead.scored' and payload->>'reason' = 'RESCORED'`, [lead.id]);
      expect(events).toHaveLength(changed ? 1 : 0);
    }
    const after = await createLead(tenant, 100);
    expect(after.modelVersion).toBe(1);
    expect(await sql('select 1 from lead_experiment where lead_id = ?', [after.id])).toEqual([]);
    // stopping again changes nothing, and queues nothing
    expect((await app.gql(STOP, { id: experiment.id }, { cookie: tenant.adminCookie })).data.stopExperiment.status).toBe('FINISHED');
    expect(await sql(`select count(*)::int as n from rescoring_job where tenant_id = ?`, [tenant.id])).toEqual([{ n: 1 }]);
  });

  it('puts a lead back on the active model when the experiment ended while a process still saw it running', async () => {
    const tenant = await app.createTenant();
    const challenger = await saveChallenger(tenant);
    const experiment = await start(tenant, { challengerId: challenger.id, split: 0.9 });
    await createLead(tenant, 0);
    // ended behind this process's back: no event, so its cache still says "running"
    await sql(`update experiment set status = 'FINISHED', finished_at = now() where id = ?`, [experiment.id]);
    let putBack = 0;
    for (let i = 1; i <= 4; i++) {
      const lead = await createLead(tenant, i);
      const control = scoreLead(DEFAULT_SCORING_MODEL, lead).score;
      expect(lead).toMatchObject({ score: control, modelVersion: 1 });
      expect(await sql('select 1 from lead_experiment where lead_id = ?', [lead.id])).toEqual([]);
      const ledger = await sql('select old_score, new_score, model_version, reason from score_change where lead_id = ? order by id', [lead.id]);
      expect(ledger.at(-1)).toMatchObject({ new_score: control, model_version: 1 });
      if (armOf(experiment.id, lead.id, 0.9) === 'CHALLENGER' && scoreLead(URGENCY_HEAVY, lead).score !== control) {
        expect(ledger.map((row) => row.reason)).toEqual(['CREATED', 'RESCORED']);
        expect(ledger[0]).toMatchObject({ model_version: challenger.version, new_score: scoreLead(URGENCY_HEAVY, lead).score });
        putBack++;
      }
    }
    // nine in ten land on the challenger: the chance that none of four did is 1 in 10,000
    expect(putBack).toBeGreaterThan(0);
  });

  it('ends when another version is published', async () => {
    const tenant = await app.createTenant();
    const challenger = await saveChallenger(tenant);
    const experiment = await start(tenant, { challengerId: challenger.id });
    const published = await app.gql(`mutation($id: ID!) { publishScoringModel(id: $id) { id } }`, { id: challenger.id }, { cookie: tenant.adminCookie });
    expect(published.errors).toBeUndefined();
    let status = 'RUNNING';
    for (let i = 0; i < 100 && status === 'RUNNING'; i++) {
      const list = await app.gql(LIST, {}, { cookie: tenant.adminCookie });
      ({ status } = list.data.experiments.find((e: { id: string }) => e.id === experiment.id));
      if (status === 'RUNNING') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [ended] = (await app.gql(LIST, {}, { cookie: tenant.adminCookie })).data.experiments;
    expect(ended).toMatchObject({ status: 'FINISHED', endReason: `Version ${challenger.version} was published.` });
  });
});

/** A finished experiment whose leads, arms, scores and outcomes the test writes itself. */
async function fixedExperiment(tenant: TestTenant, minimumOutcomes: number) {
  const challenger = await saveChallenger(tenant);
  // an effect of 0.5 plans few outcomes; minimumOutcomes raises the plan to exactly what the test needs
  const experiment = await start(tenant, { challengerId: challenger.id, minimumDetectableEffect: 0.5, minimumOutcomes, outcomeWindowDays: 60 });
  await app.gql(STOP, { id: experiment.id }, { cookie: tenant.adminCookie });
  return experiment;
}

type FixtureLead = { arm: 'CONTROL' | 'CHALLENGER'; score: number; status: string; ageDays: number; closedAfterDays?: number };

async function insertExperimentLeads(tenant: TestTenant, experimentId: string, leads: FixtureLead[]) {
  const now = Date.now();
  for (const [i, lead] of leads.entries()) {
    const id = randomUUID();
    const created = new Date(now - lead.ageDays * DAY);
    const closed = lead.closedAfterDays === undefined ? null : new Date(created.getTime() + lead.closedAfterDays * DAY);
    await sql(
      `insert into lead (id, tenant_id, name, company, budget, company_size, industry, urgency, source, score, tier, score_breakdown, model_version,
         created_by_kind, created_by_id, created_by_name, created_at, updated_at, status, closed_at)
       values (?, ?, ?, 'Fixture', 'OVER_100K', 'SIZE_51_200', 'SOFTWARE', 'THIS_WEEK', 'REFERRAL', 50, 'WARM', '[]', 1, 'USER', ?, 'Fixture', ?, ?, ?, ?)`,
      [id, tenant.id, `Lead ${i}`, tenant.admin.id, created, created, lead.status, closed],
    );
    await sql(
      `insert into lead_experiment (lead_id, tenant_id, experiment_id, arm, control_score, control_tier, challenger_score, challenger_tier) values (?, ?, ?, ?, ?, 'WARM', ?, 'WARM')`,
      [id, tenant.id, experimentId, lead.arm, lead.score, lead.score],
    );
  }
}

const won = (arm: FixtureLead['arm'], score: number): FixtureLead => ({ arm, score, status: 'WON', ageDays: 90, closedAfterDays: 10 });
const lost = (arm: FixtureLead['arm'], score: number): FixtureLead => ({ arm, score, status: 'LOST', ageDays: 90, closedAfterDays: 20 });
const pending = (arm: FixtureLead['arm']): FixtureLead => ({ arm, score: 99, status: 'NEW', ageDays: 5 });
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('results', () => {
  it('match hand-computed values: 9 of 20 against 4 of 20, at the horizon, no difference detected', async () => {
    const tenant = await app.createTenant();
    const experiment = await fixedExperiment(tenant, 40);
    await insertExperimentLeads(tenant, experiment.id, [
      // control: 4 won in the window; 14 lost; a win after 70 days and a lead open for 70 days count as not won
      won('CONTROL', 90), won('CONTROL', 50), won('CONTROL', 40), won('CONTROL', 30),
      lost('CONTROL', 80), ...times(13, (i) => lost('CONTROL', 20 + i)),
      { arm: 'CONTROL', score: 10, status: 'WON', ageDays: 100, closedAfterDays: 70 },
      { arm: 'CONTROL', score: 10, status: 'CONTACTED', ageDays: 70 },
      pending('CONTROL'), pending('CONTROL'), pending('CONTROL'),
      // challenger: 9 won (the two best scores among them), 11 lost, one young lost lead counted among them
      ...times(9, (i) => won('CHALLENGER', 95 - 10 * i)),
      ...times(10, (i) => lost('CHALLENGER', 30 + i)),
      { arm: 'CHALLENGER', score: 5, status: 'LOST', ageDays: 10, closedAfterDays: 3 },
      pending('CHALLENGER'), pending('CHALLENGER'),
    ]);
    const res = await app.gql(RESULT, { id: experiment.id }, { cookie: tenant.adminCookie });
    expect(res.errors).toBeUndefined();
    const result = res.data.experimentResult;
    expect(result.control).toMatchObject({ arm: 'CONTROL', modelVersion: 1, leads: 23, outcomes: 20, wins: 4, pending: 3, plannedOutcomes: 20 });
    expect(result.challenger).toMatchObject({ arm: 'CHALLENGER', leads: 22, outcomes: 20, wins: 9, pending: 2, plannedOutcomes: 20 });
    // Wilson 95 %: 4/20 → 0.0807–0.4160, 9/20 → 0.2582–0.6579 (prop.test(x, n, correct = FALSE))
    expectInterval(result.control.conversion, 0.2, 0.080658, 0.416017);
    expectInterval(result.challenger.conversion, 0.45, 0.258198, 0.657915);
    // Newcombe: 0.25 (−0.0389 to 0.4897); every expected count ≥ 5, so the z test: z = 1.6879, p = 0.09143
    expectInterval(result.difference, 0.25, -0.03888, 0.489731);
    expect(result.test).toBe('Z');
    expect(result.pValue).toBeCloseTo(0.091431, 5);
    // top 10 % = the 2 best scores of each arm's 20 outcomes: 90 won, 80 lost; 95 and 85 both won
    expect(result.control.topDecile).toMatchObject({ threshold: 80, outcomes: 2, wins: 1 });
    expect(result.challenger.topDecile).toMatchObject({ threshold: 85, outcomes: 2, wins: 2 });
    // 20 % vs 45 % needs ⌈53.9⌉ = 54 outcomes per arm at 80 % power: 34 more in each
    expect(result.outcomesForObservedDifference).toBe(68);
    expect(result).toMatchObject({ horizonReached: true, moreOutcomesNeeded: 0, verdict: 'NO_DIFFERENCE_YET' });
    expect(result.decision).toMatchObject({ controlOutcomes: 20, controlWins: 4, challengerOutcomes: 20, challengerWins: 9, test: 'Z' });
  });

  it('give no verdict before the planned outcomes, however large the difference, and one after', async () => {
    const tenant = await app.createTenant();
    const early = await fixedExperiment(tenant, 60);
    const leads = (id: string) =>
      insertExperimentLeads(tenant, id, [...times(12, () => won('CHALLENGER', 80)), ...times(8, () => lost('CHALLENGER', 40)), ...times(3, () => won('CONTROL', 80)), ...times(17, () => lost('CONTROL', 40))]);
    await leads(early.id);
    const before = (await app.gql(RESULT, { id: early.id }, { cookie: tenant.adminCookie })).data.experimentResult;
    // 12/20 vs 3/20 is p = 0.0033 by the z test, but 30 outcomes per arm were planned
    expect(before.pValue).toBeCloseTo(0.003289, 5);
    expect(before).toMatchObject({ horizonReached: false, moreOutcomesNeeded: 20, verdict: 'NO_DIFFERENCE_YET', decision: null });

    const planned = await fixedExperiment(tenant, 40);
    await leads(planned.id);
    const after = (await app.gql(RESULT, { id: planned.id }, { cookie: tenant.adminCookie })).data.experimentResult;
    expect(after).toMatchObject({ horizonReached: true, moreOutcomesNeeded: 0, verdict: 'CHALLENGER_BETTER' });
    expectInterval(after.decision.difference, 0.45, 0.150294, 0.655823);
    expect(after.decision.pValue).toBeCloseTo(0.003289, 5);
  });

  it('decide on the first planned outcomes only, in the order they became known', async () => {
    const tenant = await app.createTenant();
    const experiment = await fixedExperiment(tenant, 40);
    // the first 20 outcomes of each arm are equal; 10 later challenger wins must not change the verdict
    await insertExperimentLeads(tenant, experiment.id, [
      ...times(5, () => won('CONTROL', 80)), ...times(15, () => lost('CONTROL', 40)),
      ...times(5, () => won('CHALLENGER', 80)), ...times(15, () => lost('CHALLENGER', 40)),
      ...times(10, () => ({ arm: 'CHALLENGER' as const, score: 90, status: 'WON', ageDays: 40, closedAfterDays: 30 })),
    ]);
    const result = (await app.gql(RESULT, { id: experiment.id }, { cookie: tenant.adminCookie })).data.experimentResult;
    expect(result.challenger).toMatchObject({ outcomes: 30, wins: 15 });
    expect(result.decision).toMatchObject({ controlOutcomes: 20, controlWins: 5, challengerOutcomes: 20, challengerWins: 5, pValue: 1 });
    expect(result.verdict).toBe('NO_DIFFERENCE_YET');
  });

  it('answer NOT_FOUND for an id that names no experiment', async () => {
    const tenant = await app.createTenant();
    for (const id of [randomUUID(), 'not-an-id']) {
      expect((await app.gql(RESULT, { id }, { cookie: tenant.adminCookie })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

function expectInterval(actual: { estimate: number; lower: number; upper: number }, estimate: number, lower: number, upper: number) {
  expect(actual.estimate).toBeCloseTo(estimate, 5);
  expect(actual.lower).toBeCloseTo(lower, 5);
  expect(actual.upper).toBeCloseTo(upper, 5);
}
