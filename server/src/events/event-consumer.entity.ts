import { Entity, PrimaryKey, Property, t } from '@mikro-orm/core';

/**
 * Where a durable consumer has got to: it has handled every event up to `position` (a sequence).
 * Moved in the same transaction as the consumer's own writes. Retention never deletes an event a
 * row here has not passed, so a retired consumer's row must be deleted with it.
 */
@Entity({ tableName: 'event_consumer' })
export class EventConsumer {
  @PrimaryKey({ type: t.string, length: 100 })
  name!: string;

  @Property({ type: t.bigint })
  position!: string;

  @Property({ type: t.datetime, length: 3 })
  updatedAt!: Date;
}
