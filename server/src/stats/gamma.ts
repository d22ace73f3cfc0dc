/**
 * Logarithms of the gamma function and of factorials, for exact tests whose counts reach the
 * thousands (3000! overflows a double long before; its logarithm does not).
 */

const HALF_LOG_2PI = 0.9189385332046728;
// Stirling's series for large x: 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹); from
// x ≥ 15 the first omitted term is below 2e-16 of the result
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188];
const STIRLING_FROM = 15;

// log n! as running sums for the small counts most tables hold (and Γ(n) = (n − 1)! for whole n)
const TABLE_SIZE = 256;
const LOG_FACTORIALS: number[] = [0];
for (let n = 1; n < TABLE_SIZE; n++) LOG_FACTORIALS.push(LOG_FACTORIALS[n - 1] + Math.log(n));

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x === Infinity) return Infinity;
  if (Number.isInteger(x) && x <= TABLE_SIZE) return LOG_FACTORIALS[x - 1];
  // Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)): shift into the range where the series is accurate
  let shift = 0;
  let product = 1;
  while (x + shift < STIRLING_FROM) {
    product *= x + shift;
    shift++;
  }
  const z = x + shift;
  const inverse = 1 / z;
  const inverseSquare = inverse * inverse;
  let series = 0;
  for (let i = STIRLING.length - 1; i >= 0; i--) series = series * inverseSquare + STIRLING[i];
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series * inverse - Math.log(product);
}

/** log n! for a whole number n ≥ 0. */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial needs a whole number ≥ 0, got ${n}`);
  return n < TABLE_SIZE ? LOG_FACTORIALS[n] : logGamma(n + 1);
}

/** log of the binomial coefficient C(n, k); −∞ when k lies outside 0…n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
