import type { ScoreCriterion } from '../scoring/scoring.enums.js';
import type { ScoringModelDefinition } from '../scoring/scoring.model.js';
import { normalizeDefinition } from '../scoring/scoring.validation.js';
import { FEATURE_COLUMNS, LEARNED_CRITERIA } from './features.js';

/**
 * Coefficients (log-odds per option) as points of the 0–100 model format: within each criterion the
 * worst option is shifted to 0 (only differences within a criterion carry meaning), then everything
 * is scaled by one factor so the criteria's maxima add up to exactly 100, by the same
 * largest-remainder rounding drafts are normalised with. Null when no option differs from another.
 */
export function coefficientsToPoints(coefficients: readonly number[], tiers: ScoringModelDefinition['tiers']): ScoringModelDefinition | null {
  if (coefficients.length !== FEATURE_COLUMNS.length) throw new RangeError(`expected ${FEATURE_COLUMNS.length} coefficients, got ${coefficients.length}`);
  const shifted: Partial<Record<ScoreCriterion, Record<string, number>>> = {};
  let total = 0;
  for (const criterion of LEARNED_CRITERIA) {
    const indices = FEATURE_COLUMNS.flatMap((column, index) => (column.criterion === criterion ? [index] : []));
    const lowest = Math.min(...indices.map((i) => coefficients[i]));
    shifted[criterion] = Object.fromEntries(indices.map((i) => [FEATURE_COLUMNS[i].option, coefficients[i] - lowest]));
    total += Math.max(...Object.values(shifted[criterion]!));
  }
  if (!(total > 1e-9)) return null;
  return normalizeDefinition({ criteria: shifted as ScoringModelDefinition['criteria'], tiers: { ...tiers } });
}
