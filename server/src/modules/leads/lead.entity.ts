import { randomUUID } from 'node:crypto';
import { DecimalType, Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { PrincipalKind } from '../auth/auth.enums.js';
import { User } from '../auth/user.entity.js';
import { LeadStatus, LostReason } from '../lifecycle/lifecycle.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../scoring/scoring.enums.js';
import { LeadSource, LeadTier } from './lead.enums.js';
import { MAX_TEXT_LENGTH } from './lead.rules.js';
import type { ScoreComponentValue } from '../scoring/scoring.model.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { MAX_EMAIL_LENGTH } from '../../kernel/email.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';

@Entity({ tableName: 'lead' })
@Filter(tenantFilter)
// keyset pagination walks these backwards: (score, created_at, id) and (created_at, id) per tenant
@Index({ name: 'lead_tenant_score_idx', properties: ['tenant', 'score', 'createdAt', 'id'] })
@Index({ name: 'lead_tenant_created_idx', properties: ['tenant', 'createdAt', 'id'] })
// batch jobs (rescoring, decay) walk one tenant's leads by id: without it they walk every tenant's
@Index({ name: 'lead_tenant_id_idx', properties: ['tenant', 'id'] })
// the dashboard reads a tenant's leads of a creation range from this index alone (Migration20261128300000)
@Index({
  name: 'lead_kpi_idx',
  expression: `create index "lead_kpi_idx" on "lead" ("tenant_id", "created_at") include ("score", "tier", "source", "industry", "status", "owner_id", "contacted_at", "closed_at", "deal_value")`,
})
// the same orders within a status (status filters, breached SLAs) and within an owner's queue (or the unassigned)
@Index({ name: 'lead_tenant_status_score_idx', properties: ['tenant', 'status', 'score', 'createdAt', 'id'] })
@Index({ name: 'lead_tenant_owner_score_idx', properties: ['tenant', 'ownerId', 'score', 'createdAt', 'id'] })
// the SLA job reads the leads still waiting for their first contact and not counted yet, a tier at a time, oldest first;
// the breach gauge those it counted that still wait
@Index({
  name: 'lead_sla_pending_idx',
  expression: `create index "lead_sla_pending_idx" on "lead" ("tier", "created_at") where "status" = 'NEW' and "sla_breached_at" is null`,
})
@Index({
  name: 'lead_sla_breached_idx',
  expression: `create index "lead_sla_breached_idx" on "lead" ("tier", "tenant_id", "created_at") where "status" = 'NEW' and "sla_breached_at" is not null`,
})
export class Lead {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'lastActivityAt';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Property({ type: t.string, length: MAX_TEXT_LENGTH })
  name!: string;

  @Property({ type: t.string, length: MAX_TEXT_LENGTH })
  company!: string;

  @Property({ type: t.string, length: MAX_EMAIL_LENGTH, nullable: true })
  email?: string | null;

  @Property({ type: t.string, length: 40, nullable: true })
  phone?: string | null;

  @Enum({ items: () => BudgetRange, type: t.string, length: 30 })
  budget!: BudgetRange;

  @Enum({ items: () => CompanySize, type: t.string, length: 30 })
  companySize!: CompanySize;

  @Enum({ items: () => Industry, type: t.string, length: 30 })
  industry!: Industry;

  @Enum({ items: () => Urgency, type: t.string, length: 30 })
  urgency!: Urgency;

  @Enum({ items: () => LeadSource, type: t.string, length: 30 })
  source!: LeadSource;

  @Property({ type: t.smallint })
  score!: number;

  @Enum({ items: () => LeadTier, type: t.string, length: 20 })
  tier!: LeadTier;

  @Property({ type: t.json })
  scoreBreakdown!: ScoreComponentValue[];

  /** Version of the tenant's scoring model that produced the score. */
  @Property({ type: t.integer })
  modelVersion!: number;

  @Enum({ items: () => PrincipalKind, type: t.string, length: 20 })
  createdByKind!: PrincipalKind;

  @Property({ type: t.uuid })
  createdById!: string;

  /** Kept with the lead so lists need no join to show who created it. */
  @Property({ type: t.string, length: 200 })
  createdByName!: string;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();

  @Property({ type: t.datetime, length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Enum({ items: () => LeadStatus, type: t.string, length: 20, default: LeadStatus.NEW })
  status: LeadStatus = LeadStatus.NEW;

  /** The team member who works the lead; null: unassigned. Holds the id only, so rows and events carry it as it is stored. */
  @ManyToOne(() => User, { mapToPk: true, nullable: true, deleteRule: 'set null', joinColumn: 'owner_id' })
  ownerId?: string | null;

  /** Kept with the lead (like createdByName) so lists need no join to show the owner. */
  @Property({ type: t.string, length: 200, nullable: true })
  ownerName?: string | null;

  /** First move out of NEW; stays when the lead is reopened. */
  @Property({ type: t.datetime, length: 3, nullable: true })
  contactedAt?: Date | null;

  /** Set when WON or LOST, cleared when reopened. */
  @Property({ type: t.datetime, length: 3, nullable: true })
  closedAt?: Date | null;

  /** EUR, only while WON. */
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  dealValue?: number | null;

  @Enum({ items: () => LostReason, type: t.string, length: 20, nullable: true })
  lostReason?: LostReason | null;

  /**
   * When the SLA job counted this lead as breached (once per lead, for the metric). The API derives
   * slaDueAt and slaBreached from created_at and the tenant's settings instead, so rescoring and
   * settings changes need no update of stored due dates.
   */
  @Property({ type: t.datetime, length: 3, nullable: true })
  slaBreachedAt?: Date | null;

  /** Last time someone worked the lead (status, owner, feedback); decay counts idle days from here. */
  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  lastActivityAt: Date = new Date();

  /** Last time decay took points off; the next step waits as long as after activity. */
  @Property({ type: t.datetime, length: 3, nullable: true })
  decayedAt?: Date | null;
}
