import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeadSource, LeadTier } from '../src/modules/leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, ScoreCriterion, Urgency } from '../src/modules/scoring/scoring.enums.js';
import { CRITERION_OPTIONS, DEFAULT_SCORING_MODEL, modelMaxScore, scoreLead, type ScoringModelDefinition } from '../src/modules/scoring/scoring.model.js';
import { draftDefinition, draftInputOf, normalizeDefinition, type DraftDefinitionInput } from '../src/modules/scoring/scoring.validation.js';

const lead = { budget: BudgetRange.OVER_100K, companySize: CompanySize.SIZE_51_200, industry: Industry.SOFTWARE, urgency: Urgency.THIS_WEEK };

/** The default model with SOURCE scored: 10 points taken from URGENCY's best option, given to REFERRAL. */
function withSource(): ScoringModelDefinition {
  const model = structuredClone(DEFAULT_SCORING_MODEL);
  model.criteria.URGENCY = { IMMEDIATELY: 10, THIS_WEEK: 10, THIS_MONTH: 5, THIS_QUARTER: 5, NO_TIMELINE: 0 };
  model.criteria.SOURCE = { WEBSITE: 5, REFERRAL: 10, EVENT: 5, OUTBOUND: 0, PARTNER: 5, ADVERTISING: 0, OTHER: 0 };
  return model;
}

function input(model: ScoringModelDefinition, overrides: Omit<Partial<DraftDefinitionInput>, 'criteria'> = {}) {
  return { ...draftInputOf(model), ...overrides };
}

function fieldsOf(result: ReturnType<typeof draftDefinition>) {
  return (result.errors ?? []).map((e) => `${e.field} ${e.code}`);
}

describe('scoreLead with a SOURCE criterion', () => {
  it('adds the source points and lists SOURCE in the breakdown when the model scores it', () => {
    const result = scoreLead(withSource(), { ...lead, source: LeadSource.REFERRAL });
    // 30 + 20 + 20 + 10 + 10
    expect(result.score).toBe(90);
    expect(result.breakdown.map((c) => [c.criterion, c.points, c.maxPoints])).toEqual([
      ['BUDGET', 30, 30],
      ['COMPANY_SIZE', 20, 30],
      ['INDUSTRY', 20, 20],
      ['URGENCY', 10, 10],
      ['SOURCE', 10, 10],
    ]);
  });

  it('ignores the source when the model does not score it', () => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, { ...lead, source: LeadSource.REFERRAL });
    expect(result.score).toBe(85);
    expect(result.breakdown.map((c) => c.criterion)).not.toContain('SOURCE');
  });

  it('counts a missing source as 0 and names it, like any missing criterion', () => {
    const result = scoreLead(withSource(), lead);
    expect(result.score).toBe(80);
    expect(result.missing).toEqual(['SOURCE']);
  });
});

describe('draftDefinition', () => {
  it('accepts the default model and a model scoring SOURCE as they are', () => {
    expect(draftDefinition(input(DEFAULT_SCORING_MODEL)).definition).toEqual(DEFAULT_SCORING_MODEL);
    expect(draftDefinition(input(withSource())).definition).toEqual(withSource());
  });

  it.each([
    [-1, 'below 0'],
    [101, 'above 100'],
    [2.5, 'not whole'],
  ])('refuses points %s (%s), naming the option', (points) => {
    const model = input(DEFAULT_SCORING_MODEL);
    model.criteria[0].options[3] = { value: 'OVER_100K', points };
    expect(fieldsOf(draftDefinition(model))).toEqual(['criteria.BUDGET.OVER_100K OUT_OF_RANGE']);
  });

  it('names every missing option, unknown option and missing base criterion', () => {
    const model = input(DEFAULT_SCORING_MODEL);
    model.criteria[0].options.splice(0, 1);
    model.criteria[1].options.push({ value: 'SIZE_HUGE', points: 5 });
    model.criteria.splice(3, 1);
    expect(fieldsOf(draftDefinition(model))).toEqual([
      'criteria.BUDGET.UNDER_10K REQUIRED',
      'criteria.COMPANY_SIZE.SIZE_HUGE OUT_OF_RANGE',
      'criteria.URGENCY REQUIRED',
    ]);
  });

  it('refuses a criterion given twice', () => {
    const model = input(DEFAULT_SCORING_MODEL);
    model.criteria.push(model.criteria[0]);
    expect(fieldsOf(draftDefinition(model))).toEqual(['criteria.BUDGET OUT_OF_RANGE']);
  });

  it.each([
    [{ hot: 85, keyAccount: 85, warm: 40 }, ['thresholds.hot OUT_OF_RANGE']],
    [{ hot: 85, keyAccount: 70, warm: 70 }, ['thresholds.keyAccount OUT_OF_RANGE']],
    [{ hot: 101, keyAccount: 70, warm: 40 }, ['thresholds.hot OUT_OF_RANGE']],
    [{ hot: 85, keyAccount: 70, warm: 0 }, ['thresholds.warm OUT_OF_RANGE']],
    [{ hot: 40, keyAccount: 70, warm: 85 }, ['thresholds.hot OUT_OF_RANGE', 'thresholds.keyAccount OUT_OF_RANGE']],
  ])('refuses thresholds %j', (thresholds, fields) => {
    expect(fieldsOf(draftDefinition(input(DEFAULT_SCORING_MODEL, { thresholds })))).toEqual(fields);
  });

  it('refuses a model whose best options do not add up to 100, saying by how much', () => {
    const model = structuredClone(DEFAULT_SCORING_MODEL);
    model.criteria.BUDGET.OVER_100K = 20;
    model.criteria.BUDGET.FROM_50K_TO_100K = 20;
    const result = draftDefinition(input(model));
    expect(fieldsOf(result)).toEqual(['criteria OUT_OF_RANGE']);
    expect(result.errors![0].message).toContain('add up to 90');
  });

  it('scales such a model to exactly 100 when asked to normalize', () => {
    const model = structuredClone(DEFAULT_SCORING_MODEL);
    model.criteria.BUDGET.OVER_100K = 20;
    const { definition } = draftDefinition(input(model, { normalize: true }));
    expect(modelMaxScore(definition!)).toBe(100);
  });

  it('refuses to normalize a model where every option has 0 points', () => {
    const zero = input(DEFAULT_SCORING_MODEL, { normalize: true });
    for (const criterion of zero.criteria) for (const option of criterion.options) (option as { points: number }).points = 0;
    expect(fieldsOf(draftDefinition(zero))).toEqual(['criteria OUT_OF_RANGE']);
  });

  it('refuses a comment over 1,000 characters', () => {
    expect(fieldsOf(draftDefinition(input(DEFAULT_SCORING_MODEL, { comment: 'x'.repeat(1_001) })))).toEqual(['comment TOO_LONG']);
  });
});

describe('normalizeDefinition', () => {
  it('uses largest remainders: maxima 1, 1, 1 (of 3) become 34, 33, 33, not 33 × 3 = 99', () => {
    const model = structuredClone(DEFAULT_SCORING_MODEL);
    model.criteria.BUDGET = { UNDER_10K: 0, FROM_10K_TO_50K: 0, FROM_50K_TO_100K: 1, OVER_100K: 1 };
    model.criteria.COMPANY_SIZE = { SIZE_1_10: 0, SIZE_11_50: 0, SIZE_51_200: 0, SIZE_201_1000: 0, SIZE_OVER_1000: 1 };
    model.criteria.INDUSTRY = { SOFTWARE: 1, FINANCE: 0, MANUFACTURING: 0, HEALTHCARE: 0, RETAIL: 0, EDUCATION: 0, OTHER: 0 };
    model.criteria.URGENCY = { IMMEDIATELY: 0, THIS_WEEK: 0, THIS_MONTH: 0, THIS_QUARTER: 0, NO_TIMELINE: 0 };
    const normalized = normalizeDefinition(model);
    expect(normalized.criteria.BUDGET).toEqual({ UNDER_10K: 0, FROM_10K_TO_50K: 0, FROM_50K_TO_100K: 34, OVER_100K: 34 });
    expect(normalized.criteria.COMPANY_SIZE.SIZE_OVER_1000).toBe(33);
    expect(normalized.criteria.INDUSTRY.SOFTWARE).toBe(33);
    expect(modelMaxScore(normalized)).toBe(100);
  });

  it('always gives a maximum of exactly 100, options 0–100 and never above their criterion maximum, order kept', () => {
    const points = (criterion: ScoreCriterion) =>
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: CRITERION_OPTIONS[criterion].length, maxLength: CRITERION_OPTIONS[criterion].length }).map((values) =>
        Object.fromEntries(CRITERION_OPTIONS[criterion].map((option, i) => [option, values[i]])),
      );
    const model = fc
      .record({ BUDGET: points(ScoreCriterion.BUDGET), COMPANY_SIZE: points(ScoreCriterion.COMPANY_SIZE), INDUSTRY: points(ScoreCriterion.INDUSTRY), URGENCY: points(ScoreCriterion.URGENCY), SOURCE: fc.option(points(ScoreCriterion.SOURCE), { nil: undefined }) })
      .filter((criteria) => Object.values(criteria).some((c) => c && Object.values(c).some((p) => p > 0)));
    fc.assert(
      fc.property(model, (criteria) => {
        const definition = { criteria: Object.fromEntries(Object.entries(criteria).filter(([, c]) => c)), tiers: DEFAULT_SCORING_MODEL.tiers } as ScoringModelDefinition;
        const normalized = normalizeDefinition(definition);
        expect(modelMaxScore(normalized)).toBe(100);
        for (const [criterion, options] of Object.entries(normalized.criteria)) {
          const before = (definition.criteria as Record<string, Record<string, number>>)[criterion];
          const max = Math.max(...Object.values(options));
          for (const [option, p] of Object.entries(options)) {
            expect(Number.isInteger(p) && p >= 0 && p <= max).toBe(true);
            // an option worth more than another before is worth at least as much after
            for (const [other, q] of Object.entries(options)) if (before[option] > before[other]) expect(p).toBeGreaterThanOrEqual(q);
          }
        }
        // and the result passes validation as it is
        expect(draftDefinition(draftInputOf(normalized)).errors).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the tiers', () => {
    const model = { ...withSource(), tiers: { [LeadTier.HOT]: 90, [LeadTier.KEY_ACCOUNT]: 60, [LeadTier.WARM]: 30 } };
    expect(normalizeDefinition(model).tiers).toEqual(model.tiers);
  });
});
