import type { Industry, LeadSource } from '../gql/graphql';
import { isValidRange, presetRange, RANGE_PRESETS, type DayRange, type RangePreset } from './kpis';
import { first, ownerOf, pick, type QueryValues } from './list-url';
import { INDUSTRY_OPTIONS, SOURCE_OPTIONS } from './options';

/** A preset number of days ("30"), or the custom range. */
export type PeriodChoice = `${RangePreset}` | 'custom';

/** What the dashboard shows; kept in the address so a reload, Back or a shared link shows the same numbers. */
export interface DashboardView {
  period: PeriodChoice;
  /** the custom range; with a preset, the days the custom fields start from */
  custom: DayRange;
  /** '' any owner, 'unassigned', or a member's id */
  owner: string;
  source: LeadSource | '';
  industry: Industry | '';
}

const DEFAULT_PRESET: RangePreset = 30;

/**
 * The view from the query of the address: `?days=7`, or `?from=2026-01-01&to=2026-03-31`, and
 * `owner`, `source`, `industry`. Unknown or broken values fall back to the default (the last 30
 * days, everything), never to an error: a link may be old or typed by hand.
 */
export function dashboardFromParams(query: QueryValues, now: Date = new Date()): DashboardView {
  const fromDay = first(query.from)?.trim() ?? '';
  const toDay = first(query.to)?.trim() ?? '';
  const days = Number(first(query.days));
  const preset = RANGE_PRESETS.find((n) => n === days) ?? DEFAULT_PRESET;
  const customRange = { fromDay, toDay };
  const isCustom = isValidRange(customRange);
  return {
    period: isCustom ? 'custom' : `${preset}`,
    custom: isCustom ? customRange : presetRange(preset, now),
    // no "me": the dashboard filters by members, and a shared link means the same people for everyone
    owner: ownerOf(first(query.owner), false),
    source: pick(SOURCE_OPTIONS, first(query.source)),
    industry: pick(INDUSTRY_OPTIONS, first(query.industry)),
  };
}

/**
 * The query for the view on screen, in a stable order, without defaults. `shown` is the range the
 * numbers are for: while the custom fields hold no valid range, the last valid one stays on screen
 * and in the address.
 */
export function paramsFromDashboard(view: Omit<DashboardView, 'custom'>, shown: DayRange): Record<string, string> {
  const params: Record<string, string> = {};
  if (view.period === 'custom') {
    params.from = shown.fromDay;
    params.to = shown.toDay;
  } else if (view.period !== `${DEFAULT_PRESET}`) {
    params.days = view.period;
  }
  if (view.owner) params.owner = view.owner;
  if (view.source) params.source = view.source.toLowerCase();
  if (view.industry) params.industry = view.industry.toLowerCase();
  return params;
}
