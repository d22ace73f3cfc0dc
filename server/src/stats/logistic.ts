/**
 * Logistic regression with an L2 (ridge) penalty, fitted by Newton's method (IRLS). It maximises
 *   Σ wᵢ [yᵢ ηᵢ − log(1 + e^ηᵢ)] − λ/2 · Σⱼ βⱼ²,   ηᵢ = β₀ + xᵢ·β,
 * leaving the intercept β₀ unpenalised so the fitted base rate matches the data. The penalty makes
 * the objective strictly concave and bounded, so perfectly separated data (every lead with option X
 * won) still gives finite coefficients instead of running off to infinity. The penalty assumes the
 * features share a scale, as one-hot columns do.
 */
import { cholesky, choleskySolve } from './linalg.js';

export interface LogisticOptions {
  /** Ridge strength λ ≥ 0; default 1. λ = 0 is plain maximum likelihood (R's glm). */
  lambda?: number;
  /** Default 50. */
  maxIterations?: number;
  /** Converged when no coefficient moves by more than tolerance·(1 + its size); default 1e-9. */
  tolerance?: number;
  /** Case weights (default 1 each); a weight of 0.3 counts an observation 0.3 times. */
  weights?: readonly number[];
}

export interface LogisticModel {
  intercept: number;
  /** One per feature column, in column order. */
  coefficients: number[];
  /** Newton steps taken. */
  iterations: number;
  converged: boolean;
  /** Σ wᵢ log P(yᵢ) at the fit, without the penalty (comparable with R's logLik for λ = 0). */
  logLikelihood: number;
  /** The maximised objective: logLikelihood − λ/2 Σ βⱼ². */
  penalizedLogLikelihood: number;
  lambda: number;
}

/** log(1 + e^η) without overflow for large η or loss of digits for very negative η. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

function sigmoid(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

function linearPredictor(beta: readonly number[], row: readonly number[]): number {
  let eta = beta[0];
  for (let j = 0; j < row.length; j++) eta += beta[j + 1] * row[j];
  return eta;
}

function logLikelihood(beta: readonly number[], features: readonly (readonly number[])[], outcomes: readonly number[], weights: readonly number[] | undefined): number {
  let sum = 0;
  for (let i = 0; i < features.length; i++) {
    const eta = linearPredictor(beta, features[i]);
    sum += (weights ? weights[i] : 1) * (outcomes[i] * eta - softplus(eta));
  }
  return sum;
}

function penalty(beta: readonly number[], lambda: number): number {
  let sum = 0;
  for (let j = 1; j < beta.length; j++) sum += beta[j] * beta[j];
  return (lambda / 2) * sum;
}

function validate(features: readonly (readonly number[])[], outcomes: readonly number[], weights: readonly number[] | undefined): number {
  const n = features.length;
  if (n === 0) throw new RangeError('logistic regression needs at least one observation');
  if (outcomes.length !== n) throw new RangeError(`features (${n} rows) and outcomes (${outcomes.length}) differ in length`);
  if (weights && weights.length !== n) throw new RangeError(`weights (${weights.length}) and outcomes (${n}) differ in length`);
  const width = features[0].length;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < n; i++) {
    if (features[i].length !== width) throw new RangeError(`row ${i} has ${features[i].length} features, row 0 has ${width}`);
    const y = outcomes[i];
    const w = weights ? weights[i] : 1;
    if (!(y >= 0 && y <= 1)) throw new RangeError(`outcome ${i} must lie in [0, 1], got ${y}`);
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`weight ${i} must be a finite number ≥ 0, got ${w}`);
    positive += w * y;
    negative += w * (1 - y);
  }
  // with one outcome only, the unpenalised intercept has no finite optimum
  if (positive === 0 || negative === 0) throw new RangeError('logistic regression needs both outcomes among the observations');
  return width;
}

/** Fits the model; `features` holds one row per observation without an intercept column (it is added). */
export function fitLogistic(features: readonly (readonly number[])[], outcomes: readonly number[], options: LogisticOptions = {}): LogisticModel {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  const { weights } = options;
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  const width = validate(features, outcomes, weights);
  const size = width + 1;
  const n = features.length;

  const beta = new Array<number>(size).fill(0);
  let objective = logLikelihood(beta, features, outcomes, weights) - penalty(beta, lambda);
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations && !converged) {
    iterations++;
    // gradient and (negated) Hessian of the penalised objective; only the lower triangle is summed
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let i = 0; i < n; i++) {
      const row = features[i];
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      const p = sigmoid(linearPredictor(beta, row));
      const residual = w * (outcomes[i] - p);
      const curvature = w * p * (1 - p);
      gradient[0] += residual;
      hessian[0][0] += curvature;
      for (let j = 0; j < width; j++) {
        const xj = row[j];
        if (xj === 0) continue; // one-hot rows are mostly zeros
        gradient[j + 1] += residual * xj;
        const scaled = curvature * xj;
        hessian[j + 1][0] += scaled;
        for (let k = 0; k <= j; k++) hessian[j + 1][k + 1] += scaled * row[k];
      }
    }
    for (let j = 1; j < size; j++) {
      gradient[j] -= lambda * beta[j];
      hessian[j][j] += lambda;
    }
    const factor = cholesky(hessian);
    if (!factor) {
      // at the start every weight is 1/4, so a singular matrix means dependent columns; later it
      // means fitted probabilities of 0 and 1 (separated data without a penalty): stop, unconverged
      if (iterations === 1) throw new RangeError('the features are linearly dependent; use lambda > 0 or drop a column');
      break;
    }
    const step = choleskySolve(factor, gradient);

    // Newton's step, halved until the objective does not get worse (it rarely needs to be)
    let scale = 1;
    let candidate = beta.map((value, j) => value + step[j]);
    let candidateObjective = logLikelihood(candidate, features, outcomes, weights) - penalty(candidate, lambda);
    while (!(candidateObjective >= objective) && scale > 1e-10) {
      scale /= 2;
      candidate = beta.map((value, j) => value + scale * step[j]);
      candidateObjective = logLikelihood(candidate, features, outcomes, weights) - penalty(candidate, lambda);
    }
    if (!(candidateObjective >= objective)) {
      // no step improves the objective any more: we are at the optimum up to rounding
      converged = true;
      break;
    }
    converged = step.every((delta, j) => Math.abs(scale * delta) <= tolerance * (1 + Math.abs(candidate[j])));
    beta.splice(0, size, ...candidate);
    objective = candidateObjective;
  }

  const loglik = logLikelihood(beta, features, outcomes, weights);
  return {
    intercept: beta[0],
    coefficients: beta.slice(1),
    iterations,
    converged,
    logLikelihood: loglik,
    penalizedLogLikelihood: loglik - penalty(beta, lambda),
    lambda,
  };
}

/** P(y = 1 | x) under a fitted model. */
export function predictProbability(model: Pick<LogisticModel, 'intercept' | 'coefficients'>, row: readonly number[]): number {
  if (row.length !== model.coefficients.length) throw new RangeError(`the model has ${model.coefficients.length} features, the row ${row.length}`);
  return sigmoid(linearPredictor([model.intercept, ...model.coefficients], row));
}

export function predictProbabilities(model: Pick<LogisticModel, 'intercept' | 'coefficients'>, rows: readonly (readonly number[])[]): number[] {
  return rows.map((row) => predictProbability(model, row));
}
