import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireAdmin } from '../auth/auth.service.js';
import { SuggestScoringModelInput } from './learning.inputs.js';
import { LearningService } from './learning.service.js';
import { ScoringModelSuggestion } from './learning.types.js';

@Resolver()
export class LearningResolver {
  @Query(() => ScoringModelSuggestion, {
    description:
      'Learns points per option from your tenant\'s closed leads (L2 logistic regression), with cross-validated AUCs against the current rules, a calibration table and a sentence per criterion (admins). Stores nothing: save it with saveScoringModelDraft.',
  })
  suggestScoringModel(@Arg('input', () => SuggestScoringModelInput) input: SuggestScoringModelInput, @Ctx() { em, principal }: Context): Promise<ScoringModelSuggestion> {
    requireAdmin(principal, 'learn scoring models');
    return new LearningService(em).suggest(input);
  }
}
