import type { LeadTier, ScoreCriterion } from '../gql/graphql';
import type { Translate } from './preview';

/**
 * A tier of the server's active scoring model (`scoringModel.tiers`, highest first): where it starts
 * and whether its leads are key accounts. The web app keeps no copy of these: until the model has
 * loaded, labels show no numbers. Which tier a lead is in always comes from the server (`tier`),
 * and filters use tiers, not scores.
 */
export interface TierInfo {
  tier: LeadTier;
  minScore: number;
  isKeyAccount: boolean;
}

export type QuickFilter = 'ALL' | 'KEY_ACCOUNTS' | 'HOT';

export const QUICK_FILTERS: readonly QuickFilter[] = ['ALL', 'KEY_ACCOUNTS', 'HOT'];

/**
 * The tiers a quick filter shows: undefined for "All"; the tiers the model counts as key accounts,
 * or null while the model has not loaded (the list waits rather than guessing).
 */
export function tiersForQuickFilter(filter: QuickFilter, tiers: readonly TierInfo[] | null): LeadTier[] | undefined | null {
  if (filter === 'HOT') return ['HOT'];
  if (filter === 'KEY_ACCOUNTS') return tiers ? tiers.filter((t) => t.isKeyAccount).map((t) => t.tier) : null;
  return undefined;
}

/** Lowest score of a tier (0 for the lowest); undefined for a tier the model does not have. */
export function tierFloor(tier: LeadTier, tiers: readonly TierInfo[]): number | undefined {
  return tiers.find((t) => t.tier === tier)?.minScore;
}

/** The score a quick filter starts at, or undefined for "All" and while the model is loading. */
export function quickFilterMin(filter: QuickFilter, tiers: readonly TierInfo[] | null): number | undefined {
  const shown = tiers && tiersForQuickFilter(filter, tiers);
  if (!tiers || !shown?.length) return undefined;
  return Math.min(...shown.map((tier) => tierFloor(tier, tiers) ?? 0));
}

/** "Hot ≥ 85"; just "Hot" while the model is still loading, so a wrong number is never shown. */
export function quickFilterLabel(filter: QuickFilter, tiers: readonly TierInfo[] | null, t: Translate): string {
  const label = t(`leads.quick.${filter}`);
  const min = quickFilterMin(filter, tiers);
  return min === undefined ? label : t('leads.quick.withMin', { label, min });
}

/** One line per tier, best first: "Hot from 85", …, and the lowest "Cold below 40". */
export function thresholdLines(tiers: readonly TierInfo[], t: Translate): Array<{ tier: LeadTier; text: string }> {
  return tiers.map((info, i) => {
    const name = t(`tier.${info.tier}`);
    const above = tiers[i - 1];
    const text = i === tiers.length - 1 && above
      ? t('detail.thresholdCold', { tier: name, min: above.minScore })
      : t('detail.threshold', { tier: name, min: info.minScore });
    return { tier: info.tier, text };
  });
}

/** Why a lead is in its tier: "91 points is at least 85, the threshold for Hot." (the lowest tier: the one it missed) */
export function tierReason(score: number, tier: LeadTier, tiers: readonly TierInfo[], t: Translate): string {
  const at = tiers.findIndex((info) => info.tier === tier);
  const above = tiers[at - 1];
  if (at === tiers.length - 1 && above) return t('detail.tierReasonCold', { score, min: above.minScore, tier: t(`tier.${above.tier}`) });
  return t('detail.tierReason', { score, min: tiers[at]?.minScore, tier: t(`tier.${tier}`) });
}

export interface CriterionPoints {
  criterion: ScoreCriterion;
  options: ReadonlyArray<{ value: string; points: number }>;
}

/** Points of one option of a criterion, or undefined when the model does not know it (yet). */
export function optionPoints(criteria: readonly CriterionPoints[] | null | undefined, criterion: ScoreCriterion, value: string): number | undefined {
  return criteria?.find((c) => c.criterion === criterion)?.options.find((o) => o.value === value)?.points;
}
