import type { EntityManager } from '@mikro-orm/postgresql';
import { ScoringModel } from './scoring-model.entity.js';
import { DEFAULT_SCORING_MODEL } from './scoring.model.js';

export class ScoringService {
  constructor(private readonly em: EntityManager) {}

  /** The active model of the EntityManager's tenant (the tenant filter picks it). */
  async activeModel(): Promise<ScoringModel> {
    const model = await this.em.findOne(ScoringModel, { active: true }, { orderBy: { version: 'desc' } });
    if (!model) throw new Error('tenant has no active scoring model');
    return model;
  }

  /** Every new tenant starts with the default model as version 1. */
  static seedDefault(em: EntityManager, tenantId: string): ScoringModel {
    return em.create(ScoringModel, { tenant: tenantId, version: 1, definition: DEFAULT_SCORING_MODEL, active: true });
  }
}
