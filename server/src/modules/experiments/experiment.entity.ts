import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import type { ScoringModelDefinition } from '../scoring/scoring.model.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { ExperimentStatus } from './experiment.enums.js';

/**
 * An A/B test of two scoring models. Both definitions are copied in at the start: a draft that is
 * edited (or deleted) later must not change what is being tested, and the versions are plain ids
 * for the same reason. The planned number of outcomes per arm is fixed at the start, so the verdict
 * cannot come from peeking at interim results.
 */
@Entity({ tableName: 'experiment' })
@Filter(tenantFilter)
@Index({ name: 'experiment_tenant_started_idx', properties: ['tenant', 'startedAt'] })
// the database, not the code, guarantees one running experiment per tenant
@Index({
  name: 'experiment_one_running_per_tenant',
  expression: `create unique index "experiment_one_running_per_tenant" on "experiment" ("tenant_id") where "status" = 'RUNNING'`,
})
export class Experiment {
  [OptionalProps]?: 'status' | 'startedAt' | 'startedById' | 'startedByName' | 'finishedAt' | 'finishedByName' | 'endReason';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Enum({ items: () => ExperimentStatus, type: t.string, length: 10 })
  status: ExperimentStatus = ExperimentStatus.RUNNING;

  @Property({ type: t.uuid })
  controlModelId!: string;

  @Property({ type: t.integer })
  controlVersion!: number;

  @Property({ type: t.json })
  controlDefinition!: ScoringModelDefinition;

  @Property({ type: t.uuid })
  challengerModelId!: string;

  @Property({ type: t.integer })
  challengerVersion!: number;

  @Property({ type: t.json })
  challengerDefinition!: ScoringModelDefinition;

  /** Share of new leads that get the challenger, in (0, 1). */
  @Property({ type: t.double })
  split!: number;

  /** A lead counts as a win when it is WON within this many days of its creation. */
  @Property({ type: t.integer })
  outcomeWindowDays!: number;

  /** The smallest difference in win rate (absolute, e.g. 0.1 = ten points) the experiment is planned to detect. */
  @Property({ type: t.double })
  minimumDetectableEffect!: number;

  /** The tenant's win rate when the experiment started, the base of the plan. */
  @Property({ type: t.double })
  baselineRate!: number;

  /** Outcomes each arm needs before the verdict is given (80 % power, α = 0.05, two-sided). */
  @Property({ type: t.integer })
  plannedControlOutcomes!: number;

  @Property({ type: t.integer })
  plannedChallengerOutcomes!: number;

  @Property({ type: t.datetime, length: 3 })
  startedAt: Date = new Date();

  @Property({ type: t.uuid, nullable: true })
  startedById?: string | null;

  @Property({ type: t.string, length: 200, nullable: true })
  startedByName?: string | null;

  @Property({ type: t.datetime, length: 3, nullable: true })
  finishedAt?: Date | null;

  @Property({ type: t.string, length: 200, nullable: true })
  finishedByName?: string | null;

  /** Why it finished, in words (stopped by an admin, another version published). */
  @Property({ type: t.string, length: 300, nullable: true })
  endReason?: string | null;
}
