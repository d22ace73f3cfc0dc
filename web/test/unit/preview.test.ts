import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src/i18n';
import { summarizePreview, type PreviewInput } from '../../src/lib/preview';

function summarize(preview: PreviewInput, locale: 'en' | 'de' = 'en') {
  const i18n = createAppI18n(locale);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return summarizePreview(preview, (key, params) => i18n.global.t(key, params ?? {}), (items) => list.format(items));
}

const full: PreviewInput = {
  score: 75,
  tier: 'KEY_ACCOUNT',
  isKeyAccount: true,
  missing: [],
  breakdown: [
    { criterion: 'BUDGET', points: 25, maxPoints: 30 },
    { criterion: 'COMPANY_SIZE', points: 20, maxPoints: 30 },
    { criterion: 'INDUSTRY', points: 20, maxPoints: 20 },
    { criterion: 'URGENCY', points: 10, maxPoints: 20 },
  ],
};

describe('summarizePreview', () => {
  it('announces a key account with the score and tier', () => {
    expect(summarize(full).headline).toBe('This lead scores 75 → Key account!');
    expect(summarize(full).hint).toBe('');
  });

  it('states other tiers without the exclamation', () => {
    expect(summarize({ ...full, score: 45, tier: 'WARM', isKeyAccount: false }).headline).toBe('This lead scores 45 → Warm');
  });

  it('shows points out of the maximum for each criterion, with bar widths', () => {
    const lines = summarize(full).lines;
    expect(lines.map((l) => `${l.label} ${l.points}`)).toEqual(['Budget 25 / 30', 'Company size 20 / 30', 'Industry 20 / 20', 'Urgency 10 / 20']);
    expect(lines.map((l) => l.percent)).toEqual([83, 67, 100, 50]);
  });

  it('says what is still missing while the form is incomplete', () => {
    const partial = { ...full, score: 25, tier: 'COLD' as const, isKeyAccount: false, missing: ['INDUSTRY', 'URGENCY'] as PreviewInput['missing'] };
    const summary = summarize(partial);
    expect(summary.headline).toBe('25 points so far');
    expect(summary.hint).toBe('Still to choose: Industry and Urgency.');
    expect(summary.lines.filter((l) => l.missing).map((l) => l.criterion)).toEqual(['INDUSTRY', 'URGENCY']);
  });

  it('speaks German', () => {
    expect(summarize(full, 'de').headline).toBe('Dieser Lead erreicht 75\u00a0→\u00a0Key Account!');
    expect(summarize({ ...full, missing: ['BUDGET', 'URGENCY'] }, 'de').hint).toBe('Noch auszuwählen: Budget und Dringlichkeit.');
  });
});
