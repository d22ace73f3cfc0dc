import { Field, ID, InputType } from 'type-graphql';
import { LeadSource } from '../leads/lead.enums.js';
import { Industry } from '../scoring/scoring.enums.js';
import { MAX_RANGE_DAYS } from './dashboard.rules.js';

@InputType('DateRangeInput', { description: `Leads created from \`from\` (included) to \`to\` (excluded); at most ${MAX_RANGE_DAYS} days.` })
export class DateRangeInput {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => String, { nullable: true, description: 'IANA time zone the days of leadsPerDay are counted in, e.g. Europe/Berlin; default UTC.' })
  timeZone?: string | null;
}

@InputType('KpiFilter', { description: 'Lists are ANDed, values within a list ORed; an empty or missing list filters nothing.' })
export class KpiFilter {
  @Field(() => [ID], { nullable: true, description: 'Leads owned by these team members.' })
  ownerIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: leads without an owner (ORed with ownerIds).' })
  unassigned?: boolean | null;

  @Field(() => [LeadSource], { nullable: true })
  sources?: LeadSource[] | null;

  @Field(() => [Industry], { nullable: true })
  industries?: Industry[] | null;
}
