import { randomUUID } from 'node:crypto';
import { Entity, Filter, ManyToOne, PrimaryKey, Property, t, Unique, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import type { ScoringModelDefinition } from './scoring.model.js';

/** A tenant's scoring model, versioned; exactly one version is active. */
@Entity({ tableName: 'scoring_model' })
@Filter(tenantFilter)
@Unique({ properties: ['tenant', 'version'] })
export class ScoringModel {
  [OptionalProps]?: 'createdAt' | 'active';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Property({ type: t.integer })
  version!: number;

  @Property({ type: t.json })
  definition!: ScoringModelDefinition;

  @Property({ type: t.boolean })
  active: boolean = true;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();
}
