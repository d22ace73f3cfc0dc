import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { UserRole } from './auth.enums.js';

@Entity({ tableName: 'app_user' })
@Filter(tenantFilter)
// the team list, and the count of a tenant's active admins
@Index({ name: 'app_user_tenant_id_role_index', properties: ['tenant', 'role'] })
export class User {
  [OptionalProps]?: 'createdAt' | 'role' | 'active' | 'deactivatedAt' | 'passwordChangedAt';

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

  /** A deactivated user cannot sign in and has no sessions; their leads and history stay. */
  @Property({ type: t.boolean, default: true })
  active: boolean = true;

  @Property({ type: t.datetime, length: 3, nullable: true })
  deactivatedAt?: Date | null;

  @Property({ type: t.datetime, length: 3, nullable: true })
  passwordChangedAt?: Date | null;
}
