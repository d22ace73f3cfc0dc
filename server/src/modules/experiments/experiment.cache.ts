import type { EntityManager } from '@mikro-orm/postgresql';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import type { ScoringModelDefinition } from '../scoring/scoring.model.js';
import { ExperimentStatus } from './experiment.enums.js';

/** What scoring a new or changed lead needs to know of the tenant's running experiment. */
export interface RunningExperiment {
  id: string;
  split: number;
  controlVersion: number;
  control: ScoringModelDefinition;
  challengerId: string;
  challengerVersion: number;
  challenger: ScoringModelDefinition;
}

/**
 * The running experiment of each tenant (or none), held per process like the active model: every
 * create and update asks, and it changes only when an experiment starts or ends. Dropped by the
 * `experiment.*` events (experiment.events.ts). A stale entry does no harm: a lead scored by the
 * challenger of an experiment that has just ended is put back in the same transaction (see
 * `experimentScoring`), and a lead created in the moment after a start simply takes no part.
 */
export class RunningExperimentCache {
  private readonly entries = new Map<string, Promise<RunningExperiment | null>>();

  get(em: EntityManager): Promise<RunningExperiment | null> {
    const tenantId = boundTenantId(em);
    const cached = this.entries.get(tenantId);
    if (cached) return cached;
    const loading = loadRunning(em, tenantId);
    this.entries.set(tenantId, loading);
    loading.catch(() => {
      if (this.entries.get(tenantId) === loading) this.entries.delete(tenantId);
    });
    return loading;
  }

  drop(tenantId?: string | null): void {
    if (tenantId) this.entries.delete(tenantId);
    else this.entries.clear();
  }
}

async function loadRunning(em: EntityManager, tenantId: string): Promise<RunningExperiment | null> {
  const [row] = await em.execute<Array<Record<string, any>>>(
    `select id, split, control_version, control_definition, challenger_model_id, challenger_version, challenger_definition
       from experiment where tenant_id = ? and status = ?`,
    [tenantId, ExperimentStatus.RUNNING],
  );
  if (!row) return null;
  return {
    id: row.id,
    split: Number(row.split),
    controlVersion: row.control_version,
    control: row.control_definition,
    challengerId: row.challenger_model_id,
    challengerVersion: row.challenger_version,
    challenger: row.challenger_definition,
  };
}

const caches = new WeakMap<object, RunningExperimentCache>();

/** One cache per ORM (tests run several apps in one process). */
export function runningExperimentCache(em: EntityManager): RunningExperimentCache {
  const driver = em.getDriver();
  let cache = caches.get(driver);
  if (!cache) {
    cache = new RunningExperimentCache();
    caches.set(driver, cache);
  }
  return cache;
}
