import { describe, expect, it } from 'vitest';
import { ExperimentVerdict } from '../src/modules/experiments/experiment.enums.js';
import { experimentVerdict, planExperiment } from '../src/modules/experiments/verdict.js';
import { compareProportions } from '../src/stats/comparison.js';
import { createRandom, type Random } from '../src/stats/random.js';

// The experiment's verdict function run over simulated experiments with a known truth (seeded, so
// every run sees the same numbers). The tests of the underlying test and power formula are in
// stats-simulation.test.ts; these check the verdict rules on top: the planned horizon, no verdict
// from peeking, and the direction of the verdict.

interface Rates {
  challengerBetter: number;
  controlBetter: number;
}

/** `experiments` experiments with the given true win rates, judged once at the planned horizon. */
function fixedHorizon(random: Random, experiments: number, control: number, challenger: number, split = 0.5): Rates & { planned: [number, number] } {
  const plan = planExperiment({ baselineRate: 0.2, minimumDetectableEffect: 0.1, split });
  let challengerBetter = 0;
  let controlBetter = 0;
  for (let e = 0; e < experiments; e++) {
    const verdict = experimentVerdict(
      { outcomes: plan.plannedControlOutcomes, wins: random.binomial(plan.plannedControlOutcomes, control), planned: plan.plannedControlOutcomes },
      { outcomes: plan.plannedChallengerOutcomes, wins: random.binomial(plan.plannedChallengerOutcomes, challenger), planned: plan.plannedChallengerOutcomes },
    );
    if (verdict.verdict === ExperimentVerdict.CHALLENGER_BETTER) challengerBetter++;
    if (verdict.verdict === ExperimentVerdict.CONTROL_BETTER) controlBetter++;
  }
  return { challengerBetter: challengerBetter / experiments, controlBetter: controlBetter / experiments, planned: [plan.plannedControlOutcomes, plan.plannedChallengerOutcomes] };
}

describe('experiment verdicts on simulated A/A experiments (no true difference)', () => {
  it('call a winner in about 5 % of 2000 experiments (2.5 % each way), at the planned 294 outcomes per arm', () => {
    const rates = fixedHorizon(createRandom(1301), 2000, 0.2, 0.2);
    expect(rates.planned).toEqual([294, 294]);
    // 2000 experiments: the standard error of a 5 % share is 0.5 points
    expect(rates.challengerBetter + rates.controlBetter).toBeLessThanOrEqual(0.065);
    expect(rates.challengerBetter).toBeLessThanOrEqual(0.035);
  });

  it('give no verdict at any of the interim looks, so looking often does not raise the false-positive rate', () => {
    const random = createRandom(1302);
    const plan = planExperiment({ baselineRate: 0.2, minimumDetectableEffect: 0.1, split: 0.5 });
    const planned = plan.plannedControlOutcomes;
    const experiments = 500;
    let verdictsBeforeHorizon = 0;
    let falseAtHorizon = 0;
    let naiveFalse = 0;
    for (let e = 0; e < experiments; e++) {
      let controlWins = 0;
      let challengerWins = 0;
      let naiveCalled = false;
      for (let n = 1; n <= planned; n++) {
        controlWins += random.bernoulli(0.2);
        challengerWins += random.bernoulli(0.2);
        if (n % 20 !== 0 && n !== planned) continue;
        // a look at the running experiment: the verdict function, and a naive test for comparison
        const verdict = experimentVerdict({ outcomes: n, wins: controlWins, planned }, { outcomes: n, wins: challengerWins, planned });
        if (n < planned && verdict.verdict !== ExperimentVerdict.NO_DIFFERENCE_YET) verdictsBeforeHorizon++;
        if (n === planned && verdict.verdict !== ExperimentVerdict.NO_DIFFERENCE_YET) falseAtHorizon++;
        if (compareProportions(challengerWins, n, controlWins, n).pValue < 0.05) naiveCalled = true;
      }
      if (naiveCalled) naiveFalse++;
    }
    expect(verdictsBeforeHorizon).toBe(0);
    expect(falseAtHorizon / experiments).toBeLessThanOrEqual(0.07);
    // stopping at the first look with p < 0.05 would call a difference in about a fifth of them
    expect(naiveFalse / experiments).toBeGreaterThan(0.12);
  });
});

describe('experiment verdicts on simulated A/B experiments (a real 10-point difference)', () => {
  it('find a 20 % → 30 % improvement in about 80 % of experiments, never the wrong way', () => {
    const rates = fixedHorizon(createRandom(1303), 1000, 0.2, 0.3);
    expect(rates.challengerBetter).toBeGreaterThan(0.76);
    expect(rates.challengerBetter).toBeLessThan(0.84);
    expect(rates.controlBetter).toBe(0);
  });

  it('keep about 80 % power with a 30/70 split, whose plan has more outcomes', () => {
    const rates = fixedHorizon(createRandom(1304), 1000, 0.2, 0.3, 0.3);
    expect(rates.planned[0] + rates.planned[1]).toBeGreaterThan(588);
    expect(rates.challengerBetter).toBeGreaterThan(0.75);
    expect(rates.challengerBetter).toBeLessThan(0.85);
  });

  it('find a worse challenger as often', () => {
    const rates = fixedHorizon(createRandom(1305), 1000, 0.3, 0.2);
    expect(rates.controlBetter).toBeGreaterThan(0.76);
    expect(rates.challengerBetter).toBe(0);
  });
});
