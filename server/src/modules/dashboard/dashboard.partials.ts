import type { LeadTier } from '../leads/lead.enums.js';
import type { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { DURATION_GAMMA, KEY_ACCOUNT_TIERS, NEGATIVE_DURATION_BUCKETS, TIERS, ZERO_DURATION_BUCKET } from './dashboard.sql.js';

/**
 * Partial sums of leads as `partialsStatement` returns them (a day's rollup document, or a request's
 * live part), and their merge. Everything here is a sum, so partials of disjoint sets of leads add
 * up to the partials of their union; only the series (`d`) needs its buckets mapped to days.
 */

/** Deal values arrive as numeric(14,2) in JSON; summed as whole cents they add up exactly in any order. */
type Money = number | string | null;

export interface Partials {
  /** [tier, bin of 5, status, SLA state, source, industry, leads, sum of scores, sum of deal values, deals]: a, b and c at once (a request's live part) */
  cube?: Array<[LeadTier, number, LeadStatus, number | null, string, string, number, number, Money, number]>;
  /** [tier, bin of 5, status, SLA state (null: none), leads, sum of scores, sum of deal values, deals] */
  a?: Array<[LeadTier, number, LeadStatus, number | null, number, number, Money, number]>;
  /** [source, key account, status, leads, sum of scores, sum of deal values, deals] */
  b?: Array<[string, boolean, LeadStatus, number, number, Money, number]>;
  /** [industry, key account, status, leads, sum of scores, sum of deal values, deals] */
  c?: Array<[string, boolean, LeadStatus, number, number, Money, number]>;
  /** [1-based bucket of the statement's series, source, key account, leads] */
  d?: Array<[number, string, boolean, number]>;
  /** per tier: time-to-contact histogram (see `HistogramEntries`) */
  ttc?: Partial<Record<LeadTier, HistogramEntries>>;
  /** per tier: created → WON */
  vel?: Partial<Record<LeadTier, HistogramEntries>>;
}

/** Duration buckets in ascending order, each as its difference to the one before (the first as itself), and the leads in each. */
export type HistogramEntries = [number[], number[]];

/** Sums of one group of leads. */
export interface GroupSums {
  leads: number;
  scoreSum: number;
  /** whole cents */
  revenueCents: number;
  deals: number;
}

export interface TierGroup extends GroupSums {
  tier: LeadTier;
  bin: number;
  status: LeadStatus;
  sla: number | null;
}

export interface AttributeGroup extends GroupSums {
  /** the source or the industry */
  value: string;
  keyAccount: boolean;
  status: LeadStatus;
}

/** Merged partials, as `shapeKpis` reads them. */
export interface KpiTotals {
  byTier: TierGroup[];
  bySource: AttributeGroup[];
  byIndustry: AttributeGroup[];
  /** per day of the range (0-based): per source, [all leads, key accounts] */
  days: Array<Map<string, [number, number]>>;
  /** per tier, duration bucket → leads */
  ttc: Map<LeadTier, Map<number, number>>;
  vel: Map<LeadTier, Map<number, number>>;
}

const cents = (value: Money) => (value == null ? 0 : Math.round(Number(value) * 100));

function addTo<G extends GroupSums>(map: Map<string, G>, key: string, make: () => G, leads: number, scoreSum: number, revenue: Money, deals: number): void {
  let group = map.get(key);
  if (!group) map.set(key, (group = make()));
  group.leads += leads;
  group.scoreSum += scoreSum;
  group.revenueCents += cents(revenue);
  group.deals += deals;
}

function addHistogram(target: Map<LeadTier, Map<number, number>>, entries: Partials['ttc']): void {
  for (const [tier, [buckets, leads]] of Object.entries(entries ?? {}) as Array<[LeadTier, HistogramEntries]>) {
    let histogram = target.get(tier);
    if (!histogram) target.set(tier, (histogram = new Map()));
    let bucket = 0;
    for (let i = 0; i < buckets.length; i++) {
      bucket += buckets[i];
      histogram.set(bucket, (histogram.get(bucket) ?? 0) + leads[i]);
    }
  }
}

/** Adds up partials; `dayOf` maps a bucket of a partial's series to a day of the range (0-based; -1: outside). */
export class KpiAccumulator {
  private readonly tiers = new Map<string, TierGroup>();
  private readonly sources = new Map<string, AttributeGroup>();
  private readonly industries = new Map<string, AttributeGroup>();
  private readonly days: Array<Map<string, [number, number]>>;
  private readonly ttc = new Map<LeadTier, Map<number, number>>();
  private readonly vel = new Map<LeadTier, Map<number, number>>();

  constructor(dayCount: number) {
    this.days = Array.from({ length: dayCount }, () => new Map());
  }

  add(partials: Partials, dayOf: (bucket: number) => number): void {
    for (const [tier, bin, status, sla, n, scoreSum, revenue, deals] of partials.a ?? []) {
      addTo(this.tiers, `${tier}|${bin}|${status}|${sla}`, () => ({ tier, bin, status, sla, leads: 0, scoreSum: 0, revenueCents: 0, deals: 0 }), n, scoreSum, revenue, deals);
    }
    for (const [tier, bin, status, sla, source, industry, n, scoreSum, revenue, deals] of partials.cube ?? []) {
      const keyAccount = KEY_ACCOUNT_TIERS.includes(tier);
      addTo(this.tiers, `${tier}|${bin}|${status}|${sla}`, () => ({ tier, bin, status, sla, leads: 0, scoreSum: 0, revenueCents: 0, deals: 0 }), n, scoreSum, revenue, deals);
      addTo(this.sources, `${source}|${keyAccount}|${status}`, () => ({ value: source, keyAccount, status, leads: 0, scoreSum: 0, revenueCents: 0, deals: 0 }), n, scoreSum, revenue, deals);
      addTo(this.industries, `${industry}|${keyAccount}|${status}`, () => ({ value: industry, keyAccount, status, leads: 0, scoreSum: 0, revenueCents: 0, deals: 0 }), n, scoreSum, revenue, deals);
    }
    for (const [target, entries] of [[this.sources, partials.b ?? []], [this.industries, partials.c ?? []]] as const) {
      for (const [value, keyAccount, status, n, scoreSum, revenue, deals] of entries) {
        addTo(target, `${value}|${keyAccount}|${status}`, () => ({ value, keyAccount, status, leads: 0, scoreSum: 0, revenueCents: 0, deals: 0 }), n, scoreSum, revenue, deals);
      }
    }
    for (const [bucket, source, keyAccount, n] of partials.d ?? []) {
      const day = this.days[dayOf(bucket)];
      if (!day) continue;
      let counts = day.get(source);
      if (!counts) day.set(source, (counts = [0, 0]));
      counts[0] += n;
      if (keyAccount) counts[1] += n;
    }
    addHistogram(this.ttc, partials.ttc);
    addHistogram(this.vel, partials.vel);
  }

  totals(): KpiTotals {
    return { byTier: [...this.tiers.values()], bySource: [...this.sources.values()], byIndustry: [...this.industries.values()], days: this.days, ttc: this.ttc, vel: this.vel };
  }
}

/** Pure: a value standing for every duration of a bucket, within (γ-1)/(γ+1) of each. */
export function bucketSeconds(bucket: number): number {
  if (bucket === ZERO_DURATION_BUCKET) return 0;
  const middle = (k: number) => (2 * DURATION_GAMMA ** k) / (DURATION_GAMMA + 1);
  return bucket <= NEGATIVE_DURATION_BUCKETS / 2 ? -middle(NEGATIVE_DURATION_BUCKETS - bucket) : middle(bucket);
}

/** The largest relative error of a percentile read from the buckets. */
export const HISTOGRAM_RELATIVE_ERROR = (DURATION_GAMMA - 1) / (DURATION_GAMMA + 1);

/**
 * Pure: percentiles (type 7, as `percentile_cont`) of the durations in `histogram`: the order
 * statistics around (n-1)·p, each read as its bucket's value, interpolated linearly.
 */
export function histogramQuantiles(histogram: ReadonlyMap<number, number>, probabilities: readonly number[]): { n: number; quantiles: number[] | null } {
  const buckets = [...histogram].filter(([, n]) => n > 0).map(([bucket, n]) => [bucketSeconds(bucket), n] as const).sort((x, y) => x[0] - y[0]);
  const n = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (!n) return { n, quantiles: null };
  // the value of the i-th smallest duration (0-based)
  const valueAt = (i: number) => {
    let seen = 0;
    for (const [value, count] of buckets) {
      seen += count;
      if (i < seen) return value;
    }
    return buckets[buckets.length - 1][0];
  };
  const quantiles = probabilities.map((p) => {
    const h = (n - 1) * p;
    const low = Math.floor(h);
    const lower = valueAt(low);
    return low + 1 < n ? lower + (h - low) * (valueAt(low + 1) - lower) : lower;
  });
  return { n, quantiles };
}

/** Pure: the histograms of all tiers added up. */
export function allTiers(histograms: ReadonlyMap<LeadTier, ReadonlyMap<number, number>>): Map<number, number> {
  const all = new Map<number, number>();
  for (const tier of TIERS) for (const [bucket, n] of histograms.get(tier) ?? []) all.set(bucket, (all.get(bucket) ?? 0) + n);
  return all;
}
