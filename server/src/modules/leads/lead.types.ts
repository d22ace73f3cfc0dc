import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FieldErrorCode } from '../../errors.js';
import { PrincipalKind } from '../auth/auth.enums.js';
import { BudgetRange, CompanySize, Industry, Urgency } from '../scoring/scoring.enums.js';
import { LeadStatus, LostReason } from '../lifecycle/lifecycle.enums.js';
import { LeadSource, LeadTier } from './lead.enums.js';
import { ScoreComponent } from '../scoring/scoring.types.js';

export enum LeadOrder {
  SCORE_DESC = 'SCORE_DESC',
  CREATED_DESC = 'CREATED_DESC',
}
registerEnumType(LeadOrder, {
  name: 'LeadOrder',
  valuesConfig: {
    SCORE_DESC: { description: 'Highest score first; newest first within a score.' },
    CREATED_DESC: { description: 'Newest first.' },
  },
});

export enum LeadScoredReason {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  RESCORED = 'RESCORED',
  RESYNC = 'RESYNC',
  DECAYED = 'DECAYED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ASSIGNED = 'ASSIGNED',
}
registerEnumType(LeadScoredReason, {
  name: 'LeadScoredReason',
  valuesConfig: {
    STATUS_CHANGED: { description: 'The status changed (the score did not).' },
    ASSIGNED: { description: 'The owner changed (the score did not).' },
    RESYNC: {
      description:
        'Events were missed and cannot be replayed (the server was cut off from the database while more than 1,000 changes happened; shorter gaps are replayed in order). Carries no lead: fetch again what you show. Sent to every subscriber, whatever its minScore.',
    },
  },
});

@ObjectType('LeadCreator', { simpleResolvers: true, description: 'The rep or API key that created a lead.' })
export class LeadCreator {
  @Field(() => PrincipalKind)
  kind!: PrincipalKind;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('LeadOwner', { simpleResolvers: true, description: 'The team member who works a lead.' })
export class LeadOwner {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

// Simple resolvers: the list path returns up to 200 of these per page, so no middleware per field.
@ObjectType('Lead', { simpleResolvers: true })
export class LeadNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  company!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => BudgetRange)
  budget!: BudgetRange;

  @Field(() => CompanySize)
  companySize!: CompanySize;

  @Field(() => Industry)
  industry!: Industry;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => LeadSource)
  source!: LeadSource;

  @Field(() => Int, { description: '0–100' })
  score!: number;

  @Field(() => LeadTier)
  tier!: LeadTier;

  @Field(() => Boolean, { description: 'Score ≥ the key-account threshold (70 by default).' })
  isKeyAccount!: boolean;

  @Field(() => [ScoreComponent])
  scoreBreakdown!: ScoreComponent[];

  @Field(() => Int, { description: 'Version of the scoring model that produced the score.' })
  modelVersion!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => LeadCreator)
  createdBy!: LeadCreator;

  @Field(() => LeadStatus)
  status!: LeadStatus;

  @Field(() => LeadOwner, { nullable: true, description: 'Null: unassigned.' })
  owner!: LeadOwner | null;

  @Field(() => Date, { nullable: true, description: 'When the lead first moved out of NEW.' })
  contactedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was WON or LOST; null while open or after reopening.' })
  closedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'EUR, while WON.' })
  dealValue!: number | null;

  @Field(() => LostReason, { nullable: true, description: 'While LOST.' })
  lostReason!: LostReason | null;
}

@ObjectType('LeadEdge', { simpleResolvers: true })
export class LeadEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => LeadNode)
  node!: LeadNode;
}

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('LeadConnection')
export class LeadConnection {
  @Field(() => [LeadEdge])
  edges!: LeadEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** counted only when a client asks for it */
  countMatching!: () => Promise<number>;

  @Field(() => Int, { description: 'Leads matching the filter, across all pages.' })
  totalCount(): Promise<number> {
    return this.countMatching();
  }
}

@ObjectType('LeadScoredEvent')
export class LeadScoredEvent {
  @Field(() => LeadNode, { nullable: true, description: 'The new or changed lead; null only for RESYNC.' })
  lead!: LeadNode | null;

  @Field(() => LeadScoredReason)
  reason!: LeadScoredReason;

  @Field(() => Int, { nullable: true, description: 'Score before this change; null for new leads and RESYNC.' })
  previousScore!: number | null;
}

@ObjectType('LeadRules', { simpleResolvers: true, description: 'The rules the server checks leads and lists by, for clients that check early.' })
export class LeadRules {
  @Field(() => Int, { description: 'Longest name, company or search, in characters (after trimming).' })
  maxTextLength!: number;

  @Field(() => String, { description: 'An e-mail address matches this ECMAScript regular expression (no flags), after trimming.' })
  emailPattern!: string;

  @Field(() => String, { description: 'A phone number matches this ECMAScript regular expression (no flags), after trimming.' })
  phonePattern!: string;

  @Field(() => Int, { description: 'Largest `first` of `leads`.' })
  maxPageSize!: number;

  @Field(() => LeadSource, { description: 'The source of a lead created without one.' })
  defaultSource!: LeadSource;

  @Field(() => [FieldErrorCode], { description: 'Every code `extensions.fields[].code` can hold.' })
  fieldErrorCodes!: FieldErrorCode[];
}
