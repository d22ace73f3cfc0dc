import { Field, ID, InputType, Int } from 'type-graphql';
import { ScoreCriterion } from './scoring.enums.js';

@InputType('OptionPointsInput')
export class OptionPointsInput {
  @Field(() => String, { description: 'Enum value of the criterion, e.g. OVER_100K' })
  value!: string;

  @Field(() => Int, { description: 'Whole number 0–100.' })
  points!: number;
}

@InputType('CriterionPointsInput')
export class CriterionPointsInput {
  @Field(() => ScoreCriterion)
  criterion!: ScoreCriterion;

  @Field(() => [OptionPointsInput], { description: 'Every option of the criterion, each once.' })
  options!: OptionPointsInput[];
}

@InputType('ScoreThresholdsInput', { description: 'Lowest score of each tier, 1–100, HOT > KEY_ACCOUNT > WARM.' })
export class ScoreThresholdsInput {
  @Field(() => Int)
  hot!: number;

  @Field(() => Int)
  keyAccount!: number;

  @Field(() => Int)
  warm!: number;
}

@InputType('ScoringModelDraftInput', {
  description:
    'A draft of the scoring model. Refused with BAD_USER_INPUT, naming each field (`criteria.BUDGET.OVER_100K`, `criteria.URGENCY`, `criteria`, `thresholds.hot`, `comment`), when points are not whole numbers 0–100, an option or base criterion is missing, the thresholds are out of order, or the best options do not add up to exactly 100 without `normalize`.',
})
export class ScoringModelDraftInput {
  @Field(() => ID, { nullable: true, description: 'A DRAFT to overwrite; leave out to start a new draft.' })
  id?: string | null;

  @Field(() => [CriterionPointsInput], { description: 'BUDGET, COMPANY_SIZE, INDUSTRY and URGENCY with every option; SOURCE only to score the lead source.' })
  criteria!: CriterionPointsInput[];

  @Field(() => ScoreThresholdsInput)
  thresholds!: ScoreThresholdsInput;

  @Field(() => String, { nullable: true, description: 'Why this version (at most 1,000 characters).' })
  comment?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Scale the points so the best options add up to exactly 100 (largest-remainder rounding); the answer holds the scaled points.',
  })
  normalize?: boolean | null;
}
