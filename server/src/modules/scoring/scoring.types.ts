import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { BudgetRange, CompanySize, Industry, LeadTier, ScoreCriterion, Urgency } from './scoring.enums.js';

@ObjectType('ScoreComponent', { simpleResolvers: true, description: 'Points one criterion contributed to a score.' })
export class ScoreComponent {
  @Field(() => ScoreCriterion)
  criterion!: ScoreCriterion;

  @Field(() => Int)
  points!: number;

  @Field(() => Int, { description: 'Most points this criterion can give under the model.' })
  maxPoints!: number;
}

@ObjectType('ScorePreview', { simpleResolvers: true })
export class ScorePreview {
  @Field(() => Int)
  score!: number;

  @Field(() => LeadTier)
  tier!: LeadTier;

  @Field(() => Boolean)
  isKeyAccount!: boolean;

  @Field(() => [ScoreComponent])
  breakdown!: ScoreComponent[];

  @Field(() => [ScoreCriterion], { description: 'Criteria not chosen yet; they count 0 points in this preview.' })
  missing!: ScoreCriterion[];

  @Field(() => Int, { description: 'Version of the scoring model used.' })
  modelVersion!: number;
}

@InputType('LeadScoreInput', { description: 'The scored fields of a lead. Leave out what is not known yet to preview a partial score.' })
export class LeadScoreInput {
  @Field(() => BudgetRange, { nullable: true })
  budget?: BudgetRange | null;

  @Field(() => CompanySize, { nullable: true })
  companySize?: CompanySize | null;

  @Field(() => Industry, { nullable: true })
  industry?: Industry | null;

  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency | null;
}
