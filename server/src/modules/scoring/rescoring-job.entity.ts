import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.js';
import { tenantFilter } from '../../kernel/tenant-scope.js';
import { RescoringState } from './scoring.enums.js';
import { ScoringModel } from './scoring-model.entity.js';

/**
 * One rescoring of a tenant's leads after a publish. Its progress lives here, not in the job
 * queue: `position` is the last lead id done (keyset), so a restarted run continues from it.
 */
@Entity({ tableName: 'rescoring_job' })
@Filter(tenantFilter)
@Index({ name: 'rescoring_job_tenant_created_idx', properties: ['tenant', 'createdAt'] })
export class RescoringJob {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'state' | 'done' | 'position' | 'sweeping' | 'attempts' | 'startedAt' | 'finishedAt' | 'error';

  @PrimaryKey({ type: t.uuid })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @ManyToOne(() => ScoringModel, { deleteRule: 'cascade' })
  model!: Rel<ScoringModel>;

  @Property({ type: t.integer })
  modelVersion!: number;

  @Enum({ items: () => RescoringState, type: t.string, length: 10 })
  state: RescoringState = RescoringState.QUEUED;

  /** leads to rescore, counted when the job was created */
  @Property({ type: t.integer })
  total!: number;

  @Property({ type: t.integer })
  done: number = 0;

  /** last lead id rescored (keyset); null before the first batch and when the sweep starts over */
  @Property({ type: t.uuid, nullable: true })
  position?: string | null;

  /** the first pass is over: a second one catches leads written with the previous model meanwhile */
  @Property({ type: t.boolean })
  sweeping: boolean = false;

  @Property({ type: t.integer })
  attempts: number = 0;

  /** the admin who published: the actor of the ledger's RESCORED rows */
  @Property({ type: t.uuid })
  actorId!: string;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();

  @Property({ type: t.datetime, length: 3 })
  updatedAt: Date = new Date();

  @Property({ type: t.datetime, length: 3, nullable: true })
  startedAt?: Date | null;

  @Property({ type: t.datetime, length: 3, nullable: true })
  finishedAt?: Date | null;

  @Property({ type: t.text, nullable: true })
  error?: string | null;
}
