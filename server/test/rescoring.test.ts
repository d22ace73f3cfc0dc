import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSubscriptionStats as sharing } from '../src/graphql/shared-subscriptions.js';
import { RescoringJob } from '../src/modules/scoring/rescoring-job.entity.js';
import { runRescoring } from '../src/modules/scoring/rescoring.runner.js';
import { ScoringModelStatus } from '../src/modules/scoring/scoring.enums.js';
import { ScoringModel } from '../src/modules/scoring/scoring-model.entity.js';
import { DEFAULT_SCORING_MODEL, scoreLead } from '../src/modules/scoring/scoring.model.js';
import { budgetHeavyModel, finishedJob, insertLeads, MODELS, PUBLISH, publish, saveDraft, storedLeads, until } from './scoring-fixtures.js';
import { createProbe, createTestApp, memoryLogger, subscribe, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;

beforeAll(async () => {
  // small batches with a pause, so a job runs long enough to be watched and interrupted
  app = await createTestApp({ rescoring: { batchSize: 25, pauseMs: () => 30 } });
});
afterAll(() => app?.stop());

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(text, params);

describe('publishScoringModel', () => {
  it('makes the draft ACTIVE, retires the old version, and rescores every lead as scoreLead would', async () => {
    const tenant = await app.createTenant();
    await insertLeads(app, tenant, 180, { seed: 11 });
    const model = budgetHeavyModel();
    const id = await saveDraft(app, tenant, model);
    const job = await publish(app, tenant, id);
    expect(job).toMatchObject({ modelVersion: 2, state: 'QUEUED', total: 180 });

    const versions = (await app.gql(MODELS, {}, { cookie: tenant.repCookie })).data.scoringModels;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'ACTIVE'], [1, 'RETIRED']]);
    expect(versions[0].publishedBy).toMatch(/^Admin /);

    const done = await finishedJob(app, tenant, job.id);
    expect(done).toMatchObject({ state: 'DONE', done: 180, total: 180, error: null, startedAt: expect.any(String), finishedAt: expect.any(String) });
    for (const lead of await storedLeads(app, tenant)) {
      const expected = scoreLead(model, lead);
      expect({ score: lead.score, tier: lead.tier, breakdown: lead.scoreBreakdown, version: lead.modelVersion }).toEqual({
        score: expected.score,
        tier: expected.tier,
        breakdown: expected.breakdown,
        version: 2,
      });
    }
    // new leads are scored with the new model at once, in this process
    const preview = await app.gql(`{ scorePreview(input: { budget: OVER_100K, companySize: SIZE_1_10, industry: OTHER, urgency: IMMEDIATELY }) { score modelVersion } }`, {}, { cookie: tenant.repCookie });
    expect(preview.data.scorePreview).toEqual({ score: 65, modelVersion: 2 });
  });

  it('announces each changed lead once as RESCORED with its previous score, and no unchanged one', async () => {
    const tenant = await app.createTenant();
    const probe = await createProbe(app, tenant.repCookie);
    await insertLeads(app, tenant, 120, { seed: 12 });
    const before = new Map((await storedLeads(app, tenant)).map((lead) => [lead.id, lead.score]));
    const sub = subscribe<{ leadScored: { reason: string; previousScore: number; lead: { id: string; score: number; modelVersion: number } } }>(
      app.wsClient({ cookie: tenant.repCookie }),
      `subscription { leadScored { reason previousScore lead { id score modelVersion } } }`,
      {},
      probe,
    );
    await sub.live(probe.touch, probe);
    const job = await publish(app, tenant, await saveDraft(app, tenant, budgetHeavyModel()));
    await finishedJob(app, tenant, job.id);
    const after = await storedLeads(app, tenant);
    const changed = after.filter((lead) => lead.id !== probe.leadId && lead.score !== before.get(lead.id));
    expect(changed.length).toBeGreaterThan(10);
    // the probe changes too (it is rescored): count it in
    const probeChanged = after.find((lead) => lead.id === probe.leadId)!.score !== 100 ? 1 : 0;
    await sub.waitFor(changed.length + probeChanged, 10_000);
    // a later event on the same stream: nothing else of the rescoring is still on its way
    await app.gql(`mutation($id: ID!) { updateLead(id: $id, input: { name: "After" }) { id } }`, { id: changed[0].id }, { cookie: tenant.repCookie });
    const events = (await sub.waitFor(changed.length + probeChanged + 1, 10_000)).map((r) => r.data!.leadScored);
    const rescored = events.filter((e) => e.reason === 'RESCORED' && e.lead.id !== probe.leadId);
    expect(rescored).toHaveLength(changed.length);
    expect(new Set(rescored.map((e) => e.lead.id)).size).toBe(changed.length);
    for (const event of rescored) {
      expect(event.previousScore).toBe(before.get(event.lead.id));
      expect(event.lead).toMatchObject({ score: after.find((lead) => lead.id === event.lead.id)!.score, modelVersion: 2 });
    }
    expect(events.at(-1)!.reason).toBe('UPDATED');
  });

  it('reports progress on rescoringProgress, from QUEUED or RUNNING up to DONE', async () => {
    const tenant = await app.createTenant();
    await insertLeads(app, tenant, 300, { seed: 13 });
    const draft = await saveDraft(app, tenant, budgetHeavyModel());
    const res = await app.gql(PUBLISH, { id: draft }, { cookie: tenant.adminCookie });
    const job = res.data.publishScoringModel;
    // the job's row is its lock: held here, the job waits until the subscription has started
    const locker = new pg.Client({ connectionString: app.databaseUrl });
    await locker.connect();
    await locker.query('begin');
    await locker.query('select 1 from rescoring_job where id = $1 for update', [job.id]);
    const sourcesBefore = sharing.sources;
    const sub = subscribe<{ rescoringProgress: { id: string; state: string; done: number; total: number } }>(
      app.wsClient({ cookie: tenant.adminCookie }),
      `subscription($id: ID!) { rescoringProgress(jobId: $id) { id state done total } }`,
      { id: job.id },
    );
    try {
      await until(() => sharing.sources === sourcesBefore + 1, 'the subscription to start');
    } finally {
      await locker.query('commit');
      await locker.end();
    }
    await until(() => sub.results.some((r) => r.data?.rescoringProgress.state === 'DONE'), 'the DONE progress event', 20_000);
    const progress = sub.results.map((r) => r.data!.rescoringProgress);
    expect(progress.at(-1)).toEqual({ id: job.id, state: 'DONE', done: 300, total: 300 });
    const running = progress.filter((p) => p.state === 'RUNNING').map((p) => p.done);
    expect(running.length).toBeGreaterThan(0);
    expect(running).toEqual([...running].sort((a, b) => a - b));
  });

  it('refuses rescoringProgress to a rep with FORBIDDEN', async () => {
    const tenant = await app.createTenant();
    const sub = subscribe(app.wsClient({ cookie: tenant.repCookie }), `subscription($id: ID!) { rescoringProgress(jobId: $id) { id } }`, { id: tenant.id });
    const [result] = await sub.waitFor(1, 5_000);
    expect((result.errors as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe('FORBIDDEN');
    await until(() => sub.closed === 'complete', 'the operation to end');
  });

  it('refuses rescoringProgress to a rep even while an admin of the tenant follows the same job', async () => {
    const tenant = await app.createTenant();
    const query = `subscription($id: ID!) { rescoringProgress(jobId: $id) { id } }`;
    const jobId = randomUUID();
    const sourcesBefore = sharing.sources;
    const admin = subscribe(app.wsClient({ cookie: tenant.adminCookie }), query, { id: jobId });
    // the admin's execution is running: a rep with the same document and variables must not join it
    await until(() => sharing.sources === sourcesBefore + 1, 'the admin subscription to start');
    const rep = subscribe(app.wsClient({ cookie: tenant.repCookie }), query, { id: jobId });
    const [result] = await rep.waitFor(1, 5_000);
    expect((result.errors as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe('FORBIDDEN');
    expect(admin.results).toEqual([]);
    admin.unsubscribe();
  });

  it('refuses a second publish while a rescoring is unfinished, saying why, and changes nothing', async () => {
    const tenant = await app.createTenant();
    await insertLeads(app, tenant, 300, { seed: 14 });
    const first = await publish(app, tenant, await saveDraft(app, tenant, budgetHeavyModel()));
    const second = await saveDraft(app, tenant, DEFAULT_SCORING_MODEL);
    const res = await app.gql(PUBLISH, { id: second }, { cookie: tenant.adminCookie });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/still being rescored with version 2/);
    const active = await app.gql(`{ activeRescoringJob { id modelVersion } }`, {}, { cookie: tenant.adminCookie });
    expect(active.data.activeRescoringJob).toEqual({ id: first.id, modelVersion: 2 });
    await finishedJob(app, tenant, first.id);
    expect((await app.gql(`{ activeRescoringJob { id } }`, {}, { cookie: tenant.adminCookie })).data.activeRescoringJob).toBeNull();
    const versions = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels;
    expect(versions.find((v: { id: string }) => v.id === second).status).toBe('DRAFT');
  });

  it('rolls back by publishing a RETIRED version: the leads get their old scores again', async () => {
    const tenant = await app.createTenant();
    await insertLeads(app, tenant, 80, { seed: 15 });
    const original = new Map((await storedLeads(app, tenant)).map((lead) => [lead.id, [lead.score, lead.tier]]));
    const [v1] = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels;
    await finishedJob(app, tenant, (await publish(app, tenant, await saveDraft(app, tenant, budgetHeavyModel()))).id);
    const back = await publish(app, tenant, v1.id);
    expect(back).toMatchObject({ modelVersion: 1, total: 80 });
    await finishedJob(app, tenant, back.id);
    const leads = await storedLeads(app, tenant);
    expect(new Map(leads.map((lead) => [lead.id, [lead.score, lead.tier]]))).toEqual(original);
    expect(leads.every((lead) => lead.modelVersion === 1)).toBe(true);
    const versions = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'RETIRED'], [1, 'ACTIVE']]);
    // publishing the active version again is refused
    const again = await app.gql(PUBLISH, { id: v1.id }, { cookie: tenant.adminCookie });
    expect(again.errors![0].message).toMatch(/already the active model/);
  });
});

describe('leadScored with minScore', () => {
  it('also delivers a lead that drops below minScore, by an update or a rescoring, but none that stays below', async () => {
    const tenant = await app.createTenant();
    const create = async (name: string, fields: Record<string, string>) =>
      (await app.gql(`mutation($input: CreateLeadInput!) { createLead(input: $input) { id score } }`, { input: { name, company: 'Drop AG', source: 'OTHER', ...fields } }, { cookie: tenant.repCookie })).data.createLead;
    // default model → budget-heavy model
    const stays = await create('Stays', { budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK' }); // 85 → 80
    const rescoredOut = await create('Rescored out', { budget: 'UNDER_10K', companySize: 'SIZE_OVER_1000', industry: 'SOFTWARE', urgency: 'IMMEDIATELY' }); // 75 → 65
    const below = await create('Below', { budget: 'UNDER_10K', companySize: 'SIZE_1_10', industry: 'OTHER', urgency: 'NO_TIMELINE' }); // 15 → 5
    const updatedOut = await create('Updated out', { budget: 'OVER_100K', companySize: 'SIZE_51_200', industry: 'SOFTWARE', urgency: 'THIS_WEEK' }); // 85, then 60
    expect([stays.score, rescoredOut.score, below.score, updatedOut.score]).toEqual([85, 75, 15, 85]);

    const probe = await createProbe(app, tenant.repCookie);
    type Event = { leadScored: { reason: string; previousScore: number | null; lead: { name: string; score: number } } };
    const sub = subscribe<Event>(app.wsClient({ cookie: tenant.repCookie }), `subscription { leadScored(minScore: 70) { reason previousScore lead { name score } } }`, {}, probe);
    await sub.live(probe.touch, probe);
    await app.gql(`mutation($id: ID!) { updateLead(id: $id, input: { budget: UNDER_10K }) { score } }`, { id: updatedOut.id }, { cookie: tenant.repCookie });
    await finishedJob(app, tenant, (await publish(app, tenant, await saveDraft(app, tenant, budgetHeavyModel()))).id);
    // a later event on the same stream: whatever the rescoring sent has arrived before it
    await app.gql(`mutation($id: ID!) { updateLead(id: $id, input: { name: "End" }) { score } }`, { id: stays.id }, { cookie: tenant.repCookie });
    await until(() => sub.results.some((r) => r.data?.leadScored.lead.name === 'End'), 'the last event');

    const seen = sub.results.map((r) => r.data!.leadScored);
    const of = (reason: string) => seen.filter((e) => e.reason === reason).map((e) => [e.lead.name, e.previousScore, e.lead.score]);
    expect(of('UPDATED')).toEqual([['Updated out', 85, 60], ['End', 80, 80]]);
    expect(of('RESCORED').sort()).toEqual([['Rescored out', 75, 65], ['Stays', 85, 80]]);
    // 15 → 5 and 60 → 45 stay below 70 throughout
    expect(seen.some((e) => e.lead.name === 'Below' || (e.lead.name === 'Updated out' && e.reason === 'RESCORED'))).toBe(false);
  });
});

describe('a rescoring job', () => {
  /** A tenant whose version 2 is made active by hand with an unfinished job, outside pg-boss, for runRescoring to work on. */
  async function stagedJob(leads: number, definition = budgetHeavyModel()) {
    const tenant = await app.createTenant();
    await insertLeads(app, tenant, leads, { seed: 16 });
    const em = app.em(tenant.id);
    await em.nativeUpdate(ScoringModel, { tenant: tenant.id }, { status: ScoringModelStatus.RETIRED });
    const model = em.create(ScoringModel, { tenant: tenant.id, version: 2, definition, status: ScoringModelStatus.ACTIVE });
    const job = em.create(RescoringJob, { tenant: tenant.id, model, modelVersion: 2, total: leads, actorId: tenant.admin.id });
    await em.flush();
    return { tenant, jobId: job.id };
  }
  const ledgerOf = (tenant: TestTenant) => sql<{ lead_id: string; n: number }>(`select lead_id, count(*)::int as n from score_change where tenant_id = ? and reason = 'RESCORED' group by lead_id`, [tenant.id]);
  const jobRow = (jobId: string) => sql<{ state: string; done: number; position: string | null; attempts: number; error: string | null }>('select state, done, position, attempts, error from rescoring_job where id = ?', [jobId]).then((rows) => rows[0]);

  it('continues from its stored position after a stop: no lead is rescored or announced twice', async () => {
    const { tenant, jobId } = await stagedJob(100);
    const before = new Map((await storedLeads(app, tenant)).map((lead) => [lead.id, lead.score]));
    const { logger } = memoryLogger();
    expect(await runRescoring(app.server.orm, jobId, logger, { batchSize: 30, maxBatches: 2, pauseMs: () => 0 })).toBe('stopped');
    const stopped = await jobRow(jobId);
    expect(stopped).toMatchObject({ state: 'RUNNING', done: 60 });
    const leads = await storedLeads(app, tenant);
    // keyset by id: exactly the first 60 ids carry the new version
    expect(leads.map((lead) => lead.modelVersion)).toEqual([...Array(60).fill(2), ...Array(40).fill(1)]);
    expect(stopped.position).toBe(leads[59].id);

    expect(await runRescoring(app.server.orm, jobId, logger, { batchSize: 30, pauseMs: () => 0 })).toBe('done');
    expect(await jobRow(jobId)).toMatchObject({ state: 'DONE', done: 100 });
    const after = await storedLeads(app, tenant);
    const changed = after.filter((lead) => lead.score !== before.get(lead.id));
    const ledger = await ledgerOf(tenant);
    expect(ledger.every((row) => row.n === 1)).toBe(true);
    expect(new Set(ledger.map((row) => row.lead_id))).toEqual(new Set(changed.map((lead) => lead.id)));
    const [events] = await sql<{ n: number }>(`select count(*)::int as n from event where type = 'lead.scored' and tenant_id = ? and payload->>'reason' = 'RESCORED'`, [tenant.id]);
    expect(events.n).toBe(changed.length);
    // a run of a finished job does nothing
    expect(await runRescoring(app.server.orm, jobId, logger)).toBe('done');
  });

  it('catches, in its second pass, a lead written with the previous model after the first pass went by', async () => {
    const { tenant, jobId } = await stagedJob(40);
    const { logger } = memoryLogger();
    // the first pass: 40 leads in one batch, then stop before the empty batch that ends it
    expect(await runRescoring(app.server.orm, jobId, logger, { batchSize: 40, maxBatches: 1, pauseMs: () => 0 })).toBe('stopped');
    const [late] = await storedLeads(app, tenant);
    // as a process that has not heard of the publish yet would write it
    await sql(`update lead set score = 1, tier = 'COLD', model_version = 1 where id = ?`, [late.id]);
    expect(await runRescoring(app.server.orm, jobId, logger, { batchSize: 40, pauseMs: () => 0 })).toBe('done');
    const [fixed] = await app.em(tenant.id).getConnection().execute(`select score, model_version from lead where id = ?`, [late.id]);
    expect(fixed).toEqual({ score: scoreLead(budgetHeavyModel(), late).score, model_version: 2 });
  });

  it('ends FAILED with the error after three failed attempts; publishing the active version again retries it', async () => {
    // an option without points: the rescoring statement cannot score those leads
    const broken = budgetHeavyModel() as { criteria: Record<string, Record<string, number>>; tiers: typeof DEFAULT_SCORING_MODEL.tiers };
    delete broken.criteria.BUDGET.OVER_100K;
    delete broken.criteria.BUDGET.UNDER_10K;
    const { tenant, jobId } = await stagedJob(60, broken as never);
    const { logger } = memoryLogger();
    await expect(runRescoring(app.server.orm, jobId, logger, { pauseMs: () => 0 })).rejects.toThrow();
    await expect(runRescoring(app.server.orm, jobId, logger, { pauseMs: () => 0 })).rejects.toThrow();
    expect(await runRescoring(app.server.orm, jobId, logger, { pauseMs: () => 0 })).toBe('failed');
    expect(await jobRow(jobId)).toMatchObject({ state: 'FAILED', attempts: 3, error: expect.stringContaining('not an integer') });
    const job = await app.gql(`query($id: ID!) { rescoringJob(id: $id) { state error } }`, { id: jobId }, { cookie: tenant.adminCookie });
    expect(job.data.rescoringJob.state).toBe('FAILED');

    // mend the version (as an operator would) and retry by publishing it again
    await sql(`update scoring_model set definition = ? where tenant_id = ? and version = 2`, [JSON.stringify(budgetHeavyModel()), tenant.id]);
    const activeId = (await app.gql(MODELS, {}, { cookie: tenant.adminCookie })).data.scoringModels[0].id;
    const retry = await publish(app, tenant, activeId);
    expect(retry).toMatchObject({ modelVersion: 2, total: 60 });
    expect(await finishedJob(app, tenant, retry.id)).toMatchObject({ state: 'DONE', done: 60 });
  });
});

describe('the active model cache', () => {
  it('lets a second server process score with a version published on the first', async () => {
    const second = await createTestApp({ databaseUrl: app.databaseUrl });
    try {
      const tenant = await app.createTenant();
      const lead = { name: 'Ada', company: 'Engines Ltd', budget: 'OVER_100K', companySize: 'SIZE_1_10', industry: 'OTHER', urgency: 'IMMEDIATELY', source: 'OTHER' };
      const create = `mutation($input: CreateLeadInput!) { createLead(input: $input) { score modelVersion } }`;
      // the second process has the default model cached: 30 + 5 + 5 + 20
      const cookie = await second.login(tenant.admin.email, tenant.admin.password);
      expect((await second.gql(create, { input: lead }, { cookie })).data.createLead).toEqual({ score: 60, modelVersion: 1 });

      await publish(app, tenant, await saveDraft(app, tenant, budgetHeavyModel()));
      // the published event reaches the second process and drops its cache: 40 + 0 + 0 + 25
      const preview = `{ scorePreview(input: { budget: OVER_100K, companySize: SIZE_1_10, industry: OTHER, urgency: IMMEDIATELY }) { modelVersion } }`;
      await until(async () => (await second.gql(preview, {}, { cookie })).data.scorePreview.modelVersion === 2, 'the second process to use version 2');
      expect((await second.gql(create, { input: lead }, { cookie })).data.createLead).toEqual({ score: 65, modelVersion: 2 });
    } finally {
      await second.stop();
    }
  });
});
