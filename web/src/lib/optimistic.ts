import type { CreateLeadInput, LeadSource, LeadTier } from '../gql/graphql';

export interface PreviewScore {
  score: number;
  tier: LeadTier;
  isKeyAccount: boolean;
}

let counter = 0;

/**
 * The row shown while the server saves: the rep's values with the previewed score, and the server's
 * default source (`leadRules.defaultSource`) if none was chosen. Its id marks it as not saved yet;
 * the server's answer replaces it, a refusal removes it.
 */
export function optimisticLead(input: CreateLeadInput, preview: PreviewScore | null, defaultSource: LeadSource, now: Date = new Date()) {
  counter += 1;
  return {
    __typename: 'Lead' as const,
    id: `optimistic-${now.getTime()}-${counter}`,
    name: input.name.trim(),
    company: input.company.trim(),
    email: input.email?.trim() || null,
    budget: input.budget,
    companySize: input.companySize,
    industry: input.industry,
    urgency: input.urgency,
    source: input.source ?? defaultSource,
    score: preview?.score ?? 0,
    tier: preview?.tier ?? 'COLD',
    isKeyAccount: preview?.isKeyAccount ?? false,
    createdAt: now.toISOString(),
    // a new lead: nobody's, not contacted; the server sets its deadline
    status: 'NEW' as const,
    owner: null,
    slaDueAt: null,
    slaBreached: false,
  };
}

export function isOptimisticId(id: string): boolean {
  return id.startsWith('optimistic-');
}
