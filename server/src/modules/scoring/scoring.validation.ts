import type { FieldError } from '../../errors.js';
import { LeadTier } from '../leads/lead.enums.js';
import { ScoreCriterion } from './scoring.enums.js';
import { BASE_CRITERIA, CRITERION_OPTIONS, modelMaxScore, scoredCriteria, type ScoringModelDefinition } from './scoring.model.js';

/** The highest score every model gives: the sum of the criteria's maxima. */
export const MAX_SCORE = 100;
export const MAX_POINTS = 100;
export const MAX_COMMENT_LENGTH = 1_000;

/** A draft as an admin sends it (the shape of ScoringModelDraftInput). */
export interface DraftDefinitionInput {
  criteria: ReadonlyArray<{ criterion: ScoreCriterion; options: ReadonlyArray<{ value: string; points: number }> }>;
  thresholds: { hot: number; keyAccount: number; warm: number };
  comment?: string | null;
  normalize?: boolean | null;
}

export type DraftDefinitionResult = { definition: ScoringModelDefinition; errors?: undefined } | { definition?: undefined; errors: FieldError[] };

const isPoints = (value: number) => Number.isInteger(value) && value >= 0 && value <= MAX_POINTS;

/**
 * Pure: the stored definition of a draft, or every problem with it, each named by its field
 * (`criteria.BUDGET.OVER_100K`, `criteria.URGENCY`, `criteria`, `thresholds.hot`, `comment`).
 * Points are integers 0–100 and every option of a scored criterion has them; the four base
 * criteria are required, SOURCE optional; the maxima add up to exactly 100 unless `normalize`
 * scales them there; thresholds are 1–100 with HOT > KEY_ACCOUNT > WARM.
 */
export function draftDefinition(input: DraftDefinitionInput): DraftDefinitionResult {
  const errors: FieldError[] = [];
  const criteria: Partial<Record<ScoreCriterion, Record<string, number>>> = {};
  for (const { criterion, options } of input.criteria) {
    const field = `criteria.${criterion}`;
    if (!(criterion in CRITERION_OPTIONS)) {
      errors.push({ field, code: 'OUT_OF_RANGE', message: `${criterion} is not a criterion.` });
      continue;
    }
    if (criteria[criterion]) {
      errors.push({ field, code: 'OUT_OF_RANGE', message: `${criterion} is given twice; give each criterion once.` });
      continue;
    }
    const known = CRITERION_OPTIONS[criterion];
    const points: Record<string, number> = {};
    for (const { value, points: given } of options) {
      const optionField = `${field}.${value}`;
      if (!known.includes(value)) errors.push({ field: optionField, code: 'OUT_OF_RANGE', message: `${value} is not an option of ${criterion} (${known.join(', ')}).` });
      else if (value in points) errors.push({ field: optionField, code: 'OUT_OF_RANGE', message: `${value} is given twice in ${criterion}.` });
      else if (!isPoints(given)) errors.push({ field: optionField, code: 'OUT_OF_RANGE', message: `Points are whole numbers from 0 to ${MAX_POINTS} (got ${given}).` });
      else points[value] = given;
    }
    for (const value of known) {
      if (!options.some((option) => option.value === value)) errors.push({ field: `${field}.${value}`, code: 'REQUIRED', message: `Give ${value} its points (0 if it should not count).` });
    }
    criteria[criterion] = points;
  }
  for (const criterion of BASE_CRITERIA) {
    if (!criteria[criterion]) errors.push({ field: `criteria.${criterion}`, code: 'REQUIRED', message: `Every model scores ${criterion}; give points for each of its options.` });
  }
  errors.push(...thresholdErrors(input.thresholds));
  const comment = input.comment?.trim();
  if (comment && comment.length > MAX_COMMENT_LENGTH) errors.push({ field: 'comment', code: 'TOO_LONG', message: `The comment may have at most ${MAX_COMMENT_LENGTH} characters (got ${comment.length}).` });
  if (errors.length) return { errors };

  let definition = {
    criteria: criteria as ScoringModelDefinition['criteria'],
    tiers: { [LeadTier.HOT]: input.thresholds.hot, [LeadTier.KEY_ACCOUNT]: input.thresholds.keyAccount, [LeadTier.WARM]: input.thresholds.warm },
  };
  const max = modelMaxScore(definition);
  if (max !== MAX_SCORE) {
    if (!input.normalize) {
      return { errors: [{ field: 'criteria', code: 'OUT_OF_RANGE', message: `The best options add up to ${max}; they must add up to exactly ${MAX_SCORE}. Change the points, or set normalize to scale them.` }] };
    }
    if (max === 0) return { errors: [{ field: 'criteria', code: 'OUT_OF_RANGE', message: 'Every option has 0 points, so there is nothing to scale; give some options points.' }] };
    definition = normalizeDefinition(definition);
  }
  return { definition };
}

function thresholdErrors(thresholds: DraftDefinitionInput['thresholds']): FieldError[] {
  const errors: FieldError[] = [];
  const named = [
    ['hot', 'HOT', thresholds.hot],
    ['keyAccount', 'KEY_ACCOUNT', thresholds.keyAccount],
    ['warm', 'WARM', thresholds.warm],
  ] as const;
  for (const [field, tier, value] of named) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_SCORE) {
      errors.push({ field: `thresholds.${field}`, code: 'OUT_OF_RANGE', message: `${tier} starts at a whole score from 1 to ${MAX_SCORE} (got ${value}).` });
    }
  }
  if (errors.length) return errors;
  if (thresholds.hot <= thresholds.keyAccount) {
    errors.push({ field: 'thresholds.hot', code: 'OUT_OF_RANGE', message: `HOT must start above KEY_ACCOUNT (${thresholds.keyAccount}); got ${thresholds.hot}.` });
  }
  if (thresholds.keyAccount <= thresholds.warm) {
    errors.push({ field: 'thresholds.keyAccount', code: 'OUT_OF_RANGE', message: `KEY_ACCOUNT must start above WARM (${thresholds.warm}); got ${thresholds.keyAccount}.` });
  }
  return errors;
}

/**
 * Pure: scales every criterion so the maxima add up to exactly 100. Each criterion's maximum gets
 * its share of 100 by largest-remainder rounding (so rounding never makes 99 or 101); the other
 * options are scaled by the same factor, rounded, and kept at or below their criterion's maximum.
 */
export function normalizeDefinition(model: ScoringModelDefinition): ScoringModelDefinition {
  const criteria = scoredCriteria(model);
  const maxima = criteria.map((criterion) => Math.max(...Object.values(model.criteria[criterion]!)));
  const total = maxima.reduce((sum, max) => sum + max, 0);
  const factor = MAX_SCORE / total;
  const scaled = maxima.map((max) => max * factor);
  const floors = scaled.map(Math.floor);
  let left = MAX_SCORE - floors.reduce((sum, value) => sum + value, 0);
  // largest remainder first; ties go to the criterion listed first
  const byRemainder = criteria.map((_, i) => i).sort((a, b) => scaled[b] - floors[b] - (scaled[a] - floors[a]) || a - b);
  const newMaxima = [...floors];
  for (const i of byRemainder) {
    if (left <= 0) break;
    newMaxima[i]++;
    left--;
  }
  const normalized: Record<string, Record<string, number>> = {};
  criteria.forEach((criterion, i) => {
    const points = model.criteria[criterion]!;
    const entries = Object.entries(points as Record<string, number>).map(([value, p]) => [value, p === maxima[i] ? newMaxima[i] : Math.min(newMaxima[i], Math.round(p * factor))]);
    normalized[criterion] = Object.fromEntries(entries);
  });
  return { criteria: normalized as ScoringModelDefinition['criteria'], tiers: { ...model.tiers } };
}

/** Pure: a stored definition as the draft input that would store it again (what an editor starts from). */
export function draftInputOf(definition: ScoringModelDefinition, comment?: string): DraftDefinitionInput & { criteria: Array<{ criterion: ScoreCriterion; options: Array<{ value: string; points: number }> }> } {
  return {
    criteria: scoredCriteria(definition).map((criterion) => ({
      criterion,
      options: CRITERION_OPTIONS[criterion].map((value) => ({ value, points: (definition.criteria[criterion] as Record<string, number>)[value] })),
    })),
    thresholds: { hot: definition.tiers.HOT, keyAccount: definition.tiers.KEY_ACCOUNT, warm: definition.tiers.WARM },
    ...(comment !== undefined && { comment }),
  };
}
