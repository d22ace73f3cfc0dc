import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, t, OptionalProps } from '@mikro-orm/core';

@Entity({ tableName: 'tenant' })
export class Tenant {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @Property({ type: t.string, length: 200 })
  name!: string;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();
}
