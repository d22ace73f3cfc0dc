import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Lead } from '../leads/lead.entity.js';
import { LeadTier } from '../leads/lead.enums.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { ScoreChangeReason } from './scoring.enums.js';

/**
 * The ledger: one row per change of a lead's score, append-only (a trigger refuses updates). It
 * holds no personal data beyond the lead id; the actor is an id, named only when read.
 * Written with hand-written SQL (see score-ledger.ts); the entity keeps the schema in one place.
 */
@Entity({ tableName: 'score_change' })
@Filter(tenantFilter)
@Index({ name: 'score_change_tenant_lead_idx', properties: ['tenant', 'lead', 'id'] })
export class ScoreChange {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: t.bigint, autoincrement: true })
  id!: string;

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  // erasing a lead erases its history
  @ManyToOne(() => Lead, { deleteRule: 'cascade' })
  lead!: Rel<Lead>;

  /** null for the first score of a new lead */
  @Property({ type: t.smallint, nullable: true })
  oldScore?: number | null;

  @Property({ type: t.smallint })
  newScore!: number;

  @Enum({ items: () => LeadTier, type: t.string, length: 20, nullable: true })
  oldTier?: LeadTier | null;

  @Enum({ items: () => LeadTier, type: t.string, length: 20 })
  newTier!: LeadTier;

  @Property({ type: t.integer })
  modelVersion!: number;

  @Enum({ items: () => ScoreChangeReason, type: t.string, length: 20 })
  reason!: ScoreChangeReason;

  /** USER, API_KEY or SYSTEM (decay) */
  @Property({ type: t.string, length: 20 })
  actorKind!: string;

  @Property({ type: t.uuid, nullable: true })
  actorId?: string | null;

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  createdAt!: Date;
}
