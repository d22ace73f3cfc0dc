import type { FieldError } from '../../errors.js';
import { CRITERION_OPTIONS, scoredCriteria, type ScoringModelDefinition } from '../scoring/scoring.model.js';

export const SPLIT_RANGE = { min: 0.1, max: 0.9 };
export const WINDOW_RANGE = { min: 7, max: 365 };
export const EFFECT_RANGE = { min: 0.02, max: 0.5 };
export const MAX_MINIMUM_OUTCOMES = 100_000;

export interface StartInputFields {
  split: number;
  outcomeWindowDays: number;
  minimumDetectableEffect: number;
  minimumOutcomes?: number | null;
}

/** Pure: every problem with a start request, each named by its field. */
export function startInputErrors(input: StartInputFields): FieldError[] {
  const errors: FieldError[] = [];
  if (!(input.split >= SPLIT_RANGE.min && input.split <= SPLIT_RANGE.max)) {
    errors.push({ field: 'split', code: 'OUT_OF_RANGE', message: `The challenger's share is from ${SPLIT_RANGE.min} to ${SPLIT_RANGE.max} (got ${input.split}).` });
  }
  if (!Number.isInteger(input.outcomeWindowDays) || input.outcomeWindowDays < WINDOW_RANGE.min || input.outcomeWindowDays > WINDOW_RANGE.max) {
    errors.push({ field: 'outcomeWindowDays', code: 'OUT_OF_RANGE', message: `The outcome window is ${WINDOW_RANGE.min} to ${WINDOW_RANGE.max} whole days (got ${input.outcomeWindowDays}).` });
  }
  if (!(input.minimumDetectableEffect >= EFFECT_RANGE.min && input.minimumDetectableEffect <= EFFECT_RANGE.max)) {
    errors.push({
      field: 'minimumDetectableEffect',
      code: 'OUT_OF_RANGE',
      message: `The smallest difference worth detecting is from ${EFFECT_RANGE.min} to ${EFFECT_RANGE.max} (2 to 50 points of win rate; got ${input.minimumDetectableEffect}).`,
    });
  }
  const minimum = input.minimumOutcomes;
  if (minimum != null && (!Number.isInteger(minimum) || minimum < 1 || minimum > MAX_MINIMUM_OUTCOMES)) {
    errors.push({ field: 'minimumOutcomes', code: 'OUT_OF_RANGE', message: `The minimum number of outcomes is a whole number from 1 to ${MAX_MINIMUM_OUTCOMES} (got ${minimum}).` });
  }
  return errors;
}

/** Whether two definitions give every option the same points and the tiers the same thresholds (JSON key order aside). */
export function sameDefinition(a: ScoringModelDefinition, b: ScoringModelDefinition): boolean {
  const criteria = scoredCriteria(a);
  if (criteria.join() !== scoredCriteria(b).join()) return false;
  for (const criterion of criteria) {
    const pa = a.criteria[criterion] as Record<string, number>;
    const pb = b.criteria[criterion] as Record<string, number>;
    if (CRITERION_OPTIONS[criterion].some((option) => pa[option] !== pb[option])) return false;
  }
  return a.tiers.HOT === b.tiers.HOT && a.tiers.KEY_ACCOUNT === b.tiers.KEY_ACCOUNT && a.tiers.WARM === b.tiers.WARM;
}
