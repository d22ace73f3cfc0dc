import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Interval } from '../../stats/index.js';
import { ExperimentArm, ExperimentStatus, ExperimentVerdict, ProportionTest } from './experiment.enums.js';

@ObjectType('ConfidenceInterval', { simpleResolvers: true, description: 'An estimate with its 95 % confidence interval.' })
export class ConfidenceInterval {
  @Field(() => Float, { nullable: true, description: 'null when there is nothing to estimate from (no observations).' })
  estimate!: number | null;

  @Field(() => Float)
  lower!: number;

  @Field(() => Float)
  upper!: number;
}

/** NaN (nothing observed) becomes null: GraphQL has no NaN. */
export function confidenceInterval(value: Interval): ConfidenceInterval {
  return { estimate: Number.isNaN(value.estimate) ? null : value.estimate, lower: value.lower, upper: value.upper };
}

@ObjectType('Experiment', { simpleResolvers: true, description: 'An A/B test of two scoring models on new leads.' })
export class ExperimentNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ExperimentStatus)
  status!: ExperimentStatus;

  @Field(() => ID, { description: 'The version that was active at the start.' })
  controlModelId!: string;

  @Field(() => Int)
  controlVersion!: number;

  @Field(() => ID, { description: 'The version tested against it; publish this one to promote the challenger.' })
  challengerModelId!: string;

  @Field(() => Int)
  challengerVersion!: number;

  @Field(() => Boolean, { description: 'The challenger draft was edited or deleted after the start: publishing it now would not publish what was tested.' })
  challengerChanged!: boolean;

  @Field(() => Float, { description: 'Share of new leads scored by the challenger.' })
  split!: number;

  @Field(() => Int, { description: 'A lead is a win when it is WON within this many days of its creation.' })
  outcomeWindowDays!: number;

  @Field(() => Float, { description: 'Smallest difference in win rate (absolute) the plan is built to detect.' })
  minimumDetectableEffect!: number;

  @Field(() => Float, { description: 'The tenant\'s win rate at the start, the base of the plan.' })
  baselineRate!: number;

  @Field(() => Int, { description: 'Outcomes the control arm needs before the verdict.' })
  plannedControlOutcomes!: number;

  @Field(() => Int)
  plannedChallengerOutcomes!: number;

  @Field(() => Int, { description: 'Both arms together.' })
  plannedOutcomes!: number;

  @Field(() => Int, { description: 'Leads taking part (created while it ran).' })
  leads!: number;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => String, { nullable: true })
  startedBy!: string | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  finishedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it finished.' })
  endReason!: string | null;
}

@ObjectType('TopDecile', { simpleResolvers: true, description: 'Leads of an arm scoring in its top 10 % (by the arm\'s own model; ties at the edge included), among leads with an outcome.' })
export class TopDecileNode {
  @Field(() => Int, { nullable: true, description: 'Lowest score included; null without outcomes.' })
  threshold!: number | null;

  @Field(() => Int)
  outcomes!: number;

  @Field(() => Int)
  wins!: number;

  @Field(() => ConfidenceInterval)
  conversion!: ConfidenceInterval;
}

@ObjectType('ExperimentArmResult', { simpleResolvers: true })
export class ExperimentArmResult {
  @Field(() => ExperimentArm)
  arm!: ExperimentArm;

  @Field(() => Int)
  modelVersion!: number;

  @Field(() => Int, { description: 'Leads in the arm.' })
  leads!: number;

  @Field(() => Int, { description: 'Leads with an outcome: won within the window, lost, or past the window.' })
  outcomes!: number;

  @Field(() => Int)
  wins!: number;

  @Field(() => Int, { description: 'Leads younger than the window and still open: no outcome yet.' })
  pending!: number;

  @Field(() => Int, { description: 'Outcomes planned for this arm.' })
  plannedOutcomes!: number;

  @Field(() => ConfidenceInterval, { description: 'wins / outcomes with its Wilson interval.' })
  conversion!: ConfidenceInterval;

  @Field(() => TopDecileNode)
  topDecile!: TopDecileNode;
}

@ObjectType('ExperimentDecision', { simpleResolvers: true, description: 'The test the verdict rests on: the first planned outcomes of each arm, in the order they became known.' })
export class ExperimentDecision {
  @Field(() => Int)
  controlOutcomes!: number;

  @Field(() => Int)
  controlWins!: number;

  @Field(() => Int)
  challengerOutcomes!: number;

  @Field(() => Int)
  challengerWins!: number;

  @Field(() => ConfidenceInterval, { description: 'Challenger − control (Newcombe).' })
  difference!: ConfidenceInterval;

  @Field(() => ProportionTest)
  test!: ProportionTest;

  @Field(() => Float)
  pValue!: number;

  @Field(() => Date, { description: 'When the last of those outcomes became known.' })
  decidedAt!: Date;
}

@ObjectType('ExperimentResult', { simpleResolvers: true })
export class ExperimentResult {
  @Field(() => ExperimentNode)
  experiment!: ExperimentNode;

  @Field(() => ExperimentArmResult)
  control!: ExperimentArmResult;

  @Field(() => ExperimentArmResult)
  challenger!: ExperimentArmResult;

  @Field(() => ConfidenceInterval, { description: 'Challenger − control conversion on every outcome so far, with Newcombe\'s interval.' })
  difference!: ConfidenceInterval;

  @Field(() => ProportionTest, { description: 'Fisher\'s exact test when an expected cell count is below 5, else the two-proportion z test.' })
  test!: ProportionTest;

  @Field(() => Float, { description: 'Two-sided p-value on every outcome so far (descriptive: the verdict uses `decision`).' })
  pValue!: number;

  @Field(() => Int, { nullable: true, description: 'Further outcomes (both arms) needed to detect the observed difference with 80 % power; null when there is no difference to detect.' })
  outcomesForObservedDifference!: number | null;

  @Field(() => Boolean, { description: 'Both arms have their planned outcomes.' })
  horizonReached!: boolean;

  @Field(() => Int, { description: 'Outcomes still missing before the verdict (0 at the horizon).' })
  moreOutcomesNeeded!: number;

  @Field(() => ExperimentVerdict)
  verdict!: ExperimentVerdict;

  @Field(() => ExperimentDecision, { nullable: true, description: 'null before the horizon.' })
  decision!: ExperimentDecision | null;

  @Field(() => Date)
  computedAt!: Date;
}
