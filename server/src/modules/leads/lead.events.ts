import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isUuid } from '../../ids.js';
import type { Logger } from '../../logger.js';
import { Topic, type AppPubSub } from '../../pubsub.js';
import { TENANT_FILTER } from '../tenants/tenant-scope.js';
import { LeadService } from './lead.service.js';
import { LeadScoredReason } from './lead.types.js';

export const LEAD_SCORED_CHANNEL = 'lead_scored';

/** What travels through PostgreSQL: ids only, so it stays far below NOTIFY's 8000-byte limit. */
export interface LeadScoredNotice {
  tenantId: string;
  leadId: string;
  reason: LeadScoredReason;
  previousScore: number | null;
}

/** Call inside the transaction that writes the lead: PostgreSQL delivers the notice only if it commits. */
export async function notifyLeadScored(em: EntityManager, notice: LeadScoredNotice): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [LEAD_SCORED_CHANNEL, JSON.stringify(notice)]);
}

const NOTIFIED_REASONS = new Set<string>([LeadScoredReason.CREATED, LeadScoredReason.UPDATED, LeadScoredReason.RESCORED]);

/** The notice, or null when the payload is not one (anyone with database access can NOTIFY). */
export function parseLeadScoredNotice(payload: string): LeadScoredNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { tenantId, leadId, reason, previousScore } = value as Record<string, unknown>;
  if (typeof tenantId !== 'string' || !isUuid(tenantId) || typeof leadId !== 'string' || !isUuid(leadId)) return null;
  if (typeof reason !== 'string' || !NOTIFIED_REASONS.has(reason)) return null;
  if (previousScore !== null && !Number.isInteger(previousScore)) return null;
  return { tenantId, leadId, reason: reason as LeadScoredReason, previousScore: previousScore as number | null };
}

/**
 * Turns a committed lead change (from any server process) into an event for this process's
 * subscribers of the lead's tenant. The lead is loaded once here, not once per subscriber.
 */
export function relayLeadScored(orm: MikroORM, pubSub: AppPubSub, logger: Logger) {
  return async (payload: string): Promise<void> => {
    const notice = parseLeadScoredNotice(payload);
    if (!notice) {
      logger.warn({ event: 'notification_malformed', channel: LEAD_SCORED_CHANNEL, payload: payload.slice(0, 200) }, 'ignored a lead_scored notice that is not one');
      return;
    }
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: notice.tenantId });
    const lead = await new LeadService(em).findById(notice.leadId);
    if (lead) pubSub.publish(Topic.LeadScored, notice.tenantId, { lead, reason: notice.reason, previousScore: notice.previousScore });
  };
}

/** Tells every subscriber of these tenants that events may have been missed, so they fetch again. */
export function publishResync(pubSub: AppPubSub, tenantIds: Iterable<string>): void {
  for (const tenantId of tenantIds) pubSub.publish(Topic.LeadScored, tenantId, { lead: null, reason: LeadScoredReason.RESYNC, previousScore: null });
}
