import { describe, expect, it } from 'vitest';
import { bootstrapAuc, compareAucBootstrap } from '../src/stats/bootstrap.js';
import { compareProportions } from '../src/stats/comparison.js';
import { outOfFoldPredictions, stratifiedFolds } from '../src/stats/crossval.js';
import { logChoose } from '../src/stats/gamma.js';
import { fitLogistic } from '../src/stats/logistic.js';
import { normalCdf } from '../src/stats/normal.js';
import { powerTwoProportions, sampleSizeTwoProportions } from '../src/stats/power.js';
import { wilsonInterval } from '../src/stats/proportions.js';
import { createRandom, type Random } from '../src/stats/random.js';

// Synthetic experiments with a known truth, seeded so every run sees the same numbers.

interface Verdicts {
  /** Share of experiments where the two-sided test rejects at α = 0.05. */
  different: number;
  /** Share where it rejects and arm 2 looks better, i.e. the verdict "challenger better". */
  secondBetter: number;
  /** Share decided by Fisher's exact test rather than the z test. */
  fisher: number;
}

function simulateExperiments(random: Random, experiments: number, n: number, p1: number, p2: number): Verdicts {
  let different = 0;
  let secondBetter = 0;
  let fisher = 0;
  for (let e = 0; e < experiments; e++) {
    const result = compareProportions(random.binomial(n, p1), n, random.binomial(n, p2), n);
    if (result.method === 'fisher') fisher++;
    if (result.pValue < 0.05) {
      different++;
      if (result.difference.estimate < 0) secondBetter++;
    }
  }
  return { different: different / experiments, secondBetter: secondBetter / experiments, fisher: fisher / experiments };
}

describe('A/A experiments (no true difference)', () => {
  it('call the arms different in at most about 5 % of 1000 experiments of 300 leads per arm', () => {
    const verdicts = simulateExperiments(createRandom(101), 1000, 300, 0.2, 0.2);
    expect(verdicts.fisher).toBe(0);
    expect(verdicts.different).toBeLessThanOrEqual(0.07);
    // one direction only: the false "challenger better" verdict
    expect(verdicts.secondBetter).toBeLessThanOrEqual(0.035);
  });

  it('stay at or below 5 % with small arms, where Fisher decides', () => {
    const verdicts = simulateExperiments(createRandom(102), 1000, 40, 0.1, 0.1);
    expect(verdicts.fisher).toBeGreaterThan(0.5);
    expect(verdicts.different).toBeLessThanOrEqual(0.05);
  });
});

describe('experiments with a real 10-point difference', () => {
  it('find 20 % vs 30 % in about 80 % of experiments with the planned 294 leads per arm', () => {
    const n = Math.ceil(sampleSizeTwoProportions(0.2, 0.3));
    expect(n).toBe(294);
    const verdicts = simulateExperiments(createRandom(103), 1000, n, 0.2, 0.3);
    // 1000 experiments: the standard error of an 80 % rate is 1.3 points
    expect(verdicts.different).toBeGreaterThan(0.76);
    expect(verdicts.different).toBeLessThan(0.84);
    expect(verdicts.secondBetter).toBe(verdicts.different);
  });

  it('find it only as often as the power formula predicts with half the leads', () => {
    const predicted = powerTwoProportions(0.2, 0.3, 147);
    const verdicts = simulateExperiments(createRandom(104), 1000, 147, 0.2, 0.3);
    expect(Math.abs(verdicts.different - predicted)).toBeLessThan(0.05);
  });
});

/** Leads with six yes/no traits and outcomes from a logistic model with the given true effects. */
function syntheticLeads(random: Random, n: number, effects: number[], intercept: number) {
  const features: number[][] = [];
  const outcomes: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const row = effects.map(() => random.bernoulli(0.4));
    const eta = row.reduce((sum, x, j) => sum + x * effects[j], intercept);
    features.push(row);
    outcomes.push(random.bernoulli(1 / (1 + Math.exp(-eta))));
  }
  return { features, outcomes };
}

describe('learning from outcomes', () => {
  // adjacent effects 0.6 apart: about four standard errors at 2000 leads
  const effects = [1.8, 1.2, 0.6, 0, -0.6, -1.2];

  it('recovers the ordering of the true effects', () => {
    const { features, outcomes } = syntheticLeads(createRandom(201), 2000, effects, -1);
    const model = fitLogistic(features, outcomes, { lambda: 1 });
    expect(model.converged).toBe(true);
    const byFitted = model.coefficients.map((beta, j) => [beta, j]).sort((a, b) => b[0] - a[0]).map(([, j]) => j);
    expect(byFitted).toEqual([0, 1, 2, 3, 4, 5]);
    model.coefficients.forEach((beta, j) => expect(Math.abs(beta - effects[j])).toBeLessThan(0.3));
  });

  it('beats a mis-weighted rule score on cross-validated AUC, with an interval that excludes no gain', () => {
    const random = createRandom(202);
    const { features, outcomes } = syntheticLeads(random, 1000, effects, -1);
    const folds = stratifiedFolds(outcomes, 5, random);
    const learned = outOfFoldPredictions(features, outcomes, folds, { lambda: 1 });
    // a rule that rewards the strongest trait, a useless one and a harmful one equally
    const rule = features.map((row) => 10 * row[0] + 10 * row[4] + 10 * row[5]);
    const comparison = compareAucBootstrap(learned, rule, outcomes, { seed: 203, replicates: 1000 });
    expect(comparison.difference.lower).toBeGreaterThan(0);
  });

  it('claims no improvement over a rule score that already is the truth', () => {
    const random = createRandom(204);
    const { features, outcomes } = syntheticLeads(random, 1000, effects, -1);
    const folds = stratifiedFolds(outcomes, 5, random);
    const learned = outOfFoldPredictions(features, outcomes, folds, { lambda: 1 });
    const truth = features.map((row) => row.reduce((sum, x, j) => sum + x * effects[j], 0));
    const comparison = compareAucBootstrap(learned, truth, outcomes, { seed: 205, replicates: 1000 });
    expect(comparison.difference.lower).toBeLessThan(0);
    expect(comparison.difference.upper).toBeLessThan(0.02);
  });
});

describe('coverage of the intervals', () => {
  const grid: [number, number][] = [20, 50, 100, 300].flatMap((n) => [0.05, 0.15, 0.3, 0.5].map((p): [number, number] => [n, p]));

  /** Exact coverage: the binomial probability of every count whose Wilson interval contains p. */
  function wilsonCoverage(n: number, p: number): number {
    let coverage = 0;
    for (let x = 0; x <= n; x++) {
      const { lower, upper } = wilsonInterval(x, n);
      if (lower <= p && p <= upper) coverage += Math.exp(logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log(1 - p));
    }
    return coverage;
  }

  it('Wilson 95 % covers the true rate 92–98 % of the time at every n and p of the grid, 95 % on average', () => {
    const coverages = grid.map(([n, p]) => wilsonCoverage(n, p));
    for (const coverage of coverages) {
      expect(coverage).toBeGreaterThan(0.92);
      expect(coverage).toBeLessThan(0.98);
    }
    const average = coverages.reduce((a, b) => a + b, 0) / coverages.length;
    expect(Math.abs(average - 0.95)).toBeLessThan(0.01);
  });

  it('Wilson coverage by simulation agrees with the exact figure', () => {
    const random = createRandom(301);
    for (const [n, p] of [[30, 0.1], [100, 0.15], [300, 0.3]]) {
      let covered = 0;
      for (let i = 0; i < 2000; i++) {
        const { lower, upper } = wilsonInterval(random.binomial(n, p), n);
        if (lower <= p && p <= upper) covered++;
      }
      // 2000 draws: standard error about 0.005
      expect(Math.abs(covered / 2000 - wilsonCoverage(n, p))).toBeLessThan(0.02);
    }
  });

  it('the bootstrap AUC interval covers the true AUC in about 95 % of samples', () => {
    // binormal scores, shift 1: true AUC = Φ(1/√2) = 0.7602
    const trueAuc = normalCdf(1 / Math.SQRT2);
    const random = createRandom(302);
    let covered = 0;
    const samples = 150;
    const labels = Array.from({ length: 160 }, (_, i) => (i < 50 ? 1 : 0));
    for (let s = 0; s < samples; s++) {
      const scores = labels.map((y) => random.normal() + y);
      const interval = bootstrapAuc(scores, labels, { seed: s, replicates: 300 });
      if (interval.lower <= trueAuc && trueAuc <= interval.upper) covered++;
    }
    // 150 samples: the standard error of a 95 % share is 1.8 points
    expect(covered / samples).toBeGreaterThan(0.89);
    expect(covered / samples).toBeLessThanOrEqual(0.99);
  });
});
