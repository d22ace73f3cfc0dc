/**
 * Two rates compared the way the experiment results report them: each with its Wilson interval,
 * the difference with Newcombe's interval, and one two-sided test chosen by the counts.
 */
import { fisherExactTest } from './fisher.js';
import { DEFAULT_CONFIDENCE, type Interval } from './interval.js';
import { differenceInterval, twoProportionZTest, wilsonInterval } from './proportions.js';

/** Cochran's rule: the z test's normal approximation needs every expected cell count ≥ 5. */
export const MIN_EXPECTED_COUNT = 5;

export interface ProportionComparison {
  rate1: Interval;
  rate2: Interval;
  /** rate1 − rate2 with Newcombe's hybrid score interval. */
  difference: Interval;
  /** 'fisher' when the smallest expected cell count is below 5, else the pooled 'z' test. */
  method: 'fisher' | 'z';
  /** Two-sided p-value of the chosen test. */
  pValue: number;
}

/** The smallest expected count of the 2×2 table under "no difference" (row total × column total / n). */
export function smallestExpectedCount(successes1: number, n1: number, successes2: number, n2: number): number {
  const n = n1 + n2;
  if (n === 0) return 0;
  const successes = successes1 + successes2;
  return (Math.min(n1, n2) * Math.min(successes, n - successes)) / n;
}

export function compareProportions(successes1: number, n1: number, successes2: number, n2: number, confidence = DEFAULT_CONFIDENCE): ProportionComparison {
  const rate1 = wilsonInterval(successes1, n1, confidence);
  const rate2 = wilsonInterval(successes2, n2, confidence);
  const difference = differenceInterval(successes1, n1, successes2, n2, confidence);
  if (n1 === 0 || n2 === 0) return { rate1, rate2, difference, method: 'fisher', pValue: 1 };
  if (smallestExpectedCount(successes1, n1, successes2, n2) < MIN_EXPECTED_COUNT) {
    const pValue = fisherExactTest({ a: successes1, b: n1 - successes1, c: successes2, d: n2 - successes2 });
    return { rate1, rate2, difference, method: 'fisher', pValue };
  }
  return { rate1, rate2, difference, method: 'z', pValue: twoProportionZTest(successes1, n1, successes2, n2).pValue };
}
