import { Entity, PrimaryKey, Property, t } from '@mikro-orm/core';

/**
 * One committed change, in the outbox. `sequence` is the order consumers read in: it is assigned
 * when the writing transaction commits (see the migration's trigger), so it follows commit order
 * and a reader that has seen sequence N will never later see a smaller one appear. Not
 * tenant-scoped: consumers read across tenants and route by `tenantId` themselves. Written and read
 * by hand-written statements only (outbox.ts, event-bus.ts).
 */
@Entity({ tableName: 'event' })
export class OutboxEvent {
  @PrimaryKey({ type: t.bigint, autoincrement: true })
  sequence!: string;

  /** Stable identity for consumers outside the database (webhooks dedupe on it). */
  @Property({ type: t.uuid, unique: true })
  id!: string;

  /** e.g. `lead.scored` */
  @Property({ type: t.string, length: 100 })
  type!: string;

  @Property({ type: t.uuid, nullable: true })
  tenantId?: string | null;

  /** The entity the event is about (a lead's id). */
  @Property({ type: t.uuid, nullable: true })
  aggregateId?: string | null;

  @Property({ type: t.json })
  payload!: unknown;

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  createdAt!: Date;
}
