/**
 * Statistics for the dashboard and the learning loop: pure functions, no I/O, each tested against
 * published or R reference values (server/test/stats*.test.ts).
 */
export { auc, aucOfRanked, isPositive, rankedForAuc, type Label, type RankedSample } from './auc.js';
export { bootstrapAuc, compareAucBootstrap, percentileInterval, type AucComparison, type BootstrapOptions } from './bootstrap.js';
export { calibrationTable, topShare, type CalibrationBin, type TopShare } from './calibration.js';
export { compareProportions, MIN_EXPECTED_COUNT, smallestExpectedCount, type ProportionComparison } from './comparison.js';
export { outOfFoldPredictions, stratifiedFolds } from './crossval.js';
export { fisherExactTest, type Alternative, type TwoByTwo } from './fisher.js';
export { logChoose, logFactorial, logGamma } from './gamma.js';
export { DEFAULT_CONFIDENCE, type Interval } from './interval.js';
export { cholesky, choleskySolve } from './linalg.js';
export { fitLogistic, predictProbabilities, predictProbability, type LogisticModel, type LogisticOptions } from './logistic.js';
export { criticalValue, normalCdf, normalPdf, normalQuantile, normalSurvival } from './normal.js';
export { outcomesNeeded, powerTwoProportions, sampleSizeTwoProportions, type OutcomesNeeded, type PowerOptions, type SampleSizeOptions } from './power.js';
export { differenceInterval, twoProportionZTest, wilsonInterval, type ZTestResult } from './proportions.js';
export { mean, median, quantile, quantiles, quantileSorted } from './quantiles.js';
export { createRandom, xoshiro128ss, type Random } from './random.js';
