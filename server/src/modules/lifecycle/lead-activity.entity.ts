import { DecimalType, Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { PrincipalKind } from '../auth/auth.enums.js';
import { Lead } from '../leads/lead.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { LeadActivityKind, LeadStatus, LostReason, ScoreFeedback } from './lifecycle.enums.js';

/**
 * What happened to a lead, append-only: status changes, assignments, score feedback. Names are
 * stored as they were at the time (the actor's and the owner's), so the history reads the same
 * after a rename or a deactivation.
 */
@Entity({ tableName: 'lead_activity' })
@Filter(tenantFilter)
@Index({ name: 'lead_activity_tenant_lead_idx', properties: ['tenant', 'lead', 'id'] })
export class LeadActivity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: t.bigint, autoincrement: true })
  id!: string;

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @ManyToOne(() => Lead, { deleteRule: 'cascade', mapToPk: true })
  lead!: string;

  @Enum({ items: () => LeadActivityKind, type: t.string, length: 20 })
  kind!: LeadActivityKind;

  @Enum({ items: () => PrincipalKind, type: t.string, length: 20 })
  actorKind!: PrincipalKind;

  @Property({ type: t.uuid })
  actorId!: string;

  @Property({ type: t.string, length: 200 })
  actorName!: string;

  @Enum({ items: () => LeadStatus, type: t.string, length: 20, nullable: true })
  fromStatus?: LeadStatus | null;

  @Enum({ items: () => LeadStatus, type: t.string, length: 20, nullable: true })
  toStatus?: LeadStatus | null;

  /** ASSIGNED: the new owner (null: unassigned) */
  @Property({ type: t.uuid, nullable: true })
  ownerId?: string | null;

  @Property({ type: t.string, length: 200, nullable: true })
  ownerName?: string | null;

  @Enum({ items: () => ScoreFeedback, type: t.string, length: 20, nullable: true })
  feedback?: ScoreFeedback | null;

  @Property({ type: t.string, length: 1000, nullable: true })
  comment?: string | null;

  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  dealValue?: number | null;

  @Enum({ items: () => LostReason, type: t.string, length: 20, nullable: true })
  lostReason?: LostReason | null;

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
