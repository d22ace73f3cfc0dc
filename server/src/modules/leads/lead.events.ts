import { ReferenceKind, type EntityProperty, type MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { recordEvent, type StoredEvent } from '../../events/outbox.js';
import { isUuid } from '../../kernel/ids.js';
import type { Logger } from '../../logger.js';
import { Topic, type AppPubSub } from '../../pubsub.js';
import { Lead } from './lead.entity.js';
import { toLeadNode, type LeadRecord } from './lead.mapping.js';
import { LeadScoredReason, type LeadScoredEvent } from './lead.types.js';

/** A lead was created or changed, and scored: the outbox event every lead write records. */
export const LEAD_SCORED_EVENT = 'lead.scored';

export interface LeadScoredNotice {
  tenantId: string;
  /** the lead as the transaction just flushed it */
  lead: Lead;
  reason: LeadScoredReason;
  previousScore: number | null;
}

/**
 * The payload of `lead.scored`: the lead as its transaction stored it, so consumers never read
 * current state back (which a later change may already have overtaken) and the live relay costs no
 * query per event.
 */
export interface LeadScoredPayload {
  reason: LeadScoredReason;
  previousScore: number | null;
  lead: LeadRecord;
}

/** Call inside the transaction that writes the lead, after flushing it: the event exists only if that transaction commits. */
export async function notifyLeadScored(em: EntityManager, notice: LeadScoredNotice): Promise<void> {
  // the entity the caller flushed, not read back: a findOne with the tenant filter queries (and
  // joins the owner) even when the lead is in the identity map
  const { lead } = notice;
  await recordEvent(em, { type: LEAD_SCORED_EVENT, tenantId: notice.tenantId, aggregateId: lead.id, payload: leadScoredPayload(em, lead, notice.reason, notice.previousScore) });
}

/** The payload of a lead's `lead.scored` event, of the lead as it is being stored. */
export function leadScoredPayload(em: EntityManager, lead: Lead | LeadRecord, reason: LeadScoredReason, previousScore: number | null): LeadScoredPayload {
  return { reason, previousScore, lead: leadRecord(em, lead) };
}

const recordPropertiesOf = new WeakMap<MetadataStorage, EntityProperty<Lead>[]>();

/** The stored properties of a lead that an event carries: every column but its tenant (the owner is held as its id). */
export function recordProperties(em: EntityManager): readonly EntityProperty<Lead>[] {
  const metadata = em.getMetadata();
  let properties = recordPropertiesOf.get(metadata);
  if (!properties) {
    properties = metadata
      .get(Lead)
      .props.filter((property) => property.kind === ReferenceKind.SCALAR || (property.kind === ReferenceKind.MANY_TO_ONE && property.mapToPk && property.name !== 'tenant'));
    recordPropertiesOf.set(metadata, properties);
  }
  return properties;
}

/** Every stored column of the lead but its tenant, by property name (timestamps become ISO text in JSON). */
function leadRecord(em: EntityManager, lead: Lead | LeadRecord): LeadRecord {
  const record: Record<string, unknown> = {};
  for (const property of recordProperties(em)) record[property.name] = (lead as Record<string, unknown>)[property.name];
  return record as LeadRecord;
}

/**
 * The same record built by PostgreSQL from a row of `alias` (with the lead's columns), for
 * statements that announce many leads at once (rescoring): property names as keys, so consumers
 * cannot tell it from one `notifyLeadScored` wrote.
 */
export function leadRecordSql(em: EntityManager, alias: string): string {
  const pairs = recordProperties(em).map((property) => `'${property.name}', ${alias}.${property.fieldNames[0]}`);
  // jsonb_build_object takes at most 100 arguments
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) chunks.push(`jsonb_build_object(${pairs.slice(i, i + 40).join(', ')})`);
  return chunks.join(' || ');
}

const SCORED_REASONS = new Set<string>([
  LeadScoredReason.CREATED,
  LeadScoredReason.UPDATED,
  LeadScoredReason.RESCORED,
  LeadScoredReason.DECAYED,
  LeadScoredReason.STATUS_CHANGED,
  LeadScoredReason.ASSIGNED,
]);

/** The subscription event, or null when the stored event is not one (anyone with database access can write the table). */
export function parseLeadScoredEvent(event: StoredEvent): LeadScoredEvent | null {
  if (event.type !== LEAD_SCORED_EVENT || typeof event.tenantId !== 'string' || !isUuid(event.tenantId)) return null;
  const payload = event.payload as Partial<LeadScoredPayload> | null;
  if (typeof payload !== 'object' || payload === null) return null;
  const { reason, previousScore, lead } = payload;
  if (typeof reason !== 'string' || !SCORED_REASONS.has(reason)) return null;
  if (previousScore !== null && !Number.isInteger(previousScore)) return null;
  if (typeof lead !== 'object' || lead === null || typeof lead.id !== 'string' || lead.id !== event.aggregateId || !Number.isInteger(lead.score)) return null;
  return { lead: toLeadNode(lead), reason, previousScore: previousScore ?? null };
}

export interface LeadRelayOptions {
  pubSub: AppPubSub;
  /** Tenants with open subscriptions in this process (those that missed too much in a gap get RESYNC). */
  tenantIds: () => readonly string[];
  logger: Logger;
}

/**
 * The live relay: turns committed lead changes (from any server process) into `leadScored`
 * events for this process's subscribers of the lead's tenant, in commit order. Once per event per
 * process, whatever the number of subscribers.
 */
export function registerLeadRelay(events: EventBus, { pubSub, tenantIds, logger }: LeadRelayOptions): void {
  events.live({
    name: 'lead-scored-relay',
    types: [LEAD_SCORED_EVENT],
    handle(batch) {
      for (const event of batch) {
        const scored = parseLeadScoredEvent(event);
        if (scored) pubSub.publish(Topic.LeadScored, event.tenantId!, scored);
        else logger.warn({ event: 'event_malformed', type: event.type, sequence: event.sequence }, 'ignored a lead.scored event that is not one');
      }
    },
    // only tenants with a socket here can have a subscriber: the others' events are not read
    tenants: tenantIds,
    resync: (_missed, tenants) => publishResync(pubSub, tenants ?? tenantIds()),
  });
}

/** Tells every subscriber of these tenants that events may have been missed, so they fetch again. */
export function publishResync(pubSub: AppPubSub, tenantIds: Iterable<string>): void {
  for (const tenantId of tenantIds) pubSub.publish(Topic.LeadScored, tenantId, { lead: null, reason: LeadScoredReason.RESYNC, previousScore: null });
}
