import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import ScoreHistory from '../../src/components/leads/ScoreHistory.vue';
import ScoringModelPage from '../../src/components/scoring/ScoringModelPage.vue';
import { LiveLeadsKey } from '../../src/composables/useLiveLeads';
import { scoreInput } from '../../src/composables/useScorePreview';
import { useScoringModel } from '../../src/composables/useScoringModel';
import { emptyLeadForm } from '../../src/lib/validation';
import { flush, mockClient, mountAt, mountWithApp, withScoringModel, type Responder } from './support';

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush();
};

const DEFAULT: Record<string, Array<[string, number]>> = {
  BUDGET: [['UNDER_10K', 5], ['FROM_10K_TO_50K', 15], ['FROM_50K_TO_100K', 25], ['OVER_100K', 30]],
  COMPANY_SIZE: [['SIZE_1_10', 5], ['SIZE_11_50', 10], ['SIZE_51_200', 20], ['SIZE_201_1000', 25], ['SIZE_OVER_1000', 30]],
  INDUSTRY: [['SOFTWARE', 20], ['FINANCE', 20], ['MANUFACTURING', 15], ['HEALTHCARE', 15], ['RETAIL', 10], ['EDUCATION', 5], ['OTHER', 5]],
  URGENCY: [['IMMEDIATELY', 20], ['THIS_WEEK', 15], ['THIS_MONTH', 10], ['THIS_QUARTER', 5], ['NO_TIMELINE', 0]],
};

function version(id: string, number: number, status: string, points = DEFAULT, thresholds = { hot: 85, keyAccount: 70, warm: 40 }) {
  return {
    __typename: 'ScoringModelVersion',
    id,
    version: number,
    status,
    comment: status === 'DRAFT' ? 'urgency matters more' : null,
    createdBy: 'Dana Admin',
    createdAt: '2026-11-20T10:00:00.000Z',
    publishedBy: status === 'DRAFT' ? null : 'Dana Admin',
    publishedAt: status === 'DRAFT' ? null : '2026-11-20T10:00:00.000Z',
    maxScore: 100,
    thresholds: { __typename: 'TierThresholds', ...thresholds },
    criteria: Object.entries(points).map(([criterion, options]) => ({
      __typename: 'CriterionPoints',
      criterion,
      maxPoints: Math.max(...options.map(([, p]) => p)),
      options: options.map(([value, p]) => ({ __typename: 'CriterionOption', value, points: p })),
    })),
  };
}

function job(state: string, done: number, total = 200, id = 'job-1', modelVersion = 2) {
  return { __typename: 'RescoringJob', id, modelVersion, state, done, total, createdAt: '2026-11-28T10:00:00.000Z', startedAt: null, finishedAt: null, error: null };
}

const modelsAnswer = (versions: unknown[], running: unknown = null) => ({ data: { scoringModels: versions, activeRescoringJob: running } });

/** Answers the page's operations; `answer` may take over any of them. Subscriptions stay open. */
function server(answer: Responder) {
  return mockClient((operation) => {
    const own = answer(operation);
    if (own) return own;
    if (operation.operationName === 'RescoringProgress') return new Promise(() => {});
    throw new Error(`unexpected ${operation.operationName}`);
  });
}

async function openPage(respond: Responder) {
  const { client, operations } = server(respond);
  const mounted = await mountAt('/scoring-model', client, { role: 'ADMIN', attachTo: document.body });
  await settle();
  return { ...mounted, operations };
}

const text = (el: { text(): string }) => el.text().replace(/\s+/g, ' ').trim();

describe('the scoring-model page', () => {
  it('shows the active model with each criterion’s maximum and share, and every version', async () => {
    const { wrapper } = await openPage((op) => (op.operationName === 'ScoringModels' ? modelsAnswer([version('d2', 2, 'DRAFT'), version('v1', 1, 'ACTIVE')]) : undefined!));
    const active = wrapper.find('[data-testid=active-model]');
    expect(active.attributes('data-version')).toBe('1');
    const budget = active.find('[data-criterion=BUDGET]');
    expect([text(budget.find('.name')), text(budget.find('.numbers'))]).toEqual(['Budget', '30 · 30 % of the score']);
    expect(text(active.find('[data-testid=max-score]'))).toBe('Maximum 100 of 100');
    expect(active.findAll('[data-testid=active-thresholds] li').map(text)).toEqual(['Hot from 85', 'Key account from 70', 'Warm from 40']);
    expect(wrapper.findAll('[data-testid=version-row]').map((row) => row.attributes('data-status'))).toEqual(['DRAFT', 'ACTIVE']);
    wrapper.unmount();
  });

  it('compares a version with the active one, marking what changed', async () => {
    const edited = { ...DEFAULT, URGENCY: [['IMMEDIATELY', 25], ...DEFAULT.URGENCY.slice(1)] as Array<[string, number]>, COMPANY_SIZE: [...DEFAULT.COMPANY_SIZE.slice(0, 4), ['SIZE_OVER_1000', 25]] as Array<[string, number]> };
    const { wrapper } = await openPage((op) => (op.operationName === 'ScoringModels' ? modelsAnswer([version('d2', 2, 'DRAFT', edited, { hot: 90, keyAccount: 70, warm: 40 }), version('v1', 1, 'ACTIVE')]) : undefined!));
    await wrapper.find('[data-testid=version-row][data-version="2"] button').trigger('click');
    const diff = wrapper.find('[data-testid=version-diff]');
    expect(text(diff.find('.summary'))).toBe('3 changes');
    expect(diff.findAll('[data-changed=true]').map((row) => row.attributes('data-option'))).toEqual(['COMPANY_SIZE.SIZE_OVER_1000', 'URGENCY.IMMEDIATELY', 'thresholds.hot']);
    expect(diff.find('[data-option="URGENCY.IMMEDIATELY"]').findAll('td').map(text)).toEqual(['20', '25']);
    wrapper.unmount();
  });

  it('says when the maximum is not 100 and normalises on request', async () => {
    const { wrapper } = await openPage((op) => (op.operationName === 'ScoringModels' ? modelsAnswer([version('v1', 1, 'ACTIVE')]) : undefined!));
    await wrapper.find('[data-testid=new-draft]').trigger('click');
    await wrapper.find('#points-URGENCY-IMMEDIATELY').setValue('25');
    expect(text(wrapper.find('[data-testid=max-wrong]'))).toContain('The maximum is 105, not 100');
    expect(wrapper.find('[data-testid=draft-editor] [data-testid=max-score]').text()).toBe('Maximum 105 of 100');
    await wrapper.find('[data-testid=normalise]').trigger('click');
    expect(wrapper.find('[data-testid=max-wrong]').exists()).toBe(false);
    expect(text(wrapper.find('[data-testid=normalised]'))).toContain('from a maximum of 105 to 100');
    expect((wrapper.find('#points-URGENCY-IMMEDIATELY').element as HTMLInputElement).value).toBe('24');
    expect((wrapper.find('#points-BUDGET-OVER_100K').element as HTMLInputElement).value).toBe('29');
    wrapper.unmount();
  });

  it('sends nothing while a field is wrong, and shows what the server refused at its field', async () => {
    const saves: unknown[] = [];
    const { wrapper } = await openPage((op) => {
      if (op.operationName === 'ScoringModels') return modelsAnswer([version('v1', 1, 'ACTIVE')]);
      if (op.operationName === 'SaveScoringModelDraft') {
        saves.push(op.variables.input);
        return { errors: [new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'thresholds.hot', code: 'OUT_OF_RANGE', message: 'HOT must start above KEY_ACCOUNT (70); got 70.' }] } })] };
      }
      return undefined!;
    });
    await wrapper.find('[data-testid=new-draft]').trigger('click');
    await wrapper.find('#points-BUDGET-UNDER_10K').setValue('120');
    expect(wrapper.find('#points-BUDGET-UNDER_10K-error').text()).toBe('Points lie between 0 and 100.');
    await wrapper.find('[data-testid=draft-editor]').trigger('submit');
    await settle();
    expect(saves).toEqual([]);
    expect(wrapper.find('[data-testid=draft-editor] [role=alert].field-error').text()).toBe('Fix the marked fields first; nothing was sent.');

    await wrapper.find('#points-BUDGET-UNDER_10K').setValue('5');
    await wrapper.find('[data-testid=draft-editor]').trigger('submit');
    await settle();
    expect(saves).toHaveLength(1);
    expect(wrapper.find('#threshold-hot-error').text()).toBe('HOT must start above KEY_ACCOUNT (70); got 70.');
    expect(wrapper.find('#threshold-hot').attributes('aria-invalid')).toBe('true');
    // changing the field takes the server's word away
    await wrapper.find('#threshold-hot').setValue('86');
    expect(wrapper.find('#threshold-hot-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('disables publishing while a rescoring runs, and says why', async () => {
    const { wrapper } = await openPage((op) => {
      if (op.operationName === 'ScoringModels') return modelsAnswer([version('d3', 3, 'DRAFT'), version('v2', 2, 'ACTIVE'), version('v1', 1, 'RETIRED')], job('RUNNING', 50, 200));
      if (op.operationName === 'RescoringJob') return { data: { rescoringJob: job('RUNNING', 50, 200) } };
      return undefined!;
    });
    expect(wrapper.find('[data-testid=rescoring-progress]').attributes('data-state')).toBe('RUNNING');
    expect(wrapper.find('[role=progressbar]').attributes('aria-valuenow')).toBe('25');
    expect(text(wrapper.find('[data-testid=publish-blocked]'))).toBe('Publishing waits until the rescoring for v2 has finished (50 of 200 leads).');
    const publishButtons = wrapper.findAll('[data-testid=version-row] button').filter((b) => /Publish|Roll back/.test(b.text()));
    expect(publishButtons.map((b) => [b.text(), b.attributes('disabled')])).toEqual([
      ['Publish…', ''],
      ['Roll back…', ''],
    ]);
    wrapper.unmount();
  });

  it('offers to publish a version again when its rescoring failed', async () => {
    const failed = { ...job('FAILED', 120, 200, 'job-1', 1), error: 'database unreachable' };
    let rolledBack = false;
    const { wrapper } = await openPage((op) => {
      if (op.operationName === 'ScoringModels') return modelsAnswer(rolledBack ? [version('v2', 2, 'RETIRED'), version('v1', 1, 'ACTIVE')] : [version('v2', 2, 'ACTIVE'), version('v1', 1, 'RETIRED')]);
      if (op.operationName === 'PublishScoringModel') return (rolledBack = true), { data: { publishScoringModel: failed } };
      if (op.operationName === 'RescoringJob') return { data: { rescoringJob: failed } };
      if (op.operationName === 'ScoringModelImpact') return new Promise(() => {});
      if (op.operationName === 'ScoringModel') return { data: { scoringModel: null } };
      return undefined!;
    });
    await wrapper.findAll('[data-testid=version-row][data-version="1"] button').find((b) => b.text() === 'Roll back…')!.trigger('click');
    await wrapper.find('[data-testid=confirm-publish]').trigger('click');
    await settle();
    expect(text(wrapper.find('[data-testid=rescoring-progress] [role=alert]'))).toContain('The rescoring stopped: database unreachable');
    await wrapper.find('[data-testid=retry-rescoring]').trigger('click');
    expect(text(wrapper.find('#publish-title'))).toBe('Publish v1?');
    wrapper.unmount();
  });

  it('publishes after showing the impact again, follows the job to DONE and shows the new active version', async () => {
    let published = false;
    const { wrapper, operations } = await openPage((op) => {
      switch (op.operationName) {
        case 'ScoringModels':
          return published ? modelsAnswer([version('d2', 2, 'ACTIVE'), version('v1', 1, 'RETIRED')]) : modelsAnswer([version('d2', 2, 'DRAFT'), version('v1', 1, 'ACTIVE')]);
        case 'ScoringModelImpact':
          return { data: { scoringModelImpact: impactAnswer() } };
        case 'PublishScoringModel':
          published = true;
          return { data: { publishScoringModel: job('QUEUED', 0) } };
        case 'RescoringJob':
          return { data: { rescoringJob: job('DONE', 200) } };
        case 'ScoringModel':
          return { data: { scoringModel: null } };
        default:
          return undefined!;
      }
    });
    await wrapper.findAll('[data-testid=version-row][data-version="2"] button').find((b) => b.text() === 'Publish…')!.trigger('click');
    await settle();
    const dialog = wrapper.find('[data-testid=publish-dialog]');
    expect(text(dialog.find('[data-testid=impact-summary]'))).toBe('If v2 replaced the active v1: 200 leads. 5 leads change tier.');
    expect(dialog.find('[data-testid=move-KEY_ACCOUNT-HOT]').attributes('data-count')).toBe('3');
    expect(dialog.find('[data-testid=move-KEY_ACCOUNT-HOT]').classes()).toContain('up');
    expect(dialog.find('[data-testid=move-HOT-HOT]').classes()).toContain('same');
    expect(text(dialog.find('[data-testid=impact-averageChange] dd'))).toBe('+1.3');
    expect(dialog.findAll('[data-testid=impact-histogram] li')).toHaveLength(20);
    expect(dialog.find('[data-testid=impact-examples] a').attributes('href')).toBe('/leads/lead-7');

    await dialog.find('[data-testid=confirm-publish]').trigger('click');
    await settle();
    expect(operations.find((o) => o.operationName === 'PublishScoringModel')?.variables).toEqual({ id: 'd2' });
    expect(wrapper.find('[data-testid=publish-dialog]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=rescoring-progress]').attributes('data-state')).toBe('DONE');
    expect(text(wrapper.find('[data-testid=rescoring-progress] .done'))).toBe('Every lead is scored with v2.');
    expect(wrapper.find('[data-testid=active-model]').attributes('data-version')).toBe('2');
    // the active model of every other screen is fetched again
    expect(operations.filter((o) => o.operationName === 'ScoringModel')).toHaveLength(1);
    wrapper.unmount();
  });
});

function impactAnswer() {
  const tiers = ['HOT', 'KEY_ACCOUNT', 'WARM', 'COLD'];
  const counts: Record<string, number> = { 'HOT-HOT': 10, 'KEY_ACCOUNT-HOT': 3, 'WARM-COLD': 2, 'COLD-COLD': 185 };
  return {
    __typename: 'ScoringModelImpact',
    modelId: 'd2',
    fromVersion: 1,
    toVersion: 2,
    leads: 200,
    moves: tiers.flatMap((from) => tiers.map((to) => ({ __typename: 'TierMove', from, to, count: counts[`${from}-${to}`] ?? 0 }))),
    histogram: Array.from({ length: 20 }, (_, i) => ({ __typename: 'ScoreBin', from: i * 5, to: i === 19 ? 100 : i * 5 + 4, before: 10, after: i % 2 ? 12 : 8 })),
    averageBefore: 50.25,
    averageAfter: 51.5,
    averageChange: 1.25,
    changedScores: 40,
    changedTiers: 5,
    newKeyAccounts: 0,
    lostKeyAccounts: 0,
    newHot: 3,
    lostHot: 0,
    examples: [{ __typename: 'ImpactExample', leadId: 'lead-7', name: 'Anna Berger', company: 'Isar GmbH', oldScore: 80, newScore: 85, oldTier: 'KEY_ACCOUNT', newTier: 'HOT' }],
    tookMs: 12,
  };
}

describe('the score history of a lead', () => {
  it('lists every change newest first: reason, old → new, model version, who', async () => {
    const change = (id: string, reason: string, oldScore: number | null, newScore: number, oldTier: string | null, newTier: string, modelVersion: number, actorName: string | null) => ({
      __typename: 'ScoreChange', id, reason, oldScore, newScore, oldTier, newTier, modelVersion, actorName, createdAt: '2026-11-28T10:00:00.000Z',
    });
    const { client } = mockClient(() => ({
      data: {
        lead: {
          __typename: 'Lead',
          id: 'lead-7',
          scoreHistory: [change('c1', 'CREATED', null, 80, null, 'KEY_ACCOUNT', 1, 'Rita Rep'), change('c2', 'RESCORED', 80, 85, 'KEY_ACCOUNT', 'HOT', 2, 'Dana Admin')],
        },
      },
    }));
    const { wrapper } = mountWithApp(ScoreHistory, client, { props: { leadId: 'lead-7' } });
    await settle();
    const entries = wrapper.findAll('[data-testid=score-change]');
    expect(entries.map((e) => e.attributes('data-reason'))).toEqual(['RESCORED', 'CREATED']);
    const parts = (entry: (typeof entries)[number]) => [text(entry.find('.reason')), ...entry.findAll('.score-badge').map((badge) => `${text(badge.find('.score'))} ${text(badge.find('.tier'))}`), text(entry.find('.meta')).replace(/ · [^·]+$/, '')];
    expect(parts(entries[0])).toEqual(['Rescored', '80 Key account', '85 Hot', 'model v2 · Dana Admin']);
    expect(parts(entries[1])).toEqual(['Created', '80 Key account', 'model v1 · Rita Rep']);
    wrapper.unmount();
  });
});

describe('the score preview of a new lead', () => {
  it('sends the source, which counts when the active model scores it', () => {
    expect(scoreInput({ ...emptyLeadForm(), budget: 'OVER_100K', source: 'REFERRAL' })).toEqual({
      budget: 'OVER_100K', companySize: undefined, industry: undefined, urgency: undefined, source: 'REFERRAL',
    });
  });
});

describe('the active model on every screen after a publish', () => {
  it('is fetched again when rescored leads arrive, once per stream of them', async () => {
    const listeners = new Set<(event: { reason: string }) => void>();
    const live = { newIds: { value: new Set<string>() }, markNew: () => {}, onEvent: (l: (event: { reason: string }) => void) => (listeners.add(l), () => listeners.delete(l)) };
    const { client, operations } = mockClient(withScoringModel(() => new Promise(() => {})));
    const Probe = defineComponent({ setup: () => (useScoringModel(), () => h('p')) });
    const { wrapper } = mountWithApp(Probe, client, { global: { provide: { [LiveLeadsKey as symbol]: live } } });
    await settle();
    const fetches = () => operations.filter((o) => o.operationName === 'ScoringModel').length;
    expect(fetches()).toBe(1);
    listeners.forEach((l) => l({ reason: 'UPDATED' }));
    await settle();
    expect(fetches()).toBe(1);
    listeners.forEach((l) => l({ reason: 'RESCORED' }));
    listeners.forEach((l) => l({ reason: 'RESCORED' }));
    await settle();
    expect(fetches()).toBe(2);
    wrapper.unmount();
  });
});
