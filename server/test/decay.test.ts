import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lead } from '../src/modules/leads/lead.entity.js';
import { decayScores, SCORE_DECAY_JOB } from '../src/modules/lifecycle/decay.job.js';
import { DEFAULT_SCORING_MODEL } from '../src/modules/scoring/scoring.model.js';
import { draftInputOf } from '../src/modules/scoring/scoring.validation.js';
import { CREATE_LEAD, createProbe, createTestApp, leadInput, subscribe, type TestApp, type TestTenant } from './utils.js';

let app: TestApp;
let acme: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await createTestApp();
  acme = await app.createTenant('Acme');
  other = await app.createTenant('Other');
});
afterAll(() => app?.stop());

async function lead(tenant: TestTenant, overrides: Record<string, unknown>, idleDays: number): Promise<string> {
  const id = (await app.gql(CREATE_LEAD, { input: leadInput(overrides) }, { cookie: tenant.repCookie })).data.createLead.id;
  await app.em().getConnection().execute('update lead set last_activity_at = now() - make_interval(days => ?) where id = ?', [idleDays, id]);
  return id;
}

const scoreOf = async (tenant: TestTenant, id: string) => {
  const found = await app.em(tenant.id).findOneOrFail(Lead, { id });
  return { score: found.score, tier: found.tier };
};

describe('score decay', () => {
  it('takes points off idle open leads down to the floor, the tier following, recorded and pushed live', async () => {
    await app.gql(
      'mutation { updateTenantSettings(input: { decay: { enabled: true, points: 10, everyDays: 14, floor: 60 } }) { decay { enabled } } }',
      {},
      { cookie: acme.adminCookie },
    );
    // other tenant keeps decay off

    const hot = await lead(acme, {}, 20); // 85 HOT → 75 KEY_ACCOUNT
    const nearFloor = await lead(acme, { urgency: 'NO_TIMELINE', industry: 'RETAIL' }, 20); // 60: at the floor already
    const justAbove = await lead(acme, { urgency: 'THIS_QUARTER', industry: 'RETAIL' }, 20); // 65 → 60
    const active = await lead(acme, {}, 3);
    const won = await lead(acme, {}, 20);
    await app.gql('mutation($id: ID!) { changeLeadStatus(id: $id, input: { status: WON, dealValue: 10 }) { id } }', { id: won }, { cookie: acme.repCookie });
    await app.em().getConnection().execute('update lead set last_activity_at = now() - make_interval(days => 20) where id = ?', [won]);
    const elsewhere = await lead(other, {}, 20);
    const probe = await createProbe(app, acme.repCookie);
    const sub = subscribe(app.wsClient({ cookie: acme.repCookie }), 'subscription { leadScored { reason previousScore lead { id score tier } } }', {}, probe);
    await sub.live(probe.touch, probe);

    await app.server.jobs.send(SCORE_DECAY_JOB, {});
    const events = (await sub.waitFor(2, 15_000)).map((e) => e.data!.leadScored);
    expect(events).toEqual(
      expect.arrayContaining([
        { reason: 'DECAYED', previousScore: 85, lead: { id: hot, score: 75, tier: 'KEY_ACCOUNT' } },
        { reason: 'DECAYED', previousScore: 65, lead: { id: justAbove, score: 60, tier: 'WARM' } },
      ]),
    );
    expect(events).toHaveLength(2);
    expect(await scoreOf(acme, hot)).toEqual({ score: 75, tier: 'KEY_ACCOUNT' });
    expect(await scoreOf(acme, justAbove)).toEqual({ score: 60, tier: 'WARM' });
    expect(await scoreOf(acme, nearFloor)).toEqual({ score: 60, tier: 'WARM' });
    expect(await scoreOf(acme, active)).toEqual({ score: 85, tier: 'HOT' });
    expect(await scoreOf(acme, won)).toEqual({ score: 85, tier: 'HOT' });
    expect(await scoreOf(other, elsewhere)).toEqual({ score: 85, tier: 'HOT' });

    const history = await app.gql('query($id: ID!) { lead(id: $id) { scoreHistory { reason oldScore newScore oldTier newTier actorName } } }', { id: hot }, { cookie: acme.repCookie });
    expect(history.data.lead.scoreHistory.at(-1)).toEqual({ reason: 'DECAYED', oldScore: 85, newScore: 75, oldTier: 'HOT', newTier: 'KEY_ACCOUNT', actorName: null });
  });

  it('waits everyDays again before the next step, and starts over after activity', async () => {
    const rule = { enabled: true, points: 10, everyDays: 14, floor: 0 };
    const id = await lead(acme, {}, 30);
    const em = () => app.em(acme.id);
    expect(await decayScores(em(), acme.id, rule)).toBeGreaterThanOrEqual(1);
    expect((await scoreOf(acme, id)).score).toBe(75);
    // the same day: nothing more
    expect(await decayScores(em(), acme.id, rule)).toBe(0);
    await app.em().getConnection().execute('update lead set decayed_at = now() - make_interval(days => 15) where id = ?', [id]);
    await decayScores(em(), acme.id, rule);
    expect((await scoreOf(acme, id)).score).toBe(65);
    // worked on: the idle clock starts over
    await app.em().getConnection().execute('update lead set decayed_at = now() - make_interval(days => 15) where id = ?', [id]);
    await app.gql('mutation($id: ID!, $o: ID) { assignLead(id: $id, ownerId: $o) { id } }', { id, o: acme.rep.id }, { cookie: acme.repCookie });
    await decayScores(em(), acme.id, rule);
    expect((await scoreOf(acme, id)).score).toBe(65);
  });

  it('works through many leads in batches', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await lead(other, {}, 40));
    const em = app.em(other.id);
    expect(await decayScores(em, other.id, { enabled: true, points: 5, everyDays: 30, floor: 0 }, 2)).toBe(7);
    for (const id of ids) expect((await scoreOf(other, id)).score).toBe(80);
  });

  it('tiers a lead of a running experiment’s challenger arm by the challenger’s thresholds', async () => {
    const lab = await app.createTenant('Lab');
    // the default points, other thresholds: both arms score alike, and tier 55 points apart
    const challengerModel = { ...DEFAULT_SCORING_MODEL, tiers: { HOT: 95, KEY_ACCOUNT: 50, WARM: 30 } };
    const draft = await app.gql('mutation($input: ScoringModelDraftInput!) { saveScoringModelDraft(input: $input) { id } }', { input: draftInputOf(challengerModel, 'challenger') }, { cookie: lab.adminCookie });
    const started = await app.gql('mutation($input: StartExperimentInput!) { startExperiment(input: $input) { id status } }', { input: { challengerId: draft.data.saveScoringModelDraft.id, split: 0.5 } }, { cookie: lab.adminCookie });
    expect(started.data.startExperiment.status).toBe('RUNNING');
    const byArm: Record<string, string> = {};
    let created = 0;
    for (let i = 0; i < 40 && Object.keys(byArm).length < 2; i++, created++) {
      const id = await lead(lab, { name: `Lead ${i}` }, 20);
      const [row] = await app.em().getConnection().execute('select arm from lead_experiment where lead_id = ?', [id]);
      byArm[row.arm] ??= id;
    }
    expect(Object.keys(byArm).sort()).toEqual(['CHALLENGER', 'CONTROL']);
    expect(await scoreOf(lab, byArm.CHALLENGER)).toEqual({ score: 85, tier: 'KEY_ACCOUNT' });
    expect(await scoreOf(lab, byArm.CONTROL)).toEqual({ score: 85, tier: 'HOT' });

    expect(await decayScores(app.em(lab.id), lab.id, { enabled: true, points: 30, everyDays: 14, floor: 0 })).toBe(created);
    expect(await scoreOf(lab, byArm.CHALLENGER)).toEqual({ score: 55, tier: 'KEY_ACCOUNT' });
    expect(await scoreOf(lab, byArm.CONTROL)).toEqual({ score: 55, tier: 'WARM' });
  });
});

