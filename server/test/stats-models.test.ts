import { describe, expect, it } from 'vitest';
import { auc } from '../src/stats/auc.js';
import { bootstrapAuc, compareAucBootstrap, percentileInterval } from '../src/stats/bootstrap.js';
import { calibrationTable, topShare } from '../src/stats/calibration.js';
import { outOfFoldPredictions, stratifiedFolds } from '../src/stats/crossval.js';
import { cholesky, choleskySolve } from '../src/stats/linalg.js';
import { fitLogistic, predictProbabilities, predictProbability } from '../src/stats/logistic.js';
import { createRandom } from '../src/stats/random.js';

// R's mtcars: weight (1000 lbs), transmission (1 = manual), miles per gallon, engine (1 = straight)
const WT = [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78];
const AM = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
const MPG = [21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4];
const VS = [0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1];

/** Observations with three binary features, outcome drawn from a known logistic model. */
function synthetic(n: number, seed: number, truth = [1.2, 0.4, -0.8], intercept = -1) {
  const random = createRandom(seed);
  const features: number[][] = [];
  const outcomes: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const row = truth.map(() => random.bernoulli(0.5));
    const eta = row.reduce((sum, x, j) => sum + x * truth[j], intercept);
    features.push(row);
    outcomes.push(random.bernoulli(1 / (1 + Math.exp(-eta))));
  }
  return { features, outcomes };
}

/** O(n²) definition of the AUC: wins + ties/2 over all positive–negative pairs. */
function pairwiseAuc(scores: number[], labels: (0 | 1)[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((t, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('AUC (Mann–Whitney)', () => {
  it('is 0.75 on the scikit-learn roc_auc_score example', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts ties as one half: W = 4 of 6 pairs (R: wilcox.test(c(1, 2, 3), c(1, 2))$statistic)', () => {
    expect(auc([1, 1, 2, 2, 3], [0, 1, 0, 1, 1])).toBeCloseTo(4 / 6, 15);
    expect(auc([5, 5, 5, 5], [true, false, true, false])).toBe(0.5);
  });

  it('agrees with the pairwise definition on coarse, heavily tied scores', () => {
    const random = createRandom(11);
    const labels = Array.from({ length: 300 }, () => random.bernoulli(0.3));
    const scores = labels.map((y) => 5 * Math.round(random.next() * 8 + y * 3));
    expect(auc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 14);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, and refuses a single class', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(() => auc([1, 2], [1, 1])).toThrow(RangeError);
    expect(() => auc([1, 2], [1])).toThrow(RangeError);
    expect(() => auc([1, 2, 3], [1, 0, 2])).toThrow(/true\/false or 1\/0/);
  });
});

describe('bootstrap intervals', () => {
  it('takes the central share of the replicates (type-7 quantiles)', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    const interval = percentileInterval(values, 0.9);
    expect(interval.lower).toBeCloseTo(5, 12);
    expect(interval.upper).toBeCloseTo(95, 12);
  });

  it('brackets the AUC, is reproducible from its seed and narrows with more data', () => {
    const small = synthetic(200, 1);
    const large = synthetic(2000, 1);
    const score = (rows: number[][]) => rows.map((row) => 1.2 * row[0] + 0.4 * row[1] - 0.8 * row[2]);
    const a = bootstrapAuc(score(small.features), small.outcomes, { seed: 4, replicates: 500 });
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
    expect(bootstrapAuc(score(small.features), small.outcomes, { seed: 4, replicates: 500 })).toEqual(a);
    const b = bootstrapAuc(score(large.features), large.outcomes, { seed: 4, replicates: 500 });
    expect(b.upper - b.lower).toBeLessThan((a.upper - a.lower) / 2);
  });

  it('compares two scores on the same resamples', () => {
    const { features, outcomes } = synthetic(600, 2);
    const good = features.map((row) => 1.2 * row[0] + 0.4 * row[1] - 0.8 * row[2]);
    const weak = features.map((row) => row[1]);
    const result = compareAucBootstrap(good, weak, outcomes, { seed: 8, replicates: 500 });
    expect(result.first.estimate).toBe(auc(good, outcomes));
    expect(result.second.estimate).toBe(auc(weak, outcomes));
    expect(result.difference.lower).toBeGreaterThan(0);
    const same = compareAucBootstrap(good, good, outcomes, { seed: 8, replicates: 100 });
    expect(same.difference).toEqual({ estimate: 0, lower: 0, upper: 0 });
  });
});

describe('Cholesky', () => {
  it('solves a symmetric positive definite system and rejects an indefinite one', () => {
    const matrix = [
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ];
    // the classic example: L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]]
    expect(cholesky(matrix)).toEqual([
      [2, 0, 0],
      [6, 1, 0],
      [-8, 5, 3],
    ]);
    const x = choleskySolve(cholesky(matrix)!, [1, 2, 3]);
    matrix.forEach((row, i) => expect(row.reduce((sum, value, j) => sum + value * x[j], 0)).toBeCloseTo([1, 2, 3][i], 12));
    expect(cholesky([[1, 2], [2, 1]])).toBeNull();
  });
});

describe('logistic regression', () => {
  it('matches glm(am ~ wt, binomial, mtcars): 12.040, −4.024, logLik −9.588', () => {
    const model = fitLogistic(WT.map((w) => [w]), AM, { lambda: 0 });
    expect(model.converged).toBe(true);
    expect(model.intercept).toBeCloseTo(12.04037, 4);
    expect(model.coefficients[0]).toBeCloseTo(-4.02397, 4);
    // residual deviance 19.176 = −2·logLik
    expect(-2 * model.logLikelihood).toBeCloseTo(19.176, 3);
  });

  it('matches glm(vs ~ mpg, binomial, mtcars): −8.8331, 0.4304, deviance 25.533', () => {
    const model = fitLogistic(MPG.map((m) => [m]), VS, { lambda: 0 });
    expect(model.intercept).toBeCloseTo(-8.8331, 4);
    expect(model.coefficients[0]).toBeCloseTo(0.4304, 4);
    expect(-2 * model.logLikelihood).toBeCloseTo(25.533, 3);
    expect(predictProbability(model, [21])).toBeCloseTo(1 / (1 + Math.exp(8.8331 - 0.4304 * 21)), 3);
  });

  it('satisfies the penalised score equations and leaves the intercept unpenalised', () => {
    const { features, outcomes } = synthetic(400, 3);
    const lambda = 5;
    const model = fitLogistic(features, outcomes, { lambda });
    expect(model.converged).toBe(true);
    const residuals = predictProbabilities(model, features).map((p, i) => outcomes[i] - p);
    // Σ (y − p) = 0: fitted and observed base rate agree exactly
    expect(Math.abs(residuals.reduce((a, b) => a + b, 0))).toBeLessThan(1e-8);
    model.coefficients.forEach((beta, j) => {
      const score = residuals.reduce((sum, r, i) => sum + r * features[i][j], 0);
      expect(score).toBeCloseTo(lambda * beta, 7);
    });
    expect(model.penalizedLogLikelihood).toBeCloseTo(model.logLikelihood - (lambda / 2) * model.coefficients.reduce((s, b) => s + b * b, 0), 10);
  });

  it('shrinks coefficients towards zero as the penalty grows', () => {
    const { features, outcomes } = synthetic(300, 4);
    const size = (lambda: number) => Math.hypot(...fitLogistic(features, outcomes, { lambda }).coefficients);
    expect(size(0)).toBeGreaterThan(size(1));
    expect(size(1)).toBeGreaterThan(size(50));
    expect(size(50)).toBeGreaterThan(size(5000));
    expect(size(1e9)).toBeLessThan(1e-6);
  });

  it('gives finite coefficients on perfectly separated data thanks to the penalty', () => {
    const features = [[0], [0], [0], [1], [1], [1]];
    const outcomes = [0, 0, 0, 1, 1, 1];
    const plain = fitLogistic(features, outcomes, { lambda: 0 });
    expect(plain.converged).toBe(false);
    const penalised = fitLogistic(features, outcomes, { lambda: 1 });
    expect(penalised.converged).toBe(true);
    expect(penalised.iterations).toBeLessThan(15);
    expect(penalised.coefficients[0]).toBeGreaterThan(1);
    expect(penalised.coefficients[0]).toBeLessThan(10);
    // symmetric data: the intercept sits at minus half the slope
    expect(penalised.intercept).toBeCloseTo(-penalised.coefficients[0] / 2, 8);
  });

  it('treats a weight of 2 like a duplicated row', () => {
    const { features, outcomes } = synthetic(120, 5);
    const weights = features.map((_, i) => (i % 3 === 0 ? 2 : 1));
    const weighted = fitLogistic(features, outcomes, { lambda: 1, weights });
    const duplicated = fitLogistic(
      features.flatMap((row, i) => (i % 3 === 0 ? [row, row] : [row])),
      outcomes.flatMap((y, i) => (i % 3 === 0 ? [y, y] : [y])),
      { lambda: 1 },
    );
    weighted.coefficients.forEach((beta, j) => expect(beta).toBeCloseTo(duplicated.coefficients[j], 10));
    expect(weighted.logLikelihood).toBeCloseTo(duplicated.logLikelihood, 9);
  });

  it('splits a duplicated column evenly under the penalty and refuses it without', () => {
    const { features, outcomes } = synthetic(200, 6);
    const doubled = features.map((row) => [row[0], row[0]]);
    const model = fitLogistic(doubled, outcomes, { lambda: 1 });
    expect(model.coefficients[0]).toBeCloseTo(model.coefficients[1], 8);
    expect(() => fitLogistic(doubled, outcomes, { lambda: 0 })).toThrow(/linearly dependent/);
  });

  it('refuses data with one outcome only, mismatched lengths and outcomes outside [0, 1]', () => {
    expect(() => fitLogistic([[1], [0]], [1, 1])).toThrow(/both outcomes/);
    expect(() => fitLogistic([[1], [0]], [1])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [0]], [2, 0])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [0]], [1, 0], { lambda: -1 })).toThrow(RangeError);
  });
});

describe('cross-validation', () => {
  it('deals both outcomes evenly over the folds', () => {
    const outcomes = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const folds = stratifiedFolds(outcomes, 5, createRandom(1));
    for (let fold = 0; fold < 5; fold++) {
      const members = outcomes.filter((_, i) => folds[i] === fold);
      expect(members.length === 20 || members.length === 21).toBe(true);
      const positives = members.filter((y) => y === 1).length;
      expect(positives === 5 || positives === 6).toBe(true);
    }
    expect(() => stratifiedFolds([1, 1, 0, 0, 0, 0], 5, createRandom(1))).toThrow(/at least 5 of each outcome/);
  });

  it('predicts every observation with a model that did not see it', () => {
    const { features, outcomes } = synthetic(150, 7);
    const folds = stratifiedFolds(outcomes, 5, createRandom(2));
    const predictions = outOfFoldPredictions(features, outcomes, folds, { lambda: 1 });
    const train = features.map((_, i) => i).filter((i) => folds[i] !== 2);
    const model = fitLogistic(train.map((i) => features[i]), train.map((i) => outcomes[i]), { lambda: 1 });
    folds.forEach((fold, i) => {
      expect(predictions[i]).toBeGreaterThan(0);
      if (fold === 2) expect(predictions[i]).toBeCloseTo(predictProbability(model, features[i]), 12);
    });
  });
});

describe('calibration table and top share', () => {
  it('bins by predicted probability into equal-count groups with Wilson intervals', () => {
    const predicted = [0.9, 0.1, 0.2, 0.8, 0.3, 0.7];
    const outcomes: (0 | 1)[] = [1, 0, 0, 1, 1, 0];
    const table = calibrationTable(predicted, outcomes, 3);
    expect(table.map((bin) => [bin.n, bin.minPredicted, bin.maxPredicted, bin.observed.estimate])).toEqual([
      [2, 0.1, 0.2, 0],
      [2, 0.3, 0.7, 0.5],
      [2, 0.8, 0.9, 1],
    ]);
    expect(table[0].meanPredicted).toBeCloseTo(0.15, 15);
    expect(table[0].observed.upper).toBeCloseTo(0.6576, 4); // Wilson 0/2
    expect(calibrationTable([0.5, 0.6], [0, 1], 10)).toHaveLength(2);
  });

  it('takes the top share including every lead tied at the threshold', () => {
    const scores = [90, 85, 85, 85, 70, 60, 50, 40, 30, 20];
    const outcomes: (0 | 1)[] = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0];
    expect(topShare(scores, outcomes, 0.1)).toMatchObject({ threshold: 90, n: 1, positives: 1 });
    const top20 = topShare(scores, outcomes, 0.2);
    expect(top20).toMatchObject({ threshold: 85, n: 4, positives: 2 });
    expect(top20.rate.estimate).toBe(0.5);
    expect(topShare([], [], 0.1).n).toBe(0);
  });
});
