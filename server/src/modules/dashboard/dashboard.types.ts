import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LeadSource, LeadTier } from '../leads/lead.enums.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { Industry } from '../scoring/scoring.enums.js';

/** How the answer's medians and 90th percentiles were computed. */
export enum KpiPercentiles {
  EXACT = 'EXACT',
  HISTOGRAM = 'HISTOGRAM',
}

registerEnumType(KpiPercentiles, {
  name: 'KpiPercentiles',
  description: 'EXACT: percentile_cont over every duration. HISTOGRAM: from durations counted in logarithmic buckets of ratio 1.01, within 0.5 % (relative) of the exact value.',
});

@ObjectType('KpiRate', {
  simpleResolvers: true,
  description: '`successes` of `n`, with a 95 % Wilson score interval. Below LeadKpis.minimumSample clients say "not enough data" instead of a percentage.',
})
export class KpiRate {
  @Field(() => Int)
  successes!: number;

  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true, description: 'successes / n; null when n is 0.' })
  estimate!: number | null;

  @Field(() => Float, { description: 'Lower bound of the interval (0 when n is 0).' })
  lower!: number;

  @Field(() => Float, { description: 'Upper bound of the interval (1 when n is 0).' })
  upper!: number;

  @Field(() => Boolean, { description: 'n ≥ LeadKpis.minimumSample.' })
  enoughData!: boolean;
}

@ObjectType('KpiRateDifference', { simpleResolvers: true, description: 'first − second with Newcombe\'s hybrid score interval (95 %).' })
export class KpiRateDifference {
  @Field(() => KpiRate)
  first!: KpiRate;

  @Field(() => KpiRate)
  second!: KpiRate;

  @Field(() => Float, { nullable: true, description: 'null when either n is 0.' })
  estimate!: number | null;

  @Field(() => Float)
  lower!: number;

  @Field(() => Float)
  upper!: number;

  @Field(() => Boolean, { description: 'Both rates have enough data.' })
  enoughData!: boolean;
}

@ObjectType('KpiConversion', { simpleResolvers: true, description: 'Outcomes of a group of leads created in the range.' })
export class KpiConversion {
  @Field(() => Int)
  leads!: number;

  @Field(() => Int)
  won!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => Int, { description: 'Still NEW, CONTACTED or QUALIFIED.' })
  open!: number;

  @Field(() => KpiRate, { description: 'WON / (WON + LOST): of the leads decided so far, the share won.' })
  winRate!: KpiRate;

  @Field(() => KpiRate, { description: 'WON / all leads of the group, open ones included (grows while leads are still worked).' })
  leadRate!: KpiRate;
}

@ObjectType('KpiDuration', { simpleResolvers: true, description: 'Median and 90th percentile (type 7, linear interpolation) of a duration, over the n leads it is known for.' })
export class KpiDuration {
  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true, description: 'null when n is 0.' })
  medianSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'null when n is 0.' })
  p90Seconds!: number | null;

  @Field(() => Boolean, { description: 'n ≥ LeadKpis.minimumSample.' })
  enoughData!: boolean;
}

@ObjectType('KpiRevenue', { simpleResolvers: true, description: 'Deal values (EUR) of the WON leads of a group.' })
export class KpiRevenue {
  @Field(() => Float)
  total!: number;

  @Field(() => Int)
  deals!: number;

  @Field(() => Float, { nullable: true, description: 'total / deals; null without deals.' })
  averageDealSize!: number | null;

  @Field(() => Float, { nullable: true, description: 'total / leads of the group (open and lost ones included); null without leads.' })
  revenuePerLead!: number | null;
}

@ObjectType('KpiStatusCount', { simpleResolvers: true })
export class KpiStatusCount {
  @Field(() => LeadStatus)
  status!: LeadStatus;

  @Field(() => Int)
  leads!: number;
}

@ObjectType('KpiDay', { simpleResolvers: true, description: 'Leads created on one day of the range (in LeadKpis.timeZone).' })
export class KpiDay {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  leads!: number;

  @Field(() => Int)
  keyAccounts!: number;
}

@ObjectType('TierKpis', { simpleResolvers: true })
export class TierKpis {
  @Field(() => LeadTier)
  tier!: LeadTier;

  @Field(() => Int)
  leads!: number;

  @Field(() => KpiConversion)
  conversion!: KpiConversion;

  @Field(() => KpiDuration, { description: 'Creation to the first move out of NEW.' })
  timeToContact!: KpiDuration;

  @Field(() => KpiDuration, { description: 'Creation to WON.' })
  velocity!: KpiDuration;

  @Field(() => KpiRevenue)
  revenue!: KpiRevenue;

  @Field(() => KpiRate, {
    description: 'Leads of the tier that missed their first-contact SLA, of those whose SLA is decided (contacted, or past due); n is 0 when the tier has no SLA.',
  })
  slaMissed!: KpiRate;
}

@ObjectType('ScoreBandKpis', { simpleResolvers: true, description: 'Leads scoring from `from` to `to` (both included); bands of 10, the last one 90–100.' })
export class ScoreBandKpis {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  @Field(() => KpiConversion)
  conversion!: KpiConversion;
}

@ObjectType('KpiHistogramBin', { simpleResolvers: true, description: 'Leads scoring from `from` to `to` (both included); bins of 5, the last one 95–100.' })
export class KpiHistogramBin {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  @Field(() => Int)
  leads!: number;

  @Field(() => Int)
  keyAccounts!: number;
}

@ObjectType('KeyAccountsVsRest', { simpleResolvers: true, description: 'Key accounts (HOT and KEY_ACCOUNT) minus the rest (WARM and COLD).' })
export class KeyAccountsVsRest {
  @Field(() => KpiRateDifference, { description: 'Difference of the win rates (WON / closed).' })
  winRate!: KpiRateDifference;

  @Field(() => KpiRateDifference, { description: 'Difference of the lead conversion rates (WON / all leads).' })
  leadRate!: KpiRateDifference;
}

@ObjectType('SourceKpis', { simpleResolvers: true, description: 'Marketing\'s channel view of one lead source.' })
export class SourceKpis {
  @Field(() => LeadSource)
  source!: LeadSource;

  @Field(() => Int)
  leads!: number;

  @Field(() => Float, { nullable: true, description: 'null without leads.' })
  averageScore!: number | null;

  @Field(() => KpiRate, { description: 'Key accounts among the source\'s leads.' })
  keyAccountShare!: KpiRate;

  @Field(() => KpiConversion)
  conversion!: KpiConversion;

  @Field(() => KpiRevenue)
  revenue!: KpiRevenue;

  @Field(() => [Int], { description: 'Leads per stretch of LeadKpis.trendBucketDays days, oldest first (for sparkbars).' })
  trend!: number[];
}

@ObjectType('IndustryKpis', { simpleResolvers: true, description: 'One industry: its leads, and its share among key accounts next to its share among all leads (a scoring bias shows as the first far above the second).' })
export class IndustryKpis {
  @Field(() => Industry)
  industry!: Industry;

  @Field(() => Int)
  leads!: number;

  @Field(() => Int)
  keyAccounts!: number;

  @Field(() => Float, { nullable: true, description: 'null without leads.' })
  averageScore!: number | null;

  @Field(() => KpiRate, { description: 'Key accounts among the industry\'s leads.' })
  keyAccountShare!: KpiRate;

  @Field(() => KpiRate, { description: 'The industry\'s leads among all leads.' })
  shareOfLeads!: KpiRate;

  @Field(() => KpiRate, { description: 'The industry\'s key accounts among all key accounts.' })
  shareOfKeyAccounts!: KpiRate;

  @Field(() => KpiConversion)
  conversion!: KpiConversion;

  @Field(() => KpiRevenue)
  revenue!: KpiRevenue;
}

@ObjectType('KpiFalsePositives', { simpleResolvers: true, description: 'Signs that scores are too high.' })
export class KpiFalsePositives {
  @Field(() => KpiRate, { description: 'Key accounts not contacted within their SLA, of the key accounts whose SLA is decided.' })
  keyAccountsMissedSla!: KpiRate;

  @Field(() => KpiRate, { description: 'TOO_HIGH verdicts among all score verdicts on the leads.' })
  tooHighRatings!: KpiRate;
}

@ObjectType('KpiFalseNegatives', { simpleResolvers: true, description: 'Signs that scores are too low.' })
export class KpiFalseNegatives {
  @Field(() => Int, { description: 'The score below which a WON lead counts here (40).' })
  lowScoreBelow!: number;

  @Field(() => KpiRate, { description: 'WON leads that scored below lowScoreBelow, of all WON leads.' })
  wonWithLowScore!: KpiRate;

  @Field(() => KpiRate, { description: 'TOO_LOW verdicts among all score verdicts on the leads.' })
  tooLowRatings!: KpiRate;
}

@ObjectType('LeadKpis', {
  simpleResolvers: true,
  description: 'Numbers about the leads created in the range (and matching the filter), as they stand now.',
})
export class LeadKpis {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => String, { description: 'The time zone days are counted in.' })
  timeZone!: string;

  @Field(() => Int, { description: 'Below this n a rate or a duration is "not enough data" (enoughData false).' })
  minimumSample!: number;

  @Field(() => Float, { description: 'Confidence of every interval (0.95).' })
  confidence!: number;

  @Field(() => Int)
  leads!: number;

  @Field(() => Int, { description: 'HOT and KEY_ACCOUNT leads.' })
  keyAccounts!: number;

  @Field(() => Int)
  hot!: number;

  @Field(() => Float, { nullable: true, description: 'null without leads.' })
  averageScore!: number | null;

  @Field(() => [KpiStatusCount], { description: 'Every status, in lifecycle order.' })
  byStatus!: KpiStatusCount[];

  @Field(() => [KpiDay], { description: 'Every day of the range, oldest first; days without leads count 0.' })
  leadsPerDay!: KpiDay[];

  @Field(() => KpiConversion)
  conversion!: KpiConversion;

  @Field(() => [TierKpis], { description: 'Every tier, highest first.' })
  byTier!: TierKpis[];

  @Field(() => [ScoreBandKpis], { description: 'Bands of 10: 0–9 … 90–100.' })
  byScoreBand!: ScoreBandKpis[];

  @Field(() => KeyAccountsVsRest)
  keyAccountsVsRest!: KeyAccountsVsRest;

  @Field(() => KpiDuration, { description: 'Creation to the first move out of NEW, all tiers.' })
  timeToContact!: KpiDuration;

  @Field(() => KpiDuration, { description: 'Creation to WON, all tiers (sales velocity).' })
  velocity!: KpiDuration;

  @Field(() => KpiRevenue)
  revenue!: KpiRevenue;

  @Field(() => [SourceKpis], { description: 'Every source, most leads first.' })
  bySource!: SourceKpis[];

  @Field(() => Int, { description: 'Days per bucket of SourceKpis.trend.' })
  trendBucketDays!: number;

  @Field(() => [IndustryKpis], { description: 'Every industry, most leads first.' })
  byIndustry!: IndustryKpis[];

  @Field(() => [KpiHistogramBin], { description: 'Bins of 5: 0–4 … 95–100.' })
  scoreHistogram!: KpiHistogramBin[];

  @Field(() => KpiFalsePositives)
  falsePositives!: KpiFalsePositives;

  @Field(() => KpiFalseNegatives)
  falseNegatives!: KpiFalseNegatives;

  @Field(() => KpiPercentiles, {
    description: 'EXACT when every lead of the range was read live; HISTOGRAM when some days came from daily rollups (then each median and p90 is within 0.5 % of the exact value).',
  })
  percentiles!: KpiPercentiles;

  @Field(() => Int, { description: 'Days of the range answered from daily rollups (UTC days, ended long enough ago that no SLA of theirs is pending); the rest was read live.' })
  rollupDays!: number;

  @Field(() => Int, { description: 'How long the statements took (ms).' })
  tookMs!: number;
}
