import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { ApiKeyScope } from './auth.enums.js';
import { User } from './user.entity.js';

@Entity({ tableName: 'api_key' })
@Filter(tenantFilter)
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'createdBy';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Property({ type: t.string, length: 200 })
  name!: string;

  @Enum({ items: () => ApiKeyScope, type: t.string, length: 20 })
  scope!: ApiKeyScope;

  /** Public part of the key, shown in lists and used to find the key. */
  @Property({ type: t.string, length: 32, unique: true })
  prefix!: string;

  /** SHA-256 of the whole key: keys are long random strings, so a fast hash is enough. */
  @Property({ type: t.string, length: 64, hidden: true })
  secretHash!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<User> | null;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();

  @Property({ type: t.datetime, length: 3, nullable: true })
  revokedAt?: Date | null;
}
