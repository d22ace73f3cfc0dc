/**
 * A scoring model learned from outcomes, pure: an L2-penalised logistic regression on the one-hot
 * criteria of closed leads, judged by 5-fold cross-validated AUC against the current rules on the
 * same folds (paired bootstrap), with a calibration table, and translated into 0–100 points.
 */
import {
  auc,
  calibrationTable,
  compareAucBootstrap,
  createRandom,
  fitLogistic,
  outOfFoldPredictions,
  stratifiedFolds,
  type AucComparison,
  type CalibrationBin,
} from '../../stats/index.js';
import type { ScoreCriterion } from '../scoring/scoring.enums.js';
import { CRITERION_INPUT, CRITERION_OPTIONS, criterionMax, scoredCriteria, scoreLead, type ScoreInput, type ScoringModelDefinition } from '../scoring/scoring.model.js';
import { FEATURE_COLUMNS, featureRow, LEARNED_CRITERIA } from './features.js';
import { coefficientsToPoints } from './points.js';
import { criterionSentence, criterionShift, type CriterionShift } from './sentences.js';

export const MIN_CLOSED_LEADS = 50;
export const MIN_PER_OUTCOME = 10;
export const FOLDS = 5;
/**
 * Ridge strength, fixed rather than tuned per tenant (tuning on the same folds would flatter the
 * reported AUC): about five leads' evidence per option pulling towards "no effect", which keeps a
 * tenant with a hundred outcomes from fitting noise and hardly matters with thousands.
 */
export const LAMBDA = 5;
/** An open lead with rep feedback counts this much of a closed lead, when that kind of feedback is used. */
export const FEEDBACK_WEIGHT = 0.25;
/** A closed lead its rep called mis-scored (too low or too high) counts this much, when that kind of feedback is used. */
export const DISPUTED_WEIGHT = 2;
const REPLICATES = 1000;

export interface ClosedLead extends Required<ScoreInput> {
  won: boolean;
  /** Verdicts of reps that its score was too low or too high. */
  disputed: number;
}

/** An open lead whose reps said its score was too low (net > 0) or too high (net < 0). */
export interface FeedbackLead extends Required<ScoreInput> {
  net: number;
}

export interface SuggestionInput {
  closed: readonly ClosedLead[];
  feedback: readonly FeedbackLead[];
  current: ScoringModelDefinition;
  seed?: number;
}

export interface SuggestedOption {
  value: string;
  points: number;
  currentPoints: number | null;
  coefficient: number;
  /** Closed leads with this option. */
  leads: number;
}

export interface SuggestedCriterion {
  criterion: ScoreCriterion;
  maxPoints: number;
  currentMaxPoints: number | null;
  shift: CriterionShift;
  sentence: string;
  options: SuggestedOption[];
}

export type FeedbackUse = 'NONE' | 'OPEN_LEADS' | 'DISPUTED_WEIGHTS';

export interface FeedbackDecision {
  use: FeedbackUse;
  /** Leads whose feedback was tried (open leads with a net verdict, closed ones called mis-scored). */
  leads: number;
  /** Cross-validated AUC of each way tried. */
  aucs: Partial<Record<FeedbackUse, number>>;
  note: string;
}

export type Suggestion =
  | { enoughData: false; closed: number; wins: number; losses: number; moreNeeded: number; message: string }
  | {
      enoughData: true;
      closed: number;
      wins: number;
      losses: number;
      moreNeeded: 0;
      message: string;
      comparison: AucComparison;
      shownBetter: boolean;
      intervalsOverlap: boolean;
      feedback: FeedbackDecision;
      calibration: CalibrationBin[];
      /** null when the outcomes do not depend on any criterion at all */
      criteria: SuggestedCriterion[] | null;
      definition: ScoringModelDefinition | null;
    };

/** How many more closed leads the minimum needs (at least: which outcome they bring is not known). */
export function closedLeadsNeeded(closed: number, wins: number): number {
  return Math.max(0, MIN_CLOSED_LEADS - closed, MIN_PER_OUTCOME - wins, MIN_PER_OUTCOME - (closed - wins));
}

const fmt = (value: number) => value.toFixed(2);

export function suggestModel({ closed, feedback, current, seed = 1 }: SuggestionInput): Suggestion {
  const wins = closed.filter((lead) => lead.won).length;
  const losses = closed.length - wins;
  const moreNeeded = closedLeadsNeeded(closed.length, wins);
  if (moreNeeded > 0) {
    return {
      enoughData: false,
      closed: closed.length,
      wins,
      losses,
      moreNeeded,
      message: `Not enough data: ${moreNeeded} more closed leads needed (at least ${MIN_CLOSED_LEADS}, with ${MIN_PER_OUTCOME} won and ${MIN_PER_OUTCOME} lost; there are ${wins} won and ${losses} lost).`,
    };
  }
  const features = closed.map(featureRow);
  const outcomes = closed.map((lead) => (lead.won ? 1 : 0));
  const random = createRandom(seed);
  const folds = stratifiedFolds(outcomes, FOLDS, random);
  const decision = decideFeedback(features, outcomes, folds, closed, feedback);
  const training = trainingFor(decision.use, closed, feedback);
  const learned = crossValidated(features, outcomes, folds, training);
  const rules = closed.map((lead) => scoreLead(current, lead).score);
  const comparison = compareAucBootstrap(learned, rules, outcomes, { seed: seed + 1, replicates: REPLICATES });
  const intervalsOverlap = comparison.first.lower <= comparison.second.upper && comparison.second.lower <= comparison.first.upper;
  // never a false claim: better only when the paired difference excludes 0 and the two intervals do not even overlap
  const shownBetter = comparison.difference.lower > 0 && !intervalsOverlap;

  const model = fitLogistic([...features, ...training.extra.features], [...outcomes, ...training.extra.outcomes], {
    lambda: LAMBDA,
    weights: [...training.weights, ...training.extra.weights],
  });
  const definition = coefficientsToPoints(model.coefficients, current.tiers);
  return {
    enoughData: true,
    closed: closed.length,
    wins,
    losses,
    moreNeeded: 0,
    message: verdictMessage(comparison, shownBetter, intervalsOverlap),
    comparison,
    shownBetter,
    intervalsOverlap,
    feedback: decision,
    calibration: calibrationTable(learned, outcomes, 10),
    criteria: definition && describe(definition, current, model.coefficients, closed),
    definition,
  };
}

function verdictMessage({ first, second, difference }: AucComparison, shownBetter: boolean, overlap: boolean): string {
  const aucs = `cross-validated AUC ${fmt(first.estimate)} (95 % interval ${fmt(first.lower)}–${fmt(first.upper)}) against ${fmt(second.estimate)} (${fmt(second.lower)}–${fmt(second.upper)}) for the current rules; paired difference ${fmt(difference.estimate)} (${fmt(difference.lower)} to ${fmt(difference.upper)})`;
  if (shownBetter) return `The learned model ranks leads better than the current rules: ${aucs}.`;
  if (difference.lower > 0) return `The learned model is not shown to be better: its AUC interval overlaps the current rules' although the paired difference excludes 0; ${aucs}.`;
  if (overlap) return `The learned model is not shown to be better: the AUC intervals overlap and the difference interval includes 0; ${aucs}.`;
  return `The learned model is not shown to be better: ${aucs}.`;
}

interface Training {
  /** Weight of each closed lead. */
  weights: number[];
  /** Rows that join every training set and are never predicted. */
  extra: { features: number[][]; outcomes: number[]; weights: number[] };
}

const NO_ROWS = { features: [], outcomes: [], weights: [] };

/** What one way of using feedback adds to the training data. */
function trainingFor(use: FeedbackUse, closed: readonly ClosedLead[], feedback: readonly FeedbackLead[]): Training {
  if (use === 'OPEN_LEADS') {
    // too low → a weak win, too high → a weak loss
    const rows = feedback.filter((lead) => lead.net !== 0);
    return {
      weights: closed.map(() => 1),
      extra: { features: rows.map(featureRow), outcomes: rows.map((lead) => (lead.net > 0 ? 1 : 0)), weights: rows.map(() => FEEDBACK_WEIGHT) },
    };
  }
  if (use === 'DISPUTED_WEIGHTS') return { weights: closed.map((lead) => (lead.disputed > 0 ? DISPUTED_WEIGHT : 1)), extra: NO_ROWS };
  return { weights: closed.map(() => 1), extra: NO_ROWS };
}

/**
 * Out-of-fold predictions of the closed leads. Extra rows join every training set and are never
 * predicted: they get a fold number of their own (FOLDS), so each real fold trains on them; that
 * extra fold's own predictions are dropped.
 */
function crossValidated(features: number[][], outcomes: number[], folds: number[], { weights, extra }: Training): number[] {
  const predictions = outOfFoldPredictions([...features, ...extra.features], [...outcomes, ...extra.outcomes], [...folds, ...extra.features.map(() => FOLDS)], {
    lambda: LAMBDA,
    weights: [...weights, ...extra.weights],
  });
  return predictions.slice(0, features.length);
}

/**
 * Rep feedback is a weak signal, tried two ways: open leads with a net verdict as down-weighted
 * outcomes (too low as a win, too high as a loss), and closed leads a rep called mis-scored counting
 * double (they are where the current rules went wrong). A way is used only when it raises the
 * cross-validated AUC of the closed leads on the same folds, the real outcomes being the only judge;
 * the best one wins, and ties go to outcomes alone.
 */
function decideFeedback(features: number[][], outcomes: number[], folds: number[], closed: readonly ClosedLead[], feedback: readonly FeedbackLead[]): FeedbackDecision {
  const openLeads = feedback.filter((lead) => lead.net !== 0).length;
  const disputed = closed.filter((lead) => lead.disputed > 0).length;
  const aucOf = (use: FeedbackUse) => auc(crossValidated(features, outcomes, folds, trainingFor(use, closed, feedback)), outcomes);
  const aucs: Partial<Record<FeedbackUse, number>> = { NONE: aucOf('NONE') };
  if (openLeads > 0) aucs.OPEN_LEADS = aucOf('OPEN_LEADS');
  if (disputed > 0) aucs.DISPUTED_WEIGHTS = aucOf('DISPUTED_WEIGHTS');
  let use: FeedbackUse = 'NONE';
  for (const candidate of ['OPEN_LEADS', 'DISPUTED_WEIGHTS'] as const) if ((aucs[candidate] ?? -1) > aucs[use]!) use = candidate;
  if (openLeads + disputed === 0) {
    return { use, leads: 0, aucs, note: 'No rep has called a score too low or too high, so the model learns from outcomes alone.' };
  }
  const tried = [
    `outcomes alone ${aucs.NONE!.toFixed(3)}`,
    ...(aucs.OPEN_LEADS !== undefined ? [`with ${openLeads} open leads rated too low or too high as weak outcomes (weight ${FEEDBACK_WEIGHT}) ${aucs.OPEN_LEADS.toFixed(3)}`] : []),
    ...(aucs.DISPUTED_WEIGHTS !== undefined ? [`with ${disputed} closed leads called mis-scored counting ${DISPUTED_WEIGHT}× ${aucs.DISPUTED_WEIGHTS.toFixed(3)}`] : []),
  ].join('; ');
  const verdict = use === 'NONE' ? 'Rep feedback is left out because it does not raise the cross-validated AUC' : `Rep feedback is used ${use === 'OPEN_LEADS' ? 'as weak outcomes of open leads' : 'to weight the closed leads reps called mis-scored'} because it raises the cross-validated AUC`;
  return { use, leads: openLeads + disputed, aucs, note: `${verdict} (${tried}).` };
}

function describe(definition: ScoringModelDefinition, current: ScoringModelDefinition, coefficients: number[], closed: readonly ClosedLead[]): SuggestedCriterion[] {
  const currentCriteria = scoredCriteria(current);
  return LEARNED_CRITERIA.map((criterion) => {
    const points = definition.criteria[criterion] as Record<string, number>;
    const currentPoints = currentCriteria.includes(criterion) ? (current.criteria[criterion] as Record<string, number>) : null;
    const maxPoints = Math.max(...Object.values(points));
    const currentMaxPoints = currentPoints ? criterionMax(current, criterion) : null;
    const field = CRITERION_INPUT[criterion];
    return {
      criterion,
      maxPoints,
      currentMaxPoints,
      shift: criterionShift(maxPoints, currentMaxPoints),
      sentence: criterionSentence(criterion, maxPoints, currentMaxPoints),
      options: CRITERION_OPTIONS[criterion].map((value) => ({
        value,
        points: points[value],
        currentPoints: currentPoints ? currentPoints[value] : null,
        coefficient: coefficients[FEATURE_COLUMNS.findIndex((c) => c.criterion === criterion && c.option === value)],
        leads: closed.filter((lead) => lead[field] === value).length,
      })),
    };
  });
}
