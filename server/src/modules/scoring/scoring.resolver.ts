import { requireAdmin } from '../auth/auth.service.js';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { modelImpact } from './impact.js';
import { scoreLead, tierTable } from './scoring.model.js';
import { ScoringModelDraftInput } from './scoring.inputs.js';
import { criteriaOf, ScoringService, thresholdsOf } from './scoring.service.js';
import { LeadScoreInput, ScoringModelInfo, ScorePreview } from './scoring.types.js';
import { ScoringModelImpact, ScoringModelVersion } from './scoring-versions.types.js';

const ADMIN_TASK = 'change the scoring model';

/** Admin-only operations of this module: a rep's session, a manager or an API key get FORBIDDEN. */
@Resolver()
export class ScoringResolver {
  @Query(() => ScoringModelInfo, { description: 'Points per option and tier thresholds of the active model, for forms and legends.' })
  async scoringModel(@Ctx() { em }: Context): Promise<ScoringModelInfo> {
    const { version, definition } = await new ScoringService(em).activeModel();
    return { version, thresholds: thresholdsOf(definition), tiers: tierTable(definition.tiers), criteria: criteriaOf(definition) };
  }

  @Query(() => ScorePreview, { description: 'The score a lead with these fields would get, from the same model that scores saved leads. Stores nothing.' })
  async scorePreview(@Arg('input', () => LeadScoreInput) input: LeadScoreInput, @Ctx() { em }: Context): Promise<ScorePreview> {
    const model = await new ScoringService(em).activeModel();
    const { budget, companySize, industry, urgency, source } = input;
    const result = scoreLead(model.definition, {
      budget: budget ?? undefined,
      companySize: companySize ?? undefined,
      industry: industry ?? undefined,
      urgency: urgency ?? undefined,
      source: source ?? undefined,
    });
    return { ...result, modelVersion: model.version };
  }

  @Query(() => [ScoringModelVersion], { description: 'Every version of your tenant\'s scoring model, newest first, with its definition.' })
  scoringModels(@Ctx() { em }: Context): Promise<ScoringModelVersion[]> {
    return new ScoringService(em).versions();
  }

  @Mutation(() => ScoringModelVersion, { description: 'Saves a new draft, or overwrites the draft `input.id` (admins).' })
  saveScoringModelDraft(@Arg('input', () => ScoringModelDraftInput) input: ScoringModelDraftInput, @Ctx() { em, principal }: Context): Promise<ScoringModelVersion> {
    return new ScoringService(em).saveDraft(requireAdmin(principal, ADMIN_TASK), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a draft (admins); false when there is no such version. Published versions are kept.' })
  deleteScoringModelDraft(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<boolean> {
    requireAdmin(principal, ADMIN_TASK);
    return new ScoringService(em).deleteDraft(id);
  }

  @Query(() => ScoringModelImpact, {
    description: 'What publishing this version would do to your tenant\'s leads (admins): tier moves, histogram, averages, examples. Stores nothing.',
  })
  async scoringModelImpact(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: Context): Promise<ScoringModelImpact> {
    requireAdmin(principal, ADMIN_TASK);
    const service = new ScoringService(em);
    const model = await service.version(id);
    if (!model) throw badUserInput([{ field: 'id', code: 'OUT_OF_RANGE', message: 'There is no such version in your tenant.' }]);
    return modelImpact(em, model, await service.activeModel());
  }
}
