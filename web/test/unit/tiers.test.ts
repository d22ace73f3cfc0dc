import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src/i18n';
import { optionPoints, quickFilterLabel, thresholdLines, tierFloor, tierReason, tiersForQuickFilter, type TierInfo } from '../../src/lib/tiers';
import { scoringModelResult } from './support';

const translator = (locale: 'en' | 'de') => {
  const i18n = createAppI18n(locale);
  return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
};
const t = translator('en');
// not the defaults, so a number copied into the web app would show up here
const custom: TierInfo[] = [
  { tier: 'HOT', minScore: 90, isKeyAccount: true },
  { tier: 'KEY_ACCOUNT', minScore: 75, isKeyAccount: true },
  { tier: 'WARM', minScore: 45, isKeyAccount: false },
  { tier: 'COLD', minScore: 0, isKeyAccount: false },
];

describe('tier thresholds from the scoring model', () => {
  it('labels the quick filters with the model thresholds', () => {
    expect(quickFilterLabel('ALL', custom, t)).toBe('All');
    expect(quickFilterLabel('KEY_ACCOUNTS', custom, t)).toBe('Key accounts ≥ 75');
    expect(quickFilterLabel('HOT', custom, t)).toBe('Hot ≥ 90');
    expect(quickFilterLabel('HOT', custom, translator('de'))).toBe('Heiß ≥ 90');
  });

  it('shows no number while the model has not loaded', () => {
    expect(quickFilterLabel('KEY_ACCOUNTS', null, t)).toBe('Key accounts');
    expect(quickFilterLabel('HOT', null, translator('de'))).toBe('Heiß');
  });

  it('explains a tier with the threshold it reached, or the one a cold lead missed', () => {
    expect(tierFloor('KEY_ACCOUNT', custom)).toBe(75);
    expect(tierFloor('COLD', custom)).toBe(0);
    expect(tierReason(88, 'KEY_ACCOUNT', custom, t)).toBe('88 points is at least 75, the threshold for Key account.');
    expect(tierReason(30, 'COLD', custom, t)).toBe('30 points is below 45, the threshold for Warm.');
  });

  it('filters key accounts by the tiers the model counts as key accounts', () => {
    expect(tiersForQuickFilter('KEY_ACCOUNTS', custom)).toEqual(['HOT', 'KEY_ACCOUNT']);
    // a model where only the top tier makes a key account
    const strict = custom.map((tier) => ({ ...tier, isKeyAccount: tier.tier === 'HOT' }));
    expect(tiersForQuickFilter('KEY_ACCOUNTS', strict)).toEqual(['HOT']);
    expect(quickFilterLabel('KEY_ACCOUNTS', strict, t)).toBe('Key accounts ≥ 90');
    expect(tiersForQuickFilter('HOT', null)).toEqual(['HOT']);
    expect(tiersForQuickFilter('ALL', null)).toBeUndefined();
    // unknown until the model has loaded: the list waits rather than guessing
    expect(tiersForQuickFilter('KEY_ACCOUNTS', null)).toBeNull();
  });

  it('lists every tier, best first', () => {
    expect(thresholdLines(custom, t).map((l) => l.text)).toEqual(['Hot from 90', 'Key account from 75', 'Warm from 45', 'Cold below 45']);
    expect(thresholdLines(custom, translator('de')).map((l) => l.text)).toEqual(['Heiß ab 90', 'Key Account ab 75', 'Warm ab 45', 'Kalt unter 45']);
  });

  it("finds an option's points, and nothing for what the model does not score", () => {
    const { criteria } = scoringModelResult().data.scoringModel;
    expect(optionPoints(criteria as never, 'BUDGET', 'OVER_100K')).toBe(30);
    expect(optionPoints(criteria as never, 'URGENCY', 'NO_TIMELINE')).toBe(0);
    expect(optionPoints(criteria as never, 'BUDGET', 'REFERRAL')).toBeUndefined();
    expect(optionPoints(null, 'BUDGET', 'OVER_100K')).toBeUndefined();
  });
});
