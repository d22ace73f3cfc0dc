import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { scoreLead } from './scoring.model.js';
import { ScoringService } from './scoring.service.js';
import { LeadScoreInput, ScorePreview } from './scoring.types.js';

@Resolver()
export class ScoringResolver {
  @Query(() => ScorePreview, { description: 'The score a lead with these fields would get, from the same model that scores saved leads. Stores nothing.' })
  async scorePreview(@Arg('input', () => LeadScoreInput) input: LeadScoreInput, @Ctx() { em }: Context): Promise<ScorePreview> {
    const model = await new ScoringService(em).activeModel();
    const { budget, companySize, industry, urgency } = input;
    const result = scoreLead(model.definition, {
      budget: budget ?? undefined,
      companySize: companySize ?? undefined,
      industry: industry ?? undefined,
      urgency: urgency ?? undefined,
    });
    return { ...result, modelVersion: model.version };
  }
}
