import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Topic, type AppPubSub } from '../../pubsub.js';
import { TENANT_FILTER } from '../tenants/tenant-scope.js';
import { LeadService } from './lead.service.js';
import type { LeadScoredReason } from './lead.types.js';

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

/**
 * Turns a committed lead change (from any server process) into an event for this process's
 * subscribers of the lead's tenant. The lead is loaded once here, not once per subscriber.
 */
export function relayLeadScored(orm: MikroORM, pubSub: AppPubSub) {
  return async (payload: string): Promise<void> => {
    const notice = JSON.parse(payload) as LeadScoredNotice;
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: notice.tenantId });
    const lead = await new LeadService(em).findById(notice.leadId);
    if (lead) pubSub.publish(Topic.LeadScored, notice.tenantId, { lead, reason: notice.reason, previousScore: notice.previousScore });
  };
}
