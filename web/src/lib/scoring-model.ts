import type { BudgetRange, CompanySize, LeadTier, ScoreCriterion } from '../gql/graphql';
import { budgetLabel, companySizeLabel, type Locale } from './format';
import type { Translate } from './preview';

/**
 * The scoring-model editor's arithmetic: shares, the maximum, normalising to 100, checking a draft
 * before it is sent, the diff of two versions and the shapes of the impact preview. The server
 * checks every draft again; these functions only let the admin see a mistake before saving.
 */

/** The most a lead can score; the editor refuses any other maximum (or normalises to it). */
export const MAX_SCORE = 100;
/** The points of one option and a tier threshold lie in these bounds. */
export const POINTS_RANGE = { min: 0, max: 100 } as const;
export const THRESHOLD_RANGE = { min: 1, max: 100 } as const;

export const TIER_ORDER: readonly LeadTier[] = ['HOT', 'KEY_ACCOUNT', 'WARM', 'COLD'];
/** The order criteria are shown and sent in; SOURCE is the optional fifth. */
export const CRITERION_ORDER: readonly ScoreCriterion[] = ['BUDGET', 'COMPANY_SIZE', 'INDUSTRY', 'URGENCY', 'SOURCE'];
export const THRESHOLD_KEYS = ['hot', 'keyAccount', 'warm'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

export interface OptionPoints {
  value: string;
  points: number;
}

export interface CriterionDraft {
  criterion: ScoreCriterion;
  options: OptionPoints[];
}

export type Thresholds = Record<ThresholdKey, number>;

/** What the editor holds: a copy of a version, changed by the admin. */
export interface ModelDraft {
  /** The DRAFT version this overwrites on save; null for a new draft */
  id: string | null;
  criteria: CriterionDraft[];
  thresholds: Thresholds;
  comment: string;
}

/** A stored version as far as the editor needs it (`ScoringModelVersion`). */
export interface VersionLike {
  id: string;
  status: string;
  criteria: ReadonlyArray<{ criterion: ScoreCriterion; options: ReadonlyArray<OptionPoints> }>;
  thresholds: Thresholds;
  comment?: string | null;
}

const byCriterionOrder = (a: { criterion: ScoreCriterion }, b: { criterion: ScoreCriterion }) =>
  CRITERION_ORDER.indexOf(a.criterion) - CRITERION_ORDER.indexOf(b.criterion);

/** A draft to edit from `version`: the DRAFT itself (saving overwrites it) or a copy of any other version. */
export function draftFromVersion(version: VersionLike): ModelDraft {
  return {
    id: version.status === 'DRAFT' ? version.id : null,
    criteria: [...version.criteria].sort(byCriterionOrder).map((c) => ({ criterion: c.criterion, options: c.options.map((o) => ({ value: o.value, points: o.points })) })),
    thresholds: { hot: version.thresholds.hot, keyAccount: version.thresholds.keyAccount, warm: version.thresholds.warm },
    comment: version.status === 'DRAFT' ? (version.comment ?? '') : '',
  };
}

/** Most points a criterion can give: its best option. */
export function criterionMax(criterion: { options: ReadonlyArray<{ points: number }> }): number {
  return criterion.options.reduce((max, o) => Math.max(max, Number.isFinite(o.points) ? o.points : 0), 0);
}

/** The best score a lead can reach: the sum of the criteria's maxima. */
export function modelMax(criteria: ReadonlyArray<{ options: ReadonlyArray<{ points: number }> }>): number {
  return criteria.reduce((sum, c) => sum + criterionMax(c), 0);
}

export interface CriterionShare {
  criterion: ScoreCriterion;
  max: number;
  /** Percent of the model's maximum (0–100), for the share bar */
  share: number;
}

/** Each criterion's maximum and its share of the model's maximum, in percent. */
export function criterionShares(criteria: readonly CriterionDraft[]): { rows: CriterionShare[]; total: number } {
  const total = modelMax(criteria);
  const rows = criteria.map((c) => {
    const max = criterionMax(c);
    return { criterion: c.criterion, max, share: total > 0 ? (max / total) * 100 : 0 };
  });
  return { rows, total };
}

/**
 * Splits `total` into whole numbers proportional to `weights` that add up to exactly `total`
 * (largest remainder; on a tie the earlier weight wins), so rounding never leaves 99 or 101.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] += 1;
    left -= 1;
  }
  return result;
}

/**
 * Scales every criterion so the maximum is exactly 100, as the server's `normalize` does: each
 * criterion's maximum gets its share of 100 (largest remainder, so never 99 or 101), every other
 * option is scaled by the same factor, rounded, and kept at or below its criterion's maximum.
 * Null when nothing can be scaled (every option at 0).
 */
export function normalizeCriteria(criteria: readonly CriterionDraft[]): CriterionDraft[] | null {
  const maxima = criteria.map(criterionMax);
  const total = maxima.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = apportion(maxima, MAX_SCORE);
  const factor = MAX_SCORE / total;
  return criteria.map((c, i) => ({
    criterion: c.criterion,
    options: c.options.map((o) => ({
      value: o.value,
      points: o.points === maxima[i] ? target[i] : Math.min(target[i], Math.max(0, Math.round(o.points * factor))),
    })),
  }));
}

/** Turns scoring of the lead source on (every source at 0 points, or the points `previous` had) or off. */
export function withSourceCriterion(draft: ModelDraft, on: boolean, sources: readonly string[], previous?: CriterionDraft | null): ModelDraft {
  const without = draft.criteria.filter((c) => c.criterion !== 'SOURCE');
  if (!on) return { ...draft, criteria: without };
  if (draft.criteria.some((c) => c.criterion === 'SOURCE')) return draft;
  const points = (value: string) => previous?.options.find((o) => o.value === value)?.points ?? 0;
  return { ...draft, criteria: [...without, { criterion: 'SOURCE', options: sources.map((value) => ({ value, points: points(value) })) }] };
}

export function scoresSource(criteria: ReadonlyArray<{ criterion: ScoreCriterion }>): boolean {
  return criteria.some((c) => c.criterion === 'SOURCE');
}

/** Where a problem is shown: an option's points, a threshold, the maximum or the comment. */
export type DraftField = `points.${string}.${string}` | `thresholds.${ThresholdKey}` | 'maxScore' | 'comment';

export const pointsField = (criterion: ScoreCriterion, value: string): DraftField => `points.${criterion}.${value}`;

export type DraftIssueCode = 'POINTS_RANGE' | 'NOT_WHOLE' | 'THRESHOLD_RANGE' | 'THRESHOLD_ORDER' | 'MAX_NOT_100';

export interface DraftIssue {
  field: DraftField;
  code: DraftIssueCode;
  params: Record<string, number | string>;
}

/** Everything that keeps a draft from being saved, one issue per field, in the order the form shows them. */
export function validateDraft(draft: ModelDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const c of draft.criteria) {
    for (const o of c.options) {
      const field = pointsField(c.criterion, o.value);
      if (!Number.isInteger(o.points)) issues.push({ field, code: 'NOT_WHOLE', params: {} });
      else if (o.points < POINTS_RANGE.min || o.points > POINTS_RANGE.max) issues.push({ field, code: 'POINTS_RANGE', params: { ...POINTS_RANGE } });
    }
  }
  const { hot, keyAccount, warm } = draft.thresholds;
  const outOfRange = new Set<ThresholdKey>();
  for (const key of THRESHOLD_KEYS) {
    const value = draft.thresholds[key];
    if (!Number.isInteger(value)) issues.push({ field: `thresholds.${key}`, code: 'NOT_WHOLE', params: {} });
    else if (value < THRESHOLD_RANGE.min || value > THRESHOLD_RANGE.max) issues.push({ field: `thresholds.${key}`, code: 'THRESHOLD_RANGE', params: { ...THRESHOLD_RANGE } });
    else continue;
    outOfRange.add(key);
  }
  // the order is only worth a word when both numbers are valid on their own
  if (!outOfRange.has('hot') && !outOfRange.has('keyAccount') && hot <= keyAccount) {
    issues.push({ field: 'thresholds.hot', code: 'THRESHOLD_ORDER', params: { above: keyAccount } });
  }
  if (!outOfRange.has('keyAccount') && !outOfRange.has('warm') && keyAccount <= warm) {
    issues.push({ field: 'thresholds.keyAccount', code: 'THRESHOLD_ORDER', params: { above: warm } });
  }
  const max = modelMax(draft.criteria);
  if (max !== MAX_SCORE) issues.push({ field: 'maxScore', code: 'MAX_NOT_100', params: { max, target: MAX_SCORE } });
  return issues;
}

/** The mutation's input for a draft; points and thresholds as whole numbers. */
export function draftInput(draft: ModelDraft) {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    criteria: draft.criteria.map((c) => ({ criterion: c.criterion, options: c.options.map((o) => ({ value: o.value, points: o.points })) })),
    thresholds: { ...draft.thresholds },
    comment: draft.comment.trim() || null,
  };
}

interface ServerFieldError {
  field?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * Where the server's refusal belongs in the form. Its fields name the criterion and option
 * (`criteria.URGENCY.IMMEDIATELY`), a whole criterion (`criteria.SOURCE`), the maximum
 * (`criteria`), a threshold (`thresholds.hot`) or the comment; an `input.` prefix is ignored.
 * A whole criterion's problem is shown at the maximum; what has no place goes to `general`.
 */
export function placeServerErrors(items: readonly ServerFieldError[]): {
  fields: Array<{ field: DraftField; code: string; message: string }>;
  general: Array<{ code: string; message: string }>;
} {
  const fields: Array<{ field: DraftField; code: string; message: string }> = [];
  const general: Array<{ code: string; message: string }> = [];
  for (const item of items) {
    const path = String(item.field ?? '').replace(/^input\./, '');
    const code = String(item.code ?? '');
    const message = typeof item.message === 'string' ? item.message : '';
    const field = fieldOfPath(path);
    if (field) fields.push({ field, code, message });
    else general.push({ code, message });
  }
  return { fields, general };
}

function fieldOfPath(path: string): DraftField | null {
  const option = /^criteria\.([A-Z_]+)\.([A-Z0-9_]+)$/.exec(path);
  if (option) return pointsField(option[1] as ScoreCriterion, option[2]);
  if (path === 'criteria' || /^criteria\.[A-Z_]+$/.test(path)) return 'maxScore';
  const threshold = /^thresholds\.(hot|keyAccount|warm)$/.exec(path);
  if (threshold) return `thresholds.${threshold[1] as ThresholdKey}`;
  if (path === 'comment') return 'comment';
  return null;
}

export interface OptionDiff {
  value: string;
  before: number | null;
  after: number | null;
  changed: boolean;
}

export interface CriterionDiff {
  criterion: ScoreCriterion;
  beforeMax: number | null;
  afterMax: number | null;
  options: OptionDiff[];
  changed: boolean;
}

export interface ModelDiff {
  criteria: CriterionDiff[];
  thresholds: Array<{ key: ThresholdKey; before: number; after: number; changed: boolean }>;
  /** Options and thresholds whose number differs */
  changes: number;
}

type ModelLike = Pick<VersionLike, 'criteria' | 'thresholds'>;

/** What `after` changes compared to `before`, option by option; a criterion only one of them scores shows null on the other side. */
export function diffModels(before: ModelLike, after: ModelLike): ModelDiff {
  const names = CRITERION_ORDER.filter((name) => before.criteria.some((c) => c.criterion === name) || after.criteria.some((c) => c.criterion === name));
  let changes = 0;
  const criteria = names.map((name) => {
    const a = before.criteria.find((c) => c.criterion === name);
    const b = after.criteria.find((c) => c.criterion === name);
    const values = [...(a?.options ?? []), ...(b?.options ?? [])].map((o) => o.value).filter((v, i, all) => all.indexOf(v) === i);
    const options = values.map((value) => {
      const x = a ? (a.options.find((o) => o.value === value)?.points ?? null) : null;
      const y = b ? (b.options.find((o) => o.value === value)?.points ?? null) : null;
      const changed = x !== y;
      if (changed) changes += 1;
      return { value, before: x, after: y, changed };
    });
    const beforeMax = a ? criterionMax(a) : null;
    const afterMax = b ? criterionMax(b) : null;
    return { criterion: name, beforeMax, afterMax, options, changed: options.some((o) => o.changed) };
  });
  const thresholds = THRESHOLD_KEYS.map((key) => {
    const changed = before.thresholds[key] !== after.thresholds[key];
    if (changed) changes += 1;
    return { key, before: before.thresholds[key], after: after.thresholds[key], changed };
  });
  return { criteria, thresholds, changes };
}

export type MoveKind = 'same' | 'up' | 'down';

export interface MatrixCell {
  from: LeadTier;
  to: LeadTier;
  count: number;
  kind: MoveKind;
}

export interface MoveMatrix {
  /** One row per old tier, best first; its cells one per new tier, best first */
  rows: Array<{ from: LeadTier; cells: MatrixCell[]; total: number }>;
  columnTotals: number[];
  /** Leads whose tier changes */
  moved: number;
  total: number;
}

/** The old-tier × new-tier table of the impact preview; cells the server did not send count 0. */
export function moveMatrix(moves: ReadonlyArray<{ from: LeadTier; to: LeadTier; count: number }>): MoveMatrix {
  const count = (from: LeadTier, to: LeadTier) => moves.filter((m) => m.from === from && m.to === to).reduce((sum, m) => sum + m.count, 0);
  const rows = TIER_ORDER.map((from, i) => {
    const cells = TIER_ORDER.map((to, j): MatrixCell => ({ from, to, count: count(from, to), kind: i === j ? 'same' : j < i ? 'up' : 'down' }));
    return { from, cells, total: cells.reduce((sum, c) => sum + c.count, 0) };
  });
  const columnTotals = TIER_ORDER.map((_, j) => rows.reduce((sum, r) => sum + r.cells[j].count, 0));
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const moved = rows.reduce((sum, r) => sum + r.cells.filter((c) => c.kind !== 'same').reduce((s, c) => s + c.count, 0), 0);
  return { rows, columnTotals, moved, total };
}

export interface HistogramBar {
  from: number;
  to: number;
  before: number;
  after: number;
  /** Heights in percent of the tallest bar of either side */
  beforeHeight: number;
  afterHeight: number;
}

/** Bars of the score histogram before and after, on one scale so the two sides compare. */
export function histogramBars(bins: ReadonlyArray<{ from: number; to: number; before: number; after: number }>): { bars: HistogramBar[]; peak: number } {
  const sorted = [...bins].sort((a, b) => a.from - b.from);
  const peak = sorted.reduce((max, b) => Math.max(max, b.before, b.after), 0);
  const height = (n: number) => (peak > 0 ? (n / peak) * 100 : 0);
  return { bars: sorted.map((b) => ({ from: b.from, to: b.to, before: b.before, after: b.after, beforeHeight: height(b.before), afterHeight: height(b.after) })), peak };
}

/** "+2.4", "−1.0", "±0.0": a signed change with one decimal (a true minus sign). */
export function signedChange(value: number, format: (n: number) => string = (n) => n.toFixed(1)): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return `±${format(0)}`;
  return rounded > 0 ? `+${format(rounded)}` : `−${format(-rounded)}`;
}

/** Share of a rescoring job that is done, 0–100; a finished job is 100 even with nothing to do. */
export function jobProgress(job: { state: string; done: number; total: number }): number {
  if (job.state === 'DONE') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((job.done / job.total) * 100));
}

export function jobFinished(job: { state: string } | null | undefined): boolean {
  return job?.state === 'DONE' || job?.state === 'FAILED';
}

/** What an option is called in the app: "Over €100,000", "51–200", "Software", "Immediately", "Referral". */
export function optionLabel(criterion: ScoreCriterion, value: string, t: Translate, locale: Locale): string {
  switch (criterion) {
    case 'BUDGET':
      return budgetLabel(value as BudgetRange, locale, { under: t('budget.under'), over: t('budget.over') });
    case 'COMPANY_SIZE':
      return companySizeLabel(value as CompanySize, locale);
    case 'INDUSTRY':
      return t(`industry.${value}`);
    case 'URGENCY':
      return t(`urgency.${value}`);
    default:
      return t(`source.${value}`);
  }
}

const JOB_STAGE: Record<string, number> = { QUEUED: 0, RUNNING: 1, DONE: 2, FAILED: 2 };

/**
 * The newer of two reports on the same job (the socket's and a poll's may cross): the later state,
 * then the more leads done. Either may be missing.
 */
export function laterJob<J extends { state: string; done: number }>(a: J | null | undefined, b: J | null | undefined): J | null {
  if (!a || !b) return a ?? b ?? null;
  const stage = (JOB_STAGE[a.state] ?? 0) - (JOB_STAGE[b.state] ?? 0);
  if (stage !== 0) return stage > 0 ? a : b;
  return b.done > a.done ? b : a;
}
