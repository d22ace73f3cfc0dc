import { ScoreCriterion } from '../scoring/scoring.enums.js';
import { CRITERION_INPUT, CRITERION_OPTIONS, type ScoreInput } from '../scoring/scoring.model.js';

/** The criteria a model is learned on: the four scored ones and the source. */
export const LEARNED_CRITERIA: readonly ScoreCriterion[] = [ScoreCriterion.BUDGET, ScoreCriterion.COMPANY_SIZE, ScoreCriterion.INDUSTRY, ScoreCriterion.URGENCY, ScoreCriterion.SOURCE];

export interface FeatureColumn {
  criterion: ScoreCriterion;
  option: string;
}

/**
 * One column per option of every criterion, with no reference level dropped. The L2 penalty makes
 * the fit unique anyway, and it shrinks every option of a criterion alike towards the criterion's
 * middle; dropping a level would instead pull all others towards an arbitrary one (a rare option
 * chosen as reference would distort the rest). Points are shifted so the worst option is 0 later,
 * which removes the one degree of freedom a full one-hot coding adds per criterion.
 */
export const FEATURE_COLUMNS: readonly FeatureColumn[] = LEARNED_CRITERIA.flatMap((criterion) => CRITERION_OPTIONS[criterion].map((option) => ({ criterion, option })));

/** The one-hot row of a lead. */
export function featureRow(lead: Required<ScoreInput>): number[] {
  return FEATURE_COLUMNS.map(({ criterion, option }) => (lead[CRITERION_INPUT[criterion]] === option ? 1 : 0));
}
