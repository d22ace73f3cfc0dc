/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability that a randomly chosen
 * positive scores above a randomly chosen negative, ties counting one half. Integer rule scores tie
 * a lot, so ties are not an edge case here. Sorting happens once (`rankedForAuc`); the bootstrap then
 * recomputes the AUC from per-observation weights in linear time.
 */

/** An outcome: true or 1 for a positive (won), false or 0 for a negative (lost). */
export type Label = boolean | number;

/** Whether a label is positive; anything but true/false/1/0 is refused rather than guessed. */
export function isPositive(label: Label): boolean {
  if (label === true || label === 1) return true;
  if (label === false || label === 0) return false;
  throw new RangeError(`an outcome must be true/false or 1/0, got ${label}`);
}

/** Observations sorted by score with their tie groups; built once per sample. */
export interface RankedSample {
  /** Input indices in ascending score order. */
  order: Int32Array;
  /** Tie group g spans order[groupStart[g]] … order[groupStart[g + 1] − 1]; one extra entry at the end. */
  groupStart: Int32Array;
  /** 1 for a positive, 0 for a negative, by input index. */
  positive: Uint8Array;
  /** Input indices of the positives and of the negatives. */
  positives: number[];
  negatives: number[];
}

export function rankedForAuc(scores: readonly number[], labels: readonly Label[]): RankedSample {
  if (scores.length !== labels.length) throw new RangeError(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  for (const score of scores) if (Number.isNaN(score)) throw new RangeError('a score is NaN');
  const order = Int32Array.from(scores, (_, index) => index).sort((a, b) => scores[a] - scores[b]);
  const starts: number[] = [];
  for (let rank = 0; rank < order.length; rank++) {
    if (rank === 0 || scores[order[rank]] !== scores[order[rank - 1]]) starts.push(rank);
  }
  starts.push(order.length);
  const positive = Uint8Array.from(labels, (label) => (isPositive(label) ? 1 : 0));
  const positives: number[] = [];
  const negatives: number[] = [];
  positive.forEach((isPositive, index) => (isPositive ? positives : negatives).push(index));
  if (positives.length === 0 || negatives.length === 0) throw new RangeError('the AUC needs at least one positive and one negative');
  return { order, groupStart: Int32Array.from(starts), positive, positives, negatives };
}

/**
 * AUC of a ranked sample where observation i counts weight[i] times (all 1 when omitted): the
 * bootstrap passes how often each observation was drawn. Allocates nothing, since it runs
 * thousands of times per interval.
 */
export function aucOfRanked(sample: RankedSample, weight?: ArrayLike<number>): number {
  const { order, groupStart, positive } = sample;
  // walk up the scores: each positive beats every negative below it and half-beats its ties
  let negativesBelow = 0;
  let totalPositive = 0;
  let wins = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    let positiveWeight = 0;
    let negativeWeight = 0;
    for (let rank = groupStart[g]; rank < groupStart[g + 1]; rank++) {
      const index = order[rank];
      const w = weight ? weight[index] : 1;
      if (positive[index]) positiveWeight += w;
      else negativeWeight += w;
    }
    wins += positiveWeight * (negativesBelow + negativeWeight / 2);
    negativesBelow += negativeWeight;
    totalPositive += positiveWeight;
  }
  return wins / (totalPositive * negativesBelow);
}

/** AUC of scores against labels (1/true = positive), with ties; R: wilcox.test(pos, neg)$statistic / (n₊·n₋). */
export function auc(scores: readonly number[], labels: readonly Label[]): number {
  return aucOfRanked(rankedForAuc(scores, labels));
}
