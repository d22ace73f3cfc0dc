import type { LeadTier, ScoreCriterion } from '../gql/graphql';
import type { Translate } from './preview';

/**
 * Lowest score of each tier, as the server's active scoring model says (`scoringModel.thresholds`).
 * The web app keeps no copy of these numbers: until the model has loaded, labels show no numbers.
 * Which tier a lead is in always comes from the server (`tier`), and filters use tiers, not scores.
 */
export interface TierThresholds {
  hot: number;
  keyAccount: number;
  warm: number;
}

export const TIERS_BY_RANK: readonly LeadTier[] = ['HOT', 'KEY_ACCOUNT', 'WARM', 'COLD'];

export type QuickFilter = 'ALL' | 'KEY_ACCOUNTS' | 'HOT';

export const QUICK_FILTERS: readonly QuickFilter[] = ['ALL', 'KEY_ACCOUNTS', 'HOT'];

/** Key accounts are the two top tiers. */
export function tiersForQuickFilter(filter: QuickFilter): LeadTier[] | undefined {
  if (filter === 'KEY_ACCOUNTS') return ['HOT', 'KEY_ACCOUNT'];
  if (filter === 'HOT') return ['HOT'];
  return undefined;
}

/** Lowest score of a tier; 0 for COLD. */
export function tierFloor(tier: LeadTier, thresholds: TierThresholds): number {
  switch (tier) {
    case 'HOT':
      return thresholds.hot;
    case 'KEY_ACCOUNT':
      return thresholds.keyAccount;
    case 'WARM':
      return thresholds.warm;
    case 'COLD':
      return 0;
  }
}

/** The score a quick filter starts at, or undefined for "All". */
export function quickFilterMin(filter: QuickFilter, thresholds: TierThresholds | null): number | undefined {
  if (!thresholds || filter === 'ALL') return undefined;
  return tierFloor(filter === 'HOT' ? 'HOT' : 'KEY_ACCOUNT', thresholds);
}

/** "Hot ≥ 85"; just "Hot" while the model is still loading, so a wrong number is never shown. */
export function quickFilterLabel(filter: QuickFilter, thresholds: TierThresholds | null, t: Translate): string {
  const label = t(`leads.quick.${filter}`);
  const min = quickFilterMin(filter, thresholds);
  return min === undefined ? label : t('leads.quick.withMin', { label, min });
}

/** One line per tier, best first: "Hot from 85", …, "Cold below 40". */
export function thresholdLines(thresholds: TierThresholds, t: Translate): Array<{ tier: LeadTier; text: string }> {
  return TIERS_BY_RANK.map((tier) => {
    const name = t(`tier.${tier}`);
    const text = tier === 'COLD'
      ? t('detail.thresholdCold', { tier: name, min: thresholds.warm })
      : t('detail.threshold', { tier: name, min: tierFloor(tier, thresholds) });
    return { tier, text };
  });
}

/** Why a lead is in its tier: "91 points is at least 85, the threshold for Hot." */
export function tierReason(score: number, tier: LeadTier, thresholds: TierThresholds, t: Translate): string {
  if (tier === 'COLD') return t('detail.tierReasonCold', { score, min: thresholds.warm, tier: t('tier.WARM') });
  return t('detail.tierReason', { score, min: tierFloor(tier, thresholds), tier: t(`tier.${tier}`) });
}

export interface CriterionPoints {
  criterion: ScoreCriterion;
  options: ReadonlyArray<{ value: string; points: number }>;
}

/** Points of one option of a criterion, or undefined when the model does not know it (yet). */
export function optionPoints(criteria: readonly CriterionPoints[] | null | undefined, criterion: ScoreCriterion, value: string): number | undefined {
  return criteria?.find((c) => c.criterion === criterion)?.options.find((o) => o.value === value)?.points;
}
