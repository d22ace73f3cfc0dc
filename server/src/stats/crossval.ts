/**
 * Stratified k-fold cross-validation: every lead is predicted by a model that never saw it, and each
 * fold keeps the overall mix of won and lost leads. The fold assignment is returned so that other
 * scores (the current rules) can be judged on exactly the same folds.
 */
import { fitLogistic, predictProbability, type LogisticOptions } from './logistic.js';
import type { Random } from './random.js';

/** Fold number (0 … k−1) of every observation (outcome ≥ 0.5 counts as positive); positives and negatives are dealt out separately. */
export function stratifiedFolds(outcomes: readonly number[], k: number, random: Random): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be a whole number ≥ 2, got ${k}`);
  const positives: number[] = [];
  const negatives: number[] = [];
  outcomes.forEach((y, index) => (y >= 0.5 ? positives : negatives).push(index));
  if (positives.length < k || negatives.length < k) {
    throw new RangeError(`${k}-fold cross-validation needs at least ${k} of each outcome (have ${positives.length} and ${negatives.length})`);
  }
  const folds = new Array<number>(outcomes.length);
  // negatives continue where positives stopped, so fold sizes differ by at most one overall
  let next = 0;
  for (const stratum of [random.shuffle(positives), random.shuffle(negatives)]) {
    for (const index of stratum) folds[index] = next++ % k;
  }
  return folds;
}

/** Each observation's probability from the model fitted on the other folds. */
export function outOfFoldPredictions(
  features: readonly (readonly number[])[],
  outcomes: readonly number[],
  folds: readonly number[],
  options: LogisticOptions = {},
): number[] {
  if (folds.length !== features.length) throw new RangeError(`folds (${folds.length}) and features (${features.length}) differ in length`);
  // no Math.max(...folds): spreading 100 000 arguments overflows the stack
  const k = folds.reduce((largest, fold) => Math.max(largest, fold), -1) + 1;
  const predictions = new Array<number>(features.length).fill(NaN);
  for (let fold = 0; fold < k; fold++) {
    const train = folds.flatMap((f, index) => (f === fold ? [] : [index]));
    const model = fitLogistic(
      train.map((index) => features[index]),
      train.map((index) => outcomes[index]),
      { ...options, weights: options.weights && train.map((index) => options.weights![index]) },
    );
    folds.forEach((f, index) => {
      if (f === fold) predictions[index] = predictProbability(model, features[index]);
    });
  }
  return predictions;
}
