import { DEFAULT_CONFIDENCE, differenceInterval, wilsonInterval } from '../../stats/index.js';
import { LeadSource, LeadTier } from '../leads/lead.enums.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { Industry } from '../scoring/scoring.enums.js';
import { LOW_SCORE_BELOW, MINIMUM_SAMPLE, trendBucketDays } from './dashboard.rules.js';
import { HISTOGRAM_BIN, HISTOGRAM_BINS, KEY_ACCOUNT_TIERS, TIERS, SlaState, type CountRow, type CubeEntry, type DurationRow } from './dashboard.sql.js';
import type { KpiConversion, KpiDuration, KpiRate, KpiRateDifference, KpiRevenue, LeadKpis } from './dashboard.types.js';

const BANDS = 10;
const BAND_WIDTH = 10;
const STATUSES = Object.values(LeadStatus);
const SOURCES = Object.values(LeadSource);
const INDUSTRIES = Object.values(Industry);

// the "WON below 40" count is a sum over whole bins of the cube
if (LOW_SCORE_BELOW % HISTOGRAM_BIN !== 0) throw new Error('LOW_SCORE_BELOW must be a multiple of the histogram bin');

/** Sums over cube rows: what every group of the dashboard needs. */
interface Sums {
  leads: number;
  scoreSum: number;
  won: number;
  lost: number;
  revenue: number;
  deals: number;
  keyAccounts: number;
  slaDecided: number;
  slaMissed: number;
}

const emptySums = (): Sums => ({ leads: 0, scoreSum: 0, won: 0, lost: 0, revenue: 0, deals: 0, keyAccounts: 0, slaDecided: 0, slaMissed: 0 });

/** A cube entry by name. */
export function cubeRow([tier, bin, source, industry, status, sla, n, scoreSum, revenue, deals]: CubeEntry) {
  return { tier, bin, source, industry, status, sla, n, scoreSum, revenue, deals };
}
type CubeRow = ReturnType<typeof cubeRow>;

function addRow(sums: Sums, row: CubeRow): void {
  const { n } = row;
  sums.leads += n;
  sums.scoreSum += row.scoreSum;
  if (row.status === LeadStatus.WON) {
    sums.won += n;
    // a deal value exists only while WON; counted only there, so a stray value cannot inflate revenue
    sums.revenue += row.revenue ?? 0;
    sums.deals += row.deals;
  }
  if (row.status === LeadStatus.LOST) sums.lost += n;
  if (KEY_ACCOUNT_TIERS.includes(row.tier)) sums.keyAccounts += n;
  if (row.sla === SlaState.MET || row.sla === SlaState.MISSED) sums.slaDecided += n;
  if (row.sla === SlaState.MISSED) sums.slaMissed += n;
}

function sumsBy<K>(keys: readonly K[], rows: readonly CubeRow[], keyOf: (row: CubeRow) => K): Map<K, Sums> {
  const map = new Map<K, Sums>(keys.map((key) => [key, emptySums()]));
  for (const row of rows) {
    const key = keyOf(row);
    let sums = map.get(key);
    if (!sums) map.set(key, (sums = emptySums()));
    addRow(sums, row);
  }
  return map;
}

/** A rate with its Wilson interval; n = 0 gives a null estimate and the interval [0, 1]. */
export function rate(successes: number, n: number): KpiRate {
  const interval = wilsonInterval(successes, n);
  return { successes, n, estimate: n ? interval.estimate : null, lower: interval.lower, upper: interval.upper, enoughData: n >= MINIMUM_SAMPLE };
}

/** first − second with Newcombe's interval. */
export function rateDifference(successes1: number, n1: number, successes2: number, n2: number): KpiRateDifference {
  const interval = differenceInterval(successes1, n1, successes2, n2);
  const first = rate(successes1, n1);
  const second = rate(successes2, n2);
  return {
    first,
    second,
    estimate: n1 && n2 ? interval.estimate : null,
    lower: interval.lower,
    upper: interval.upper,
    enoughData: first.enoughData && second.enoughData,
  };
}

function conversion(sums: Sums): KpiConversion {
  const closed = sums.won + sums.lost;
  return {
    leads: sums.leads,
    won: sums.won,
    lost: sums.lost,
    open: sums.leads - closed,
    winRate: rate(sums.won, closed),
    leadRate: rate(sums.won, sums.leads),
  };
}

function revenue(sums: Sums): KpiRevenue {
  return {
    total: round2(sums.revenue),
    deals: sums.deals,
    averageDealSize: sums.deals ? sums.revenue / sums.deals : null,
    revenuePerLead: sums.leads ? sums.revenue / sums.leads : null,
  };
}

// deal values are numeric(14,2); adding them as doubles may leave 0.30000000000000004
const round2 = (value: number) => Math.round(value * 100) / 100;

function duration(row: DurationRow | undefined, name: 'ttc' | 'vel'): KpiDuration {
  const n = Number(row?.[`${name}_n`] ?? 0);
  const quantiles = row?.[`${name}_q`];
  return { n, medianSeconds: n ? quantiles![0] : null, p90Seconds: n ? quantiles![1] : null, enoughData: n >= MINIMUM_SAMPLE };
}

const average = (sums: Sums) => (sums.leads ? sums.scoreSum / sums.leads : null);

/** Most leads first; the enum's order among equals, so the order is stable. */
function byLeads<K extends string>(map: Map<K, Sums>, order: readonly K[]): K[] {
  return [...order].sort((a, b) => map.get(b)!.leads - map.get(a)!.leads || order.indexOf(a) - order.indexOf(b));
}

export interface KpiRows {
  counts: CountRow;
  durations: DurationRow[];
}

export interface KpiContext {
  from: Date;
  to: Date;
  timeZone: string;
  tookMs: number;
}

/** Pure: the statements' rows as the API's answer. Every tier, band, bin, status, source, industry and day is present, zero when empty. */
export function shapeKpis({ counts, durations }: KpiRows, context: KpiContext): LeadKpis {
  const cube = counts.cube.map(cubeRow);
  const all = sumsBy([null], cube, () => null).get(null)!;
  const tiers = sumsBy(TIERS, cube, (row) => row.tier);
  const statuses = sumsBy(STATUSES, cube, (row) => row.status);
  const bins = sumsBy([...Array(HISTOGRAM_BINS).keys()], cube, (row) => Number(row.bin));
  const bands = sumsBy([...Array(BANDS).keys()], cube, (row) => Math.min(Math.floor((Number(row.bin) * HISTOGRAM_BIN) / BAND_WIDTH), BANDS - 1));
  const sources = sumsBy(SOURCES, cube, (row) => row.source as LeadSource);
  const industries = sumsBy(INDUSTRIES, cube, (row) => row.industry as Industry);
  const keyOrRest = sumsBy([true, false], cube, (row) => KEY_ACCOUNT_TIERS.includes(row.tier));
  const key = keyOrRest.get(true)!;
  const rest = keyOrRest.get(false)!;
  let wonWithLowScore = 0;
  for (const [bin, sums] of bins) if (bin * HISTOGRAM_BIN < LOW_SCORE_BELOW) wonWithLowScore += sums.won;

  // days, and each source's leads per stretch of days for its sparkbar
  const bucketDays = trendBucketDays(counts.labels.length);
  const buckets = Math.ceil(counts.labels.length / bucketDays);
  const perDay = counts.labels.map((day) => ({ day, leads: 0, keyAccounts: 0 }));
  const trends = new Map<string, number[]>(SOURCES.map((source) => [source, Array(buckets).fill(0)]));
  for (const [day, source, keyAccount, n] of counts.days) {
    const entry = perDay[day - 1];
    if (!entry) continue;
    entry.leads += n;
    if (keyAccount) entry.keyAccounts += n;
    const trend = trends.get(source);
    if (trend) trend[Math.floor((day - 1) / bucketDays)] += n;
  }

  // the row of all tiers has tier null
  const overall = durations.find((row) => row.tier === null);
  const ofTier = (tier: LeadTier) => durations.find((row) => row.tier === tier);
  const feedback = overall?.feedback ?? { ratings: 0, tooHigh: 0, tooLow: 0 };
  return {
    from: context.from,
    to: context.to,
    timeZone: context.timeZone,
    minimumSample: MINIMUM_SAMPLE,
    confidence: DEFAULT_CONFIDENCE,
    leads: all.leads,
    keyAccounts: key.leads,
    hot: tiers.get(LeadTier.HOT)!.leads,
    averageScore: average(all),
    byStatus: STATUSES.map((status) => ({ status, leads: statuses.get(status)!.leads })),
    leadsPerDay: perDay,
    conversion: conversion(all),
    byTier: TIERS.map((tier) => {
      const sums = tiers.get(tier)!;
      return {
        tier,
        leads: sums.leads,
        conversion: conversion(sums),
        timeToContact: duration(ofTier(tier), 'ttc'),
        velocity: duration(ofTier(tier), 'vel'),
        revenue: revenue(sums),
        slaMissed: rate(sums.slaMissed, sums.slaDecided),
      };
    }),
    byScoreBand: [...bands].map(([band, sums]) => ({ from: band * BAND_WIDTH, to: band === BANDS - 1 ? 100 : band * BAND_WIDTH + BAND_WIDTH - 1, conversion: conversion(sums) })),
    keyAccountsVsRest: {
      winRate: rateDifference(key.won, key.won + key.lost, rest.won, rest.won + rest.lost),
      leadRate: rateDifference(key.won, key.leads, rest.won, rest.leads),
    },
    timeToContact: duration(overall, 'ttc'),
    velocity: duration(overall, 'vel'),
    revenue: revenue(all),
    bySource: byLeads(sources, SOURCES).map((source) => {
      const sums = sources.get(source)!;
      return {
        source,
        leads: sums.leads,
        averageScore: average(sums),
        keyAccountShare: rate(sums.keyAccounts, sums.leads),
        conversion: conversion(sums),
        revenue: revenue(sums),
        trend: trends.get(source)!,
      };
    }),
    trendBucketDays: bucketDays,
    byIndustry: byLeads(industries, INDUSTRIES).map((industry) => {
      const sums = industries.get(industry)!;
      return {
        industry,
        leads: sums.leads,
        keyAccounts: sums.keyAccounts,
        averageScore: average(sums),
        keyAccountShare: rate(sums.keyAccounts, sums.leads),
        shareOfLeads: rate(sums.leads, all.leads),
        shareOfKeyAccounts: rate(sums.keyAccounts, all.keyAccounts),
        conversion: conversion(sums),
        revenue: revenue(sums),
      };
    }),
    scoreHistogram: [...bins].map(([bin, sums]) => ({
      from: bin * HISTOGRAM_BIN,
      to: bin === HISTOGRAM_BINS - 1 ? 100 : bin * HISTOGRAM_BIN + HISTOGRAM_BIN - 1,
      leads: sums.leads,
      keyAccounts: sums.keyAccounts,
    })),
    falsePositives: {
      keyAccountsMissedSla: rate(key.slaMissed, key.slaDecided),
      tooHighRatings: rate(feedback.tooHigh, feedback.ratings),
    },
    falseNegatives: {
      lowScoreBelow: LOW_SCORE_BELOW,
      wonWithLowScore: rate(wonWithLowScore, all.won),
      tooLowRatings: rate(feedback.tooLow, feedback.ratings),
    },
    tookMs: context.tookMs,
  };
}
