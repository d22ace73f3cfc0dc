/**
 * Power and sample size for comparing two proportions with the two-sided pooled z test, as R's
 * power.prop.test (strict = FALSE): power = Φ((√n·|p1 − p2| − z₁₋α/₂·√(2p̄q̄)) / √(p1q1 + p2q2)).
 * R finds n with uniroot; the equation solves in closed form, which is what we do. Unequal arms
 * (a 70/30 split) are allowed through `ratio` = n2 / n1; ratio 1 is exactly R's formula.
 */
import { normalCdf, normalQuantile } from './normal.js';

export interface PowerOptions {
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** n2 / n1; default 1 (equal arms). */
  ratio?: number;
}

export interface SampleSizeOptions extends PowerOptions {
  /** Default 0.8. */
  power?: number;
}

function checkRate(name: string, p: number): void {
  // 0 and 1 are allowed: an arm without a single win yet is a real observed rate
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name} must lie in [0, 1], got ${p}`);
}

function settings(p1: number, p2: number, options: PowerOptions) {
  checkRate('p1', p1);
  checkRate('p2', p2);
  const alpha = options.alpha ?? 0.05;
  const ratio = options.ratio ?? 1;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${alpha}`);
  if (!(ratio > 0 && Number.isFinite(ratio))) throw new RangeError(`ratio must be a positive number, got ${ratio}`);
  const pooled = (p1 + ratio * p2) / (1 + ratio);
  return {
    zAlpha: -normalQuantile(alpha / 2),
    // per-observation standard deviations of p̂1 − p̂2, scaled to n1: under the null (pooled) and under the alternative
    nullSd: Math.sqrt(pooled * (1 - pooled) * (1 + 1 / ratio)),
    alternativeSd: Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / ratio),
  };
}

/** Probability that the test rejects at level alpha when the true rates are p1 and p2 and arm 1 has n1 observations. */
export function powerTwoProportions(p1: number, p2: number, n1: number, options: PowerOptions = {}): number {
  if (!(n1 > 0)) throw new RangeError(`n1 must be positive, got ${n1}`);
  const { zAlpha, nullSd, alternativeSd } = settings(p1, p2, options);
  return normalCdf((Math.sqrt(n1) * Math.abs(p1 - p2) - zAlpha * nullSd) / alternativeSd);
}

/**
 * Observations needed in arm 1 (arm 2: ratio times as many) for the given power; not rounded
 * (R prints the same number; round up before use). Infinity when p1 = p2: no n detects no difference.
 */
export function sampleSizeTwoProportions(p1: number, p2: number, options: SampleSizeOptions = {}): number {
  const power = options.power ?? 0.8;
  if (!(power > 0 && power < 1)) throw new RangeError(`power must lie strictly between 0 and 1, got ${power}`);
  const { zAlpha, nullSd, alternativeSd } = settings(p1, p2, options);
  if (p1 === p2) return Infinity;
  const zBeta = normalQuantile(power);
  const root = (zAlpha * nullSd + zBeta * alternativeSd) / Math.abs(p1 - p2);
  return root * root;
}

export interface OutcomesNeeded {
  /** Required observations per arm, rounded up. */
  required1: number;
  required2: number;
  /** Further observations still missing in each arm and in total (0 when there are enough). */
  more1: number;
  more2: number;
  more: number;
}

/**
 * "How many more outcomes": the shortfall of the current counts n1, n2 against the sample size that
 * detects p1 vs p2 (typically the observed rates) with the given power. All Infinity when p1 = p2.
 */
export function outcomesNeeded(p1: number, p2: number, n1: number, n2: number, options: SampleSizeOptions = {}): OutcomesNeeded {
  if (!(n1 >= 0 && n2 >= 0)) throw new RangeError('current counts must be ≥ 0');
  const exact1 = sampleSizeTwoProportions(p1, p2, options);
  const required1 = Math.ceil(exact1);
  const required2 = Math.ceil(exact1 * (options.ratio ?? 1));
  const more1 = Math.max(0, required1 - n1);
  const more2 = Math.max(0, required2 - n2);
  return { required1, required2, more1, more2, more: more1 + more2 };
}
