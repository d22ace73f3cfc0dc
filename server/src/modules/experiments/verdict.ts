/**
 * The experiment's plan and verdict, pure. Fixed horizon: the number of outcomes each arm needs is
 * computed once, at the start, from the smallest difference worth detecting; the test is run once,
 * on the first that many outcomes of each arm. Before that the verdict is "no difference yet" with
 * the outcomes still missing, whatever the interim numbers look like, because testing again and
 * again as outcomes arrive would call a difference far more often than 5 % of the time when there is
 * none (server/test/experiment-simulation.test.ts shows both).
 */
import { compareProportions, outcomesNeeded, type ProportionComparison } from '../../stats/index.js';
import { ExperimentVerdict } from './experiment.enums.js';

export const ALPHA = 0.05;
export const POWER = 0.8;
/** With too little history to estimate the tenant's win rate, the plan assumes this one. */
export const DEFAULT_BASELINE_RATE = 0.2;

export interface ExperimentPlanInput {
  /** The tenant's current win rate. */
  baselineRate: number;
  /** Absolute difference in win rate to detect, e.g. 0.1. */
  minimumDetectableEffect: number;
  /** Share of leads for the challenger. */
  split: number;
  /** A floor on the total planned outcomes. */
  minimumOutcomes?: number | null;
}

export interface ExperimentPlan {
  plannedControlOutcomes: number;
  plannedChallengerOutcomes: number;
}

/** Outcomes per arm for 80 % power at the minimum detectable effect (two-sided z test, α = 0.05), with the arms in the split's ratio. */
export function planExperiment({ baselineRate, minimumDetectableEffect, split, minimumOutcomes }: ExperimentPlanInput): ExperimentPlan {
  const p1 = Math.min(0.99, Math.max(0.01, baselineRate));
  // detect a rise; near the top there is no room, so plan for a fall of the same size
  const p2 = p1 + minimumDetectableEffect <= 0.99 ? p1 + minimumDetectableEffect : p1 - minimumDetectableEffect;
  const needed = outcomesNeeded(p1, p2, 0, 0, { ratio: split / (1 - split), power: POWER, alpha: ALPHA });
  let control = needed.required1;
  let challenger = needed.required2;
  if (minimumOutcomes != null && control + challenger < minimumOutcomes) {
    control = Math.ceil(minimumOutcomes * (1 - split));
    challenger = Math.ceil(minimumOutcomes * split);
  }
  return { plannedControlOutcomes: control, plannedChallengerOutcomes: challenger };
}

export interface ArmCounts {
  /** Leads with a known outcome (at the horizon: the first `planned` of them). */
  outcomes: number;
  wins: number;
  planned: number;
}

export interface VerdictResult {
  verdict: ExperimentVerdict;
  horizonReached: boolean;
  /** Outcomes still missing before the verdict is given (0 once the horizon is reached). */
  moreOutcomesNeeded: number;
  /** The test at the horizon (challenger − control); undefined before. */
  comparison?: ProportionComparison;
}

/**
 * The verdict from the counts of each arm. Pass the counts at the horizon (the first `planned`
 * outcomes of each arm): extra outcomes beyond the plan do not enter, so the verdict cannot change
 * by waiting for a convenient moment either.
 */
export function experimentVerdict(control: ArmCounts, challenger: ArmCounts, alpha = ALPHA): VerdictResult {
  const moreOutcomesNeeded = Math.max(0, control.planned - control.outcomes) + Math.max(0, challenger.planned - challenger.outcomes);
  if (moreOutcomesNeeded > 0) return { verdict: ExperimentVerdict.NO_DIFFERENCE_YET, horizonReached: false, moreOutcomesNeeded };
  const comparison = compareProportions(challenger.wins, challenger.outcomes, control.wins, control.outcomes);
  let verdict = ExperimentVerdict.NO_DIFFERENCE_YET;
  if (comparison.pValue < alpha) verdict = comparison.difference.estimate > 0 ? ExperimentVerdict.CHALLENGER_BETTER : ExperimentVerdict.CONTROL_BETTER;
  return { verdict, horizonReached: true, moreOutcomesNeeded: 0, comparison };
}
