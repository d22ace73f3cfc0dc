import type { ExperimentVerdict, ScoreCriterion } from '../gql/graphql';
import { formatNumber, numberFormat, type Locale } from './format';

/**
 * The experiments screen's arithmetic and wording, pure: where an interval sits on a bar, which
 * sentence a result reads as, the draft a learned model is saved as, the publish flow a promotion
 * opens. The numbers themselves come from the server; nothing here is statistics.
 */

export interface IntervalValue {
  /** null when nothing was observed */
  estimate: number | null;
  lower: number;
  upper: number;
}

export interface BarGeometry {
  /** Where the interval starts and how wide it is, in percent of the bar. */
  left: number;
  width: number;
  /** Where the estimate sits, in percent; null without one. */
  point: number | null;
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** The interval on a bar spanning `domain` (values outside are cut at the edge). */
export function barGeometry(interval: IntervalValue, domain: readonly [number, number] = [0, 1]): BarGeometry {
  const [low, high] = domain;
  const at = (value: number) => clamp(((value - low) / (high - low)) * 100);
  const left = at(interval.lower);
  return { left, width: Math.max(0, at(interval.upper) - left), point: interval.estimate === null ? null : at(interval.estimate) };
}

/** "45 %" / "45 %"; one decimal below 10 % so small rates do not all read 0 % or 5 %. */
export function formatRate(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  const digits = Math.abs(value) < 0.1 && value !== 0 ? 1 : 0;
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "45 % (26–66 %)" */
export function formatInterval(interval: IntervalValue, locale: Locale, format: (value: number | null, locale: Locale) => string = formatRate): string {
  return `${format(interval.estimate, locale)} (${format(interval.lower, locale)} – ${format(interval.upper, locale)})`;
}

/** A signed difference in points of rate: "+12 %", "−3 %". */
export function formatDifference(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
}

/** An AUC with two decimals: "0.72" / "0,72". */
export function formatAuc(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export interface VerdictInput {
  verdict: ExperimentVerdict;
  horizonReached: boolean;
  moreOutcomesNeeded: number;
  outcomesForObservedDifference: number | null;
  experiment: { controlVersion: number; challengerVersion: number; plannedOutcomes: number };
  decision: { pValue: number } | null;
}

/** The i18n key and parameters of a result's verdict sentence (counts as the locale writes them: 56,782 / 56.782). */
export function verdictMessage(result: VerdictInput, locale: Locale): { key: string; params: Record<string, string | number> } {
  const count = (value: number) => formatNumber(value, locale);
  const versions = { control: result.experiment.controlVersion, challenger: result.experiment.challengerVersion, planned: count(result.experiment.plannedOutcomes) };
  if (!result.horizonReached) return { key: 'learning.verdict.waiting', params: { ...versions, more: count(result.moreOutcomesNeeded) } };
  const p = result.decision ? formatP(result.decision.pValue) : '';
  if (result.verdict === 'CHALLENGER_BETTER') return { key: 'learning.verdict.challengerBetter', params: { ...versions, p } };
  if (result.verdict === 'CONTROL_BETTER') return { key: 'learning.verdict.controlBetter', params: { ...versions, p } };
  if (result.outcomesForObservedDifference === null) return { key: 'learning.verdict.noDifferenceAtAll', params: { ...versions, p } };
  return { key: 'learning.verdict.noDifference', params: { ...versions, p, needed: count(result.outcomesForObservedDifference) } };
}

/** The i18n key and parameters of "how many more outcomes would detect the observed difference". */
export function powerMessage(outcomesForObservedDifference: number | null, locale: Locale): { key: string; params: Record<string, string> } {
  if (outcomesForObservedDifference === null) return { key: 'learning.result.powerNone', params: {} };
  if (outcomesForObservedDifference === 0) return { key: 'learning.result.powerEnough', params: {} };
  return { key: 'learning.result.powerMore', params: { n: formatNumber(outcomesForObservedDifference, locale) } };
}

/** p-values as people read them: "0.003", "< 0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p >= 0.1 ? p.toFixed(2) : p.toFixed(3);
}

/** Where "promote" goes: the scoring-model screen with the challenger picked for publishing (impact preview, rescoring). */
export function promoteLocation(experiment: { challengerModelId: string }) {
  return { name: 'scoringModel', query: { publish: experiment.challengerModelId } } as const;
}

export interface SuggestedCriterionValue {
  criterion: ScoreCriterion;
  options: ReadonlyArray<{ value: string; points: number }>;
}

/** The draft a suggestion is saved as: every criterion it learned (SOURCE included), the current thresholds. */
export function suggestionDraftInput(suggestion: { criteria: readonly SuggestedCriterionValue[]; thresholds: { hot: number; keyAccount: number; warm: number } }, comment: string) {
  return {
    criteria: suggestion.criteria.map((c) => ({ criterion: c.criterion, options: c.options.map((o) => ({ value: o.value, points: o.points })) })),
    thresholds: { hot: suggestion.thresholds.hot, keyAccount: suggestion.thresholds.keyAccount, warm: suggestion.thresholds.warm },
    comment,
  };
}

/** The day `months` months before `now`, as the date field shows it (YYYY-MM-DD, local time). */
export function monthsAgo(months: number, now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth() - months, now.getDate());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** A date field's day as the start of that day in local time, for the API. */
export function startOfDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day).toISOString();
}

export interface StartForm {
  challengerId: string;
  /** challenger share in percent */
  splitPercent: number;
  outcomeWindowDays: number;
  /** in points of win rate */
  effectPoints: number;
  minimumOutcomes: number | null;
}

/** The form's values as StartExperimentInput; percentages become shares. */
export function startInput(form: StartForm) {
  return {
    challengerId: form.challengerId,
    split: form.splitPercent / 100,
    outcomeWindowDays: form.outcomeWindowDays,
    minimumDetectableEffect: form.effectPoints / 100,
    ...(form.minimumOutcomes ? { minimumOutcomes: form.minimumOutcomes } : {}),
  };
}
