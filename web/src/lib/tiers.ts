import type { LeadTier } from '../gql/graphql';

/**
 * The server's default tier thresholds, used only for labels and explanations ("Hot ≥ 85").
 * Which tier a lead is in always comes from the server (`tier`), and filters use tiers, not scores,
 * so a changed model cannot make the list and the badges disagree.
 */
export const TIER_THRESHOLDS = { HOT: 85, KEY_ACCOUNT: 70, WARM: 40 } as const;

export const TIERS_BY_RANK: readonly LeadTier[] = ['HOT', 'KEY_ACCOUNT', 'WARM', 'COLD'];

export type QuickFilter = 'ALL' | 'KEY_ACCOUNTS' | 'HOT';

/** Key accounts are the two top tiers. */
export function tiersForQuickFilter(filter: QuickFilter): LeadTier[] | undefined {
  if (filter === 'KEY_ACCOUNTS') return ['HOT', 'KEY_ACCOUNT'];
  if (filter === 'HOT') return ['HOT'];
  return undefined;
}

/** Lowest score of a tier; 0 for COLD. */
export function tierFloor(tier: LeadTier): number {
  return tier === 'COLD' ? 0 : TIER_THRESHOLDS[tier];
}
