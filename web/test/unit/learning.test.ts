import { describe, expect, it } from 'vitest';
import {
  barGeometry,
  formatAuc,
  formatDifference,
  formatInterval,
  formatP,
  formatRate,
  monthsAgo,
  powerMessage,
  promoteLocation,
  startInput,
  startOfDay,
  suggestionDraftInput,
  verdictMessage,
  type VerdictInput,
} from '../../src/lib/experiments';
import en from '../../src/i18n/en';
import de from '../../src/i18n/de';

describe('barGeometry', () => {
  it('places an interval and its estimate in percent of the domain', () => {
    expect(barGeometry({ estimate: 0.45, lower: 0.25, upper: 0.65 })).toEqual({ left: 25, width: 40, point: 45 });
    const difference = barGeometry({ estimate: 0.1, lower: -0.2, upper: 0.3 }, [-0.5, 0.5]);
    expect(difference.left).toBeCloseTo(30);
    expect(difference.width).toBeCloseTo(50);
    expect(difference.point).toBeCloseTo(60);
  });

  it('cuts what lies outside at the edges and draws no estimate when there is none', () => {
    expect(barGeometry({ estimate: null, lower: 0, upper: 1 }, [0.4, 1])).toEqual({ left: 0, width: 100, point: null });
    expect(barGeometry({ estimate: -0.9, lower: -1, upper: -0.6 }, [-0.5, 0.5])).toEqual({ left: 0, width: 0, point: 0 });
  });
});

describe('numbers as people read them', () => {
  it('formats rates, intervals, differences, AUCs and p-values in both languages', () => {
    expect(formatRate(0.45, 'en')).toBe('45%');
    expect(formatRate(0.045, 'en')).toBe('4.5%');
    expect(formatRate(null, 'en')).toBe('–');
    expect(formatRate(0.45, 'de')).toBe('45\u00a0%');
    expect(formatInterval({ estimate: 0.2, lower: 0.0807, upper: 0.416 }, 'en')).toBe('20% (8.1% – 42%)');
    expect(formatDifference(0.25, 'en')).toBe('+25%');
    expect(formatDifference(-0.04, 'en')).toBe('-4%');
    expect(formatAuc(0.7246, 'de')).toBe('0,72');
    expect(formatP(0.0914)).toBe('0.091');
    expect(formatP(0.41)).toBe('0.41');
    expect(formatP(0.0002)).toBe('< 0.001');
  });
});

function result(overrides: Partial<VerdictInput>): VerdictInput {
  return {
    verdict: 'NO_DIFFERENCE_YET',
    horizonReached: false,
    moreOutcomesNeeded: 120,
    outcomesForObservedDifference: 68,
    experiment: { controlVersion: 1, challengerVersion: 2, plannedOutcomes: 588 },
    decision: null,
    ...overrides,
  };
}

describe('verdictMessage', () => {
  it('gives no verdict before the horizon, only the outcomes still needed', () => {
    expect(verdictMessage(result({}), 'en')).toEqual({ key: 'learning.verdict.waiting', params: { control: 1, challenger: 2, planned: '588', more: '120' } });
  });

  it('names the winner at the horizon with the p-value of the decision', () => {
    const better = verdictMessage(result({ horizonReached: true, moreOutcomesNeeded: 0, verdict: 'CHALLENGER_BETTER', decision: { pValue: 0.0033 } }), 'en');
    expect(better).toEqual({ key: 'learning.verdict.challengerBetter', params: { control: 1, challenger: 2, planned: '588', p: '0.003' } });
    expect(verdictMessage(result({ horizonReached: true, verdict: 'CONTROL_BETTER', decision: { pValue: 0.01 } }), 'en').key).toBe('learning.verdict.controlBetter');
  });

  it('says at the horizon that no difference was detected, and how many outcomes the observed one would need', () => {
    expect(verdictMessage(result({ horizonReached: true, decision: { pValue: 0.41 } }), 'en')).toEqual({
      key: 'learning.verdict.noDifference',
      params: { control: 1, challenger: 2, planned: '588', p: '0.41', needed: '68' },
    });
    expect(verdictMessage(result({ horizonReached: true, outcomesForObservedDifference: null, decision: { pValue: 1 } }), 'en').key).toBe('learning.verdict.noDifferenceAtAll');
  });

  it('writes the counts as the locale does', () => {
    const large = result({ horizonReached: true, outcomesForObservedDifference: 56_782, decision: { pValue: 0.49 }, experiment: { controlVersion: 1, challengerVersion: 2, plannedOutcomes: 1_200 } });
    expect(verdictMessage(large, 'en').params).toMatchObject({ planned: '1,200', needed: '56,782' });
    expect(verdictMessage(large, 'de').params).toMatchObject({ planned: '1.200', needed: '56.782' });
  });
});

describe('powerMessage', () => {
  it('says how many more outcomes would detect the observed difference, that there are enough, or that none would', () => {
    expect(powerMessage(56_782, 'en')).toEqual({ key: 'learning.result.powerMore', params: { n: '56,782' } });
    expect(powerMessage(56_782, 'de').params.n).toBe('56.782');
    expect(powerMessage(0, 'en')).toEqual({ key: 'learning.result.powerEnough', params: {} });
    expect(powerMessage(null, 'en')).toEqual({ key: 'learning.result.powerNone', params: {} });
    for (const messages of [en, de]) for (const key of ['powerMore', 'powerEnough', 'powerNone'] as const) expect(messages.learning.result[key]).toBeTruthy();
  });

  it('has every key it names in both languages', () => {
    for (const messages of [en, de]) {
      for (const key of ['waiting', 'challengerBetter', 'controlBetter', 'noDifference', 'noDifferenceAtAll'] as const) {
        expect(messages.learning.verdict[key]).toMatch(/\{/);
      }
    }
  });
});

describe('what the screen sends and where it goes', () => {
  it('turns the start form\'s percentages into shares and leaves out an empty minimum', () => {
    expect(startInput({ challengerId: 'v2', splitPercent: 30, outcomeWindowDays: 45, effectPoints: 10, minimumOutcomes: null })).toEqual({
      challengerId: 'v2',
      split: 0.3,
      outcomeWindowDays: 45,
      minimumDetectableEffect: 0.1,
    });
    expect(startInput({ challengerId: 'v2', splitPercent: 50, outcomeWindowDays: 60, effectPoints: 5, minimumOutcomes: 400 }).minimumOutcomes).toBe(400);
  });

  it('saves a suggestion with every learned criterion and the current thresholds', () => {
    const input = suggestionDraftInput(
      {
        criteria: [
          { criterion: 'URGENCY', options: [{ value: 'IMMEDIATELY', points: 31 }, { value: 'NO_TIMELINE', points: 0 }] },
          { criterion: 'SOURCE', options: [{ value: 'REFERRAL', points: 9 }] },
        ],
        thresholds: { hot: 85, keyAccount: 70, warm: 40 },
      },
      'learned',
    );
    expect(input).toEqual({
      criteria: [
        { criterion: 'URGENCY', options: [{ value: 'IMMEDIATELY', points: 31 }, { value: 'NO_TIMELINE', points: 0 }] },
        { criterion: 'SOURCE', options: [{ value: 'REFERRAL', points: 9 }] },
      ],
      thresholds: { hot: 85, keyAccount: 70, warm: 40 },
      comment: 'learned',
    });
  });

  it('promotes by opening the scoring-model screen with the challenger picked for publishing', () => {
    expect(promoteLocation({ challengerModelId: 'abc' })).toEqual({ name: 'scoringModel', query: { publish: 'abc' } });
  });

  it('counts months back in local days and sends the start of the chosen day', () => {
    expect(monthsAgo(12, new Date(2026, 10, 26, 15, 30))).toBe('2025-11-26');
    expect(monthsAgo(6, new Date(2026, 2, 3))).toBe('2025-09-03');
    expect(startOfDay('2025-11-26')).toBe(new Date(2025, 10, 26).toISOString());
  });
});
