import type { Unmasked } from '@apollo/client/core';
import type { LeadKpisQuery } from '../gql/graphql';
import type { CsvCell } from './csv';
import { numberFormat, type Locale } from './format';

// The dashboard's pure logic: ranges of whole local days, how numbers with their uncertainty read,
// the live refresh's throttle, and each table as rows for CSV.

/** The dashboard's numbers as the page reads them: every fragment's fields in place. */
export type LeadKpis = Unmasked<LeadKpisQuery>['leadKpis'];
export type KpiRate = LeadKpis['conversion']['winRate'];
export type KpiConversion = LeadKpis['conversion'];
export type KpiDuration = LeadKpis['timeToContact'];
export type KpiRevenue = LeadKpis['revenue'];
export type KpiDifference = LeadKpis['keyAccountsVsRest']['winRate'];

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
/** The server's longest range (LeadKpis: DateRangeInput). */
export const MAX_RANGE_DAYS = 731;

/** Whole days in the browser's time zone, both included: `2026-03-01` to `2026-03-07`. */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of `date` in the browser's time zone. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Calendar arithmetic (no clock involved, so no daylight-saving hour can shift it). */
export function addDays(day: string, days: number): string {
  const [, y, m, d] = DAY_PATTERN.exec(day)!.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function daysBetween(fromDay: string, toDay: string): number {
  const utc = (day: string) => {
    const [, y, m, d] = DAY_PATTERN.exec(day)!.map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(toDay) - utc(fromDay)) / 86_400_000) + 1;
}

/** The last `preset` days, today included. */
export function presetRange(preset: RangePreset, now: Date = new Date()): DayRange {
  const today = localDay(now);
  return { fromDay: addDays(today, -(preset - 1)), toDay: today };
}

/** A custom range is usable when both days are real days, in order, and at most MAX_RANGE_DAYS apart. */
export function isValidRange(range: DayRange): boolean {
  if (!DAY_PATTERN.test(range.fromDay) || !DAY_PATTERN.test(range.toDay)) return false;
  if (addDays(range.fromDay, 0) !== range.fromDay || addDays(range.toDay, 0) !== range.toDay) return false;
  const days = daysBetween(range.fromDay, range.toDay);
  return days >= 1 && days <= MAX_RANGE_DAYS;
}

/** Local midnight of a day, as an instant (the browser knows its zone's daylight-saving rules). */
function localMidnight(day: string): Date {
  const [, y, m, d] = DAY_PATTERN.exec(day)!.map(Number);
  return new Date(y, m - 1, d);
}

/** The API's DateRangeInput: from the first day's midnight to the midnight after the last day, days counted in `timeZone`. */
export function rangeInput(range: DayRange, timeZone: string): { from: string; to: string; timeZone: string } {
  return { from: localMidnight(range.fromDay).toISOString(), to: localMidnight(addDays(range.toDay, 1)).toISOString(), timeZone };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether a lead created at `createdAt` counts in the range the dashboard shows (live events outside it change nothing). */
export function inRange(createdAt: string, input: { from: string; to: string }): boolean {
  const at = Date.parse(createdAt);
  return at >= Date.parse(input.from) && at < Date.parse(input.to);
}

export function percentText(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Percentage points, signed: "+16.7 pp" / "−41.1 pp". */
export function pointsText(value: number, locale: Locale): string {
  return `${numberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value * 100)} pp`;
}

export function moneyText(value: number, locale: Locale): string {
  return numberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

export function decimalText(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** How a rate reads: its percentage only with enough data; the interval and n always. */
export interface RateView {
  /** null: below the minimum sample, show "not enough data" */
  value: string | null;
  /** "8.1–17.3 %" */
  interval: string;
  n: number;
  successes: number;
}

export function rateView(rate: KpiRate, locale: Locale): RateView {
  const low = numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(rate.lower * 100);
  return {
    value: rate.enoughData && rate.estimate != null ? percentText(rate.estimate, locale) : null,
    interval: `${low}–${percentText(rate.upper, locale)}`,
    n: rate.n,
    successes: rate.successes,
  };
}

/** A difference of rates in percentage points, with its interval; null value below the minimum sample. */
export function differenceView(difference: KpiDifference, locale: Locale): { value: string | null; interval: string } {
  return {
    value: difference.enoughData && difference.estimate != null ? pointsText(difference.estimate, locale) : null,
    interval: `${pointsText(difference.lower, locale)} … ${pointsText(difference.upper, locale)}`,
  };
}

/** "45 min", "5.5 hr", "3.2 days": the unit that keeps the number small. */
export function durationText(seconds: number, locale: Locale): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day', digits: number) =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (seconds < 60) return unit(seconds, 'second', 0);
  if (seconds < 3600) return unit(seconds / 60, 'minute', 0);
  if (seconds < 48 * 3600) return unit(seconds / 3600, 'hour', 1);
  return unit(seconds / 86_400, 'day', 1);
}

/** A duration's median, or null below the minimum sample. */
export function durationView(duration: KpiDuration, locale: Locale): { median: string | null; p90: string | null; n: number } {
  const enough = duration.enoughData && duration.medianSeconds != null;
  return {
    median: enough ? durationText(duration.medianSeconds!, locale) : null,
    p90: enough && duration.p90Seconds != null ? durationText(duration.p90Seconds, locale) : null,
    n: duration.n,
  };
}

/** Heights of a sparkbar's bars, 0–1 of the row's largest bucket (all 0 for an empty row). */
export function sparkbar(trend: readonly number[]): number[] {
  const max = Math.max(0, ...trend);
  return trend.map((value) => (max ? value / max : 0));
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `run` at most once per `waitMs`: the first call at once, calls within the wait collapse into
 * one run when it is over. A burst of live events costs two fetches, never one per event.
 */
export function createThrottle(run: () => void, waitMs: number, clock: Clock = realClock) {
  let last = -Infinity;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    last = clock.now();
    run();
  };
  return {
    call(): void {
      if (timer !== null) return;
      const wait = last + waitMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    /** A run happened by other means (a fetch of new filters): the wait starts now. */
    ran(): void {
      last = clock.now();
    },
    cancel(): void {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

type Translate = (key: string) => string;

/** A rate's columns in an export: share, interval bounds, successes and n; the share empty when n is 0. */
function rateCells(rate: KpiRate): CsvCell[] {
  return [rate.estimate, rate.lower, rate.upper, rate.successes, rate.n];
}
function rateHeaders(name: string, t: Translate): string[] {
  return [name, `${name} ${t('dashboard.csv.low')}`, `${name} ${t('dashboard.csv.high')}`, `${name} ${t('dashboard.csv.successes')}`, `${name} n`];
}

/** Each table of the dashboard as CSV rows (header first); numbers raw (shares 0–1, seconds, EUR). */
export function tierTable(kpis: LeadKpis, t: Translate): CsvCell[][] {
  const header = [
    t('dashboard.csv.tier'), t('dashboard.csv.leads'), t('dashboard.csv.won'), t('dashboard.csv.lost'),
    ...rateHeaders(t('dashboard.csv.winRate'), t), ...rateHeaders(t('dashboard.csv.leadRate'), t),
    t('dashboard.csv.ttcMedian'), t('dashboard.csv.ttcP90'), t('dashboard.csv.ttcN'),
    t('dashboard.csv.velocityMedian'), t('dashboard.csv.velocityN'),
    t('dashboard.csv.revenue'), t('dashboard.csv.deals'), t('dashboard.csv.averageDeal'), t('dashboard.csv.revenuePerLead'),
    ...rateHeaders(t('dashboard.csv.slaMissed'), t),
  ];
  return [
    header,
    ...kpis.byTier.map((row) => [
      t(`tier.${row.tier}`), row.leads, row.conversion.won, row.conversion.lost,
      ...rateCells(row.conversion.winRate), ...rateCells(row.conversion.leadRate),
      row.timeToContact.medianSeconds, row.timeToContact.p90Seconds, row.timeToContact.n,
      row.velocity.medianSeconds, row.velocity.n,
      row.revenue.total, row.revenue.deals, row.revenue.averageDealSize, row.revenue.revenuePerLead,
      ...rateCells(row.slaMissed),
    ]),
  ];
}

export function bandTable(kpis: LeadKpis, t: Translate): CsvCell[][] {
  return [
    [t('dashboard.csv.scoreFrom'), t('dashboard.csv.scoreTo'), t('dashboard.csv.leads'), t('dashboard.csv.won'), t('dashboard.csv.lost'), ...rateHeaders(t('dashboard.csv.winRate'), t), ...rateHeaders(t('dashboard.csv.leadRate'), t)],
    ...kpis.byScoreBand.map((band) => [band.from, band.to, band.conversion.leads, band.conversion.won, band.conversion.lost, ...rateCells(band.conversion.winRate), ...rateCells(band.conversion.leadRate)]),
  ];
}

export function sourceTable(kpis: LeadKpis, t: Translate): CsvCell[][] {
  return [
    [t('dashboard.csv.source'), t('dashboard.csv.leads'), t('dashboard.csv.averageScore'), ...rateHeaders(t('dashboard.csv.keyAccountShare'), t), t('dashboard.csv.won'), t('dashboard.csv.lost'), ...rateHeaders(t('dashboard.csv.winRate'), t), t('dashboard.csv.revenue')],
    ...kpis.bySource.map((row) => [
      t(`source.${row.source}`), row.leads, row.averageScore, ...rateCells(row.keyAccountShare), row.conversion.won, row.conversion.lost, ...rateCells(row.conversion.winRate), row.revenue.total,
    ]),
  ];
}

export function industryTable(kpis: LeadKpis, t: Translate): CsvCell[][] {
  return [
    [
      t('dashboard.csv.industry'), t('dashboard.csv.leads'), t('dashboard.csv.keyAccounts'), t('dashboard.csv.averageScore'),
      ...rateHeaders(t('dashboard.csv.shareOfLeads'), t), ...rateHeaders(t('dashboard.csv.shareOfKeyAccounts'), t), ...rateHeaders(t('dashboard.csv.winRate'), t), t('dashboard.csv.revenue'),
    ],
    ...kpis.byIndustry.map((row) => [
      t(`industry.${row.industry}`), row.leads, row.keyAccounts, row.averageScore, ...rateCells(row.shareOfLeads), ...rateCells(row.shareOfKeyAccounts), ...rateCells(row.conversion.winRate), row.revenue.total,
    ]),
  ];
}

export function dayTable(kpis: LeadKpis, t: Translate): CsvCell[][] {
  return [[t('dashboard.csv.day'), t('dashboard.csv.leads'), t('dashboard.csv.keyAccounts')], ...kpis.leadsPerDay.map((d) => [d.day, d.leads, d.keyAccounts])];
}
