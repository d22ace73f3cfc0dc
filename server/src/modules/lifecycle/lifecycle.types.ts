import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LeadOwner } from '../leads/lead.types.js';
import { LeadActivityKind, LeadStatus, LostReason, ScoreFeedback } from './lifecycle.enums.js';

@ObjectType('LeadActivity', { simpleResolvers: true, description: 'Something that happened to a lead: who, when, what.' })
export class LeadActivityNode {
  @Field(() => ID)
  id!: string;

  @Field(() => LeadActivityKind)
  kind!: LeadActivityKind;

  @Field(() => String, { description: 'The user or API key, named as it was then.' })
  actorName!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => LeadStatus, { nullable: true, description: 'STATUS_CHANGED' })
  fromStatus!: LeadStatus | null;

  @Field(() => LeadStatus, { nullable: true, description: 'STATUS_CHANGED' })
  toStatus!: LeadStatus | null;

  @Field(() => LeadOwner, { nullable: true, description: 'ASSIGNED: the new owner; null when unassigned.' })
  owner!: LeadOwner | null;

  @Field(() => ScoreFeedback, { nullable: true, description: 'FEEDBACK' })
  feedback!: ScoreFeedback | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Float, { nullable: true, description: 'STATUS_CHANGED to WON' })
  dealValue!: number | null;

  @Field(() => LostReason, { nullable: true, description: 'STATUS_CHANGED to LOST' })
  lostReason!: LostReason | null;
}

@ObjectType('ScoreFeedbackSummary', { simpleResolvers: true, description: "The team's verdicts on a lead's score, one per user." })
export class ScoreFeedbackSummary {
  @Field(() => Int)
  accurate!: number;

  @Field(() => Int)
  tooHigh!: number;

  @Field(() => Int)
  tooLow!: number;
}

@ObjectType('SlaSettings', { simpleResolvers: true, description: 'Minutes from a lead\'s creation to its first contact, per tier; null: no SLA.' })
export class SlaSettings {
  @Field(() => Int, { nullable: true })
  hotMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  keyAccountMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  warmMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  coldMinutes!: number | null;
}

@ObjectType('DecaySettings', { simpleResolvers: true, description: 'Open leads nobody works lose `points` every `everyDays` days, never below `floor`.' })
export class DecaySettings {
  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Int)
  points!: number;

  @Field(() => Int)
  everyDays!: number;

  @Field(() => Int)
  floor!: number;
}

@ObjectType('TenantSettings', { simpleResolvers: true })
export class TenantSettingsNode {
  @Field(() => SlaSettings)
  sla!: SlaSettings;

  @Field(() => DecaySettings)
  decay!: DecaySettings;
}
