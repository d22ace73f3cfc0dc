import { ScoreCriterion } from '../scoring/scoring.enums.js';

/** How a criterion's weight in the learned model compares with the current model. */
export enum CriterionShift {
  MORE = 'MORE',
  LESS = 'LESS',
  SAME = 'SAME',
  /** The current model does not score it. */
  NEW = 'NEW',
}

/** Differences of this many points or fewer read as "about as much": the rounding alone moves a point or two. */
export const SAME_WITHIN_POINTS = 2;

const NAMES: Record<ScoreCriterion, string> = {
  BUDGET: 'Budget',
  COMPANY_SIZE: 'Company size',
  INDUSTRY: 'Industry',
  URGENCY: 'Urgency',
  SOURCE: 'Source',
};

export function criterionShift(suggested: number, current: number | null): CriterionShift {
  if (current === null) return CriterionShift.NEW;
  if (Math.abs(suggested - current) <= SAME_WITHIN_POINTS) return CriterionShift.SAME;
  return suggested > current ? CriterionShift.MORE : CriterionShift.LESS;
}

/** "Urgency matters more than the current model says: 31 points instead of 20." (points = the criterion's maximum, out of 100) */
export function criterionSentence(criterion: ScoreCriterion, suggested: number, current: number | null): string {
  const name = NAMES[criterion];
  switch (criterionShift(suggested, current)) {
    case CriterionShift.NEW:
      return `${name} is not scored by the current model; the outcomes give it ${suggested} points.`;
    case CriterionShift.SAME:
      return `${name} matters about as much as the current model says: ${suggested} points instead of ${current}.`;
    case CriterionShift.MORE:
      return `${name} matters more than the current model says: ${suggested} points instead of ${current}.`;
    case CriterionShift.LESS:
      return `${name} matters less than the current model says: ${suggested} points instead of ${current}.`;
  }
}
