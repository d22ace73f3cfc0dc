import type { Industry, LeadSource, Urgency } from '../gql/graphql';

// Option lists in the order a rep expects; `satisfies` makes the compiler notice a new schema value.
const industries = { SOFTWARE: 1, FINANCE: 1, MANUFACTURING: 1, HEALTHCARE: 1, RETAIL: 1, EDUCATION: 1, OTHER: 1 } satisfies Record<Industry, 1>;
const urgencies = { IMMEDIATELY: 1, THIS_WEEK: 1, THIS_MONTH: 1, THIS_QUARTER: 1, NO_TIMELINE: 1 } satisfies Record<Urgency, 1>;
const sources = { WEBSITE: 1, REFERRAL: 1, EVENT: 1, OUTBOUND: 1, PARTNER: 1, ADVERTISING: 1, OTHER: 1 } satisfies Record<LeadSource, 1>;

export const INDUSTRY_OPTIONS = Object.keys(industries) as Industry[];
export const URGENCY_OPTIONS = Object.keys(urgencies) as Urgency[];
export const SOURCE_OPTIONS = Object.keys(sources) as LeadSource[];
