/**
 * The little linear algebra the logistic regression needs: solving a symmetric positive definite
 * p×p system (p ≈ 25 criteria options) by Cholesky. Written out rather than pulled in from a
 * matrix package: it is twenty lines, and the matrices are row arrays the caller already has.
 */

/**
 * Lower-triangular L with A = L·Lᵀ, reading only the lower triangle of A. Null when A is not
 * positive definite, or so close to singular that a pivot loses all but `relativeTolerance` of its
 * diagonal entry (linearly dependent columns rarely cancel to an exact zero in floating point).
 */
export function cholesky(matrix: readonly (readonly number[])[], relativeTolerance = 1e-12): number[][] | null {
  const size = matrix.length;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let j = 0; j < size; j++) {
    let diagonal = matrix[j][j];
    for (let k = 0; k < j; k++) diagonal -= lower[j][k] * lower[j][k];
    if (!(diagonal > relativeTolerance * matrix[j][j])) return null;
    const pivot = Math.sqrt(diagonal);
    lower[j][j] = pivot;
    for (let i = j + 1; i < size; i++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = sum / pivot;
    }
  }
  return lower;
}

/** Solves (L·Lᵀ)·x = b by forward and back substitution. */
export function choleskySolve(lower: readonly (readonly number[])[], b: readonly number[]): number[] {
  const size = lower.length;
  const y = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i][k] * y[k];
    y[i] = sum / lower[i][i];
  }
  const x = new Array<number>(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < size; k++) sum -= lower[k][i] * x[k];
    x[i] = sum / lower[i][i];
  }
  return x;
}
