import type { LeadTable } from '../leads/lead.mapping.js';
import { LeadTier } from '../leads/lead.enums.js';
import { CRITERION_INPUT, CRITERION_OPTIONS, criterionMax, criterionPoints, scoredCriteria, type ScoringModelDefinition } from './scoring.model.js';
import type { ScoreCriterion } from './scoring.enums.js';

/**
 * `scoreLead` as SQL, for the statements that score many leads at once (the impact preview and
 * rescoring): the points come from the model as one jsonb parameter, looked up per lead, so
 * PostgreSQL does the work set-based. The rescoring test checks both give the same score.
 */
export interface ScoringSql {
  /** the model's points per criterion, for a `?::jsonb` parameter */
  points: string;
  /** the scored criteria and the lead column of each */
  columns: Array<{ criterion: ScoreCriterion; column: string; max: number }>;
  /** points of one criterion of the row `row`, with the points object aliased `pts` */
  pointsOf(criterion: ScoreCriterion, row: string): string;
  /** the score from the points expressions, clamped to 0–100 like scoreLead */
  score(points: string[]): string;
  /** the tier of a score expression */
  tier(score: string): string;
  /** the breakdown (Lead.scoreBreakdown) from each criterion's points expression */
  breakdown(points: string[]): string;
}

function assertInteger(value: number): number {
  if (!Number.isInteger(value)) throw new Error(`scoring model holds a value that is not an integer: ${value}`);
  return value;
}

export function scoringSql(model: ScoringModelDefinition, table: LeadTable): ScoringSql {
  const criteria = scoredCriteria(model);
  const points: Record<string, Record<string, number>> = {};
  for (const criterion of criteria) {
    const given = criterionPoints(model, criterion);
    // only known options and integers reach the statement
    points[criterion] = Object.fromEntries(CRITERION_OPTIONS[criterion].map((option) => [option, assertInteger(given[option])]));
  }
  const columns = criteria.map((criterion) => ({ criterion, column: table.column(CRITERION_INPUT[criterion]), max: assertInteger(criterionMax(model, criterion)) }));
  const hot = assertInteger(model.tiers.HOT);
  const keyAccount = assertInteger(model.tiers.KEY_ACCOUNT);
  const warm = assertInteger(model.tiers.WARM);
  return {
    points: JSON.stringify(points),
    columns,
    pointsOf: (criterion, row) => `(pts -> '${criterion}' ->> ${row}.${columns.find((c) => c.criterion === criterion)!.column})::int`,
    score: (expressions) => `least(100, greatest(0, ${expressions.join(' + ')}))`,
    tier: (score) =>
      `(case when ${score} >= ${hot} then '${LeadTier.HOT}' when ${score} >= ${keyAccount} then '${LeadTier.KEY_ACCOUNT}' when ${score} >= ${warm} then '${LeadTier.WARM}' else '${LeadTier.COLD}' end)`,
    breakdown: (expressions) =>
      `jsonb_build_array(${columns.map((c, i) => `jsonb_build_object('criterion', '${c.criterion}', 'points', ${expressions[i]}, 'maxPoints', ${c.max})`).join(', ')})`,
  };
}
