import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { UserRole } from './auth.enums.js';

@Entity({ tableName: 'app_user' })
@Filter(tenantFilter)
export class User {
  [OptionalProps]?: 'createdAt' | 'role';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  /** Stored lower-case; unique across tenants because login asks for the email only. */
  @Property({ type: t.string, length: 320, unique: true })
  email!: string;

  @Property({ type: t.string, length: 200 })
  name!: string;

  @Enum({ items: () => UserRole, type: t.string, length: 20 })
  role: UserRole = UserRole.REP;

  @Property({ type: t.string, length: 200, hidden: true })
  passwordHash!: string;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();
}
