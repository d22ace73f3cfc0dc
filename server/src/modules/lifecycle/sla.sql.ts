import { LeadTier } from '../leads/lead.enums.js';
import { DEFAULT_SLA_MINUTES } from './settings.rules.js';

/** tenant_settings column of each tier's SLA. */
const SLA_COLUMN: Record<LeadTier, string> = {
  HOT: 'sla_hot_minutes',
  KEY_ACCOUNT: 'sla_key_account_minutes',
  WARM: 'sla_warm_minutes',
  COLD: 'sla_cold_minutes',
};
const TIERS = Object.keys(SLA_COLUMN) as LeadTier[];

/**
 * SQL for the SLA minutes of a lead's tier, where `settings` is a tenant_settings row joined with
 * `left join` (a tenant without a row has the defaults; null means no SLA). The defaults are
 * written from DEFAULT_SLA_MINUTES, the one place they live.
 */
export function slaMinutesSql(settings: string, tierColumn: string): string {
  const cases = TIERS.map((tier) => `when '${tier}' then case when ${settings}.tenant_id is null then ${DEFAULT_SLA_MINUTES[tier] ?? 'null'} else ${settings}.${SLA_COLUMN[tier]} end`);
  return `(case ${tierColumn} ${cases.join(' ')} end)::int`;
}

/**
 * A one-row relation `sla` with the tenant's minutes per tier (`sla.hot` …), from one parameter (the
 * tenant id): list statements join it once instead of asking for the settings first.
 */
export function tenantSlaRelation(): string {
  const columns = TIERS.map((tier) => `case when s.tenant_id is null then ${DEFAULT_SLA_MINUTES[tier] ?? 'null'} else s.${SLA_COLUMN[tier]} end::int as sla_${tier.toLowerCase()}`);
  return `(select ${columns.join(', ')} from (values (1)) as one (x) left join tenant_settings s on s.tenant_id = ?) as sla`;
}

/**
 * True when a lead (its `status`, `tier` and `created_at` columns) is NEW and past the SLA of its
 * tier, given the `sla` relation above; never null.
 */
export function slaBreachedSql(columns: { status: string; tier: string; createdAt: string }): string {
  const minutes = `case ${columns.tier} ${TIERS.map((tier) => `when '${tier}' then sla.sla_${tier.toLowerCase()}`).join(' ')} end`;
  return `(${columns.status} = 'NEW' and coalesce(${columns.createdAt} < now() - make_interval(mins => ${minutes}), false))`;
}
