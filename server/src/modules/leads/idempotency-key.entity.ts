import { DeferMode, Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, t, type Rel } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { Lead } from './lead.entity.js';

export enum IdempotentOperation {
  CREATE_LEAD = 'CREATE_LEAD',
  UPDATE_LEAD = 'UPDATE_LEAD',
}

/**
 * A write a client may retry: written in the transaction of the lead it produced, so a stored key
 * always means a stored lead. The primary key (tenant, key) is what makes a concurrent retry wait
 * for the first request and then answer from its row.
 */
@Entity({ tableName: 'idempotency_key' })
@Filter(tenantFilter)
// expired keys are removed per tenant, oldest first
@Index({ name: 'idempotency_key_tenant_created_idx', properties: ['tenant', 'createdAt'] })
export class IdempotencyKey {
  [PrimaryKeyProp]?: ['tenant', 'key'];

  @ManyToOne(() => Tenant, { primary: true, deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @PrimaryKey({ type: t.string, length: 200 })
  key!: string;

  @Enum({ items: () => IdempotentOperation, type: t.string, length: 20 })
  operation!: IdempotentOperation;

  /** SHA-256 of the normalised request: the same key with other input is refused, not replayed. */
  @Property({ type: t.string, length: 64 })
  requestHash!: string;

  // the key row is written before a new lead's row in the same transaction: checked at commit
  @ManyToOne(() => Lead, { deleteRule: 'cascade', deferMode: DeferMode.INITIALLY_DEFERRED })
  lead!: Rel<Lead>;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();
}
