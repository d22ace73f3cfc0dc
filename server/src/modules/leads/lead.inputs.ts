import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../scoring/scoring.enums.js';
import { DEFAULT_LEAD_SOURCE, LeadSource, LeadTier } from './lead.enums.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from './lead.idempotency.js';
import { MAX_PAGE_SIZE, MAX_TEXT_LENGTH } from './lead.rules.js';
import { LeadOrder } from './lead.types.js';

@InputType('CreateLeadInput')
export class CreateLeadInput {
  @Field(() => String, { description: `1–${MAX_TEXT_LENGTH} characters` })
  name!: string;

  @Field(() => String, { description: `1–${MAX_TEXT_LENGTH} characters` })
  company!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => BudgetRange)
  budget!: BudgetRange;

  @Field(() => CompanySize)
  companySize!: CompanySize;

  @Field(() => Industry)
  industry!: Industry;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => LeadSource, { defaultValue: DEFAULT_LEAD_SOURCE })
  source!: LeadSource;
}

@InputType('UpdateLeadInput', { description: 'Fields to change; the lead is re-scored with the active model.' })
export class UpdateLeadInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => BudgetRange, { nullable: true })
  budget?: BudgetRange | null;

  @Field(() => CompanySize, { nullable: true })
  companySize?: CompanySize | null;

  @Field(() => Industry, { nullable: true })
  industry?: Industry | null;

  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency | null;

  @Field(() => LeadSource, { nullable: true })
  source?: LeadSource | null;
}

@InputType('LeadFilter')
export class LeadFilter {
  @Field(() => Int, { nullable: true, description: '0–100' })
  minScore?: number | null;

  @Field(() => [LeadTier], { nullable: true })
  tiers?: LeadTier[] | null;

  @Field(() => [Industry], { nullable: true })
  industries?: Industry[] | null;

  @Field(() => [LeadSource], { nullable: true })
  sources?: LeadSource[] | null;

  @Field(() => String, { nullable: true, description: 'Matches name, company or email, ignoring case.' })
  search?: string | null;

  @Field(() => [LeadStatus], { nullable: true })
  statuses?: LeadStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Leads of these owners; with `unassigned: true` also the unassigned ones (e.g. "mine or nobody\'s").' })
  ownerIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: no owner (or one of ownerIds); false: any owner.' })
  unassigned?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: NEW leads past their tier's SLA (tenantSettings.sla); false: all others (contacted, within the SLA, or no SLA).",
  })
  slaBreached?: boolean | null;
}

@ArgsType()
export class LeadsArgs {
  @Field(() => Int, { defaultValue: 50, description: `1–${MAX_PAGE_SIZE}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;

  @Field(() => LeadFilter, { nullable: true })
  filter?: LeadFilter | null;

  @Field(() => LeadOrder, { defaultValue: LeadOrder.SCORE_DESC })
  orderBy!: LeadOrder;
}

@ArgsType()
export class UpdateLeadArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateLeadInput)
  input!: UpdateLeadInput;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}
