import { isUuid } from '../../kernel/ids.js';
import { LeadTier } from '../leads/lead.enums.js';
import type { LeadTable } from '../leads/lead.mapping.js';
import { LeadStatus, ScoreFeedback } from '../lifecycle/lifecycle.enums.js';
import type { SlaMinutes } from '../lifecycle/settings.rules.js';
import type { KpiFilter } from './dashboard.inputs.js';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** What every statement reads: one tenant's leads created in [from, to), matching the filter. */
export interface KpiScope {
  tenantId: string;
  from: Date;
  to: Date;
  timeZone: string;
  filter?: KpiFilter | null;
}

export const TIERS: readonly LeadTier[] = [LeadTier.HOT, LeadTier.KEY_ACCOUNT, LeadTier.WARM, LeadTier.COLD];
export const KEY_ACCOUNT_TIERS: readonly LeadTier[] = [LeadTier.HOT, LeadTier.KEY_ACCOUNT];
export const HISTOGRAM_BIN = 5;
export const HISTOGRAM_BINS = 20;

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The `where` clause of every statement: the tenant explicitly (raw SQL sees no ORM filter), the
 * creation range (the covering index `lead_kpi_idx` starts with both), then the filter. An owner
 * id that is not a UUID can own no lead; a filter of only such ids matches nothing.
 */
export function whereClause(t: LeadTable, scope: KpiScope, alias = ''): Statement {
  const c = (property: Parameters<LeadTable['column']>[0]) => `${alias}${t.column(property)}`;
  const conditions = [`${c('tenant')} = ?`, `${c('createdAt')} >= ?`, `${c('createdAt')} < ?`];
  const params: unknown[] = [scope.tenantId, scope.from, scope.to];
  const { filter } = scope;
  const ownerIds = filter?.ownerIds?.filter(isUuid) ?? [];
  if (filter?.ownerIds?.length || filter?.unassigned) {
    const owners: string[] = [];
    if (ownerIds.length) {
      owners.push(`${c('ownerId')} = any(?::uuid[])`);
      params.push(ownerIds);
    }
    if (filter.unassigned) owners.push(`${c('ownerId')} is null`);
    conditions.push(owners.length ? `(${owners.join(' or ')})` : 'false');
  }
  for (const [property, values] of [['source', filter?.sources], ['industry', filter?.industries]] as const) {
    if (values?.length) {
      // one array parameter, so the text does not depend on how many values there are
      conditions.push(`${c(property)} = any(?)`);
      params.push(values);
    }
  }
  return { sql: conditions.join(' and '), params };
}

/** Where a lead stands with its first-contact SLA: still in time, contacted in time, or missed (late, or not contacted and past due). */
export const SlaState = { PENDING: 0, MET: 1, MISSED: 2 } as const;

/**
 * Statement 1, counts: one pass over the range's leads with two groupings at once (hashed grouping
 * sets). The cube groups by what every count, rate and sum of the dashboard is broken down by
 * (tier, bin of 5 points, source, industry, status, SLA state: a few thousand groups at most);
 * bands of 10, the histogram, totals, "WON below 40", missed SLAs and key accounts vs the rest are
 * sums over it, done by `shapeKpis`. The days group by day, source and key account. Every day of
 * the range comes from generate_series in its time zone (a day is 23 or 25 hours when the clocks
 * change); each lead finds its day by binary search in the days' first instants (width_bucket),
 * cheaper than converting every timestamp to local time. Groups come back as JSON arrays: two
 * small values instead of thousands of rows.
 */
export function countStatement(t: LeadTable, scope: KpiScope, sla: SlaMinutes): Statement {
  const where = whereClause(t, scope);
  const tier = t.column('tier');
  const createdAt = t.column('createdAt');
  const contactedAt = t.column('contactedAt');
  // the SLA state, by the tier's minutes (the settings are read per request, so a change counts at
  // once); a tier without an SLA has none. One branch runs per lead: its age is computed once.
  const age = `coalesce(${contactedAt}, now()) - ${createdAt}`;
  const slaTiers = TIERS.filter((x) => sla[x] != null);
  const slaState = slaTiers.length
    ? `case ${tier} ${slaTiers
        .map((x) => `when '${x}' then (case when ${age} > ?::int * interval '1 minute' then ${SlaState.MISSED} when ${contactedAt} is null then ${SlaState.PENDING} else ${SlaState.MET} end)`)
        .join(' ')} end`
    : 'null::int';
  const sql = `
    with days as materialized (
      select array_agg(day at time zone ? order by day) as starts, array_agg(to_char(day, 'YYYY-MM-DD') order by day) as labels
        from generate_series((?::timestamptz at time zone ?)::date::timestamp, ((?::timestamptz - interval '1 millisecond') at time zone ?)::date::timestamp, interval '1 day') as day
    ), leads as (
      select ${tier} as tier, least(${t.column('score')} / ${HISTOGRAM_BIN}, ${HISTOGRAM_BINS - 1}) as bin, ${t.column('score')} as score,
             ${t.column('source')} as source, ${t.column('industry')} as industry, ${t.column('status')} as status,
             ${t.column('dealValue')} as deal_value, ${tier} in (${quoted(KEY_ACCOUNT_TIERS)}) as key_account,
             width_bucket(${createdAt}, days.starts) as day, ${slaState} as sla
        from ${t.name} cross join days
       where ${where.sql}
    ), grouped as materialized (
      select grouping(day) as cube, tier, bin, source, industry, status, sla, day, key_account,
             count(*) as n, sum(score) as score_sum, sum(deal_value) as revenue, count(deal_value) as deals
        from leads
       group by grouping sets ((tier, bin, source, industry, status, sla), (day, source, key_account))
    )
    select (select labels from days) as labels,
           (select coalesce(json_agg(json_build_array(tier, bin, source, industry, status, sla, n, score_sum, revenue, deals)), '[]') from grouped where cube = 1) as cube,
           (select coalesce(json_agg(json_build_array(day, source, key_account, n)), '[]') from grouped where cube = 0) as days`;
  const { timeZone, from, to } = scope;
  return { sql, params: [timeZone, from, timeZone, to, timeZone, ...slaTiers.map((x) => sla[x]), ...where.params] };
}

/** [tier, bin of 5, source, industry, status, SLA state (null: none), leads, sum of scores, sum of deal values, deals] */
export type CubeEntry = [LeadTier, number, string, string, LeadStatus, number | null, number, number, number | null, number];

export interface CountRow {
  labels: string[];
  cube: CubeEntry[];
  /** [1-based day, source, key account, leads] */
  days: Array<[number, string, boolean, number]>;
}

/**
 * Statement 2, durations: medians and 90th percentiles (`percentile_cont`, type 7 like R's
 * default) of time-to-contact and of created → WON, per tier and over all tiers, of the leads
 * that were contacted or won; and the score verdicts on the range's leads. Plain aggregates with
 * FILTER, no GROUP BY: PostgreSQL sorts only each aggregate's own durations (numbers), never the
 * rows by tier; the lateral VALUES turns the one row of results into a row per tier and one for
 * all tiers (tier null).
 */
export function durationStatement(t: LeadTable, scope: KpiScope): Statement {
  const where = whereClause(t, scope);
  const whereFeedback = whereClause(t, scope, 'l.');
  const status = t.column('status');
  const createdAt = t.column('createdAt');
  const quantiles = (column: string, tier?: LeadTier) =>
    `percentile_cont(array[0.5, 0.9]) within group (order by ${column})${tier ? ` filter (where tier = '${tier}')` : ''}`;
  const count = (column: string, tier?: LeadTier) => `count(${column})${tier ? ` filter (where tier = '${tier}')` : ''}`;
  const groups: Array<[string, LeadTier | undefined]> = [...TIERS.map((tier): [string, LeadTier] => [tier.toLowerCase(), tier]), ['all', undefined]];
  const aggregates = groups.flatMap(([name, tier]) => [
    `${count('ttc', tier)} as ttc_n_${name}`, `${quantiles('ttc', tier)} as ttc_q_${name}`,
    `${count('vel', tier)} as vel_n_${name}`, `${quantiles('vel', tier)} as vel_q_${name}`,
  ]);
  const rows = groups.map(([name, tier]) => `(${tier ? `'${tier}'` : 'null'}, a.ttc_n_${name}, a.ttc_q_${name}, a.vel_n_${name}, a.vel_q_${name})`);
  const sql = `
    with feedback as (
      select jsonb_build_object(
               'ratings', count(*),
               'tooHigh', count(*) filter (where f.verdict = '${ScoreFeedback.TOO_HIGH}'),
               'tooLow', count(*) filter (where f.verdict = '${ScoreFeedback.TOO_LOW}')) as counts
        from score_feedback f join ${t.name} l on l.${t.column('id')} = f.lead_id
       where f.tenant_id = ? and ${whereFeedback.sql}
    ), aggregated as (
      select ${aggregates.join(',\n             ')}
        from (
          select ${t.column('tier')} as tier,
                 date_part('epoch', ${t.column('contactedAt')} - ${createdAt}) as ttc,
                 case when ${status} = '${LeadStatus.WON}' then date_part('epoch', ${t.column('closedAt')} - ${createdAt}) end as vel
            from ${t.name}
           where ${where.sql} and (${t.column('contactedAt')} is not null or ${status} = '${LeadStatus.WON}')
        ) timed
    )
    select g.tier, g.ttc_n, g.ttc_q, g.vel_n, g.vel_q, (select counts from feedback) as feedback
      from aggregated a
     cross join lateral (values ${rows.join(', ')}) as g(tier, ttc_n, ttc_q, vel_n, vel_q)`;
  return { sql, params: [scope.tenantId, ...whereFeedback.params, ...where.params] };
}

/** One row per tier, and one with tier null for all tiers. */
export interface DurationRow {
  tier: LeadTier | null;
  ttc_n: number | string;
  ttc_q: number[] | null;
  vel_n: number | string;
  vel_q: number[] | null;
  feedback: { ratings: number; tooHigh: number; tooLow: number } | null;
}

/** The bench's floor: a bare count of the same rows. */
export function floorStatement(t: LeadTable, scope: KpiScope): Statement {
  const where = whereClause(t, scope);
  return { sql: `select count(*) as n from ${t.name} where ${where.sql}`, params: where.params };
}
