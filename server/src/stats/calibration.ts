/**
 * Does a predicted 30 % mean 30 %? The calibration table groups observations by predicted
 * probability into equal-count bins (deciles by default) and sets each bin's mean prediction beside
 * its observed rate, with a Wilson interval so a bin of twelve leads does not look like proof.
 */
import { isPositive, type Label } from './auc.js';
import { DEFAULT_CONFIDENCE, type Interval } from './interval.js';
import { wilsonInterval } from './proportions.js';

export interface CalibrationBin {
  /** 0 = lowest predictions. */
  bin: number;
  n: number;
  minPredicted: number;
  maxPredicted: number;
  meanPredicted: number;
  /** Positives / n with its Wilson interval. */
  observed: Interval;
}

/**
 * Bins of (nearly) equal size by ascending prediction; bin i takes ranks ⌊i·n/bins⌋ … ⌊(i+1)·n/bins⌋ − 1.
 * Fewer observations than bins gives fewer bins (no empty ones).
 */
export function calibrationTable(
  predicted: readonly number[],
  outcomes: readonly Label[],
  bins = 10,
  confidence = DEFAULT_CONFIDENCE,
): CalibrationBin[] {
  if (predicted.length !== outcomes.length) throw new RangeError(`predictions (${predicted.length}) and outcomes (${outcomes.length}) differ in length`);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a whole number ≥ 1, got ${bins}`);
  const n = predicted.length;
  const order = predicted.map((_, index) => index).sort((a, b) => predicted[a] - predicted[b]);
  const table: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    const members = order.slice(Math.floor((bin * n) / bins), Math.floor(((bin + 1) * n) / bins));
    if (members.length === 0) continue;
    let sum = 0;
    let positives = 0;
    for (const index of members) {
      sum += predicted[index];
      if (isPositive(outcomes[index])) positives++;
    }
    table.push({
      bin: table.length,
      n: members.length,
      minPredicted: predicted[members[0]],
      maxPredicted: predicted[members[members.length - 1]],
      meanPredicted: sum / members.length,
      observed: wilsonInterval(positives, members.length, confidence),
    });
  }
  return table;
}

export interface TopShare {
  /** The lowest score included. */
  threshold: number;
  n: number;
  positives: number;
  rate: Interval;
}

/**
 * Outcome rate among the highest-scoring `fraction` of observations ("does the top 10 % convert?").
 * Everyone tied with the last one in is included, so the answer reads "leads scoring ≥ threshold"
 * and does not depend on input order; with coarse scores n can exceed fraction·total.
 */
export function topShare(
  scores: readonly number[],
  outcomes: readonly Label[],
  fraction = 0.1,
  confidence = DEFAULT_CONFIDENCE,
): TopShare {
  if (scores.length !== outcomes.length) throw new RangeError(`scores (${scores.length}) and outcomes (${outcomes.length}) differ in length`);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must lie in (0, 1], got ${fraction}`);
  if (scores.length === 0) return { threshold: NaN, n: 0, positives: 0, rate: wilsonInterval(0, 0, confidence) };
  const descending = Float64Array.from(scores).sort().reverse();
  const threshold = descending[Math.ceil(fraction * scores.length) - 1];
  let n = 0;
  let positives = 0;
  scores.forEach((score, index) => {
    if (score >= threshold) {
      n++;
      if (isPositive(outcomes[index])) positives++;
    }
  });
  return { threshold, n, positives, rate: wilsonInterval(positives, n, confidence) };
}
