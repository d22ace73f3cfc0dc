/** A point estimate with the bounds of its confidence interval. */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/** The default confidence of every interval in this library. */
export const DEFAULT_CONFIDENCE = 0.95;
