import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src/i18n';
import {
  apportion,
  criterionShares,
  diffModels,
  draftFromVersion,
  draftInput,
  histogramBars,
  jobProgress,
  laterJob,
  modelMax,
  moveMatrix,
  normalizeCriteria,
  optionLabel,
  placeServerErrors,
  signedChange,
  validateDraft,
  withSourceCriterion,
  type CriterionDraft,
  type ModelDraft,
  type VersionLike,
} from '../../src/lib/scoring-model';

const criterion = (name: CriterionDraft['criterion'], options: Array<[string, number]>): CriterionDraft => ({
  criterion: name,
  options: options.map(([value, points]) => ({ value, points })),
});

// the default model of a new tenant, as the server answers it
const active: VersionLike = {
  id: 'v1',
  status: 'ACTIVE',
  comment: 'initial',
  thresholds: { hot: 85, keyAccount: 70, warm: 40 },
  criteria: [
    criterion('URGENCY', [['IMMEDIATELY', 20], ['THIS_WEEK', 15], ['THIS_MONTH', 10], ['THIS_QUARTER', 5], ['NO_TIMELINE', 0]]),
    criterion('BUDGET', [['UNDER_10K', 5], ['FROM_10K_TO_50K', 15], ['FROM_50K_TO_100K', 25], ['OVER_100K', 30]]),
    criterion('COMPANY_SIZE', [['SIZE_1_10', 5], ['SIZE_11_50', 10], ['SIZE_51_200', 20], ['SIZE_201_1000', 25], ['SIZE_OVER_1000', 30]]),
    criterion('INDUSTRY', [['SOFTWARE', 20], ['FINANCE', 20], ['MANUFACTURING', 15], ['HEALTHCARE', 15], ['RETAIL', 10], ['EDUCATION', 5], ['OTHER', 5]]),
  ],
};

function edit(draft: ModelDraft, name: string, value: string, points: number): ModelDraft {
  return {
    ...draft,
    criteria: draft.criteria.map((c) => (c.criterion !== name ? c : { ...c, options: c.options.map((o) => (o.value === value ? { ...o, points } : o)) })),
  };
}

describe('a draft from a version', () => {
  it('copies an active version into a new draft in the order criteria are shown, without its comment', () => {
    const draft = draftFromVersion(active);
    expect(draft.id).toBeNull();
    expect(draft.comment).toBe('');
    expect(draft.criteria.map((c) => c.criterion)).toEqual(['BUDGET', 'COMPANY_SIZE', 'INDUSTRY', 'URGENCY']);
    // a copy: editing it leaves the version as it was
    draft.criteria[0].options[0].points = 99;
    expect(active.criteria[1].options[0].points).toBe(5);
  });

  it('keeps the id and comment of a draft, so saving overwrites it', () => {
    const draft = draftFromVersion({ ...active, id: 'd7', status: 'DRAFT', comment: 'urgency up' });
    expect(draft).toMatchObject({ id: 'd7', comment: 'urgency up' });
    expect(draftInput(draft)).toMatchObject({ id: 'd7', comment: 'urgency up' });
    expect(draftInput({ ...draft, id: null, comment: '  ' })).not.toHaveProperty('id');
    expect(draftInput({ ...draft, comment: '  ' }).comment).toBeNull();
  });
});

describe('shares and the maximum', () => {
  it("gives each criterion's maximum and its share of the model's maximum", () => {
    const { rows, total } = criterionShares(draftFromVersion(active).criteria);
    expect(total).toBe(100);
    expect(rows.map((r) => [r.criterion, r.max, r.share])).toEqual([
      ['BUDGET', 30, 30],
      ['COMPANY_SIZE', 30, 30],
      ['INDUSTRY', 20, 20],
      ['URGENCY', 20, 20],
    ]);
  });

  it('shares stay relative to the maximum when it is not 100', () => {
    const draft = edit(draftFromVersion(active), 'URGENCY', 'IMMEDIATELY', 45);
    const { rows, total } = criterionShares(draft.criteria);
    expect(total).toBe(125);
    expect(rows.find((r) => r.criterion === 'URGENCY')).toMatchObject({ max: 45, share: 36 });
    expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(100);
  });

  it('an empty model has maximum and shares of 0', () => {
    expect(criterionShares([criterion('BUDGET', [['UNDER_10K', 0]])])).toEqual({ rows: [{ criterion: 'BUDGET', max: 0, share: 0 }], total: 0 });
  });
});

describe('normalising to 100', () => {
  it('apportions whole numbers that add up exactly, the largest remainders first', () => {
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(apportion([30, 30, 20, 25], 100)).toEqual([29, 28, 19, 24]);
    expect(apportion([0, 0], 100)).toEqual([0, 0]);
  });

  it('scales a model of 105 to exactly 100 as the server does, each criterion keeping its share', () => {
    const draft = edit(draftFromVersion(active), 'URGENCY', 'IMMEDIATELY', 25);
    expect(modelMax(draft.criteria)).toBe(105);
    const scaled = normalizeCriteria(draft.criteria)!;
    expect(modelMax(scaled)).toBe(100);
    const points = Object.fromEntries(scaled.map((c) => [c.criterion, c.options.map((o) => o.points)]));
    expect(points).toEqual({
      BUDGET: [5, 14, 24, 29],
      COMPANY_SIZE: [5, 10, 19, 24, 28],
      INDUSTRY: [19, 19, 14, 14, 10, 5, 5],
      URGENCY: [24, 14, 10, 5, 0],
    });
  });

  it('leaves a model of 100 as it is', () => {
    const criteria = draftFromVersion(active).criteria;
    expect(normalizeCriteria(criteria)).toEqual(criteria);
  });

  it('cannot scale a model whose every option is 0', () => {
    expect(normalizeCriteria([criterion('BUDGET', [['UNDER_10K', 0]])])).toBeNull();
  });
});

describe('scoring the source', () => {
  const sources = ['WEBSITE', 'REFERRAL', 'EVENT'];

  it('adds the source with every channel at 0, so the maximum stays where it was', () => {
    const draft = withSourceCriterion(draftFromVersion(active), true, sources);
    expect(draft.criteria.at(-1)).toEqual(criterion('SOURCE', [['WEBSITE', 0], ['REFERRAL', 0], ['EVENT', 0]]));
    expect(modelMax(draft.criteria)).toBe(100);
  });

  it('brings back the points an earlier version gave, and drops the source when turned off', () => {
    const previous = criterion('SOURCE', [['REFERRAL', 10]]);
    const on = withSourceCriterion(draftFromVersion(active), true, sources, previous);
    expect(on.criteria.at(-1)!.options.map((o) => o.points)).toEqual([0, 10, 0]);
    expect(withSourceCriterion(on, true, sources)).toBe(on);
    expect(withSourceCriterion(on, false, sources).criteria.map((c) => c.criterion)).toEqual(['BUDGET', 'COMPANY_SIZE', 'INDUSTRY', 'URGENCY']);
  });
});

describe('checking a draft', () => {
  it('accepts the default model', () => {
    expect(validateDraft(draftFromVersion(active))).toEqual([]);
  });

  it('marks points out of 0–100 and fractions at their option', () => {
    let draft = edit(draftFromVersion(active), 'BUDGET', 'UNDER_10K', -5);
    draft = edit(draft, 'INDUSTRY', 'OTHER', 2.5);
    draft = edit(draft, 'URGENCY', 'IMMEDIATELY', 101);
    const issues = validateDraft(draft);
    expect(issues.filter((i) => i.field !== 'maxScore')).toEqual([
      { field: 'points.BUDGET.UNDER_10K', code: 'POINTS_RANGE', params: { min: 0, max: 100 } },
      { field: 'points.INDUSTRY.OTHER', code: 'NOT_WHOLE', params: {} },
      { field: 'points.URGENCY.IMMEDIATELY', code: 'POINTS_RANGE', params: { min: 0, max: 100 } },
    ]);
  });

  it('refuses thresholds out of order (HOT > KEY_ACCOUNT > WARM) or out of 1–100', () => {
    const draft = draftFromVersion(active);
    expect(validateDraft({ ...draft, thresholds: { hot: 70, keyAccount: 70, warm: 40 } })).toEqual([
      { field: 'thresholds.hot', code: 'THRESHOLD_ORDER', params: { above: 70 } },
    ]);
    expect(validateDraft({ ...draft, thresholds: { hot: 85, keyAccount: 30, warm: 40 } })).toEqual([
      { field: 'thresholds.keyAccount', code: 'THRESHOLD_ORDER', params: { above: 40 } },
    ]);
    // a number out of range is reported once, not again as out of order
    expect(validateDraft({ ...draft, thresholds: { hot: 101, keyAccount: 70, warm: 0 } })).toEqual([
      { field: 'thresholds.hot', code: 'THRESHOLD_RANGE', params: { min: 1, max: 100 } },
      { field: 'thresholds.warm', code: 'THRESHOLD_RANGE', params: { min: 1, max: 100 } },
    ]);
  });

  it('refuses a maximum other than 100 and says what it is', () => {
    const draft = edit(draftFromVersion(active), 'URGENCY', 'IMMEDIATELY', 25);
    expect(validateDraft(draft)).toEqual([{ field: 'maxScore', code: 'MAX_NOT_100', params: { max: 105, target: 100 } }]);
    // Immediately 20 → 25 and Over 1,000 employees 30 → 25: the maximum stays 100
    expect(validateDraft(edit(draft, 'COMPANY_SIZE', 'SIZE_OVER_1000', 25))).toEqual([]);
  });
});

describe("placing the server's refusal", () => {
  it('puts an option, a threshold and the comment at their fields', () => {
    const placed = placeServerErrors([
      { field: 'criteria.URGENCY.IMMEDIATELY', code: 'OUT_OF_RANGE', message: 'Points are whole numbers from 0 to 100 (got 101).' },
      { field: 'input.criteria.COMPANY_SIZE.SIZE_OVER_1000', code: 'REQUIRED', message: 'x' },
      { field: 'thresholds.keyAccount', code: 'OUT_OF_RANGE', message: 'y' },
      { field: 'comment', code: 'TOO_LONG', message: 'z' },
    ]);
    expect(placed.fields.map((f) => f.field)).toEqual(['points.URGENCY.IMMEDIATELY', 'points.COMPANY_SIZE.SIZE_OVER_1000', 'thresholds.keyAccount', 'comment']);
    expect(placed.fields[0]).toMatchObject({ code: 'OUT_OF_RANGE', message: 'Points are whole numbers from 0 to 100 (got 101).' });
    expect(placed.general).toEqual([]);
  });

  it('shows a problem of the whole model or of one criterion at the maximum', () => {
    const placed = placeServerErrors([
      { field: 'criteria', code: 'OUT_OF_RANGE', message: 'The best options add up to 105.' },
      { field: 'criteria.SOURCE', code: 'OUT_OF_RANGE', message: 'SOURCE is given twice.' },
    ]);
    expect(placed.fields.map((f) => f.field)).toEqual(['maxScore', 'maxScore']);
  });

  it('keeps what has no field in the form as a general error', () => {
    const placed = placeServerErrors([{ field: 'id', code: 'NOT_FOUND', message: 'gone' }, { code: 'X', message: 'other' }]);
    expect(placed.fields).toEqual([]);
    expect(placed.general).toEqual([{ code: 'NOT_FOUND', message: 'gone' }, { code: 'X', message: 'other' }]);
  });
});

describe('the diff of two versions', () => {
  it('marks the changed points and thresholds, and a criterion only one side scores', () => {
    let next = edit(draftFromVersion(active), 'URGENCY', 'IMMEDIATELY', 25);
    next = edit(next, 'COMPANY_SIZE', 'SIZE_OVER_1000', 25);
    next = withSourceCriterion(next, true, ['WEBSITE']);
    next = { ...next, thresholds: { hot: 90, keyAccount: 70, warm: 40 } };
    const diff = diffModels(active, next);
    expect(diff.changes).toBe(4);
    expect(diff.criteria.map((c) => [c.criterion, c.changed, c.beforeMax, c.afterMax])).toEqual([
      ['BUDGET', false, 30, 30],
      ['COMPANY_SIZE', true, 30, 25],
      ['INDUSTRY', false, 20, 20],
      ['URGENCY', true, 20, 25],
      ['SOURCE', true, null, 0],
    ]);
    expect(diff.criteria[3].options[0]).toEqual({ value: 'IMMEDIATELY', before: 20, after: 25, changed: true });
    expect(diff.criteria[4].options).toEqual([{ value: 'WEBSITE', before: null, after: 0, changed: true }]);
    expect(diff.thresholds.filter((t) => t.changed)).toEqual([{ key: 'hot', before: 85, after: 90, changed: true }]);
  });

  it('finds nothing between a version and itself', () => {
    expect(diffModels(active, draftFromVersion(active)).changes).toBe(0);
  });
});

describe('the impact preview', () => {
  it('lays out all 16 tier moves best tier first; up, down and unchanged', () => {
    const matrix = moveMatrix([
      { from: 'KEY_ACCOUNT', to: 'HOT', count: 3 },
      { from: 'HOT', to: 'HOT', count: 10 },
      { from: 'WARM', to: 'COLD', count: 2 },
      { from: 'COLD', to: 'COLD', count: 50 },
    ]);
    expect(matrix.rows.map((r) => r.from)).toEqual(['HOT', 'KEY_ACCOUNT', 'WARM', 'COLD']);
    expect(matrix.rows[1].cells.map((c) => [c.to, c.count, c.kind])).toEqual([
      ['HOT', 3, 'up'],
      ['KEY_ACCOUNT', 0, 'same'],
      ['WARM', 0, 'down'],
      ['COLD', 0, 'down'],
    ]);
    expect(matrix.rows[2].cells[3]).toEqual({ from: 'WARM', to: 'COLD', count: 2, kind: 'down' });
    expect(matrix.columnTotals).toEqual([13, 0, 0, 52]);
    expect(matrix).toMatchObject({ moved: 5, total: 65 });
  });

  it('draws before and after on one scale, bins in score order', () => {
    const { bars, peak } = histogramBars([
      { from: 5, to: 9, before: 10, after: 40 },
      { from: 0, to: 4, before: 20, after: 0 },
    ]);
    expect(peak).toBe(40);
    expect(bars).toEqual([
      { from: 0, to: 4, before: 20, after: 0, beforeHeight: 50, afterHeight: 0 },
      { from: 5, to: 9, before: 10, after: 40, beforeHeight: 25, afterHeight: 100 },
    ]);
    expect(histogramBars([{ from: 0, to: 4, before: 0, after: 0 }]).bars[0].beforeHeight).toBe(0);
  });

  it('signs the average change', () => {
    expect(signedChange(2.44)).toBe('+2.4');
    expect(signedChange(-1)).toBe('−1.0');
    expect(signedChange(0.04)).toBe('±0.0');
    expect(signedChange(1.25, (n) => n.toLocaleString('de', { minimumFractionDigits: 1 }))).toBe('+1,3');
  });
});

describe('rescoring progress', () => {
  it('is the share done, 100 once DONE even for a tenant without leads', () => {
    expect(jobProgress({ state: 'QUEUED', done: 0, total: 0 })).toBe(0);
    expect(jobProgress({ state: 'RUNNING', done: 333, total: 1000 })).toBe(33);
    expect(jobProgress({ state: 'RUNNING', done: 999, total: 1000 })).toBe(99);
    expect(jobProgress({ state: 'DONE', done: 0, total: 0 })).toBe(100);
  });
});

describe('option labels', () => {
  const translate = (locale: 'en' | 'de') => {
    const i18n = createAppI18n(locale);
    return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
  };
  it('names each option as the lead form does, in the chosen language', () => {
    expect(optionLabel('BUDGET', 'OVER_100K', translate('en'), 'en')).toBe('Over €100,000');
    expect(optionLabel('COMPANY_SIZE', 'SIZE_51_200', translate('en'), 'en')).toBe('51–200');
    expect(optionLabel('URGENCY', 'IMMEDIATELY', translate('de'), 'de')).toBe('Sofort');
    expect(optionLabel('SOURCE', 'REFERRAL', translate('de'), 'de')).toBe('Empfehlung');
    expect(optionLabel('INDUSTRY', 'SOFTWARE', translate('en'), 'en')).toBe('Software');
  });
});

describe('two reports on one job', () => {
  it('keeps the later state, then the one with more leads done', () => {
    const running = (done: number) => ({ state: 'RUNNING', done });
    expect(laterJob(running(10), running(20))).toEqual(running(20));
    expect(laterJob(running(20), running(10))).toEqual(running(20));
    expect(laterJob({ state: 'DONE', done: 50 }, running(60))).toEqual({ state: 'DONE', done: 50 });
    expect(laterJob({ state: 'QUEUED', done: 0 }, running(0))).toEqual(running(0));
    expect(laterJob(null, running(1))).toEqual(running(1));
    expect(laterJob(undefined, null)).toBeNull();
  });
});
