import { Field, Float, InputType, Int } from 'type-graphql';
import { LeadStatus, LostReason, ScoreFeedback } from './lifecycle.enums.js';
import { SETTINGS_LIMITS } from './settings.rules.js';
import { MAX_COMMENT_LENGTH } from './transitions.js';

@InputType('LeadStatusInput')
export class LeadStatusInput {
  @Field(() => LeadStatus)
  status!: LeadStatus;

  @Field(() => Float, { nullable: true, description: 'EUR above 0; required for WON, refused otherwise.' })
  dealValue?: number | null;

  @Field(() => LostReason, { nullable: true, description: 'Required for LOST, refused otherwise.' })
  lostReason?: LostReason | null;

  @Field(() => String, { nullable: true, description: `Up to ${MAX_COMMENT_LENGTH} characters; kept in the lead's activities.` })
  comment?: string | null;
}

@InputType('ScoreFeedbackInput')
export class ScoreFeedbackInput {
  @Field(() => ScoreFeedback)
  verdict!: ScoreFeedback;

  @Field(() => String, { nullable: true, description: `Up to ${MAX_COMMENT_LENGTH} characters.` })
  comment?: string | null;
}

const SLA = `${SETTINGS_LIMITS.slaMinutes.min}–${SETTINGS_LIMITS.slaMinutes.max} minutes; null or left out: no SLA for the tier.`;

@InputType('SlaSettingsInput', { description: 'Replaces all four: a tier left out has no SLA.' })
export class SlaSettingsInput {
  @Field(() => Int, { nullable: true, description: SLA })
  hotMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: SLA })
  keyAccountMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: SLA })
  warmMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: SLA })
  coldMinutes?: number | null;
}

@InputType('DecaySettingsInput')
export class DecaySettingsInput {
  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Int, { description: `Points taken off per step, ${SETTINGS_LIMITS.decayPoints.min}–${SETTINGS_LIMITS.decayPoints.max}.` })
  points!: number;

  @Field(() => Int, { description: `Days without activity before each step, ${SETTINGS_LIMITS.decayEveryDays.min}–${SETTINGS_LIMITS.decayEveryDays.max}.` })
  everyDays!: number;

  @Field(() => Int, { description: `Decay never takes a score below this, ${SETTINGS_LIMITS.decayFloor.min}–${SETTINGS_LIMITS.decayFloor.max}.` })
  floor!: number;
}

@InputType('TenantSettingsInput', { description: 'Each part given replaces that part; a part left out stays as it is.' })
export class TenantSettingsInput {
  @Field(() => SlaSettingsInput, { nullable: true })
  sla?: SlaSettingsInput | null;

  @Field(() => DecaySettingsInput, { nullable: true })
  decay?: DecaySettingsInput | null;
}
