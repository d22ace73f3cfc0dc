import { describe, expect, it } from 'vitest';
import { logChoose, logFactorial, logGamma } from '../src/stats/gamma.js';
import { criticalValue, normalCdf, normalPdf, normalQuantile, normalSurvival } from '../src/stats/normal.js';
import { mean, median, quantile, quantiles } from '../src/stats/quantiles.js';
import { createRandom, xoshiro128ss } from '../src/stats/random.js';

// Reference values are exact values (50-digit arithmetic, mpmath) rounded to 16–17 digits; the R call
// named beside each (pnorm, qnorm, lgamma, quantile …) computes the same quantity.

/** |actual − expected| ≤ tolerance·|expected|. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Φ(x), R: pnorm(x)
const PNORM: [number, number][] = [
  [-37.5, 4.6053530095819548e-308],
  [-37, 5.7255712225245768e-300],
  [-30, 4.9067139271481871e-198],
  [-20, 2.7536241186062337e-89],
  [-15, 3.6709661993127509e-51],
  [-10, 7.6198530241605261e-24],
  [-8, 6.2209605742717841e-16],
  [-6, 9.8658764503769814e-10],
  [-5.6, 1.0717590258310907e-8],
  [-3, 0.0013498980316300945],
  [-1.96, 0.024997895148220434],
  [-1, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.1, 0.53982783727702898],
  [1.96, 0.97500210485177957],
  [5, 0.99999971334842812],
];

describe('normal distribution', () => {
  it.each(PNORM)('Φ(%d) matches the exact value to 1e-14 relative', (x, expected) => {
    expectRelative(normalCdf(x), expected, 1e-14);
  });

  it('keeps full relative accuracy in the upper tail through the survival function', () => {
    // pnorm(8, lower.tail = FALSE) = pnorm(-8); 1 − Φ(8) computed naively keeps one digit
    expectRelative(normalSurvival(8), 6.2209605742717841e-16, 1e-14);
    expectRelative(normalSurvival(30), 4.9067139271481871e-198, 1e-14);
  });

  it('returns 0 and 1 beyond the range of doubles and NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('has the density φ(0) = 1/√(2π) and φ(−x) = φ(x)', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
    // dnorm(3) = 0.004431848411938008
    expectRelative(normalPdf(-3), 0.004431848411938008, 1e-15);
    expect(normalPdf(-2.5)).toBe(normalPdf(2.5));
    expect(normalPdf(Infinity)).toBe(0);
  });

  it.each([
    // R: qnorm(p)
    [0.975, 1.959963984540054],
    [0.995, 2.575829303548901],
    [0.8, 0.8416212335729143],
    [0.5, 0],
    [0.1, -1.2815515655446004],
    [0.001, -3.0902323061678136],
    [1e-10, -6.3613409024040562],
    [1e-50, -14.933337534788489],
    [1e-300, -37.047096299361199],
  ])('qnorm(%d) = %d', (p, expected) => {
    if (expected === 0) expect(normalQuantile(p)).toBe(0);
    else expectRelative(normalQuantile(p), expected, 1e-14);
  });

  it('inverts the cdf across both tails', () => {
    for (let x = -37; x <= 8; x += 0.37) {
      const p = normalCdf(x);
      // above 0, p is near 1 and carries an absolute error of about 1e-16, which moves x by 1e-16/φ(x)
      const tolerance = x <= 0 ? 1e-12 * Math.max(1, -x) : 1e-15 / normalPdf(x);
      expect(Math.abs(normalQuantile(p) - x)).toBeLessThanOrEqual(tolerance);
    }
  });

  it('maps 0 and 1 to infinities and refuses probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
  });

  it('gives the two-sided critical values 1.645, 1.960, 2.576', () => {
    expect(criticalValue(0.9)).toBeCloseTo(1.6448536269514722, 14);
    expect(criticalValue(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(criticalValue(0.99)).toBeCloseTo(2.5758293035489004, 14);
    expect(() => criticalValue(1)).toThrow(RangeError);
  });
});

describe('log-gamma and log-factorials', () => {
  it.each([
    // R: lgamma(x)
    [0.5, 0.5723649429247001],
    [0.1, 2.252712651734206],
    [2.5, 0.2846828704729192],
    [7.3, 7.147892523022249],
    [100, 359.1342053695754],
    [1e5, 1051287.708973657],
  ])('lgamma(%d) = %d', (x, expected) => {
    expectRelative(logGamma(x), expected, 5e-15);
  });

  it('is exact at whole numbers in the table and continuous past it', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logFactorial(0)).toBe(0);
    expectRelative(logFactorial(10), Math.log(3628800), 1e-15);
    // lfactorial(1000) and lfactorial(3000) in R
    expectRelative(logFactorial(1000), 5912.128178488163, 1e-15);
    expectRelative(logFactorial(3000), 21024.02485304555, 1e-15);
    expectRelative(logFactorial(256) - logFactorial(255), Math.log(256), 1e-12);
  });

  it('gives log C(n, k) and −∞ outside 0…n', () => {
    expectRelative(logChoose(10, 3), Math.log(120), 1e-15);
    expectRelative(logChoose(5000, 2500), 3461.251464851374, 1e-14); // lchoose(5000, 2500)
    expect(logChoose(5, 6)).toBe(-Infinity);
    expect(() => logFactorial(2.5)).toThrow(RangeError);
  });
});

describe('quantiles (type 7, R default)', () => {
  it.each([
    // R: quantile(x, p) and median(x)
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[1, 3, 5, 7], 0.25, 2.5],
    [[7, 1, 3], 0.5, 3],
    [[42], 0.9, 42],
    [[2, 4, 4, 5, 8, 11], 0.1, 3],
  ])('quantile(%j, %d) = %d', (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it('computes several quantiles from one sort and leaves the input alone', () => {
    const hours = [8, 2, 11, 4, 5, 4];
    expect(quantiles(hours, [0, 0.1, 0.5, 0.9, 1])).toEqual([2, 3, 4.5, 9.5, 11]);
    expect(hours).toEqual([8, 2, 11, 4, 5, 4]);
    expect(median([10, 2, 30])).toBe(10);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });

  it('answers NaN for an empty sample and refuses NaN values', () => {
    expect(median([])).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(() => median([1, NaN])).toThrow(RangeError);
  });
});

describe('seeded random numbers', () => {
  it('reproduces the reference xoshiro128** output for the state {1, 2, 3, 4}', () => {
    // the authors' C reference (xoshiro128starstar.c), compiled and run with s = {1, 2, 3, 4}
    const random = xoshiro128ss(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => random.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(() => xoshiro128ss(0, 0, 0, 0)).toThrow(RangeError);
  });

  it('draws uniform numbers, integers and normals with the right moments', () => {
    const random = createRandom(2024);
    const n = 200_000;
    let sum = 0;
    let sumNormal = 0;
    let sumNormalSquare = 0;
    let smallest = 1;
    let largest = 0;
    const counts = new Array(7).fill(0);
    for (let i = 0; i < n; i++) {
      const u = random.next();
      smallest = Math.min(smallest, u);
      largest = Math.max(largest, u);
      sum += u;
      counts[random.int(7)]++;
      const z = random.normal();
      sumNormal += z;
      sumNormalSquare += z * z;
    }
    expect(smallest).toBeGreaterThanOrEqual(0);
    expect(largest).toBeLessThan(1);
    // standard errors: uniform mean 0.00065, normal mean 0.0022, variance 0.0032, counts ≈ 135
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(sumNormal / n)).toBeLessThan(0.01);
    expect(Math.abs(sumNormalSquare / n - 1)).toBeLessThan(0.015);
    for (const count of counts) expect(Math.abs(count - n / 7)).toBeLessThan(600);
  });

  it('draws integers over the whole 32-bit range too', () => {
    const random = createRandom(17);
    const n = 2 ** 31 + 1;
    let high = 0;
    for (let i = 0; i < 2000; i++) {
      const value = random.int(n);
      expect(Number.isInteger(value) && value >= 0 && value < n).toBe(true);
      if (value >= 2 ** 30) high++;
    }
    // half of the range lies above 2^30
    expect(Math.abs(high - 1000)).toBeLessThan(120);
    expect(random.int(1)).toBe(0);
    expect(() => random.int(0)).toThrow(RangeError);
  });

  it('shuffles in place into a permutation, every position equally likely', () => {
    const random = createRandom(5);
    const firstPlace = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) {
      const items = random.shuffle([0, 1, 2, 3]);
      expect([...items].sort()).toEqual([0, 1, 2, 3]);
      firstPlace[items[0]]++;
    }
    for (const count of firstPlace) expect(Math.abs(count - 2000)).toBeLessThan(160);
  });

  it('draws binomial counts around n·p', () => {
    const random = createRandom(9);
    let total = 0;
    for (let i = 0; i < 1000; i++) total += random.binomial(100, 0.3);
    expect(Math.abs(total / 1000 - 30)).toBeLessThan(0.5);
  });
});
