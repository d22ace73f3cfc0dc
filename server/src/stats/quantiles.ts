/**
 * Medians and quantiles for durations such as time-to-contact. Type 7 of Hyndman & Fan (1996), R's
 * default: linear interpolation between the order statistics at (n − 1)·p.
 */

function sortedCopy(values: readonly number[]): Float64Array {
  for (const value of values) if (Number.isNaN(value)) throw new RangeError('quantiles of a sample that contains NaN are undefined');
  // a typed array sorts numerically, not as strings
  return Float64Array.from(values).sort();
}

/** Type-7 quantile of values already sorted ascending; NaN for an empty sample. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const fraction = h - below;
  if (fraction === 0) return sorted[below];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

/** R: quantile(values, p, type = 7). */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

/** Several quantiles of one sample, sorting it once: quantiles(times, [0.5, 0.9]). */
export function quantiles(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = sortedCopy(values);
  return ps.map((p) => quantileSorted(sorted, p));
}

/** R: median(values); NaN for an empty sample. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Arithmetic mean; NaN for an empty sample. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
