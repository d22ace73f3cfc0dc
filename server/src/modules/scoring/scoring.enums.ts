import { registerEnumType } from 'type-graphql';

export enum BudgetRange {
  UNDER_10K = 'UNDER_10K',
  FROM_10K_TO_50K = 'FROM_10K_TO_50K',
  FROM_50K_TO_100K = 'FROM_50K_TO_100K',
  OVER_100K = 'OVER_100K',
}

export enum CompanySize {
  SIZE_1_10 = 'SIZE_1_10',
  SIZE_11_50 = 'SIZE_11_50',
  SIZE_51_200 = 'SIZE_51_200',
  SIZE_201_1000 = 'SIZE_201_1000',
  SIZE_OVER_1000 = 'SIZE_OVER_1000',
}

export enum Industry {
  SOFTWARE = 'SOFTWARE',
  FINANCE = 'FINANCE',
  MANUFACTURING = 'MANUFACTURING',
  HEALTHCARE = 'HEALTHCARE',
  RETAIL = 'RETAIL',
  EDUCATION = 'EDUCATION',
  OTHER = 'OTHER',
}

export enum Urgency {
  IMMEDIATELY = 'IMMEDIATELY',
  THIS_WEEK = 'THIS_WEEK',
  THIS_MONTH = 'THIS_MONTH',
  THIS_QUARTER = 'THIS_QUARTER',
  NO_TIMELINE = 'NO_TIMELINE',
}

export enum ScoreCriterion {
  BUDGET = 'BUDGET',
  COMPANY_SIZE = 'COMPANY_SIZE',
  INDUSTRY = 'INDUSTRY',
  URGENCY = 'URGENCY',
  /** Optional: scored only by models that give points per lead source. */
  SOURCE = 'SOURCE',
}

/** A version of a tenant's model: edited as a DRAFT, ACTIVE once published (one per tenant), RETIRED when another is. */
export enum ScoringModelStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

/** Why a lead's score changed (the ledger, `score_change`). */
export enum ScoreChangeReason {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  RESCORED = 'RESCORED',
  DECAYED = 'DECAYED',
}

export enum RescoringState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(BudgetRange, { name: 'BudgetRange', description: 'Budget the lead has for the purchase.' });
registerEnumType(CompanySize, { name: 'CompanySize', description: 'Number of employees.' });
registerEnumType(Industry, { name: 'Industry' });
registerEnumType(Urgency, { name: 'Urgency', description: 'When the lead wants to buy.' });
registerEnumType(ScoreCriterion, { name: 'ScoreCriterion' });
registerEnumType(ScoringModelStatus, { name: 'ScoringModelStatus' });
registerEnumType(ScoreChangeReason, {
  name: 'ScoreChangeReason',
  valuesConfig: {
    CREATED: { description: 'The lead was created.' },
    UPDATED: { description: 'A scored field of the lead changed.' },
    RESCORED: { description: 'A scoring model was published and every lead rescored.' },
    DECAYED: { description: 'The score decayed with time.' },
  },
});
registerEnumType(RescoringState, { name: 'RescoringState' });
