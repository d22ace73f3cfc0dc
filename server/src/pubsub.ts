import { createPubSub } from '@graphql-yoga/subscription';
import type { LeadScoredEvent } from './modules/leads/lead.types.js';

/** Topic names, named once. Events arrive here from PostgreSQL (see lead.events.ts), never straight from a mutation. */
export const Topic = {
  LeadScored: 'LEAD_SCORED',
} as const;

export type AppPubSub = ReturnType<typeof createAppPubSub>;

/** In-process fan-out to this process's subscribers; the dynamic id is the tenant id. */
export function createAppPubSub() {
  return createPubSub<{
    [Topic.LeadScored]: [tenantId: string, event: LeadScoredEvent];
  }>();
}
