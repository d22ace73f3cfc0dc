/**
 * Percentile bootstrap intervals for the AUC. Resampling is stratified (positives and negatives
 * resampled separately, as pROC does by default), so every replicate keeps the sample's mix of
 * outcomes and has an AUC. Two scores of the same leads are compared on the same resamples: their
 * difference then has its own interval, which is narrower and more honest than eyeballing whether
 * two separate intervals overlap.
 */
import { aucOfRanked, rankedForAuc, type Label, type RankedSample } from './auc.js';
import { DEFAULT_CONFIDENCE, type Interval } from './interval.js';
import { quantileSorted } from './quantiles.js';
import { createRandom, type Random } from './random.js';

export interface BootstrapOptions {
  /** Default 2000. */
  replicates?: number;
  /** Default 0.95. */
  confidence?: number;
  /** Default 1: the same data always gives the same interval. */
  seed?: number;
}

/** The central `confidence` share of values (type-7 quantiles at (1 − c)/2 and (1 + c)/2). */
export function percentileInterval(values: readonly number[], confidence = DEFAULT_CONFIDENCE): { lower: number; upper: number } {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  const sorted = Float64Array.from(values).sort();
  return { lower: quantileSorted(sorted, (1 - confidence) / 2), upper: quantileSorted(sorted, (1 + confidence) / 2) };
}

/** How often each observation is drawn in one stratified resample. */
function drawWeights(sample: RankedSample, random: Random, into: Float64Array): Float64Array {
  into.fill(0);
  for (const stratum of [sample.positives, sample.negatives]) {
    for (let i = 0; i < stratum.length; i++) into[stratum[random.int(stratum.length)]] += 1;
  }
  return into;
}

function resolve(options: BootstrapOptions) {
  const replicates = options.replicates ?? 2000;
  if (!Number.isInteger(replicates) || replicates < 10) throw new RangeError(`replicates must be a whole number ≥ 10, got ${replicates}`);
  return { replicates, confidence: options.confidence ?? DEFAULT_CONFIDENCE, random: createRandom(options.seed ?? 1) };
}

/** The AUC with its percentile bootstrap interval. */
export function bootstrapAuc(scores: readonly number[], labels: readonly Label[], options: BootstrapOptions = {}): Interval {
  const { replicates, confidence, random } = resolve(options);
  const sample = rankedForAuc(scores, labels);
  const weights = new Float64Array(scores.length);
  const values: number[] = [];
  for (let r = 0; r < replicates; r++) values.push(aucOfRanked(sample, drawWeights(sample, random, weights)));
  return { estimate: aucOfRanked(sample), ...percentileInterval(values, confidence) };
}

export interface AucComparison {
  first: Interval;
  second: Interval;
  /** AUC(first) − AUC(second), from the same resamples. */
  difference: Interval;
}

/** Two scores of the same observations (say a learned model and the rules), bootstrapped together. */
export function compareAucBootstrap(
  firstScores: readonly number[],
  secondScores: readonly number[],
  labels: readonly Label[],
  options: BootstrapOptions = {},
): AucComparison {
  const { replicates, confidence, random } = resolve(options);
  const first = rankedForAuc(firstScores, labels);
  const second = rankedForAuc(secondScores, labels);
  const weights = new Float64Array(labels.length);
  const firstValues: number[] = [];
  const secondValues: number[] = [];
  const differences: number[] = [];
  for (let r = 0; r < replicates; r++) {
    // positives and negatives are the same lists in both samples, so one draw serves both
    drawWeights(first, random, weights);
    const a = aucOfRanked(first, weights);
    const b = aucOfRanked(second, weights);
    firstValues.push(a);
    secondValues.push(b);
    differences.push(a - b);
  }
  const firstAuc = aucOfRanked(first);
  const secondAuc = aucOfRanked(second);
  return {
    first: { estimate: firstAuc, ...percentileInterval(firstValues, confidence) },
    second: { estimate: secondAuc, ...percentileInterval(secondValues, confidence) },
    difference: { estimate: firstAuc - secondAuc, ...percentileInterval(differences, confidence) },
  };
}
