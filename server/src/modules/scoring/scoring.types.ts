import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LeadSource, LeadTier } from '../leads/lead.enums.js';
import { BudgetRange, CompanySize, Industry, ScoreCriterion, Urgency } from './scoring.enums.js';

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

  @Field(() => LeadSource, { nullable: true, description: 'Counts only when the active model scores SOURCE.' })
  source?: LeadSource | null;
}

@ObjectType('TierThresholds', { simpleResolvers: true, description: 'Lowest score of each tier; below warm is COLD. Key accounts start at keyAccount.' })
export class TierThresholds {
  @Field(() => Int)
  hot!: number;

  @Field(() => Int)
  keyAccount!: number;

  @Field(() => Int)
  warm!: number;
}

@ObjectType('TierInfo', { simpleResolvers: true, description: 'A tier of the active model: where it starts and whether it counts as a key account.' })
export class TierInfo {
  @Field(() => LeadTier)
  tier!: LeadTier;

  @Field(() => Int, { description: 'Lowest score of the tier; 0 for COLD.' })
  minScore!: number;

  @Field(() => Boolean, { description: 'Leads of this tier are key accounts (Lead.isKeyAccount).' })
  isKeyAccount!: boolean;
}

@ObjectType('CriterionOption', { simpleResolvers: true })
export class CriterionOption {
  @Field(() => String, { description: 'Enum value of the criterion, e.g. OVER_100K' })
  value!: string;

  @Field(() => Int)
  points!: number;
}

@ObjectType('CriterionPoints', { simpleResolvers: true })
export class CriterionPoints {
  @Field(() => ScoreCriterion)
  criterion!: ScoreCriterion;

  @Field(() => Int)
  maxPoints!: number;

  @Field(() => [CriterionOption])
  options!: CriterionOption[];
}

@ObjectType('ScoringModelInfo', { simpleResolvers: true, description: 'The active scoring model of your tenant.' })
export class ScoringModelInfo {
  @Field(() => Int)
  version!: number;

  @Field(() => TierThresholds)
  thresholds!: TierThresholds;

  @Field(() => [TierInfo], { description: 'Every tier, highest first.' })
  tiers!: TierInfo[];

  @Field(() => [CriterionPoints])
  criteria!: CriterionPoints[];
}
