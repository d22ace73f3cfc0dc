import { describe, expect, it } from 'vitest';
import { LeadTier } from '../src/modules/leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../src/modules/scoring/scoring.enums.js';
import { DEFAULT_SCORING_MODEL, scoreLead, tierFor } from '../src/modules/scoring/scoring.model.js';

const base = { budget: BudgetRange.UNDER_10K, companySize: CompanySize.SIZE_1_10, industry: Industry.OTHER, urgency: Urgency.NO_TIMELINE };
// 5 + 5 + 5 + 0 for the base lead; each table below changes one criterion
const BASE_POINTS = 15;

describe('scoreLead with the default model', () => {
  it('scores the example from the spec: 30+20+20+15 = 85, HOT', () => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, {
      budget: BudgetRange.OVER_100K,
      companySize: CompanySize.SIZE_51_200,
      industry: Industry.SOFTWARE,
      urgency: Urgency.THIS_WEEK,
    });
    expect(result.score).toBe(85);
    expect(result.tier).toBe(LeadTier.HOT);
    expect(result.isKeyAccount).toBe(true);
    expect(result.breakdown).toEqual([
      { criterion: 'BUDGET', points: 30, maxPoints: 30 },
      { criterion: 'COMPANY_SIZE', points: 20, maxPoints: 30 },
      { criterion: 'INDUSTRY', points: 20, maxPoints: 20 },
      { criterion: 'URGENCY', points: 15, maxPoints: 20 },
    ]);
    expect(result.missing).toEqual([]);
  });

  it.each([
    [BudgetRange.UNDER_10K, 5], [BudgetRange.FROM_10K_TO_50K, 15], [BudgetRange.FROM_50K_TO_100K, 25], [BudgetRange.OVER_100K, 30],
  ])('budget %s gives %i points', (budget, points) => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, { ...base, budget });
    expect(result.breakdown[0]).toEqual({ criterion: 'BUDGET', points, maxPoints: 30 });
    expect(result.score).toBe(BASE_POINTS - 5 + points);
  });

  it.each([
    [CompanySize.SIZE_1_10, 5], [CompanySize.SIZE_11_50, 10], [CompanySize.SIZE_51_200, 20], [CompanySize.SIZE_201_1000, 25], [CompanySize.SIZE_OVER_1000, 30],
  ])('company size %s gives %i points', (companySize, points) => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, { ...base, companySize });
    expect(result.breakdown[1]).toEqual({ criterion: 'COMPANY_SIZE', points, maxPoints: 30 });
    expect(result.score).toBe(BASE_POINTS - 5 + points);
  });

  it.each([
    [Industry.SOFTWARE, 20], [Industry.FINANCE, 20], [Industry.MANUFACTURING, 15], [Industry.HEALTHCARE, 15],
    [Industry.RETAIL, 10], [Industry.EDUCATION, 5], [Industry.OTHER, 5],
  ])('industry %s gives %i points', (industry, points) => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, { ...base, industry });
    expect(result.breakdown[2]).toEqual({ criterion: 'INDUSTRY', points, maxPoints: 20 });
    expect(result.score).toBe(BASE_POINTS - 5 + points);
  });

  it.each([
    [Urgency.IMMEDIATELY, 20], [Urgency.THIS_WEEK, 15], [Urgency.THIS_MONTH, 10], [Urgency.THIS_QUARTER, 5], [Urgency.NO_TIMELINE, 0],
  ])('urgency %s gives %i points', (urgency, points) => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, { ...base, urgency });
    expect(result.breakdown[3]).toEqual({ criterion: 'URGENCY', points, maxPoints: 20 });
    expect(result.score).toBe(BASE_POINTS + points);
  });

  it('gives 100 for the best option of every criterion and 15 for the worst', () => {
    expect(scoreLead(DEFAULT_SCORING_MODEL, { budget: BudgetRange.OVER_100K, companySize: CompanySize.SIZE_OVER_1000, industry: Industry.FINANCE, urgency: Urgency.IMMEDIATELY }).score).toBe(100);
    expect(scoreLead(DEFAULT_SCORING_MODEL, base).score).toBe(15);
  });

  it.each([
    [100, LeadTier.HOT], [85, LeadTier.HOT], [84, LeadTier.KEY_ACCOUNT], [70, LeadTier.KEY_ACCOUNT],
    [69, LeadTier.WARM], [40, LeadTier.WARM], [39, LeadTier.COLD], [0, LeadTier.COLD],
  ])('puts score %i in tier %s', (score, tier) => {
    expect(tierFor(score, DEFAULT_SCORING_MODEL.tiers)).toBe(tier);
  });

  it('marks key accounts from 70 up, and not below', () => {
    const at70 = scoreLead(DEFAULT_SCORING_MODEL, { budget: BudgetRange.OVER_100K, companySize: CompanySize.SIZE_51_200, industry: Industry.SOFTWARE, urgency: Urgency.NO_TIMELINE });
    expect(at70.score).toBe(70);
    expect(at70.isKeyAccount).toBe(true);
    const at65 = scoreLead(DEFAULT_SCORING_MODEL, { ...base, budget: BudgetRange.OVER_100K, companySize: CompanySize.SIZE_OVER_1000 });
    expect(at65.score).toBe(65);
    expect(at65.isKeyAccount).toBe(false);
  });

  it('scores a partial lead, counting missing criteria as 0 and naming them', () => {
    const result = scoreLead(DEFAULT_SCORING_MODEL, { budget: BudgetRange.OVER_100K, industry: Industry.FINANCE });
    expect(result.score).toBe(50);
    expect(result.missing).toEqual(['COMPANY_SIZE', 'URGENCY']);
    expect(result.breakdown.map((c) => c.points)).toEqual([30, 0, 20, 0]);
  });

  it('uses the thresholds and points of the model it is given', () => {
    const model = structuredClone(DEFAULT_SCORING_MODEL);
    model.criteria.URGENCY.NO_TIMELINE = 10;
    model.tiers.HOT = 20;
    const result = scoreLead(model, base);
    expect(result.score).toBe(25);
    expect(result.tier).toBe(LeadTier.HOT);
  });
});
