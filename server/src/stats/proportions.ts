/**
 * Rates with honest uncertainty: the Wilson score interval for one proportion, Newcombe's hybrid
 * score interval for the difference of two, and the pooled two-proportion z test. Wilson rather than
 * the textbook p ± z·√(p(1−p)/n): the latter collapses to [0, 0] for 0 of 10 and covers far less
 * than 95 % at the small n and small rates a sales funnel has (Brown, Cai & DasGupta 2001).
 */
import { DEFAULT_CONFIDENCE, type Interval } from './interval.js';
import { criticalValue, normalCdf } from './normal.js';

function checkCounts(successes: number, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new RangeError(`successes must be a whole number in 0…${n}, got ${successes}`);
}

/**
 * Wilson score interval for successes / n (R: prop.test(x, n, correct = FALSE)$conf.int). With n = 0
 * nothing is known: the estimate is NaN and the interval [0, 1]; callers show "not enough data".
 */
export function wilsonInterval(successes: number, n: number, confidence = DEFAULT_CONFIDENCE): Interval {
  checkCounts(successes, n);
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1 };
  const z = criticalValue(confidence);
  const p = successes / n;
  const zz = z * z;
  const denominator = 1 + zz / n;
  const centre = (p + zz / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + zz / (4 * n * n));
  // at 0 and n the bound is exactly 0 or 1; rounding must not leave 1e-17 or 0.9999999999999999
  return {
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}

/**
 * The difference p1 − p2 with Newcombe's hybrid score interval (method 10 of Newcombe 1998,
 * Stat Med 17:873): it combines the two Wilson intervals, so it stays inside [−1, 1], is never
 * degenerate at 0 or n, and keeps close to its nominal coverage at small n.
 */
export function differenceInterval(successes1: number, n1: number, successes2: number, n2: number, confidence = DEFAULT_CONFIDENCE): Interval {
  checkCounts(successes1, n1);
  checkCounts(successes2, n2);
  if (n1 === 0 || n2 === 0) return { estimate: NaN, lower: -1, upper: 1 };
  const first = wilsonInterval(successes1, n1, confidence);
  const second = wilsonInterval(successes2, n2, confidence);
  const difference = first.estimate - second.estimate;
  return {
    estimate: difference,
    lower: difference - Math.hypot(first.estimate - first.lower, second.upper - second.estimate),
    upper: difference + Math.hypot(first.upper - first.estimate, second.estimate - second.lower),
  };
}

export interface ZTestResult {
  /** p1 − p2. */
  difference: number;
  /** (p1 − p2) / SE under the pooled null; 0 when every outcome is the same (no variation to test). */
  z: number;
  /** Two-sided p-value, 2·Φ(−|z|). */
  pValue: number;
}

/**
 * Pooled two-proportion z test of p1 = p2, two-sided; z² equals the statistic of R's
 * prop.test(c(x1, x2), c(n1, n2), correct = FALSE) and the p-values agree. Meant for large counts;
 * `compareProportions` switches to Fisher's exact test when an expected cell is small.
 */
export function twoProportionZTest(successes1: number, n1: number, successes2: number, n2: number): ZTestResult {
  checkCounts(successes1, n1);
  checkCounts(successes2, n2);
  if (n1 === 0 || n2 === 0) throw new RangeError('the z test needs at least one observation in each group');
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const pooled = (successes1 + successes2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  // all successes or all failures: the groups cannot differ in this sample (R reports NaN here)
  if (variance === 0) return { difference: p1 - p2, z: 0, pValue: 1 };
  const z = (p1 - p2) / Math.sqrt(variance);
  return { difference: p1 - p2, z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}
