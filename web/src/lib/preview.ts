import type { LeadTier, ScoreCriterion } from '../gql/graphql';

export interface PreviewInput {
  score: number;
  tier: LeadTier;
  isKeyAccount: boolean;
  breakdown: ReadonlyArray<{ criterion: ScoreCriterion; points: number; maxPoints: number }>;
  missing: readonly ScoreCriterion[];
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface CriterionLine {
  criterion: ScoreCriterion;
  label: string;
  /** "25 / 30" */
  points: string;
  /** 0–100, width of the bar */
  percent: number;
  missing: boolean;
}

export interface PreviewSummary {
  /** "This lead scores 85 → Hot!" once every criterion is chosen */
  headline: string;
  /** What is still missing, or empty */
  hint: string;
  lines: CriterionLine[];
}

/** Words and bars for a score preview; the numbers all come from the server's model. */
export function summarizePreview(preview: PreviewInput, t: Translate, listFormat: (items: string[]) => string): PreviewSummary {
  const tier = t(`tier.${preview.tier}`);
  const complete = preview.missing.length === 0;
  const headline = complete
    ? t(preview.isKeyAccount ? 'preview.headlineKey' : 'preview.headline', { score: preview.score, tier })
    : t('preview.partial', { score: preview.score });
  const hint = complete ? '' : t('preview.missing', { criteria: listFormat(preview.missing.map((c) => t(`criterion.${c}`))) });
  const lines = preview.breakdown.map((c) => ({
    criterion: c.criterion,
    label: t(`criterion.${c.criterion}`),
    points: `${c.points} / ${c.maxPoints}`,
    percent: c.maxPoints > 0 ? Math.round((c.points / c.maxPoints) * 100) : 0,
    missing: preview.missing.includes(c.criterion),
  }));
  return { headline, hint, lines };
}
