import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import type { LeadScoredEvent } from './modules/leads/lead.types.js';
import type { RescoringProgressEvent } from './modules/scoring/scoring-versions.types.js';

/** Topic names, named once. Events arrive here from PostgreSQL (see lead.events.ts), never straight from a mutation. */
export const Topic = {
  LeadScored: 'LEAD_SCORED',
  /** the dynamic id is the rescoring job's id */
  RescoringProgress: 'RESCORING_PROGRESS',
} as const;

export type AppPubSub = ReturnType<typeof createAppPubSub>;

/** In-process fan-out to this process's subscribers; the dynamic id is the tenant id. */
export function createAppPubSub() {
  type Events = { [Topic.LeadScored]: [tenantId: string, event: LeadScoredEvent]; [Topic.RescoringProgress]: [jobId: string, event: RescoringProgressEvent] };
  // one listener per open subscription of a tenant: hundreds are normal, not a leak
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createPubSub<Events>({ eventTarget: eventTarget as PubSubEventTarget<Events> });
}
