import { LeadSource, LeadTier } from '../leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, ScoreCriterion, Urgency } from './scoring.enums.js';

/**
 * A scoring model is data, not code: stored per tenant and versioned, so it can be edited or
 * A/B-tested without a deploy. `scoreLead` is the one place that turns a model and a lead into points.
 */
export interface ScoringModelDefinition {
  criteria: {
    [ScoreCriterion.BUDGET]: Record<BudgetRange, number>;
    [ScoreCriterion.COMPANY_SIZE]: Record<CompanySize, number>;
    [ScoreCriterion.INDUSTRY]: Record<Industry, number>;
    [ScoreCriterion.URGENCY]: Record<Urgency, number>;
    /** Optional: without it the source is tracked, not scored. */
    [ScoreCriterion.SOURCE]?: Record<LeadSource, number>;
  };
  /** Lowest score of each tier but COLD, which takes the rest. */
  tiers: { [LeadTier.HOT]: number; [LeadTier.KEY_ACCOUNT]: number; [LeadTier.WARM]: number };
}

export const DEFAULT_SCORING_MODEL: ScoringModelDefinition = {
  criteria: {
    BUDGET: { UNDER_10K: 5, FROM_10K_TO_50K: 15, FROM_50K_TO_100K: 25, OVER_100K: 30 },
    COMPANY_SIZE: { SIZE_1_10: 5, SIZE_11_50: 10, SIZE_51_200: 20, SIZE_201_1000: 25, SIZE_OVER_1000: 30 },
    INDUSTRY: { SOFTWARE: 20, FINANCE: 20, MANUFACTURING: 15, HEALTHCARE: 15, RETAIL: 10, EDUCATION: 5, OTHER: 5 },
    URGENCY: { IMMEDIATELY: 20, THIS_WEEK: 15, THIS_MONTH: 10, THIS_QUARTER: 5, NO_TIMELINE: 0 },
  },
  tiers: { HOT: 85, KEY_ACCOUNT: 70, WARM: 40 },
};

export interface ScoreInput {
  budget: BudgetRange;
  companySize: CompanySize;
  industry: Industry;
  urgency: Urgency;
  source?: LeadSource;
}

export interface ScoreComponentValue {
  criterion: ScoreCriterion;
  points: number;
  maxPoints: number;
}

export interface ScoreResult {
  score: number;
  tier: LeadTier;
  isKeyAccount: boolean;
  breakdown: ScoreComponentValue[];
  missing: ScoreCriterion[];
}

/** The options of each criterion in their natural order (JSON from the database does not keep key order). */
export const CRITERION_OPTIONS: Record<ScoreCriterion, readonly string[]> = {
  BUDGET: Object.values(BudgetRange),
  COMPANY_SIZE: Object.values(CompanySize),
  INDUSTRY: Object.values(Industry),
  URGENCY: Object.values(Urgency),
  SOURCE: Object.values(LeadSource),
};

/** The lead field each criterion scores (also the Lead property, so SQL finds its column). */
export const CRITERION_INPUT = {
  BUDGET: 'budget',
  COMPANY_SIZE: 'companySize',
  INDUSTRY: 'industry',
  URGENCY: 'urgency',
  SOURCE: 'source',
} as const satisfies Record<ScoreCriterion, keyof ScoreInput>;

/** Criteria every model scores; SOURCE is optional. */
export const BASE_CRITERIA: readonly ScoreCriterion[] = [ScoreCriterion.BUDGET, ScoreCriterion.COMPANY_SIZE, ScoreCriterion.INDUSTRY, ScoreCriterion.URGENCY];

/** The criteria a model scores, in their natural order. */
export function scoredCriteria(model: ScoringModelDefinition): ScoreCriterion[] {
  return model.criteria.SOURCE ? [...BASE_CRITERIA, ScoreCriterion.SOURCE] : [...BASE_CRITERIA];
}

/** Points of each option of a criterion the model scores. */
export function criterionPoints(model: ScoringModelDefinition, criterion: ScoreCriterion): Record<string, number> {
  const points = model.criteria[criterion];
  if (!points) throw new Error(`the model does not score ${criterion}`);
  return points;
}

/** Most points a criterion can give. */
export function criterionMax(model: ScoringModelDefinition, criterion: ScoreCriterion): number {
  return Math.max(...Object.values(criterionPoints(model, criterion)));
}

/** Highest score the model can give: the sum of every criterion's maximum (100 for a valid model). */
export function modelMaxScore(model: ScoringModelDefinition): number {
  return scoredCriteria(model).reduce((sum, criterion) => sum + criterionMax(model, criterion), 0);
}

export function tierFor(score: number, tiers: ScoringModelDefinition['tiers']): LeadTier {
  if (score >= tiers.HOT) return LeadTier.HOT;
  if (score >= tiers.KEY_ACCOUNT) return LeadTier.KEY_ACCOUNT;
  if (score >= tiers.WARM) return LeadTier.WARM;
  return LeadTier.COLD;
}

/** Key accounts are the two top tiers, so the flag always agrees with the tier. */
export function isKeyAccountTier(tier: LeadTier): boolean {
  return tier === LeadTier.HOT || tier === LeadTier.KEY_ACCOUNT;
}

export interface TierFloor {
  tier: LeadTier;
  /** lowest score of the tier; 0 for COLD */
  minScore: number;
  isKeyAccount: boolean;
}

/** Every tier with its lowest score, highest first. */
export function tierTable(tiers: ScoringModelDefinition['tiers']): TierFloor[] {
  return [LeadTier.HOT, LeadTier.KEY_ACCOUNT, LeadTier.WARM, LeadTier.COLD].map((tier) => ({
    tier,
    minScore: tier === LeadTier.COLD ? 0 : tiers[tier],
    isKeyAccount: isKeyAccountTier(tier),
  }));
}

/**
 * Pure: the score of a lead under a model, with the points of each criterion. Criteria not chosen
 * yet (a form being filled in) count 0 points and are listed in `missing`.
 */
export function scoreLead(model: ScoringModelDefinition, input: Partial<ScoreInput>): ScoreResult {
  const missing: ScoreCriterion[] = [];
  const breakdown = scoredCriteria(model).map((criterion) => {
    const options = criterionPoints(model, criterion);
    const chosen = input[CRITERION_INPUT[criterion]];
    if (!chosen) missing.push(criterion);
    const points = chosen ? options[chosen] : 0;
    if (points === undefined) throw new Error(`scoring model has no points for ${criterion} ${chosen}`);
    return { criterion, points, maxPoints: Math.max(...Object.values(options)) };
  });
  const raw = breakdown.reduce((sum, c) => sum + c.points, 0);
  const score = Math.min(100, Math.max(0, raw));
  const tier = tierFor(score, model.tiers);
  return { score, tier, isKeyAccount: isKeyAccountTier(tier), breakdown, missing };
}
