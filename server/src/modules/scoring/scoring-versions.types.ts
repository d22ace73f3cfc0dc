import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LeadTier } from '../leads/lead.enums.js';
import { RescoringState, ScoreChangeReason, ScoringModelStatus } from './scoring.enums.js';
import { CriterionPoints, TierInfo, TierThresholds } from './scoring.types.js';

@ObjectType('ScoringModelVersion', { simpleResolvers: true, description: 'A version of your tenant\'s scoring model, with its definition.' })
export class ScoringModelVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ScoringModelStatus)
  status!: ScoringModelStatus;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true, description: 'Who saved the version; null for the default model the tenant started with.' })
  createdBy!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who last published it.' })
  publishedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it last became the active version.' })
  publishedAt!: Date | null;

  @Field(() => [CriterionPoints], { description: 'Points per option of each scored criterion; SOURCE only when scored.' })
  criteria!: CriterionPoints[];

  @Field(() => TierThresholds)
  thresholds!: TierThresholds;

  @Field(() => [TierInfo], { description: 'Every tier, highest first.' })
  tiers!: TierInfo[];

  @Field(() => Int, { description: 'Sum of the criteria\'s maxima: the highest score possible (100).' })
  maxScore!: number;
}

@ObjectType('TierMove', { simpleResolvers: true })
export class TierMove {
  @Field(() => LeadTier)
  from!: LeadTier;

  @Field(() => LeadTier)
  to!: LeadTier;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ScoreBin', { simpleResolvers: true, description: 'Leads with a score from `from` to `to` (both included), before and after.' })
export class ScoreBin {
  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  @Field(() => Int)
  before!: number;

  @Field(() => Int)
  after!: number;
}

@ObjectType('ImpactExample', { simpleResolvers: true })
export class ImpactExample {
  @Field(() => ID)
  leadId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  company!: string;

  @Field(() => Int)
  oldScore!: number;

  @Field(() => Int)
  newScore!: number;

  @Field(() => LeadTier)
  oldTier!: LeadTier;

  @Field(() => LeadTier)
  newTier!: LeadTier;
}

@ObjectType('ScoringModelImpact', { simpleResolvers: true, description: 'What publishing a version would do to your tenant\'s leads as they are now. Stores nothing.' })
export class ScoringModelImpact {
  @Field(() => ID)
  modelId!: string;

  @Field(() => Int, { description: 'The active version.' })
  fromVersion!: number;

  @Field(() => Int)
  toVersion!: number;

  @Field(() => Int)
  leads!: number;

  @Field(() => [TierMove], { description: 'All 16 cells of old tier × new tier, highest tiers first.' })
  moves!: TierMove[];

  @Field(() => [ScoreBin], { description: 'Bins of 5: 0–4 … 90–94, 95–100.' })
  histogram!: ScoreBin[];

  @Field(() => Float)
  averageBefore!: number;

  @Field(() => Float)
  averageAfter!: number;

  @Field(() => Float)
  averageChange!: number;

  @Field(() => Int)
  changedScores!: number;

  @Field(() => Int)
  changedTiers!: number;

  @Field(() => Int, { description: 'Leads that become key accounts (HOT or KEY_ACCOUNT).' })
  newKeyAccounts!: number;

  @Field(() => Int)
  lostKeyAccounts!: number;

  @Field(() => Int)
  newHot!: number;

  @Field(() => Int)
  lostHot!: number;

  @Field(() => [ImpactExample], { description: 'Up to 10 leads that change tier, biggest score changes first.' })
  examples!: ImpactExample[];

  @Field(() => Int, { description: 'Time the database took for the preview.' })
  tookMs!: number;
}

@ObjectType('RescoringJob', { simpleResolvers: true, description: 'The rescoring of every lead of your tenant after a publish.' })
export class RescoringJobNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  modelVersion!: number;

  @Field(() => RescoringState)
  state!: RescoringState;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

/** What the `rescoring.progress` relay publishes to this process's subscribers. */
export interface RescoringProgressEvent {
  tenantId: string;
  job: RescoringJobNode;
}

@ObjectType('ScoreChange', { simpleResolvers: true, description: 'One change of a lead\'s score (the ledger).' })
export class ScoreChangeNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Null for the first score of a new lead.' })
  oldScore!: number | null;

  @Field(() => Int)
  newScore!: number;

  @Field(() => LeadTier, { nullable: true })
  oldTier!: LeadTier | null;

  @Field(() => LeadTier)
  newTier!: LeadTier;

  @Field(() => Int)
  modelVersion!: number;

  @Field(() => ScoreChangeReason)
  reason!: ScoreChangeReason;

  @Field(() => String, { nullable: true, description: 'The user or API key that made the change, named now; null for the system (decay) or a deleted actor.' })
  actorName!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}
