import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType('StartExperimentInput')
export class StartExperimentInput {
  @Field(() => ID, { description: 'A DRAFT or RETIRED version to test against the active one.' })
  challengerId!: string;

  @Field(() => Float, { defaultValue: 0.5, description: 'Share of new leads scored by the challenger, 0.1–0.9.' })
  split!: number;

  @Field(() => Int, { defaultValue: 60, description: 'A lead is a win when it is WON within this many days of its creation (7–365).' })
  outcomeWindowDays!: number;

  @Field(() => Float, { defaultValue: 0.1, description: 'Smallest difference in win rate worth detecting, absolute (0.02–0.5; 0.1 = ten points). Sets the planned outcomes.' })
  minimumDetectableEffect!: number;

  @Field(() => Int, { nullable: true, description: 'At least this many outcomes in total before the verdict (raises the plan, never lowers it).' })
  minimumOutcomes?: number | null;
}
