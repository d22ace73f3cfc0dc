import type { EntityManager } from '@mikro-orm/postgresql';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { ScoringModelStatus } from './scoring.enums.js';
import { ScoringModel } from './scoring-model.entity.js';
import type { ScoringModelDefinition } from './scoring.model.js';

export interface ActiveModel {
  id: string;
  version: number;
  definition: ScoringModelDefinition;
}

/**
 * The active model of each tenant, held per process: every create, update and preview needs it,
 * and it changes only when a version is published. The publishing process drops its entry at
 * once; every process drops it when the `scoring_model.published` event reaches it (see
 * scoring.events.ts), and everything when it may have missed events.
 */
export class ActiveModelCache {
  private readonly models = new Map<string, Promise<ActiveModel>>();

  /** The active model of the EntityManager's tenant. */
  get(em: EntityManager): Promise<ActiveModel> {
    const tenantId = boundTenantId(em);
    const cached = this.models.get(tenantId);
    if (cached) return cached;
    const loading = loadActiveModel(em);
    this.models.set(tenantId, loading);
    // a failed load is not kept; a drop while loading removed the entry already
    loading.catch(() => {
      if (this.models.get(tenantId) === loading) this.models.delete(tenantId);
    });
    return loading;
  }

  /** Forgets one tenant's model, or every tenant's. */
  drop(tenantId?: string | null): void {
    if (tenantId) this.models.delete(tenantId);
    else this.models.clear();
  }
}

async function loadActiveModel(em: EntityManager): Promise<ActiveModel> {
  // a fork, so the entity stays out of the caller's identity map and unit of work
  const model = await em.fork({ clear: true }).findOne(ScoringModel, { status: ScoringModelStatus.ACTIVE });
  if (!model) throw new Error('tenant has no active scoring model');
  return { id: model.id, version: model.version, definition: model.definition };
}

/** One cache per ORM (one per app: tests run several apps in one process); forks share their ORM's driver. */
const caches = new WeakMap<object, ActiveModelCache>();

export function activeModelCache(em: EntityManager): ActiveModelCache {
  const driver = em.getDriver();
  let cache = caches.get(driver);
  if (!cache) {
    cache = new ActiveModelCache();
    caches.set(driver, cache);
  }
  return cache;
}
