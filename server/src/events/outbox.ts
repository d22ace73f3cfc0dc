import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The wake-up channel: one NOTIFY per committed event, its payload the event's sequence. Sent by
 * the `event_commit_order` trigger (migration Migration20261127000000), so renaming it takes a
 * migration too.
 */
export const EVENTS_CHANNEL = 'events';

export interface NewEvent<P = unknown> {
  /** dotted name, e.g. `lead.scored` */
  type: string;
  tenantId: string | null;
  aggregateId: string | null;
  /** JSON; what consumers need, so none has to read current state back */
  payload: P;
}

/** An event as consumers get it. */
export interface StoredEvent<P = unknown> extends NewEvent<P> {
  sequence: number;
  id: string;
  createdAt: Date;
}

/**
 * Appends an event to the outbox inside the caller's transaction: it exists, and consumers are
 * woken, only if that transaction commits. Record events last in their transaction: the event's
 * place in the order is taken at commit, under a lock held until the commit is visible.
 */
export async function recordEvent<P>(em: EntityManager, event: NewEvent<P>): Promise<void> {
  await em.execute('insert into event (id, type, tenant_id, aggregate_id, payload) values (?, ?, ?, ?, ?)', [
    randomUUID(),
    event.type,
    event.tenantId,
    event.aggregateId,
    JSON.stringify(event.payload),
  ]);
}

/** Columns of `event` as StoredEvent, for the readers' statements. */
export const EVENT_COLUMNS = 'sequence, id, type, tenant_id, aggregate_id, payload, created_at';

export interface EventRow {
  sequence: string | number;
  id: string;
  type: string;
  tenant_id: string | null;
  aggregate_id: string | null;
  payload: unknown;
  created_at: string | Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    sequence: Number(row.sequence),
    id: row.id,
    type: row.type,
    tenantId: row.tenant_id,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    createdAt: new Date(row.created_at),
  };
}
