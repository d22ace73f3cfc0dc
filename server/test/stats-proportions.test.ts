import { describe, expect, it } from 'vitest';
import { compareProportions, smallestExpectedCount } from '../src/stats/comparison.js';
import { fisherExactTest } from '../src/stats/fisher.js';
import { outcomesNeeded, powerTwoProportions, sampleSizeTwoProportions } from '../src/stats/power.js';
import { differenceInterval, twoProportionZTest, wilsonInterval } from '../src/stats/proportions.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('Wilson score interval', () => {
  it.each([
    // Newcombe (1998), Stat Med 17:857, Table I, method 3 (score interval without continuity correction)
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives %d to %d as published', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('matches prop.test(15, 100, correct = FALSE)$conf.int = 0.09305985 0.23283560', () => {
    const interval = wilsonInterval(15, 100);
    expect(interval.estimate).toBe(0.15);
    expect(interval.lower).toBeCloseTo(0.09305985, 8);
    expect(interval.upper).toBeCloseTo(0.2328356, 8);
  });

  it('does not collapse at 0 of 10: [0, 0.2775] with the bound exactly 0', () => {
    const interval = wilsonInterval(0, 10);
    expect(interval.lower).toBe(0);
    expect(interval.upper).toBeCloseTo(0.2775328, 7);
    expect(wilsonInterval(10, 10).upper).toBe(1);
    expect(wilsonInterval(10, 10).lower).toBeCloseTo(1 - 0.2775328, 7);
  });

  it('widens with the confidence level', () => {
    // scipy.stats.binomtest(15, 100).proportion_ci(c, method='wilson'), c = 0.99 and 0.90
    expect(wilsonInterval(15, 100, 0.99).lower).toBeCloseTo(0.0800854423, 9);
    expect(wilsonInterval(15, 100, 0.99).upper).toBeCloseTo(0.2634690391, 9);
    expect(wilsonInterval(15, 100, 0.9).lower).toBeCloseTo(0.1005368677, 9);
    expect(wilsonInterval(15, 100, 0.9).upper).toBeCloseTo(0.2179030369, 9);
  });

  it('knows nothing from n = 0 and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: NaN, lower: 0, upper: 1 });
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
  });
});

describe('difference of two proportions (Newcombe hybrid score, method 10)', () => {
  it.each([
    // Newcombe (1998), Stat Med 17:873, Table II, method 10
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i gives %d to %d as published', (x1, n1, x2, n2, lower, upper) => {
    const interval = differenceInterval(x1, n1, x2, n2);
    expect(interval.estimate).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it("measures the seed's 15 % vs 5 % claim with its uncertainty", () => {
    // 15 of 100 key accounts won, 5 of 100 other leads: the difference is real but its size is vague
    const interval = differenceInterval(15, 100, 5, 100);
    expect(interval.estimate).toBeCloseTo(0.1, 12);
    expect(interval.lower).toBeGreaterThan(0);
    expect(interval.lower).toBeLessThan(0.03);
    expect(interval.upper).toBeGreaterThan(0.18);
  });

  it('spans [−1, 1] when a group is empty', () => {
    expect(differenceInterval(0, 0, 3, 10)).toEqual({ estimate: NaN, lower: -1, upper: 1 });
  });
});

describe('two-proportion z test (pooled)', () => {
  it('matches prop.test(c(15, 25), c(100, 100), correct = FALSE): X-squared = 3.125, p = 0.0771', () => {
    const result = twoProportionZTest(15, 100, 25, 100);
    expect(result.difference).toBeCloseTo(-0.1, 12);
    expect(result.z * result.z).toBeCloseTo(3.125, 10);
    expect(result.pValue).toBeCloseTo(0.077099871743542, 12);
  });

  it('is symmetric in the two groups', () => {
    const forward = twoProportionZTest(30, 200, 50, 210);
    const backward = twoProportionZTest(50, 210, 30, 200);
    expect(backward.z).toBeCloseTo(-forward.z, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 14);
  });

  it('finds no difference when every outcome is the same, and refuses an empty group', () => {
    expect(twoProportionZTest(0, 50, 0, 60)).toEqual({ difference: 0, z: 0, pValue: 1 });
    expect(twoProportionZTest(50, 50, 60, 60).pValue).toBe(1);
    expect(() => twoProportionZTest(0, 0, 1, 5)).toThrow(RangeError);
  });
});

describe("Fisher's exact test", () => {
  it('matches fisher.test on the tea-tasting table: two-sided 0.4857, greater 0.2429', () => {
    // R documentation example: TeaTasting <- matrix(c(3, 1, 1, 3), 2)
    expect(fisherExactTest({ a: 3, b: 1, c: 1, d: 3 })).toBeCloseTo(0.4857142857142857, 12);
    expect(fisherExactTest({ a: 3, b: 1, c: 1, d: 3 }, 'greater')).toBeCloseTo(0.2428571428571429, 12);
  });

  it('matches fisher.test on the convictions table: less 0.0004652, two-sided 0.0005367', () => {
    // R documentation example: Convictions <- matrix(c(2, 10, 15, 3), 2, dimnames = …), i.e. rows (2, 15), (10, 3)
    expect(fisherExactTest({ a: 2, b: 15, c: 10, d: 3 }, 'less')).toBeCloseTo(0.0004651809433629, 15);
    expect(fisherExactTest({ a: 2, b: 15, c: 10, d: 3 })).toBeCloseTo(0.0005367241191434, 15);
  });

  it('matches the textbook dieting example (Wikipedia): p = 0.002759', () => {
    expectRelative(fisherExactTest({ a: 1, b: 9, c: 11, d: 3 }), 0.0027594561852200836, 1e-12);
  });

  it.each([
    // exact rational arithmetic (Python fractions over math.comb), R's tolerance 1 + 1e-7
    [1200, 800, 1100, 900, 0.0015395077387717407],
    [3000, 2000, 2900, 2100, 0.04412145224842156],
    [30, 2000, 10, 2100, 0.001195595288575596],
  ])('works for counts in the thousands: %i %i / %i %i → %d', (a, b, c, d, expected) => {
    expectRelative(fisherExactTest({ a, b, c, d }), expected, 1e-10);
  });

  it('counts tables exactly as likely as the observed one (symmetric margins give p = 1)', () => {
    // every table with margins (5, 5 | 5, 5) is paired with its mirror image of equal probability
    expect(fisherExactTest({ a: 3, b: 2, c: 2, d: 3 })).toBeCloseTo(1, 12);
    expect(fisherExactTest({ a: 0, b: 5, c: 5, d: 0 })).toBeCloseTo(2 / 252, 14);
    expect(fisherExactTest({ a: 0, b: 0, c: 0, d: 0 })).toBe(1);
    expect(() => fisherExactTest({ a: -1, b: 0, c: 0, d: 0 })).toThrow(RangeError);
  });
});

describe('comparing two rates', () => {
  it('uses Fisher when an expected count is below 5, else the z test', () => {
    expect(smallestExpectedCount(3, 20, 1, 20)).toBe(2);
    const small = compareProportions(3, 20, 1, 20);
    expect(small.method).toBe('fisher');
    expect(small.pValue).toBeCloseTo(fisherExactTest({ a: 3, b: 17, c: 1, d: 19 }), 15);
    const large = compareProportions(15, 100, 25, 100);
    expect(large.method).toBe('z');
    expect(large.pValue).toBeCloseTo(0.077099871743542, 12);
    expect(large.rate1).toEqual(wilsonInterval(15, 100));
    expect(large.difference).toEqual(differenceInterval(15, 100, 25, 100));
  });

  it('reports nothing learned when an arm is empty', () => {
    expect(compareProportions(0, 0, 5, 10).pValue).toBe(1);
  });
});

describe('power and sample size (as R power.prop.test)', () => {
  it('power.prop.test(n = 50, p1 = 0.5, p2 = 0.75): power = 0.7401659', () => {
    expect(powerTwoProportions(0.5, 0.75, 50)).toBeCloseTo(0.7401659, 7);
  });

  it('power.prop.test(p1 = 0.5, p2 = 0.75, power = 0.9): n = 76.7 per group', () => {
    // R solves with uniroot (tolerance ~1e-4), we in closed form
    expect(sampleSizeTwoProportions(0.5, 0.75, { power: 0.9 })).toBeCloseTo(76.7069, 3);
  });

  it('needs 294 leads per arm to see 20 % vs 30 % with 80 % power (R: n = 293.15)', () => {
    const n = sampleSizeTwoProportions(0.2, 0.3);
    expect(n).toBeCloseTo(293.1513, 3);
    expect(powerTwoProportions(0.2, 0.3, n)).toBeCloseTo(0.8, 10);
    expect(powerTwoProportions(0.3, 0.2, n)).toBeCloseTo(0.8, 10);
  });

  it('counts how many more outcomes an experiment needs', () => {
    expect(outcomesNeeded(0.2, 0.3, 100, 120)).toEqual({ required1: 294, required2: 294, more1: 194, more2: 174, more: 368 });
    expect(outcomesNeeded(0.2, 0.3, 400, 300).more).toBe(0);
  });

  it('sizes unequal arms so that ratio 1 is R and other splits need more leads in total', () => {
    expect(sampleSizeTwoProportions(0.2, 0.3, { ratio: 1 })).toBe(sampleSizeTwoProportions(0.2, 0.3));
    const n1 = sampleSizeTwoProportions(0.2, 0.3, { ratio: 3 / 7 });
    expect(powerTwoProportions(0.2, 0.3, n1, { ratio: 3 / 7 })).toBeCloseTo(0.8, 10);
    expect(n1 * (1 + 3 / 7)).toBeGreaterThan(2 * 293.15);
    const needed = outcomesNeeded(0.2, 0.3, 0, 0, { ratio: 3 / 7 });
    expect(needed.required2).toBe(Math.ceil(n1 * (3 / 7)));
  });

  it('plans from an observed rate of 0 (an arm without a win yet)', () => {
    const n = sampleSizeTwoProportions(0, 0.1);
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(100);
    expect(powerTwoProportions(0, 0.1, n)).toBeCloseTo(0.8, 10);
  });

  it('needs infinitely many outcomes to detect no difference, and checks its inputs', () => {
    expect(sampleSizeTwoProportions(0.2, 0.2)).toBe(Infinity);
    expect(outcomesNeeded(0.2, 0.2, 10, 10).more).toBe(Infinity);
    expect(() => sampleSizeTwoProportions(-0.1, 0.2)).toThrow(RangeError);
    expect(() => powerTwoProportions(0.2, 0.3, 0)).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions(0.2, 0.3, { power: 1 })).toThrow(RangeError);
  });
});
