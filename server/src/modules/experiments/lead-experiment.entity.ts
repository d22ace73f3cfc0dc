import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Lead } from '../leads/lead.entity.js';
import { LeadTier } from '../leads/lead.enums.js';
import { ScoreChangeReason } from '../scoring/scoring.enums.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { ExperimentArm } from './experiment.enums.js';
import { Experiment } from './experiment.entity.js';

/**
 * A lead's place in an experiment, and its score under both models. Only leads created while an
 * experiment runs take part, so a lead belongs to at most one experiment: the lead is the key.
 */
@Entity({ tableName: 'lead_experiment' })
@Filter(tenantFilter)
@Index({ name: 'lead_experiment_tenant_experiment_idx', properties: ['tenant', 'experiment', 'arm'] })
export class LeadExperiment {
  [OptionalProps]?: 'assignedAt';

  // erasing a lead erases its part in the experiment
  @ManyToOne(() => Lead, { primary: true, mapToPk: true, deleteRule: 'cascade' })
  lead!: string;

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @ManyToOne(() => Experiment, { mapToPk: true, deleteRule: 'cascade' })
  experiment!: string;

  @Enum({ items: () => ExperimentArm, type: t.string, length: 20 })
  arm!: ExperimentArm;

  @Property({ type: t.smallint })
  controlScore!: number;

  @Enum({ items: () => LeadTier, type: t.string, length: 20 })
  controlTier!: LeadTier;

  @Property({ type: t.smallint })
  challengerScore!: number;

  @Enum({ items: () => LeadTier, type: t.string, length: 20 })
  challengerTier!: LeadTier;

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  assignedAt!: Date;
}

/**
 * The shadow ledger: changes of the score a lead's other arm would have given it. The visible score's
 * changes stay in `score_change` (Lead.scoreHistory), whose entries chain old → new; mixing in a
 * score the rep never saw would break that chain.
 */
@Entity({ tableName: 'experiment_score_change' })
@Filter(tenantFilter)
@Index({ name: 'experiment_score_change_tenant_lead_idx', properties: ['tenant', 'lead', 'id'] })
export class ExperimentScoreChange {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: t.bigint, autoincrement: true })
  id!: string;

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @ManyToOne(() => Experiment, { mapToPk: true, deleteRule: 'cascade' })
  experiment!: string;

  @ManyToOne(() => Lead, { mapToPk: true, deleteRule: 'cascade' })
  lead!: string;

  @Property({ type: t.integer })
  modelVersion!: number;

  @Property({ type: t.smallint, nullable: true })
  oldScore?: number | null;

  @Property({ type: t.smallint })
  newScore!: number;

  @Enum({ items: () => LeadTier, type: t.string, length: 20, nullable: true })
  oldTier?: LeadTier | null;

  @Enum({ items: () => LeadTier, type: t.string, length: 20 })
  newTier!: LeadTier;

  @Enum({ items: () => ScoreChangeReason, type: t.string, length: 20 })
  reason!: ScoreChangeReason;

  @Property({ type: t.datetime, length: 3, defaultRaw: 'now()' })
  createdAt!: Date;
}
