import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, Unique, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { ScoringModelStatus } from './scoring.enums.js';
import type { ScoringModelDefinition } from './scoring.model.js';

/** A version of a tenant's scoring model: drafts are edited, one version is ACTIVE, earlier ones RETIRED. */
@Entity({ tableName: 'scoring_model' })
@Filter(tenantFilter)
@Unique({ properties: ['tenant', 'version'] })
// the database, not the code, guarantees one active version per tenant
@Index({
  name: 'scoring_model_one_active_per_tenant',
  expression: `create unique index "scoring_model_one_active_per_tenant" on "scoring_model" ("tenant_id") where "status" = 'ACTIVE'`,
})
export class ScoringModel {
  [OptionalProps]?: 'createdAt' | 'status' | 'comment' | 'createdById' | 'createdByName' | 'publishedAt' | 'publishedById' | 'publishedByName';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Property({ type: t.integer })
  version!: number;

  @Property({ type: t.json })
  definition!: ScoringModelDefinition;

  @Enum({ items: () => ScoringModelStatus, type: t.string, length: 10 })
  status: ScoringModelStatus = ScoringModelStatus.DRAFT;

  @Property({ type: t.text, nullable: true })
  comment?: string | null;

  /** Who saved the draft (null for the default model a tenant starts with). */
  @Property({ type: t.uuid, nullable: true })
  createdById?: string | null;

  @Property({ type: t.string, length: 200, nullable: true })
  createdByName?: string | null;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();

  /** When it last became the active version. */
  @Property({ type: t.datetime, length: 3, nullable: true })
  publishedAt?: Date | null;

  @Property({ type: t.uuid, nullable: true })
  publishedById?: string | null;

  @Property({ type: t.string, length: 200, nullable: true })
  publishedByName?: string | null;
}
