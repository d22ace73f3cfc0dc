import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { PrincipalKind } from '../auth/auth.enums.js';
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
export class Lead {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

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
}
