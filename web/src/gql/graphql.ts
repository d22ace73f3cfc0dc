/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ApiKeyScope =
  | 'READ'
  | 'WRITE';

/** Budget the lead has for the purchase. */
export type BudgetRange =
  | 'FROM_10K_TO_50K'
  | 'FROM_50K_TO_100K'
  | 'OVER_100K'
  | 'UNDER_10K';

/** A render or runtime error in the web app, for the server log. */
export type ClientErrorInput = {
  /** Short name of what happened, e.g. "render_error" */
  event: string;
  message: string;
  /** When it happened in the browser */
  occurredAt?: string | null | undefined;
  /** Path of the page, without query string */
  path?: string | null | undefined;
  /** The browser session, to find related reports */
  sessionId?: string | null | undefined;
};

/** Number of employees. */
export type CompanySize =
  | 'SIZE_1_10'
  | 'SIZE_11_50'
  | 'SIZE_51_200'
  | 'SIZE_201_1000'
  | 'SIZE_OVER_1000';

export type CreateLeadInput = {
  budget: BudgetRange;
  /** 1–200 characters */
  company: string;
  companySize: CompanySize;
  email?: string | null | undefined;
  industry: Industry;
  /** 1–200 characters */
  name: string;
  phone?: string | null | undefined;
  source?: LeadSource;
  urgency: Urgency;
};

export type CreateTeamMemberInput = {
  /** Their sign-in; unique across all tenants, at most 320 characters */
  email: string;
  /** 1–200 characters */
  name: string;
  role: UserRole;
};

export type CriterionPointsInput = {
  criterion: ScoreCriterion;
  /** Every option of the criterion, each once. */
  options: Array<OptionPointsInput>;
};

/** How much a criterion weighs in the learned model compared with the current one. */
export type CriterionShift =
  /** Fewer points. */
  | 'LESS'
  /** More points than the current model gives it. */
  | 'MORE'
  /** The current model does not score it. */
  | 'NEW'
  /** Within 2 points of the current model. */
  | 'SAME';

/** Leads created from `from` (included) to `to` (excluded); at most 731 days. */
export type DateRangeInput = {
  from: string;
  /** IANA time zone the days of leadsPerDay are counted in, e.g. Europe/Berlin; default UTC. */
  timeZone?: string | null | undefined;
  to: string;
};

export type ExperimentArm =
  | 'CHALLENGER'
  | 'CONTROL';

export type ExperimentStatus =
  /** Stopped by an admin, or ended because another version was published; its leads keep maturing into outcomes. */
  | 'FINISHED'
  /** New leads are assigned to an arm and scored by both models. */
  | 'RUNNING';

export type ExperimentVerdict =
  /** At the planned number of outcomes, the challenger's leads won significantly more often (two-sided, α = 0.05). */
  | 'CHALLENGER_BETTER'
  /** At the planned number of outcomes, the control's leads won significantly more often. */
  | 'CONTROL_BETTER'
  /** Either the planned number of outcomes is not reached yet (no verdict from peeking), or it is and no difference was detected. */
  | 'NO_DIFFERENCE_YET';

export type FeedbackUse =
  /** Closed leads a rep called mis-scored counted double. */
  | 'DISPUTED_WEIGHTS'
  /** Outcomes alone: no feedback, or none that raised the cross-validated AUC. */
  | 'NONE'
  /** Open leads rated too low or too high joined as weak wins and losses (weight 0.25). */
  | 'OPEN_LEADS';

/** Why a field was refused: `extensions.fields[].code` of a BAD_USER_INPUT error holds one of these. */
export type FieldErrorCode =
  /** Already in use, e.g. the e-mail address of another account. */
  | 'ALREADY_TAKEN'
  /** The idempotency key was used for a different request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** Not a cursor of this list and order. */
  | 'INVALID_CURSOR'
  /** Not an e-mail address (see LeadRules.emailPattern). */
  | 'INVALID_EMAIL'
  /** Not a phone number (see LeadRules.phonePattern). */
  | 'INVALID_PHONE'
  /** Text holds a character that cannot be stored (NUL). */
  | 'INVALID_TEXT'
  /** The lead cannot move to this status from its current one, or the field does not fit that status (dealValue is for WON, lostReason for LOST). */
  | 'INVALID_TRANSITION'
  /** The change would leave the tenant without an active admin. */
  | 'LAST_ADMIN'
  /** Not an active member of your team, e.g. the owner a lead is assigned to. */
  | 'NOT_A_MEMBER'
  /** A required field cannot be set to null. */
  | 'NOT_REMOVABLE'
  /** A number outside its range, e.g. first above LeadRules.maxPageSize. */
  | 'OUT_OF_RANGE'
  /** Missing or blank. */
  | 'REQUIRED'
  /** Longer than allowed (see LeadRules.maxTextLength). */
  | 'TOO_LONG'
  /** Shorter than allowed, e.g. a password under 8 characters. */
  | 'TOO_SHORT'
  /** The current password is not right. */
  | 'WRONG_PASSWORD';

export type Industry =
  | 'EDUCATION'
  | 'FINANCE'
  | 'HEALTHCARE'
  | 'MANUFACTURING'
  | 'OTHER'
  | 'RETAIL'
  | 'SOFTWARE';

/** Lists are ANDed, values within a list ORed; an empty or missing list filters nothing. */
export type KpiFilter = {
  industries?: Array<Industry> | null | undefined;
  /** Leads owned by these team members. */
  ownerIds?: Array<string | number> | null | undefined;
  sources?: Array<LeadSource> | null | undefined;
  /** true: leads without an owner (ORed with ownerIds). */
  unassigned?: boolean | null | undefined;
};

export type LeadActivityKind =
  | 'ASSIGNED'
  | 'FEEDBACK'
  | 'STATUS_CHANGED';

export type LeadFilter = {
  industries?: Array<Industry> | null | undefined;
  /** 0–100 */
  minScore?: number | null | undefined;
  /** Leads of these owners; with `unassigned: true` also the unassigned ones (e.g. "mine or nobody's"). */
  ownerIds?: Array<string | number> | null | undefined;
  /** Matches name, company or email, ignoring case. */
  search?: string | null | undefined;
  /** true: NEW leads past their tier's SLA (tenantSettings.sla); false: all others (contacted, within the SLA, or no SLA). */
  slaBreached?: boolean | null | undefined;
  sources?: Array<LeadSource> | null | undefined;
  statuses?: Array<LeadStatus> | null | undefined;
  tiers?: Array<LeadTier> | null | undefined;
  /** true: no owner (or one of ownerIds); false: any owner. */
  unassigned?: boolean | null | undefined;
};

/** The scored fields of a lead. Leave out what is not known yet to preview a partial score. */
export type LeadScoreInput = {
  budget?: BudgetRange | null | undefined;
  companySize?: CompanySize | null | undefined;
  industry?: Industry | null | undefined;
  /** Counts only when the active model scores SOURCE. */
  source?: LeadSource | null | undefined;
  urgency?: Urgency | null | undefined;
};

export type LeadScoredReason =
  /** The owner changed (the score did not). */
  | 'ASSIGNED'
  | 'CREATED'
  | 'DECAYED'
  | 'RESCORED'
  /** Events were missed and cannot be replayed (the server was cut off from the database while more than 1,000 changes happened; shorter gaps are replayed in order). Carries no lead: fetch again what you show. Sent to every subscriber, whatever its minScore. */
  | 'RESYNC'
  /** The status changed (the score did not). */
  | 'STATUS_CHANGED'
  | 'UPDATED';

/** Where the lead came from (tracked, not scored by default). */
export type LeadSource =
  | 'ADVERTISING'
  | 'EVENT'
  | 'OTHER'
  | 'OUTBOUND'
  | 'PARTNER'
  | 'REFERRAL'
  | 'WEBSITE';

/** NEW → CONTACTED → QUALIFIED → WON, or LOST from any open status. WON and LOST are closed; an admin may reopen them. */
export type LeadStatus =
  | 'CONTACTED'
  /** Closed without a deal (lostReason says why). */
  | 'LOST'
  /** Not contacted yet; the SLA of its tier runs. */
  | 'NEW'
  | 'QUALIFIED'
  /** Closed with a deal (dealValue in EUR). */
  | 'WON';

export type LeadStatusInput = {
  /** Up to 1000 characters; kept in the lead's activities. */
  comment?: string | null | undefined;
  /** EUR above 0; required for WON, refused otherwise. */
  dealValue?: number | null | undefined;
  /** Required for LOST, refused otherwise. */
  lostReason?: LostReason | null | undefined;
  status: LeadStatus;
};

/** Band of the score; thresholds come from the scoring model (default HOT ≥ 85, KEY_ACCOUNT ≥ 70, WARM ≥ 40). */
export type LeadTier =
  | 'COLD'
  | 'HOT'
  | 'KEY_ACCOUNT'
  | 'WARM';

export type LostReason =
  | 'BAD_FIT'
  | 'COMPETITOR'
  | 'NO_BUDGET'
  | 'NO_NEED'
  | 'NO_RESPONSE'
  | 'OTHER';

export type OptionPointsInput = {
  /** Whole number 0–100. */
  points: number;
  /** Enum value of the criterion, e.g. OVER_100K */
  value: string;
};

export type PrincipalKind =
  | 'API_KEY'
  | 'USER';

export type ProportionTest =
  | 'FISHER'
  | 'Z';

export type RescoringState =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type ScoreChangeReason =
  /** The lead was created. */
  | 'CREATED'
  /** The score decayed with time. */
  | 'DECAYED'
  /** A scoring model was published and every lead rescored. */
  | 'RESCORED'
  /** A scored field of the lead changed. */
  | 'UPDATED';

export type ScoreCriterion =
  | 'BUDGET'
  | 'COMPANY_SIZE'
  | 'INDUSTRY'
  | 'SOURCE'
  | 'URGENCY';

export type ScoreFeedback =
  /** The score matched the lead. */
  | 'ACCURATE'
  /** The lead was worth less than its score said. */
  | 'TOO_HIGH'
  /** The lead was worth more than its score said. */
  | 'TOO_LOW';

export type ScoreFeedbackInput = {
  /** Up to 1000 characters. */
  comment?: string | null | undefined;
  verdict: ScoreFeedback;
};

/** Lowest score of each tier, 1–100, HOT > KEY_ACCOUNT > WARM. */
export type ScoreThresholdsInput = {
  hot: number;
  keyAccount: number;
  warm: number;
};

/** A draft of the scoring model. Refused with BAD_USER_INPUT, naming each field (`criteria.BUDGET.OVER_100K`, `criteria.URGENCY`, `criteria`, `thresholds.hot`, `comment`), when points are not whole numbers 0–100, an option or base criterion is missing, the thresholds are out of order, or the best options do not add up to exactly 100 without `normalize`. */
export type ScoringModelDraftInput = {
  /** Why this version (at most 1,000 characters). */
  comment?: string | null | undefined;
  /** BUDGET, COMPANY_SIZE, INDUSTRY and URGENCY with every option; SOURCE only to score the lead source. */
  criteria: Array<CriterionPointsInput>;
  /** A DRAFT to overwrite; leave out to start a new draft. */
  id?: string | number | null | undefined;
  /** Scale the points so the best options add up to exactly 100 (largest-remainder rounding); the answer holds the scaled points. */
  normalize?: boolean | null | undefined;
  thresholds: ScoreThresholdsInput;
};

export type ScoringModelStatus =
  | 'ACTIVE'
  | 'DRAFT'
  | 'RETIRED';

export type StartExperimentInput = {
  /** A DRAFT or RETIRED version to test against the active one. */
  challengerId: string | number;
  /** Smallest difference in win rate worth detecting, absolute (0.02–0.5; 0.1 = ten points). Sets the planned outcomes. */
  minimumDetectableEffect?: number;
  /** At least this many outcomes in total before the verdict (raises the plan, never lowers it). */
  minimumOutcomes?: number | null | undefined;
  /** A lead is a win when it is WON within this many days of its creation (7–365). */
  outcomeWindowDays?: number;
  /** Share of new leads scored by the challenger, 0.1–0.9. */
  split?: number;
};

export type SuggestScoringModelInput = {
  /** A lead counts as won when it was WON within this many days of its creation (7–365), the outcome experiments measure; a later win counts as not won. */
  outcomeWindowDays?: number;
  /** Learn from leads closed (WON or LOST) at or after this moment (the newest 5,000 of them). */
  since: string;
};

/** When the lead wants to buy. */
export type Urgency =
  | 'IMMEDIATELY'
  | 'NO_TIMELINE'
  | 'THIS_MONTH'
  | 'THIS_QUARTER'
  | 'THIS_WEEK';

export type UserRole =
  /** May change the settings, the team, API keys and the scoring model. */
  | 'ADMIN'
  /** May do what a rep may and sees everything in the tenant; no settings. */
  | 'MANAGER'
  /** Works leads. */
  | 'REP';

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type DemoAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoAccountsQuery = { demoAccounts: Array<{ __typename: 'DemoAccount', email: string, password: string, name: string, role: UserRole, tenantName: string }> };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: (
    { __typename: 'User' }
    & { ' $fragmentRefs'?: { 'SessionUserFragment': SessionUserFragment } }
  ) };

export type KpiRateFieldsFragment = { __typename: 'KpiRate', successes: number, n: number, estimate: number | null, lower: number, upper: number, enoughData: boolean } & { ' $fragmentName'?: 'KpiRateFieldsFragment' };

export type KpiConversionFieldsFragment = { __typename: 'KpiConversion', leads: number, won: number, lost: number, open: number, winRate: (
    { __typename: 'KpiRate' }
    & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
  ), leadRate: (
    { __typename: 'KpiRate' }
    & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
  ) } & { ' $fragmentName'?: 'KpiConversionFieldsFragment' };

export type KpiDurationFieldsFragment = { __typename: 'KpiDuration', n: number, medianSeconds: number | null, p90Seconds: number | null, enoughData: boolean } & { ' $fragmentName'?: 'KpiDurationFieldsFragment' };

export type KpiRevenueFieldsFragment = { __typename: 'KpiRevenue', total: number, deals: number, averageDealSize: number | null, revenuePerLead: number | null } & { ' $fragmentName'?: 'KpiRevenueFieldsFragment' };

export type KpiDifferenceFieldsFragment = { __typename: 'KpiRateDifference', estimate: number | null, lower: number, upper: number, enoughData: boolean, first: (
    { __typename: 'KpiRate' }
    & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
  ), second: (
    { __typename: 'KpiRate' }
    & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
  ) } & { ' $fragmentName'?: 'KpiDifferenceFieldsFragment' };

export type LeadKpisQueryVariables = Exact<{
  range: DateRangeInput;
  filter?: KpiFilter | null | undefined;
}>;


export type LeadKpisQuery = { leadKpis: { __typename: 'LeadKpis', from: string, to: string, timeZone: string, minimumSample: number, confidence: number, leads: number, keyAccounts: number, hot: number, averageScore: number | null, trendBucketDays: number, tookMs: number, byStatus: Array<{ __typename: 'KpiStatusCount', status: LeadStatus, leads: number }>, leadsPerDay: Array<{ __typename: 'KpiDay', day: string, leads: number, keyAccounts: number }>, conversion: (
      { __typename: 'KpiConversion' }
      & { ' $fragmentRefs'?: { 'KpiConversionFieldsFragment': KpiConversionFieldsFragment } }
    ), byTier: Array<{ __typename: 'TierKpis', tier: LeadTier, leads: number, conversion: (
        { __typename: 'KpiConversion' }
        & { ' $fragmentRefs'?: { 'KpiConversionFieldsFragment': KpiConversionFieldsFragment } }
      ), timeToContact: (
        { __typename: 'KpiDuration' }
        & { ' $fragmentRefs'?: { 'KpiDurationFieldsFragment': KpiDurationFieldsFragment } }
      ), velocity: (
        { __typename: 'KpiDuration' }
        & { ' $fragmentRefs'?: { 'KpiDurationFieldsFragment': KpiDurationFieldsFragment } }
      ), revenue: (
        { __typename: 'KpiRevenue' }
        & { ' $fragmentRefs'?: { 'KpiRevenueFieldsFragment': KpiRevenueFieldsFragment } }
      ), slaMissed: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ) }>, byScoreBand: Array<{ __typename: 'ScoreBandKpis', from: number, to: number, conversion: (
        { __typename: 'KpiConversion' }
        & { ' $fragmentRefs'?: { 'KpiConversionFieldsFragment': KpiConversionFieldsFragment } }
      ) }>, keyAccountsVsRest: { __typename: 'KeyAccountsVsRest', winRate: (
        { __typename: 'KpiRateDifference' }
        & { ' $fragmentRefs'?: { 'KpiDifferenceFieldsFragment': KpiDifferenceFieldsFragment } }
      ), leadRate: (
        { __typename: 'KpiRateDifference' }
        & { ' $fragmentRefs'?: { 'KpiDifferenceFieldsFragment': KpiDifferenceFieldsFragment } }
      ) }, timeToContact: (
      { __typename: 'KpiDuration' }
      & { ' $fragmentRefs'?: { 'KpiDurationFieldsFragment': KpiDurationFieldsFragment } }
    ), velocity: (
      { __typename: 'KpiDuration' }
      & { ' $fragmentRefs'?: { 'KpiDurationFieldsFragment': KpiDurationFieldsFragment } }
    ), revenue: (
      { __typename: 'KpiRevenue' }
      & { ' $fragmentRefs'?: { 'KpiRevenueFieldsFragment': KpiRevenueFieldsFragment } }
    ), bySource: Array<{ __typename: 'SourceKpis', source: LeadSource, leads: number, averageScore: number | null, trend: Array<number>, keyAccountShare: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ), conversion: (
        { __typename: 'KpiConversion' }
        & { ' $fragmentRefs'?: { 'KpiConversionFieldsFragment': KpiConversionFieldsFragment } }
      ), revenue: (
        { __typename: 'KpiRevenue' }
        & { ' $fragmentRefs'?: { 'KpiRevenueFieldsFragment': KpiRevenueFieldsFragment } }
      ) }>, byIndustry: Array<{ __typename: 'IndustryKpis', industry: Industry, leads: number, keyAccounts: number, averageScore: number | null, keyAccountShare: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ), shareOfLeads: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ), shareOfKeyAccounts: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ), conversion: (
        { __typename: 'KpiConversion' }
        & { ' $fragmentRefs'?: { 'KpiConversionFieldsFragment': KpiConversionFieldsFragment } }
      ), revenue: (
        { __typename: 'KpiRevenue' }
        & { ' $fragmentRefs'?: { 'KpiRevenueFieldsFragment': KpiRevenueFieldsFragment } }
      ) }>, scoreHistogram: Array<{ __typename: 'KpiHistogramBin', from: number, to: number, leads: number, keyAccounts: number }>, falsePositives: { __typename: 'KpiFalsePositives', keyAccountsMissedSla: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ), tooHighRatings: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ) }, falseNegatives: { __typename: 'KpiFalseNegatives', lowScoreBelow: number, wonWithLowScore: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ), tooLowRatings: (
        { __typename: 'KpiRate' }
        & { ' $fragmentRefs'?: { 'KpiRateFieldsFragment': KpiRateFieldsFragment } }
      ) } } };

export type DashboardOwnersQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardOwnersQuery = { teamMembers: Array<{ __typename: 'TeamMember', id: string, name: string, active: boolean }> };

export type BreachedKeyAccountsQueryVariables = Exact<{
  filter: LeadFilter;
}>;


export type BreachedKeyAccountsQuery = { leads: { __typename: 'LeadConnection', totalCount: number, edges: Array<{ __typename: 'LeadEdge', node: { __typename: 'Lead', id: string, name: string, company: string } }> } };

export type LeadCard_LeadFragment = { __typename: 'Lead', id: string, name: string, company: string, score: number, tier: LeadTier, isKeyAccount: boolean, createdAt: string, status: LeadStatus, slaDueAt: string | null, slaBreached: boolean, owner: { __typename: 'LeadOwner', id: string, name: string } | null } & { ' $fragmentName'?: 'LeadCard_LeadFragment' };

export type LeadDetail_LeadFragment = (
  { __typename: 'Lead', id: string, name: string, company: string, email: string | null, phone: string | null, budget: BudgetRange, companySize: CompanySize, industry: Industry, urgency: Urgency, source: LeadSource, score: number, tier: LeadTier, isKeyAccount: boolean, modelVersion: number, createdAt: string, updatedAt: string, createdBy: { __typename: 'LeadCreator', kind: PrincipalKind, id: string, name: string } }
  & { ' $fragmentRefs'?: { 'ScoreBreakdown_LeadFragment': ScoreBreakdown_LeadFragment;'LeadWork_LeadFragment': LeadWork_LeadFragment;'LeadFeedback_LeadFragment': LeadFeedback_LeadFragment;'LeadTimeline_LeadFragment': LeadTimeline_LeadFragment } }
) & { ' $fragmentName'?: 'LeadDetail_LeadFragment' };

export type LeadDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type LeadDetailQuery = { lead: (
    { __typename: 'Lead', id: string }
    & { ' $fragmentRefs'?: { 'LeadDetail_LeadFragment': LeadDetail_LeadFragment } }
  ) | null };

export type LeadRow_LeadFragment = { __typename: 'Lead', id: string, name: string, company: string, industry: Industry, budget: BudgetRange, source: LeadSource, score: number, tier: LeadTier, isKeyAccount: boolean, createdAt: string, status: LeadStatus, slaDueAt: string | null, slaBreached: boolean, owner: { __typename: 'LeadOwner', id: string, name: string } | null } & { ' $fragmentName'?: 'LeadRow_LeadFragment' };

export type LeadTimeline_LeadFragment = { __typename: 'Lead', id: string, activities: Array<{ __typename: 'LeadActivity', id: string, kind: LeadActivityKind, actorName: string, createdAt: string, fromStatus: LeadStatus | null, toStatus: LeadStatus | null, feedback: ScoreFeedback | null, comment: string | null, dealValue: number | null, lostReason: LostReason | null, owner: { __typename: 'LeadOwner', id: string, name: string } | null }> } & { ' $fragmentName'?: 'LeadTimeline_LeadFragment' };

export type LeadWork_LeadFragment = { __typename: 'Lead', id: string, status: LeadStatus, contactedAt: string | null, closedAt: string | null, dealValue: number | null, lostReason: LostReason | null, slaDueAt: string | null, slaBreached: boolean, owner: { __typename: 'LeadOwner', id: string, name: string } | null } & { ' $fragmentName'?: 'LeadWork_LeadFragment' };

export type ScoreBreakdown_LeadFragment = { __typename: 'Lead', scoreBreakdown: Array<{ __typename: 'ScoreComponent', criterion: ScoreCriterion, points: number, maxPoints: number }> } & { ' $fragmentName'?: 'ScoreBreakdown_LeadFragment' };

export type LeadFeedback_LeadFragment = { __typename: 'Lead', id: string, score: number, myFeedback: ScoreFeedback | null, feedback: { __typename: 'ScoreFeedbackSummary', accurate: number, tooHigh: number, tooLow: number } } & { ' $fragmentName'?: 'LeadFeedback_LeadFragment' };

export type LeadScoreHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type LeadScoreHistoryQuery = { lead: { __typename: 'Lead', id: string, scoreHistory: Array<{ __typename: 'ScoreChange', id: string, oldScore: number | null, newScore: number, oldTier: LeadTier | null, newTier: LeadTier, modelVersion: number, reason: ScoreChangeReason, actorName: string | null, createdAt: string }> } | null };

export type LeadListItemFragment = (
  { __typename: 'Lead', id: string, score: number, tier: LeadTier, createdAt: string, industry: Industry, source: LeadSource, name: string, company: string, email: string | null, status: LeadStatus, slaBreached: boolean, owner: { __typename: 'LeadOwner', id: string, name: string } | null }
  & { ' $fragmentRefs'?: { 'LeadRow_LeadFragment': LeadRow_LeadFragment;'LeadCard_LeadFragment': LeadCard_LeadFragment } }
) & { ' $fragmentName'?: 'LeadListItemFragment' };

export type LeadsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: LeadFilter | null | undefined;
}>;


export type LeadsQuery = { leads: { __typename: 'LeadConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'LeadEdge', cursor: string, node: (
        { __typename: 'Lead' }
        & { ' $fragmentRefs'?: { 'LeadListItemFragment': LeadListItemFragment } }
      ) }> } };

export type ExperimentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExperimentsQuery = { experiments: Array<{ __typename: 'Experiment', id: string, status: ExperimentStatus, controlModelId: string, controlVersion: number, challengerModelId: string, challengerVersion: number, challengerChanged: boolean, split: number, outcomeWindowDays: number, minimumDetectableEffect: number, baselineRate: number, plannedControlOutcomes: number, plannedChallengerOutcomes: number, plannedOutcomes: number, leads: number, startedAt: string, startedBy: string | null, finishedAt: string | null, finishedBy: string | null, endReason: string | null }> };

export type ExperimentResultQueryVariables = Exact<{
  id: string | number;
}>;


export type ExperimentResultQuery = { experimentResult: { __typename: 'ExperimentResult', test: ProportionTest, pValue: number, outcomesForObservedDifference: number | null, horizonReached: boolean, moreOutcomesNeeded: number, verdict: ExperimentVerdict, computedAt: string, experiment: { __typename: 'Experiment', id: string, status: ExperimentStatus, controlModelId: string, controlVersion: number, challengerModelId: string, challengerVersion: number, challengerChanged: boolean, split: number, outcomeWindowDays: number, minimumDetectableEffect: number, baselineRate: number, plannedControlOutcomes: number, plannedChallengerOutcomes: number, plannedOutcomes: number, leads: number, startedAt: string, startedBy: string | null, finishedAt: string | null, finishedBy: string | null, endReason: string | null }, control: { __typename: 'ExperimentArmResult', arm: ExperimentArm, modelVersion: number, leads: number, outcomes: number, wins: number, pending: number, plannedOutcomes: number, conversion: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number }, topDecile: { __typename: 'TopDecile', threshold: number | null, outcomes: number, wins: number, conversion: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } } }, challenger: { __typename: 'ExperimentArmResult', arm: ExperimentArm, modelVersion: number, leads: number, outcomes: number, wins: number, pending: number, plannedOutcomes: number, conversion: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number }, topDecile: { __typename: 'TopDecile', threshold: number | null, outcomes: number, wins: number, conversion: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } } }, difference: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number }, decision: { __typename: 'ExperimentDecision', controlOutcomes: number, controlWins: number, challengerOutcomes: number, challengerWins: number, test: ProportionTest, pValue: number, decidedAt: string, difference: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } } | null } };

export type StartExperimentMutationVariables = Exact<{
  input: StartExperimentInput;
}>;


export type StartExperimentMutation = { startExperiment: { __typename: 'Experiment', id: string, status: ExperimentStatus, controlModelId: string, controlVersion: number, challengerModelId: string, challengerVersion: number, challengerChanged: boolean, split: number, outcomeWindowDays: number, minimumDetectableEffect: number, baselineRate: number, plannedControlOutcomes: number, plannedChallengerOutcomes: number, plannedOutcomes: number, leads: number, startedAt: string, startedBy: string | null, finishedAt: string | null, finishedBy: string | null, endReason: string | null } };

export type StopExperimentMutationVariables = Exact<{
  id: string | number;
}>;


export type StopExperimentMutation = { stopExperiment: { __typename: 'Experiment', id: string, status: ExperimentStatus, controlModelId: string, controlVersion: number, challengerModelId: string, challengerVersion: number, challengerChanged: boolean, split: number, outcomeWindowDays: number, minimumDetectableEffect: number, baselineRate: number, plannedControlOutcomes: number, plannedChallengerOutcomes: number, plannedOutcomes: number, leads: number, startedAt: string, startedBy: string | null, finishedAt: string | null, finishedBy: string | null, endReason: string | null } };

export type SuggestScoringModelQueryVariables = Exact<{
  input: SuggestScoringModelInput;
}>;


export type SuggestScoringModelQuery = { suggestScoringModel: { __typename: 'ScoringModelSuggestion', enoughData: boolean, message: string, since: string, outcomeWindowDays: number, closedLeads: number, wins: number, losses: number, moreClosedLeadsNeeded: number, currentVersion: number, shownBetter: boolean, intervalsOverlap: boolean | null, feedbackUse: FeedbackUse, feedbackLeads: number, feedbackNote: string | null, learnedAuc: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } | null, rulesAuc: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } | null, aucDifference: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } | null, calibration: Array<{ __typename: 'CalibrationRow', bin: number, leads: number, meanPredicted: number, minPredicted: number, maxPredicted: number, observed: { __typename: 'ConfidenceInterval', estimate: number | null, lower: number, upper: number } }>, criteria: Array<{ __typename: 'SuggestedCriterion', criterion: ScoreCriterion, maxPoints: number, currentMaxPoints: number | null, shift: CriterionShift, sentence: string, options: Array<{ __typename: 'SuggestedOption', value: string, points: number, currentPoints: number | null, leads: number }> }>, thresholds: { __typename: 'TierThresholds', hot: number, keyAccount: number, warm: number } } };

export type ExperimentChallengersQueryVariables = Exact<{ [key: string]: never; }>;


export type ExperimentChallengersQuery = { scoringModels: Array<{ __typename: 'ScoringModelVersion', id: string, version: number, status: ScoringModelStatus, comment: string | null, createdAt: string }> };

export type SaveSuggestionAsDraftMutationVariables = Exact<{
  input: ScoringModelDraftInput;
}>;


export type SaveSuggestionAsDraftMutation = { saveScoringModelDraft: { __typename: 'ScoringModelVersion', id: string, version: number } };

export type ScoringModelVersionFieldsFragment = { __typename: 'ScoringModelVersion', id: string, version: number, status: ScoringModelStatus, comment: string | null, createdBy: string | null, createdAt: string, publishedBy: string | null, publishedAt: string | null, maxScore: number, thresholds: { __typename: 'TierThresholds', hot: number, keyAccount: number, warm: number }, criteria: Array<{ __typename: 'CriterionPoints', criterion: ScoreCriterion, maxPoints: number, options: Array<{ __typename: 'CriterionOption', value: string, points: number }> }> } & { ' $fragmentName'?: 'ScoringModelVersionFieldsFragment' };

export type RescoringJobFieldsFragment = { __typename: 'RescoringJob', id: string, modelVersion: number, state: RescoringState, done: number, total: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: string | null } & { ' $fragmentName'?: 'RescoringJobFieldsFragment' };

export type ScoringModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ScoringModelsQuery = { scoringModels: Array<(
    { __typename: 'ScoringModelVersion' }
    & { ' $fragmentRefs'?: { 'ScoringModelVersionFieldsFragment': ScoringModelVersionFieldsFragment } }
  )>, activeRescoringJob: (
    { __typename: 'RescoringJob' }
    & { ' $fragmentRefs'?: { 'RescoringJobFieldsFragment': RescoringJobFieldsFragment } }
  ) | null };

export type ScoringModelImpactQueryVariables = Exact<{
  id: string | number;
}>;


export type ScoringModelImpactQuery = { scoringModelImpact: { __typename: 'ScoringModelImpact', modelId: string, fromVersion: number, toVersion: number, leads: number, averageBefore: number, averageAfter: number, averageChange: number, changedScores: number, changedTiers: number, newKeyAccounts: number, lostKeyAccounts: number, newHot: number, lostHot: number, tookMs: number, moves: Array<{ __typename: 'TierMove', from: LeadTier, to: LeadTier, count: number }>, histogram: Array<{ __typename: 'ScoreBin', from: number, to: number, before: number, after: number }>, examples: Array<{ __typename: 'ImpactExample', leadId: string, name: string, company: string, oldScore: number, newScore: number, oldTier: LeadTier, newTier: LeadTier }> } };

export type RescoringJobQueryVariables = Exact<{
  id: string | number;
}>;


export type RescoringJobQuery = { rescoringJob: (
    { __typename: 'RescoringJob' }
    & { ' $fragmentRefs'?: { 'RescoringJobFieldsFragment': RescoringJobFieldsFragment } }
  ) | null };

export type RescoringProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type RescoringProgressSubscription = { rescoringProgress: (
    { __typename: 'RescoringJob' }
    & { ' $fragmentRefs'?: { 'RescoringJobFieldsFragment': RescoringJobFieldsFragment } }
  ) };

export type SaveScoringModelDraftMutationVariables = Exact<{
  input: ScoringModelDraftInput;
}>;


export type SaveScoringModelDraftMutation = { saveScoringModelDraft: (
    { __typename: 'ScoringModelVersion' }
    & { ' $fragmentRefs'?: { 'ScoringModelVersionFieldsFragment': ScoringModelVersionFieldsFragment } }
  ) };

export type DeleteScoringModelDraftMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteScoringModelDraftMutation = { deleteScoringModelDraft: boolean };

export type PublishScoringModelMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishScoringModelMutation = { publishScoringModel: (
    { __typename: 'RescoringJob' }
    & { ' $fragmentRefs'?: { 'RescoringJobFieldsFragment': RescoringJobFieldsFragment } }
  ) };

export type TeamMemberFieldsFragment = { __typename: 'TeamMember', id: string, name: string, email: string, role: UserRole, active: boolean, createdAt: string, deactivatedAt: string | null } & { ' $fragmentName'?: 'TeamMemberFieldsFragment' };

export type TeamMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamMembersQuery = { teamMembers: Array<(
    { __typename: 'TeamMember' }
    & { ' $fragmentRefs'?: { 'TeamMemberFieldsFragment': TeamMemberFieldsFragment } }
  )> };

export type CreateTeamMemberMutationVariables = Exact<{
  input: CreateTeamMemberInput;
}>;


export type CreateTeamMemberMutation = { createTeamMember: { __typename: 'CreatedTeamMember', initialPassword: string, member: (
      { __typename: 'TeamMember' }
      & { ' $fragmentRefs'?: { 'TeamMemberFieldsFragment': TeamMemberFieldsFragment } }
    ) } };

export type ChangeTeamMemberRoleMutationVariables = Exact<{
  id: string | number;
  role: UserRole;
}>;


export type ChangeTeamMemberRoleMutation = { changeTeamMemberRole: (
    { __typename: 'TeamMember' }
    & { ' $fragmentRefs'?: { 'TeamMemberFieldsFragment': TeamMemberFieldsFragment } }
  ) };

export type DeactivateTeamMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateTeamMemberMutation = { deactivateTeamMember: (
    { __typename: 'TeamMember' }
    & { ' $fragmentRefs'?: { 'TeamMemberFieldsFragment': TeamMemberFieldsFragment } }
  ) };

export type ReactivateTeamMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateTeamMemberMutation = { reactivateTeamMember: (
    { __typename: 'TeamMember' }
    & { ' $fragmentRefs'?: { 'TeamMemberFieldsFragment': TeamMemberFieldsFragment } }
  ) };

export type ApiKeyFieldsFragment = { __typename: 'ApiKey', id: string, name: string, scope: ApiKeyScope, prefix: string, createdAt: string, revokedAt: string | null } & { ' $fragmentName'?: 'ApiKeyFieldsFragment' };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<(
    { __typename: 'ApiKey' }
    & { ' $fragmentRefs'?: { 'ApiKeyFieldsFragment': ApiKeyFieldsFragment } }
  )> };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
  scope: ApiKeyScope;
}>;


export type CreateApiKeyMutation = { createApiKey: { __typename: 'CreatedApiKey', secret: string, apiKey: (
      { __typename: 'ApiKey' }
      & { ' $fragmentRefs'?: { 'ApiKeyFieldsFragment': ApiKeyFieldsFragment } }
    ) } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: boolean };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type ReportClientErrorMutationVariables = Exact<{
  input: ClientErrorInput;
}>;


export type ReportClientErrorMutation = { reportClientError: boolean };

export type CreateLeadMutationVariables = Exact<{
  input: CreateLeadInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateLeadMutation = { createLead: (
    { __typename: 'Lead' }
    & { ' $fragmentRefs'?: { 'LeadListItemFragment': LeadListItemFragment } }
  ) };

export type ChangeLeadStatusMutationVariables = Exact<{
  id: string | number;
  input: LeadStatusInput;
}>;


export type ChangeLeadStatusMutation = { changeLeadStatus: (
    { __typename: 'Lead', id: string }
    & { ' $fragmentRefs'?: { 'LeadListItemFragment': LeadListItemFragment;'LeadWork_LeadFragment': LeadWork_LeadFragment;'LeadTimeline_LeadFragment': LeadTimeline_LeadFragment } }
  ) | null };

export type AssignLeadMutationVariables = Exact<{
  id: string | number;
  ownerId?: string | number | null | undefined;
}>;


export type AssignLeadMutation = { assignLead: (
    { __typename: 'Lead', id: string }
    & { ' $fragmentRefs'?: { 'LeadListItemFragment': LeadListItemFragment;'LeadWork_LeadFragment': LeadWork_LeadFragment;'LeadTimeline_LeadFragment': LeadTimeline_LeadFragment } }
  ) | null };

export type RateLeadScoreMutationVariables = Exact<{
  id: string | number;
  input: ScoreFeedbackInput;
}>;


export type RateLeadScoreMutation = { rateLeadScore: (
    { __typename: 'Lead', id: string }
    & { ' $fragmentRefs'?: { 'LeadFeedback_LeadFragment': LeadFeedback_LeadFragment;'LeadTimeline_LeadFragment': LeadTimeline_LeadFragment } }
  ) | null };

export type OwnerCandidatesQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnerCandidatesQuery = { teamMembers: Array<{ __typename: 'TeamMember', id: string, name: string, active: boolean }> };

export type LeadRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type LeadRulesQuery = { leadRules: { __typename: 'LeadRules', maxTextLength: number, emailPattern: string, phonePattern: string, maxPageSize: number, defaultSource: LeadSource, fieldErrorCodes: Array<FieldErrorCode> } };

export type LeadScoredSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LeadScoredSubscription = { leadScored: { __typename: 'LeadScoredEvent', reason: LeadScoredReason, previousScore: number | null, lead: (
      { __typename: 'Lead' }
      & { ' $fragmentRefs'?: { 'LeadListItemFragment': LeadListItemFragment } }
    ) | null } };

export type ScorePreviewQueryVariables = Exact<{
  input: LeadScoreInput;
}>;


export type ScorePreviewQuery = { scorePreview: { __typename: 'ScorePreview', score: number, tier: LeadTier, isKeyAccount: boolean, missing: Array<ScoreCriterion>, modelVersion: number, breakdown: Array<{ __typename: 'ScoreComponent', criterion: ScoreCriterion, points: number, maxPoints: number }> } };

export type ScoringModelQueryVariables = Exact<{ [key: string]: never; }>;


export type ScoringModelQuery = { scoringModel: { __typename: 'ScoringModelInfo', version: number, tiers: Array<{ __typename: 'TierInfo', tier: LeadTier, minScore: number, isKeyAccount: boolean }>, criteria: Array<{ __typename: 'CriterionPoints', criterion: ScoreCriterion, maxPoints: number, options: Array<{ __typename: 'CriterionOption', value: string, points: number }> }> } };

export type SessionUserFragment = { __typename: 'User', id: string, name: string, email: string, role: UserRole, tenant: { __typename: 'Tenant', id: string, name: string } } & { ' $fragmentName'?: 'SessionUserFragment' };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: (
    { __typename: 'User' }
    & { ' $fragmentRefs'?: { 'SessionUserFragment': SessionUserFragment } }
  ) | null };

export const KpiRateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiRateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successes"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}}]} as unknown as DocumentNode<KpiRateFieldsFragment, unknown>;
export const KpiConversionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiConversionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiConversion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"won"}},{"kind":"Field","name":{"kind":"Name","value":"lost"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiRateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successes"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}}]} as unknown as DocumentNode<KpiConversionFieldsFragment, unknown>;
export const KpiDurationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiDurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiDuration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"medianSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"p90Seconds"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}}]} as unknown as DocumentNode<KpiDurationFieldsFragment, unknown>;
export const KpiRevenueFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiRevenueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRevenue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deals"}},{"kind":"Field","name":{"kind":"Name","value":"averageDealSize"}},{"kind":"Field","name":{"kind":"Name","value":"revenuePerLead"}}]}}]} as unknown as DocumentNode<KpiRevenueFieldsFragment, unknown>;
export const KpiDifferenceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiDifferenceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRateDifference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"first"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"second"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiRateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successes"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}}]} as unknown as DocumentNode<KpiDifferenceFieldsFragment, unknown>;
export const ScoreBreakdown_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoreBreakdown_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoreBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}}]}}]}}]} as unknown as DocumentNode<ScoreBreakdown_LeadFragment, unknown>;
export const LeadWork_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadWork_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}}]} as unknown as DocumentNode<LeadWork_LeadFragment, unknown>;
export const LeadFeedback_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFeedback_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"myFeedback"}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accurate"}},{"kind":"Field","name":{"kind":"Name","value":"tooHigh"}},{"kind":"Field","name":{"kind":"Name","value":"tooLow"}}]}}]}}]} as unknown as DocumentNode<LeadFeedback_LeadFragment, unknown>;
export const LeadTimeline_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadTimeline_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}}]}}]}}]} as unknown as DocumentNode<LeadTimeline_LeadFragment, unknown>;
export const LeadDetail_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadDetail_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"companySize"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScoreBreakdown_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadWork_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFeedback_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadTimeline_lead"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoreBreakdown_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoreBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadWork_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFeedback_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"myFeedback"}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accurate"}},{"kind":"Field","name":{"kind":"Name","value":"tooHigh"}},{"kind":"Field","name":{"kind":"Name","value":"tooLow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadTimeline_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}}]}}]}}]} as unknown as DocumentNode<LeadDetail_LeadFragment, unknown>;
export const LeadRow_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}}]} as unknown as DocumentNode<LeadRow_LeadFragment, unknown>;
export const LeadCard_LeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}}]} as unknown as DocumentNode<LeadCard_LeadFragment, unknown>;
export const LeadListItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCard_lead"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}}]} as unknown as DocumentNode<LeadListItemFragment, unknown>;
export const ScoringModelVersionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoringModelVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoringModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hot"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"warm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]} as unknown as DocumentNode<ScoringModelVersionFieldsFragment, unknown>;
export const RescoringJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RescoringJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RescoringJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<RescoringJobFieldsFragment, unknown>;
export const TeamMemberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]} as unknown as DocumentNode<TeamMemberFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<ApiKeyFieldsFragment, unknown>;
export const SessionUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SessionUserFragment, unknown>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const DemoAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"demoAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}}]}}]}}]} as unknown as DocumentNode<DemoAccountsQuery, DemoAccountsQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LeadKpisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadKpis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"KpiFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSample"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"hot"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadsPerDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiConversionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiConversionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeToContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiDurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"velocity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiDurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRevenueFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaMissed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byScoreBand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiConversionFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyAccountsVsRest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"winRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiDifferenceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiDifferenceFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeToContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiDurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"velocity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiDurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRevenueFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccountShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiConversionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRevenueFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trend"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trendBucketDays"}},{"kind":"Field","name":{"kind":"Name","value":"byIndustry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccountShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shareOfLeads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shareOfKeyAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiConversionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRevenueFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"scoreHistogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"falsePositives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keyAccountsMissedSla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tooHighRatings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"falseNegatives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowScoreBelow"}},{"kind":"Field","name":{"kind":"Name","value":"wonWithLowScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tooLowRatings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tookMs"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiRateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successes"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiConversionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiConversion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"won"}},{"kind":"Field","name":{"kind":"Name","value":"lost"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiDurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiDuration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"medianSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"p90Seconds"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiRevenueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRevenue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deals"}},{"kind":"Field","name":{"kind":"Name","value":"averageDealSize"}},{"kind":"Field","name":{"kind":"Name","value":"revenuePerLead"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiDifferenceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiRateDifference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"first"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"second"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiRateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"enoughData"}}]}}]} as unknown as DocumentNode<LeadKpisQuery, LeadKpisQueryVariables>;
export const DashboardOwnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOwners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<DashboardOwnersQuery, DashboardOwnersQueryVariables>;
export const BreachedKeyAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BreachedKeyAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"SCORE_DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BreachedKeyAccountsQuery, BreachedKeyAccountsQueryVariables>;
export const LeadDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadDetail_lead"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoreBreakdown_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoreBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadWork_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFeedback_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"myFeedback"}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accurate"}},{"kind":"Field","name":{"kind":"Name","value":"tooHigh"}},{"kind":"Field","name":{"kind":"Name","value":"tooLow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadTimeline_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadDetail_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"companySize"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScoreBreakdown_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadWork_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFeedback_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadTimeline_lead"}}]}}]} as unknown as DocumentNode<LeadDetailQuery, LeadDetailQueryVariables>;
export const LeadScoreHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadScoreHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scoreHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"oldScore"}},{"kind":"Field","name":{"kind":"Name","value":"newScore"}},{"kind":"Field","name":{"kind":"Name","value":"oldTier"}},{"kind":"Field","name":{"kind":"Name","value":"newTier"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<LeadScoreHistoryQuery, LeadScoreHistoryQueryVariables>;
export const LeadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Leads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"SCORE_DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadListItem"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCard_lead"}}]}}]} as unknown as DocumentNode<LeadsQuery, LeadsQueryVariables>;
export const ExperimentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Experiments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"controlModelId"}},{"kind":"Field","name":{"kind":"Name","value":"controlVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"challengerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerChanged"}},{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"minimumDetectableEffect"}},{"kind":"Field","name":{"kind":"Name","value":"baselineRate"}},{"kind":"Field","name":{"kind":"Name","value":"plannedControlOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedChallengerOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}}]}}]} as unknown as DocumentNode<ExperimentsQuery, ExperimentsQueryVariables>;
export const ExperimentResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experimentResult"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"controlModelId"}},{"kind":"Field","name":{"kind":"Name","value":"controlVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"challengerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerChanged"}},{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"minimumDetectableEffect"}},{"kind":"Field","name":{"kind":"Name","value":"baselineRate"}},{"kind":"Field","name":{"kind":"Name","value":"plannedControlOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedChallengerOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"control"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arm"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"wins"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"plannedOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topDecile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"wins"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"challenger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arm"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"wins"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"plannedOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topDecile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"wins"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"difference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesForObservedDifference"}},{"kind":"Field","name":{"kind":"Name","value":"horizonReached"}},{"kind":"Field","name":{"kind":"Name","value":"moreOutcomesNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"controlWins"}},{"kind":"Field","name":{"kind":"Name","value":"challengerOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"challengerWins"}},{"kind":"Field","name":{"kind":"Name","value":"difference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"pValue"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]}}]} as unknown as DocumentNode<ExperimentResultQuery, ExperimentResultQueryVariables>;
export const StartExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartExperimentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"controlModelId"}},{"kind":"Field","name":{"kind":"Name","value":"controlVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"challengerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerChanged"}},{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"minimumDetectableEffect"}},{"kind":"Field","name":{"kind":"Name","value":"baselineRate"}},{"kind":"Field","name":{"kind":"Name","value":"plannedControlOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedChallengerOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}}]}}]} as unknown as DocumentNode<StartExperimentMutation, StartExperimentMutationVariables>;
export const StopExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"controlModelId"}},{"kind":"Field","name":{"kind":"Name","value":"controlVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"challengerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"challengerChanged"}},{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"minimumDetectableEffect"}},{"kind":"Field","name":{"kind":"Name","value":"baselineRate"}},{"kind":"Field","name":{"kind":"Name","value":"plannedControlOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedChallengerOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"plannedOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}}]}}]} as unknown as DocumentNode<StopExperimentMutation, StopExperimentMutationVariables>;
export const SuggestScoringModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuggestScoringModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuggestScoringModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestScoringModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enoughData"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"closedLeads"}},{"kind":"Field","name":{"kind":"Name","value":"wins"}},{"kind":"Field","name":{"kind":"Name","value":"losses"}},{"kind":"Field","name":{"kind":"Name","value":"moreClosedLeadsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"learnedAuc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rulesAuc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aucDifference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shownBetter"}},{"kind":"Field","name":{"kind":"Name","value":"intervalsOverlap"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackUse"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackLeads"}},{"kind":"Field","name":{"kind":"Name","value":"feedbackNote"}},{"kind":"Field","name":{"kind":"Name","value":"calibration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bin"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"meanPredicted"}},{"kind":"Field","name":{"kind":"Name","value":"minPredicted"}},{"kind":"Field","name":{"kind":"Name","value":"maxPredicted"}},{"kind":"Field","name":{"kind":"Name","value":"observed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentMaxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"shift"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"currentPoints"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hot"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"warm"}}]}}]}}]}}]} as unknown as DocumentNode<SuggestScoringModelQuery, SuggestScoringModelQueryVariables>;
export const ExperimentChallengersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExperimentChallengers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ExperimentChallengersQuery, ExperimentChallengersQueryVariables>;
export const SaveSuggestionAsDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveSuggestionAsDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScoringModelDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveScoringModelDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SaveSuggestionAsDraftMutation, SaveSuggestionAsDraftMutationVariables>;
export const ScoringModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScoringModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScoringModelVersionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeRescoringJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RescoringJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoringModelVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoringModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hot"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"warm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RescoringJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RescoringJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ScoringModelsQuery, ScoringModelsQueryVariables>;
export const ScoringModelImpactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScoringModelImpact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringModelImpact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"fromVersion"}},{"kind":"Field","name":{"kind":"Name","value":"toVersion"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"moves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageBefore"}},{"kind":"Field","name":{"kind":"Name","value":"averageAfter"}},{"kind":"Field","name":{"kind":"Name","value":"averageChange"}},{"kind":"Field","name":{"kind":"Name","value":"changedScores"}},{"kind":"Field","name":{"kind":"Name","value":"changedTiers"}},{"kind":"Field","name":{"kind":"Name","value":"newKeyAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"lostKeyAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"newHot"}},{"kind":"Field","name":{"kind":"Name","value":"lostHot"}},{"kind":"Field","name":{"kind":"Name","value":"examples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"oldScore"}},{"kind":"Field","name":{"kind":"Name","value":"newScore"}},{"kind":"Field","name":{"kind":"Name","value":"oldTier"}},{"kind":"Field","name":{"kind":"Name","value":"newTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tookMs"}}]}}]}}]} as unknown as DocumentNode<ScoringModelImpactQuery, ScoringModelImpactQueryVariables>;
export const RescoringJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RescoringJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rescoringJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RescoringJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RescoringJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RescoringJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<RescoringJobQuery, RescoringJobQueryVariables>;
export const RescoringProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RescoringProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rescoringProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RescoringJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RescoringJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RescoringJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<RescoringProgressSubscription, RescoringProgressSubscriptionVariables>;
export const SaveScoringModelDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveScoringModelDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScoringModelDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveScoringModelDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScoringModelVersionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoringModelVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoringModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hot"}},{"kind":"Field","name":{"kind":"Name","value":"keyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"warm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]} as unknown as DocumentNode<SaveScoringModelDraftMutation, SaveScoringModelDraftMutationVariables>;
export const DeleteScoringModelDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteScoringModelDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteScoringModelDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteScoringModelDraftMutation, DeleteScoringModelDraftMutationVariables>;
export const PublishScoringModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishScoringModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishScoringModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RescoringJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RescoringJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RescoringJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<PublishScoringModelMutation, PublishScoringModelMutationVariables>;
export const TeamMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMemberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]} as unknown as DocumentNode<TeamMembersQuery, TeamMembersQueryVariables>;
export const CreateTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMemberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]} as unknown as DocumentNode<CreateTeamMemberMutation, CreateTeamMemberMutationVariables>;
export const ChangeTeamMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeTeamMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeTeamMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMemberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]} as unknown as DocumentNode<ChangeTeamMemberRoleMutation, ChangeTeamMemberRoleMutationVariables>;
export const DeactivateTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMemberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]} as unknown as DocumentNode<DeactivateTeamMemberMutation, DeactivateTeamMemberMutationVariables>;
export const ReactivateTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReactivateTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMemberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}}]}}]} as unknown as DocumentNode<ReactivateTeamMemberMutation, ReactivateTeamMemberMutationVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKeyScope"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const ReportClientErrorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportClientError"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientErrorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportClientError"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ReportClientErrorMutation, ReportClientErrorMutationVariables>;
export const CreateLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLeadInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadListItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCard_lead"}}]}}]} as unknown as DocumentNode<CreateLeadMutation, CreateLeadMutationVariables>;
export const ChangeLeadStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeLeadStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeLeadStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadListItem"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadWork_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadTimeline_lead"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCard_lead"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadWork_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadTimeline_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}}]}}]}}]} as unknown as DocumentNode<ChangeLeadStatusMutation, ChangeLeadStatusMutationVariables>;
export const AssignLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ownerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"ownerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ownerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadListItem"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadWork_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadTimeline_lead"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCard_lead"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadWork_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadTimeline_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}}]}}]}}]} as unknown as DocumentNode<AssignLeadMutation, AssignLeadMutationVariables>;
export const RateLeadScoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RateLeadScore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreFeedbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateLeadScore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFeedback_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadTimeline_lead"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFeedback_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"myFeedback"}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accurate"}},{"kind":"Field","name":{"kind":"Name","value":"tooHigh"}},{"kind":"Field","name":{"kind":"Name","value":"tooLow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadTimeline_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"dealValue"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}}]}}]}}]} as unknown as DocumentNode<RateLeadScoreMutation, RateLeadScoreMutationVariables>;
export const OwnerCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnerCandidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<OwnerCandidatesQuery, OwnerCandidatesQueryVariables>;
export const LeadRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTextLength"}},{"kind":"Field","name":{"kind":"Name","value":"emailPattern"}},{"kind":"Field","name":{"kind":"Name","value":"phonePattern"}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSize"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSource"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrorCodes"}}]}}]}}]} as unknown as DocumentNode<LeadRulesQuery, LeadRulesQueryVariables>;
export const LeadScoredDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LeadScored"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadScored"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"previousScore"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadListItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCard_lead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow_lead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCard_lead"}}]}}]} as unknown as DocumentNode<LeadScoredSubscription, LeadScoredSubscriptionVariables>;
export const ScorePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScorePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadScoreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}}]}}]}}]}}]} as unknown as DocumentNode<ScorePreviewQuery, ScorePreviewQueryVariables>;
export const ScoringModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScoringModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"minScore"}},{"kind":"Field","name":{"kind":"Name","value":"isKeyAccount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScoringModelQuery, ScoringModelQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;