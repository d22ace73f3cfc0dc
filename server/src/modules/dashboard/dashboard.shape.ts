import { DEFAULT_CONFIDENCE, differenceInterval, wilsonInterval } from '../../stats/index.js';
import { LeadSource, LeadTier } from '../leads/lead.enums.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { Industry } from '../scoring/scoring.enums.js';
import { LOW_SCORE_BELOW, MINIMUM_SAMPLE, trendBucketDays } from './dashboard.rules.js';
import { allTiers, histogramQuantiles, type AttributeGroup, type GroupSums, type KpiTotals, type TierGroup } from './dashboard.partials.js';
import { HISTOGRAM_BIN, HISTOGRAM_BINS, KEY_ACCOUNT_TIERS, TIERS, SlaState, type DurationRow, type FeedbackCounts } from './dashboard.sql.js';
import { KpiPercentiles, type KpiConversion, type KpiDuration, type KpiRate, type KpiRateDifference, type KpiRevenue, type LeadKpis } from './dashboard.types.js';

const BANDS = 10;
const BAND_WIDTH = 10;
const STATUSES = Object.values(LeadStatus);
const SOURCES = Object.values(LeadSource);
const INDUSTRIES = Object.values(Industry);

// the "WON below 40" count is a sum over whole bins of the tier grouping
if (LOW_SCORE_BELOW % HISTOGRAM_BIN !== 0) throw new Error('LOW_SCORE_BELOW must be a multiple of the histogram bin');

/** Sums over groups of leads: what every group of the dashboard needs. */
interface Sums {
  leads: number;
  scoreSum: number;
  won: number;
  lost: number;
  /** whole cents */
  revenue: number;
  deals: number;
  keyAccounts: number;
  slaDecided: number;
  slaMissed: number;
}

const emptySums = (): Sums => ({ leads: 0, scoreSum: 0, won: 0, lost: 0, revenue: 0, deals: 0, keyAccounts: 0, slaDecided: 0, slaMissed: 0 });

/** A group with what is known of it: its tier (and SLA state) in the tier grouping, whether it is a key account in the others. */
type Row = GroupSums & { status: LeadStatus; keyAccount: boolean; sla?: number | null };

const tierRow = (group: TierGroup): TierGroup & Row => ({ ...group, keyAccount: KEY_ACCOUNT_TIERS.includes(group.tier) });

function addRow(sums: Sums, row: Row): void {
  const n = row.leads;
  sums.leads += n;
  sums.scoreSum += row.scoreSum;
  if (row.status === LeadStatus.WON) {
    sums.won += n;
    // a deal value exists only while WON; counted only there, so a stray value cannot inflate revenue
    sums.revenue += row.revenueCents;
    sums.deals += row.deals;
  }
  if (row.status === LeadStatus.LOST) sums.lost += n;
  if (row.keyAccount) sums.keyAccounts += n;
  if (row.sla === SlaState.MET || row.sla === SlaState.MISSED) sums.slaDecided += n;
  if (row.sla === SlaState.MISSED) sums.slaMissed += n;
}

function sumsBy<K, R extends Row>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): Map<K, Sums> {
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

// revenue is summed in whole cents, exactly, whatever the order of the partials
function revenue(sums: Sums): KpiRevenue {
  return {
    total: sums.revenue / 100,
    deals: sums.deals,
    averageDealSize: sums.deals ? sums.revenue / 100 / sums.deals : null,
    revenuePerLead: sums.leads ? sums.revenue / 100 / sums.leads : null,
  };
}

/** A duration's n and its median and 90th percentile (null without n). */
export interface DurationStat {
  n: number;
  quantiles: number[] | null;
}

/** Time-to-contact and velocity per tier, and over all tiers (key `all`). */
export type DurationStats = Record<LeadTier | 'all', { ttc: DurationStat; vel: DurationStat }>;

const QUANTILES = [0.5, 0.9];

/** The exact percentiles of `durationStatement`. */
export function exactDurations(rows: readonly DurationRow[]): DurationStats {
  const stat = (row: DurationRow | undefined, name: 'ttc' | 'vel'): DurationStat => {
    const n = Number(row?.[`${name}_n`] ?? 0);
    return { n, quantiles: n ? row![`${name}_q`] : null };
  };
  const of = (row: DurationRow | undefined) => ({ ttc: stat(row, 'ttc'), vel: stat(row, 'vel') });
  return {
    ...(Object.fromEntries(TIERS.map((tier) => [tier, of(rows.find((row) => row.tier === tier))])) as Record<LeadTier, { ttc: DurationStat; vel: DurationStat }>),
    all: of(rows.find((row) => row.tier === null)),
  };
}

/** Percentiles read from the merged histograms (within HISTOGRAM_RELATIVE_ERROR of the exact ones). */
export function histogramDurations(totals: Pick<KpiTotals, 'ttc' | 'vel'>): DurationStats {
  const of = (ttc: ReadonlyMap<number, number>, vel: ReadonlyMap<number, number>) => ({ ttc: histogramQuantiles(ttc, QUANTILES), vel: histogramQuantiles(vel, QUANTILES) });
  const none = new Map<number, number>();
  return {
    ...(Object.fromEntries(TIERS.map((tier) => [tier, of(totals.ttc.get(tier) ?? none, totals.vel.get(tier) ?? none)])) as Record<LeadTier, { ttc: DurationStat; vel: DurationStat }>),
    all: of(allTiers(totals.ttc), allTiers(totals.vel)),
  };
}

function duration({ n, quantiles }: DurationStat): KpiDuration {
  return { n, medianSeconds: n ? quantiles![0] : null, p90Seconds: n ? quantiles![1] : null, enoughData: n >= MINIMUM_SAMPLE };
}

const average = (sums: Sums) => (sums.leads ? sums.scoreSum / sums.leads : null);

/** Most leads first; the enum's order among equals, so the order is stable. */
function byLeads<K extends string>(map: Map<K, Sums>, order: readonly K[]): K[] {
  return [...order].sort((a, b) => map.get(b)!.leads - map.get(a)!.leads || order.indexOf(a) - order.indexOf(b));
}

export interface KpiRows {
  /** the days of the range in its time zone, `YYYY-MM-DD`, as `totals.days` counts them */
  labels: string[];
  totals: KpiTotals;
  durations: DurationStats;
  feedback: FeedbackCounts;
}

export interface KpiContext {
  from: Date;
  to: Date;
  timeZone: string;
  tookMs: number;
  percentiles: KpiPercentiles;
  rollupDays: number;
}

/** Pure: the merged partials as the API's answer. Every tier, band, bin, status, source, industry and day is present, zero when empty. */
export function shapeKpis({ labels, totals, durations, feedback }: KpiRows, context: KpiContext): LeadKpis {
  const byTier = totals.byTier.map(tierRow);
  const all = sumsBy([null], byTier, () => null).get(null)!;
  const tiers = sumsBy(TIERS, byTier, (row) => row.tier);
  const statuses = sumsBy(STATUSES, byTier, (row) => row.status);
  const bins = sumsBy([...Array(HISTOGRAM_BINS).keys()], byTier, (row) => Number(row.bin));
  const bands = sumsBy([...Array(BANDS).keys()], byTier, (row) => Math.min(Math.floor((Number(row.bin) * HISTOGRAM_BIN) / BAND_WIDTH), BANDS - 1));
  const sources = sumsBy(SOURCES, totals.bySource, (row: AttributeGroup) => row.value as LeadSource);
  const industries = sumsBy(INDUSTRIES, totals.byIndustry, (row: AttributeGroup) => row.value as Industry);
  const keyOrRest = sumsBy([true, false], byTier, (row) => row.keyAccount);
  const key = keyOrRest.get(true)!;
  const rest = keyOrRest.get(false)!;
  let wonWithLowScore = 0;
  for (const [bin, sums] of bins) if (bin * HISTOGRAM_BIN < LOW_SCORE_BELOW) wonWithLowScore += sums.won;

  // days, and each source's leads per stretch of days for its sparkbar
  const bucketDays = trendBucketDays(labels.length);
  const buckets = Math.ceil(labels.length / bucketDays);
  const perDay = labels.map((day) => ({ day, leads: 0, keyAccounts: 0 }));
  const trends = new Map<string, number[]>(SOURCES.map((source) => [source, Array(buckets).fill(0)]));
  totals.days.forEach((counts, day) => {
    const entry = perDay[day];
    if (!entry) return;
    for (const [source, [n, keyAccounts]] of counts) {
      entry.leads += n;
      entry.keyAccounts += keyAccounts;
      const trend = trends.get(source);
      if (trend) trend[Math.floor(day / bucketDays)] += n;
    }
  });

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
        timeToContact: duration(durations[tier].ttc),
        velocity: duration(durations[tier].vel),
        revenue: revenue(sums),
        slaMissed: rate(sums.slaMissed, sums.slaDecided),
      };
    }),
    byScoreBand: [...bands].map(([band, sums]) => ({ from: band * BAND_WIDTH, to: band === BANDS - 1 ? 100 : band * BAND_WIDTH + BAND_WIDTH - 1, conversion: conversion(sums) })),
    keyAccountsVsRest: {
      winRate: rateDifference(key.won, key.won + key.lost, rest.won, rest.won + rest.lost),
      leadRate: rateDifference(key.won, key.leads, rest.won, rest.leads),
    },
    timeToContact: duration(durations.all.ttc),
    velocity: duration(durations.all.vel),
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
    percentiles: context.percentiles,
    rollupDays: context.rollupDays,
    tookMs: context.tookMs,
  };
}
