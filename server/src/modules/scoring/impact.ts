import type { EntityManager } from '@mikro-orm/postgresql';
import { boundTenantId } from '../../kernel/tenant-scope.js';
import { LeadTier } from '../leads/lead.enums.js';
import { leadTable } from '../leads/lead.mapping.js';
import type { ActiveModel } from './model-cache.js';
import type { ScoringModelDefinition } from './scoring.model.js';
import { scoringSql } from './scoring.sql.js';
import type { ScoringModelImpact, ScoreBin } from './scoring-versions.types.js';

const TIERS = [LeadTier.HOT, LeadTier.KEY_ACCOUNT, LeadTier.WARM, LeadTier.COLD];
const BIN_WIDTH = 5;
const BINS = 20;
const EXAMPLES = 10;

/**
 * The impact preview's one statement. One pass over the tenant's leads computes each lead's new
 * score from the model's points (a jsonb lookup per criterion) and counts the leads per (old
 * score, old tier, new score): at most a few thousand groups, whatever the number of leads, so the
 * matrix, histograms and sums that follow cost nothing. Examples are looked up in the lead table
 * (by score, through its index) for the groups that move furthest across a tier boundary.
 */
export function impactSql(model: ScoringModelDefinition, em: EntityManager): { sql: string; params: unknown[] } {
  const table = leadTable(em);
  const s = scoringSql(model, table);
  const tenant = table.column('tenant');
  const score = table.column('score');
  const tier = table.column('tier');
  const newScore = s.score(s.columns.map((c) => s.pointsOf(c.criterion, 'l')));
  const bins = (column: string) =>
    `(select coalesce(jsonb_agg(jsonb_build_object('bin', bin, 'n', n)), '[]') from (select least(${column} / ${BIN_WIDTH}, ${BINS - 1}) as bin, sum(n) as n from moved group by 1) b)`;
  const keyAccounts = `('${LeadTier.HOT}', '${LeadTier.KEY_ACCOUNT}')`;
  const sql = `
    with moved as materialized (
      select g.*, ${s.tier('g.new_score')} as new_tier from (
        select l.${score} as old_score, l.${tier} as old_tier, ${newScore} as new_score, count(*) as n
          from ${table.name} l, (select ?::jsonb as pts) m
         where l.${tenant} = ? group by 1, 2, 3) g
    )
    select
      (select coalesce(jsonb_agg(jsonb_build_object('from', old_tier, 'to', new_tier, 'n', n)), '[]')
         from (select old_tier, new_tier, sum(n) as n from moved group by 1, 2) c) as cells,
      ${bins('old_score')} as before,
      ${bins('new_score')} as after,
      (select jsonb_build_object(
          'leads', coalesce(sum(n), 0),
          'sumBefore', coalesce(sum(old_score * n), 0),
          'sumAfter', coalesce(sum(new_score * n), 0),
          'changedScores', coalesce(sum(n) filter (where new_score <> old_score), 0),
          'changedTiers', coalesce(sum(n) filter (where new_tier <> old_tier), 0),
          'newKeyAccounts', coalesce(sum(n) filter (where new_tier in ${keyAccounts} and old_tier not in ${keyAccounts}), 0),
          'lostKeyAccounts', coalesce(sum(n) filter (where old_tier in ${keyAccounts} and new_tier not in ${keyAccounts}), 0),
          'newHot', coalesce(sum(n) filter (where new_tier = '${LeadTier.HOT}' and old_tier <> '${LeadTier.HOT}'), 0),
          'lostHot', coalesce(sum(n) filter (where old_tier = '${LeadTier.HOT}' and new_tier <> '${LeadTier.HOT}'), 0)
        ) from moved) as totals,
      (select coalesce(jsonb_agg(e order by e.move desc, e."leadId"), '[]') from (
         select l.id as "leadId", l.name, l.company, g.old_score as "oldScore", g.new_score as "newScore", g.old_tier as "oldTier", g.new_tier as "newTier",
                abs(g.new_score - g.old_score) as move
           from (select * from moved where new_tier <> old_tier order by abs(new_score - old_score) desc, old_score, new_score limit ${EXAMPLES}) g
           cross join lateral (
             select l.id, l.${table.column('name')} as name, l.${table.column('company')} as company
               from ${table.name} l, (select ?::jsonb as pts) m
              where l.${tenant} = ? and l.${score} = g.old_score and l.${tier} = g.old_tier and ${newScore} = g.new_score
              order by l.id limit ${EXAMPLES}) l
          order by move desc, l.id limit ${EXAMPLES}) e) as examples`;
  const tenantId = boundTenantId(em);
  return { sql, params: [s.points, tenantId, s.points, tenantId] };
}

interface ImpactRow {
  cells: Array<{ from: LeadTier; to: LeadTier; n: number }>;
  before: Array<{ bin: number; n: number }>;
  after: Array<{ bin: number; n: number }>;
  totals: Record<'leads' | 'sumBefore' | 'sumAfter' | 'changedScores' | 'changedTiers' | 'newKeyAccounts' | 'lostKeyAccounts' | 'newHot' | 'lostHot', number>;
  examples: ScoringModelImpact['examples'];
}

/** What publishing `model` would do to the tenant's leads as they are now. */
export async function modelImpact(em: EntityManager, model: { id: string; version: number; definition: ScoringModelDefinition }, active: ActiveModel): Promise<ScoringModelImpact> {
  const { sql, params } = impactSql(model.definition, em);
  const started = performance.now();
  const [row] = await em.transactional(async (tx) => {
    // one pass of simple arithmetic: compiling it (JIT, which its cost would trigger at a million leads) takes longer than it saves
    await tx.execute('set local jit = off');
    return tx.execute<ImpactRow[]>(sql, params);
  });
  const tookMs = Math.round(performance.now() - started);
  return toImpact(row, model, active.version, tookMs);
}

/** Pure: the statement's result as the API's answer, every cell and bin present (zero when empty). */
export function toImpact(row: ImpactRow, model: { id: string; version: number }, fromVersion: number, tookMs: number): ScoringModelImpact {
  const cell = (from: LeadTier, to: LeadTier) => Number(row.cells.find((c) => c.from === from && c.to === to)?.n ?? 0);
  const histogram: ScoreBin[] = Array.from({ length: BINS }, (_, bin) => ({
    from: bin * BIN_WIDTH,
    to: bin === BINS - 1 ? 100 : bin * BIN_WIDTH + BIN_WIDTH - 1,
    before: Number(row.before.find((b) => b.bin === bin)?.n ?? 0),
    after: Number(row.after.find((b) => b.bin === bin)?.n ?? 0),
  }));
  const t = Object.fromEntries(Object.entries(row.totals).map(([key, value]) => [key, Number(value)])) as ImpactRow['totals'];
  const average = (sum: number) => (t.leads ? Math.round((sum / t.leads) * 100) / 100 : 0);
  const averageBefore = average(t.sumBefore);
  const averageAfter = average(t.sumAfter);
  return {
    modelId: model.id,
    fromVersion,
    toVersion: model.version,
    leads: t.leads,
    moves: TIERS.flatMap((from) => TIERS.map((to) => ({ from, to, count: cell(from, to) }))),
    histogram,
    averageBefore,
    averageAfter,
    averageChange: t.leads ? Math.round(((t.sumAfter - t.sumBefore) / t.leads) * 100) / 100 : 0,
    changedScores: t.changedScores,
    changedTiers: t.changedTiers,
    newKeyAccounts: t.newKeyAccounts,
    lostKeyAccounts: t.lostKeyAccounts,
    newHot: t.newHot,
    lostHot: t.lostHot,
    examples: row.examples.map((e) => ({ ...e, oldScore: Number(e.oldScore), newScore: Number(e.newScore) })),
    tookMs,
  };
}

/** The floor for the bench: the same scan and grouping without computing new scores. */
export function impactFloorSql(em: EntityManager): { sql: string; params: unknown[] } {
  const table = leadTable(em);
  const score = table.column('score');
  return {
    sql: `select ${table.column('tier')} as tier, least(${score} / ${BIN_WIDTH}, ${BINS - 1}) as bin, count(*) as n, sum(${score}) as total from ${table.name} where ${table.column('tenant')} = ? group by 1, 2`,
    params: [boundTenantId(em)],
  };
}
