import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, Unique, OptionalProps } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { ScoreFeedback } from './lifecycle.enums.js';

/** One verdict per user per lead on the lead's score; a user may change theirs. */
@Entity({ tableName: 'score_feedback' })
@Filter(tenantFilter)
@Unique({ name: 'score_feedback_lead_user_unique', properties: ['lead', 'user'] })
// the dashboard counts verdicts per tenant
@Index({ name: 'score_feedback_tenant_verdict_idx', properties: ['tenant', 'verdict'] })
export class ScoreFeedbackEntry {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @ManyToOne(() => Lead, { deleteRule: 'cascade', mapToPk: true })
  lead!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', mapToPk: true })
  user!: string;

  @Enum({ items: () => ScoreFeedback, type: t.string, length: 20 })
  verdict!: ScoreFeedback;

  @Property({ type: t.string, length: 1000, nullable: true })
  comment?: string | null;

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
