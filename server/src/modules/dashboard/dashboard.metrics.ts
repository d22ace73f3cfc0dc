import { Counter, Histogram, type Registry } from 'prom-client';
import type { EventBus } from '../../events/event-bus.js';
import type { StoredEvent } from '../../events/outbox.js';
import type { Logger } from '../../logger.js';
import { LeadTier } from '../leads/lead.enums.js';
import { LEAD_SCORED_EVENT, type LeadScoredPayload } from '../leads/lead.events.js';
import { LeadScoredReason } from '../leads/lead.types.js';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { Industry } from '../scoring/scoring.enums.js';
import { KEY_ACCOUNT_TIERS } from './dashboard.sql.js';

/** Contact within a minute … a week; the tiers' default SLAs (1 h, 4 h, 2 days) are bucket bounds. */
const CONTACT_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800];
const OUTCOMES = ['won', 'lost'] as const;

export function createDashboardMetrics(registry: Registry) {
  const registers = [registry];
  const metrics = {
    timeToContact: new Histogram({
      name: 'lead_scoring_time_to_contact_seconds',
      help: 'Time from a lead\'s creation to its first move out of NEW, by tier at that moment.',
      labelNames: ['tier'] as const,
      buckets: CONTACT_BUCKETS,
      registers,
    }),
    leadsClosed: new Counter({
      name: 'lead_scoring_leads_closed_total',
      help: 'Leads closed as WON or LOST, by tier; conversion = won / (won + lost).',
      labelNames: ['tier', 'outcome'] as const,
      registers,
    }),
    leadsByIndustry: new Counter({
      name: 'lead_scoring_leads_created_by_industry_total',
      help: 'Leads created, by industry and whether they are key accounts (HOT or KEY_ACCOUNT): the "industry dominates key accounts" check.',
      labelNames: ['industry', 'key_account'] as const,
      registers,
    }),
  };
  // every series from the start, so rates and shares see zeros instead of no data
  for (const tier of Object.values(LeadTier)) {
    metrics.timeToContact.zero({ tier });
    for (const outcome of OUTCOMES) metrics.leadsClosed.inc({ tier, outcome }, 0);
  }
  for (const industry of Object.values(Industry)) for (const keyAccount of ['true', 'false']) metrics.leadsByIndustry.inc({ industry, key_account: keyAccount }, 0);
  return metrics;
}

export type DashboardMetrics = ReturnType<typeof createDashboardMetrics>;

const time = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : NaN);

/**
 * Pure: what one `lead.scored` event adds to the metrics. The event carries the lead as its
 * transaction stored it, not what it was before; a status change stamps `lastActivityAt`, and
 * `contactedAt` (first move out of NEW) or `closedAt` with the same instant, so equal instants mean
 * "this change did it" (lifecycle.service.ts, transitions.ts).
 */
export function observeLeadEvent(metrics: DashboardMetrics, event: StoredEvent): void {
  const payload = event.payload as Partial<LeadScoredPayload> | null;
  const lead = payload?.lead as Record<string, unknown> | undefined;
  if (!payload || !lead || typeof lead.tier !== 'string') return;
  const tier = lead.tier;
  if (payload.reason === LeadScoredReason.CREATED && typeof lead.industry === 'string') {
    metrics.leadsByIndustry.inc({ industry: lead.industry, key_account: String(KEY_ACCOUNT_TIERS.includes(tier as LeadTier)) });
    return;
  }
  if (payload.reason !== LeadScoredReason.STATUS_CHANGED) return;
  const changedAt = time(lead.lastActivityAt);
  if (Number.isNaN(changedAt)) return;
  const created = time(lead.createdAt);
  if (time(lead.contactedAt) === changedAt && created <= changedAt) metrics.timeToContact.observe({ tier }, (changedAt - created) / 1000);
  if (time(lead.closedAt) === changedAt && (lead.status === LeadStatus.WON || lead.status === LeadStatus.LOST)) {
    metrics.leadsClosed.inc({ tier, outcome: lead.status === LeadStatus.WON ? 'won' : 'lost' });
  }
}

/**
 * Business metrics of the dashboard, without tenant labels, from committed lead events: a durable
 * consumer, so each event is counted once across all processes (Prometheus sums the processes).
 * A batch whose position fails to commit is handled again, so a rare event may count twice.
 */
export function registerDashboardMetrics(events: EventBus, registry: Registry, logger: Logger): DashboardMetrics {
  const metrics = createDashboardMetrics(registry);
  events.durable({
    name: 'dashboard-metrics',
    types: [LEAD_SCORED_EVENT],
    // counters scraped every few seconds: half a second's leads in one transaction, not one each
    gatherMs: 500,
    async handle(batch) {
      for (const event of batch) {
        try {
          observeLeadEvent(metrics, event);
        } catch (error) {
          logger.warn({ event: 'event_malformed', type: event.type, sequence: event.sequence, err: (error as Error).message }, 'a lead event the metrics could not read');
        }
      }
    },
  });
  return metrics;
}
