/**
 * The standard normal distribution. The cdf follows W. J. Cody's rational Chebyshev approximations
 * (Math. Comp. 1969; ALGORITHM 715, 1993), the method behind R's pnorm: about 1e-15 relative error
 * in both tails down to the smallest normal double (x ≈ −37.5), where `1 − Φ(x)` or
 * `0.5·erfc(…)` built from an erf would have lost every digit long before. The quantile starts
 * from Acklam's approximation (relative error 1.15e-9) and takes one Halley step on that cdf.
 */

const SQRT_2PI = 2.5066282746310002;
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;

// |x| ≤ 0.67448975 (the quartile): Φ(x) − 1/2 = x·A(x²)/B(x²)
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
// 0.674 < |x| ≤ √32: tail = exp(−x²/2)·C(|x|)/D(|x|)
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
// |x| > √32: tail = exp(−x²/2)·(1/√(2π) − P(1/x²)/Q(1/x²)/x²)/|x|, the asymptotic series made rational
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/**
 * exp(−y²/2) without the rounding of y² swamping the result in the far tail: y is split into a part
 * with 4 fractional bits (whose square is exact) and the rest.
 */
function gaussianFactor(y: number): number {
  const coarse = Math.trunc(y * 16) / 16;
  const rest = (y - coarse) * (y + coarse);
  return Math.exp(-coarse * coarse * 0.5) * Math.exp(-rest * 0.5);
}

/** Φ(−|x|), the smaller tail, with full relative accuracy; 0 below about −38.5 (underflow). */
function smallerTail(x: number): number {
  const y = Math.abs(x);
  if (y <= SQRT_32) {
    let numerator = C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + C[i]) * y;
      denominator = (denominator + D[i]) * y;
    }
    return (gaussianFactor(y) * (numerator + C[7])) / (denominator + D[7]);
  }
  if (y >= 38.6) return 0;
  const inverseSquare = 1 / (y * y);
  let numerator = P[5] * inverseSquare;
  let denominator = inverseSquare;
  for (let i = 0; i < 4; i++) {
    numerator = (numerator + P[i]) * inverseSquare;
    denominator = (denominator + Q[i]) * inverseSquare;
  }
  const series = (inverseSquare * (numerator + P[4])) / (denominator + Q[4]);
  return (gaussianFactor(y) * (INV_SQRT_2PI - series)) / y;
}

/** Φ(x) − 1/2 near the centre, for |x| ≤ 0.67448975. */
function centralPart(x: number): number {
  const square = x * x;
  let numerator = A[4] * square;
  let denominator = square;
  for (let i = 0; i < 3; i++) {
    numerator = (numerator + A[i]) * square;
    denominator = (denominator + B[i]) * square;
  }
  return (x * (numerator + A[3])) / (denominator + B[3]);
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) <= 0.67448975) return 0.5 + centralPart(x);
  return x < 0 ? smallerTail(x) : 1 - smallerTail(x);
}

/** 1 − Φ(x) = P(Z > x), accurate where Φ(x) rounds to 1 (use it for upper-tail p-values). */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** The standard normal density φ(x). */
export function normalPdf(x: number): number {
  if (x === Infinity || x === -Infinity) return 0;
  return INV_SQRT_2PI * gaussianFactor(Math.abs(x));
}

// Acklam's rational approximation of the quantile (lower region p < 0.02425 and central region)
const AC = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const AD = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const AE = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const AF = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const ACKLAM_LOW = 0.02425;

/** Acklam's first guess for p ≤ 1/2. */
function acklam(p: number): number {
  if (p < ACKLAM_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((AE[0] * q + AE[1]) * q + AE[2]) * q + AE[3]) * q + AE[4]) * q + AE[5]) /
      ((((AF[0] * q + AF[1]) * q + AF[2]) * q + AF[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((AC[0] * r + AC[1]) * r + AC[2]) * r + AC[3]) * r + AC[4]) * r + AC[5]) * q) /
    (((((AD[0] * r + AD[1]) * r + AD[2]) * r + AD[3]) * r + AD[4]) * r + 1)
  );
}

/**
 * Φ⁻¹(p): the x with P(Z ≤ x) = p. −∞ at 0, +∞ at 1. Computed on the lower half and mirrored, since
 * 1 − p is exact for p ≥ 1/2 while the lower tail keeps its relative precision down to 1e-300.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`normalQuantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklam(p);
  // Halley step on Φ(x) − p; the error is scaled by p/φ(x), written as exp(log p + x²/2) so that it
  // neither overflows nor underflows in the far tail
  const relativeError = normalCdf(x) / p - 1;
  const u = relativeError * SQRT_2PI * Math.exp(Math.log(p) + (x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** The two-sided critical value z with P(|Z| ≤ z) = confidence, e.g. 1.959964 for 0.95. */
export function criticalValue(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  return -normalQuantile((1 - confidence) / 2);
}
