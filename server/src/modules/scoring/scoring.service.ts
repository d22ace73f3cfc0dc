import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../errors.js';
import { isUuid } from '../../kernel/ids.js';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import type { Principal } from '../auth/principal.js';
import { activeModelCache, type ActiveModel } from './model-cache.js';
import { ScoringModelStatus } from './scoring.enums.js';
import { ScoringModel } from './scoring-model.entity.js';
import { CRITERION_OPTIONS, DEFAULT_SCORING_MODEL, criterionPoints, modelMaxScore, scoredCriteria, tierTable, type ScoringModelDefinition } from './scoring.model.js';
import type { ScoringModelDraftInput } from './scoring.inputs.js';
import type { CriterionPoints, TierThresholds } from './scoring.types.js';
import { draftDefinition } from './scoring.validation.js';
import type { ScoringModelVersion } from './scoring-versions.types.js';

/** The scoring models of the EntityManager's tenant: the active one (cached per process) and the versions admins edit. */
export class ScoringService {
  constructor(private readonly em: EntityManager) {}

  /** The active model of the tenant, from this process's cache. */
  activeModel(): Promise<ActiveModel> {
    return activeModelCache(this.em).get(this.em);
  }

  /** Every version, newest first. */
  async versions(): Promise<ScoringModelVersion[]> {
    const models = await this.em.find(ScoringModel, {}, { orderBy: { version: 'desc' } });
    return models.map(toVersionNode);
  }

  /** A version of the tenant, or null. */
  async version(id: string): Promise<ScoringModel | null> {
    return isUuid(id) ? this.em.findOne(ScoringModel, { id }) : null;
  }

  /** Validates, then stores a new draft or overwrites one; nothing is stored when the input is refused. */
  async saveDraft(principal: Principal, input: ScoringModelDraftInput): Promise<ScoringModelVersion> {
    const result = draftDefinition(input);
    if (result.errors) throw badUserInput(result.errors);
    const comment = input.comment?.trim() || null;
    const tenantId = boundTenantId(this.em);
    const saved = await this.em.transactional(async (em) => {
      await lockModels(em, tenantId);
      if (input.id != null) {
        const draft = isUuid(input.id) ? await em.findOne(ScoringModel, { id: input.id }) : null;
        if (!draft) throw badUserInput([{ field: 'id', code: 'OUT_OF_RANGE', message: 'There is no such version in your tenant; leave id out to start a new draft.' }]);
        if (draft.status !== ScoringModelStatus.DRAFT) {
          throw badUserInput([{ field: 'id', code: 'OUT_OF_RANGE', message: `Version ${draft.version} has been published and is kept as it is; leave id out to save your changes as a new draft.` }]);
        }
        Object.assign(draft, { definition: result.definition, comment, createdById: principal.id, createdByName: principal.name });
        return draft;
      }
      const [{ next }] = await em.execute<Array<{ next: number }>>('select coalesce(max(version), 0) + 1 as next from scoring_model where tenant_id = ?', [tenantId]);
      return em.create(ScoringModel, {
        tenant: tenantId,
        version: Number(next),
        definition: result.definition,
        status: ScoringModelStatus.DRAFT,
        comment,
        createdById: principal.id,
        createdByName: principal.name,
      });
    });
    return toVersionNode(saved);
  }

  /** True when the draft was deleted; false when there is no such version. Published versions are kept. */
  async deleteDraft(id: string): Promise<boolean> {
    const tenantId = boundTenantId(this.em);
    return this.em.transactional(async (em) => {
      await lockModels(em, tenantId);
      const model = isUuid(id) ? await em.findOne(ScoringModel, { id }) : null;
      if (!model) return false;
      if (model.status !== ScoringModelStatus.DRAFT) {
        throw badUserInput([{ field: 'id', code: 'OUT_OF_RANGE', message: `Version ${model.version} has been published; published versions are kept so you can roll back to them.` }]);
      }
      em.remove(model);
      return true;
    });
  }

  /** Every new tenant starts with the default model as version 1, active. */
  static seedDefault(em: EntityManager, tenantId: string): ScoringModel {
    return em.create(ScoringModel, { tenant: tenantId, version: 1, definition: DEFAULT_SCORING_MODEL, status: ScoringModelStatus.ACTIVE, publishedAt: new Date() });
  }
}

/**
 * Serialises the writes to one tenant's versions (saves, deletes, publishes): they lock its
 * active version's row, which every tenant has from its creation on.
 */
export async function lockModels(em: EntityManager, tenantId: string): Promise<void> {
  await em.execute(`select id from scoring_model where tenant_id = ? and status = ? for update`, [tenantId, ScoringModelStatus.ACTIVE]);
}

export function thresholdsOf(definition: ScoringModelDefinition): TierThresholds {
  return { hot: definition.tiers.HOT, keyAccount: definition.tiers.KEY_ACCOUNT, warm: definition.tiers.WARM };
}

/** Points per option of each criterion the model scores, options in their natural order. */
export function criteriaOf(definition: ScoringModelDefinition): CriterionPoints[] {
  return scoredCriteria(definition).map((criterion) => {
    const points = criterionPoints(definition, criterion);
    const options = CRITERION_OPTIONS[criterion].map((value) => ({ value, points: points[value] }));
    return { criterion, maxPoints: Math.max(...options.map((o) => o.points)), options };
  });
}

export function toVersionNode(model: ScoringModel): ScoringModelVersion {
  return {
    id: model.id,
    version: model.version,
    status: model.status,
    comment: model.comment ?? null,
    createdBy: model.createdByName ?? null,
    createdAt: model.createdAt,
    publishedBy: model.publishedByName ?? null,
    publishedAt: model.publishedAt ?? null,
    criteria: criteriaOf(model.definition),
    thresholds: thresholdsOf(model.definition),
    tiers: tierTable(model.definition.tiers),
    maxScore: modelMaxScore(model.definition),
  };
}
