import { Field, InputType, Int } from 'type-graphql';

@InputType('SuggestScoringModelInput')
export class SuggestScoringModelInput {
  @Field(() => Date, { description: 'Learn from leads closed (WON or LOST) at or after this moment (the newest 5,000 of them).' })
  since!: Date;

  @Field(() => Int, { defaultValue: 60, description: 'A lead counts as won when it was WON within this many days of its creation (7–365), the outcome experiments measure; a later win counts as not won.' })
  outcomeWindowDays!: number;
}
