import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { CRITERION_OPTIONS, scoreLead, tierTable } from './scoring.model.js';
import { ScoringService } from './scoring.service.js';
import { LeadScoreInput, ScoringModelInfo, ScorePreview } from './scoring.types.js';
import { ScoreCriterion } from './scoring.enums.js';

@Resolver()
export class ScoringResolver {
  @Query(() => ScoringModelInfo, { description: 'Points per option and tier thresholds of the active model, for forms and legends.' })
  async scoringModel(@Ctx() { em }: Context): Promise<ScoringModelInfo> {
    const { version, definition } = await new ScoringService(em).activeModel();
    return {
      version,
      thresholds: { hot: definition.tiers.HOT, keyAccount: definition.tiers.KEY_ACCOUNT, warm: definition.tiers.WARM },
      tiers: tierTable(definition.tiers),
      criteria: Object.values(ScoreCriterion).map((criterion) => {
        const points: Record<string, number> = definition.criteria[criterion];
        const options = CRITERION_OPTIONS[criterion].map((value) => ({ value, points: points[value] }));
        return { criterion, maxPoints: Math.max(...options.map((o) => o.points)), options };
      }),
    };
  }

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
