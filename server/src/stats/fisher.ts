/**
 * Fisher's exact test for a 2×2 table, with R's definition of the two-sided p-value: the total
 * probability of every table with the same margins that is no more likely than the observed one
 * (with a relative tolerance of 1e-7, so that tables of equal probability count despite rounding).
 * Probabilities are built from log-factorials, so margins in the thousands do not overflow.
 */
import { logChoose } from './gamma.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

/** The table   a b   (row 1: group 1 successes, failures)
 *              c d   (row 2: group 2 successes, failures). */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * p-value of Fisher's exact test (R: fisher.test(matrix(c(a, c, b, d), 2))$p.value — R fills
 * matrices by column). 'less' and 'greater' test whether the odds ratio ad/bc is below or above 1.
 */
export function fisherExactTest(table: TwoByTwo, alternative: Alternative = 'two-sided'): number {
  const { a, b, c, d } = table;
  for (const [name, value] of Object.entries(table)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`cell ${name} must be a whole number ≥ 0, got ${value}`);
  }
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const n = row1 + row2;
  if (n === 0) return 1;
  // given the margins, a follows a hypergeometric distribution on [low, high]
  const low = Math.max(0, column1 - row2);
  const high = Math.min(row1, column1);
  const logTotal = logChoose(n, column1);
  const logDensity = (x: number) => logChoose(row1, x) + logChoose(row2, column1 - x) - logTotal;
  const observed = logDensity(a);

  let sum = 0;
  if (alternative === 'less') {
    for (let x = low; x <= a; x++) sum += Math.exp(logDensity(x));
  } else if (alternative === 'greater') {
    for (let x = a; x <= high; x++) sum += Math.exp(logDensity(x));
  } else {
    // compare densities relative to the observed one, so the tolerance works the same in the far tail
    for (let x = low; x <= high; x++) {
      const ratio = Math.exp(logDensity(x) - observed);
      if (ratio <= RELATIVE_TOLERANCE) sum += ratio;
    }
    sum *= Math.exp(observed);
  }
  return Math.min(1, sum);
}
