import type { EntityManager } from '@mikro-orm/postgresql';
import type { LeadTier } from '../leads/lead.enums.js';
import { ScoreChangeReason } from './scoring.enums.js';
import type { ScoreChangeNode } from './scoring-versions.types.js';

/** Who changed a score: a user or API key by id, or the system (decay). Names are looked up when read, never stored. */
export type ScoreActor = { kind: 'USER' | 'API_KEY'; id: string } | { kind: 'SYSTEM'; id?: null };

export const SYSTEM_ACTOR: ScoreActor = { kind: 'SYSTEM' };

export interface ScoreChangeEntry {
  tenantId: string;
  leadId: string;
  /** null for a new lead */
  oldScore: number | null;
  newScore: number;
  oldTier: LeadTier | null;
  newTier: LeadTier;
  modelVersion: number;
  reason: ScoreChangeReason;
  actor: ScoreActor;
}

/**
 * Appends one change to the ledger. Call it inside the transaction that writes the score, so the
 * ledger and the lead never disagree. (Rescoring appends its rows with one set-based insert instead.)
 */
export async function recordScoreChange(em: EntityManager, entry: ScoreChangeEntry): Promise<void> {
  await recordScoreChanges(em, [entry]);
}

/** Appends many changes in one statement (e.g. a batch of decayed leads), in the given order. */
export async function recordScoreChanges(em: EntityManager, entries: readonly ScoreChangeEntry[]): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).join(', ');
  const params = entries.flatMap((e) => [e.tenantId, e.leadId, e.oldScore, e.newScore, e.oldTier, e.newTier, e.modelVersion, e.reason, e.actor.kind, e.actor.id ?? null]);
  await em.execute(
    `insert into score_change (tenant_id, lead_id, old_score, new_score, old_tier, new_tier, model_version, reason, actor_kind, actor_id) values ${rows}`,
    params,
  );
}

/** The `actorKind` of a principal's kind (PrincipalKind USER / API_KEY). */
export function actorOf(principal: { kind: string; id: string }): ScoreActor {
  return { kind: principal.kind === 'API_KEY' ? 'API_KEY' : 'USER', id: principal.id };
}

interface ScoreChangeRow {
  id: string;
  lead_id: string;
  old_score: number | null;
  new_score: number;
  old_tier: LeadTier | null;
  new_tier: LeadTier;
  model_version: number;
  reason: ScoreChangeReason;
  actor_name: string | null;
  created_at: string | Date;
}

/** The history of each lead, oldest first, in one statement for all of them (a page of leads asks once). */
export async function scoreHistories(em: EntityManager, tenantId: string, leadIds: readonly string[]): Promise<ScoreChangeNode[][]> {
  const rows = await em.execute<ScoreChangeRow[]>(
    `select c.id, c.lead_id, c.old_score, c.new_score, c.old_tier, c.new_tier, c.model_version, c.reason, c.created_at,
            case c.actor_kind when 'USER' then u.name when 'API_KEY' then k.name end as actor_name
       from score_change c
       left join app_user u on c.actor_kind = 'USER' and u.id = c.actor_id and u.tenant_id = c.tenant_id
       left join api_key k on c.actor_kind = 'API_KEY' and k.id = c.actor_id and k.tenant_id = c.tenant_id
      where c.tenant_id = ? and c.lead_id = any(?::uuid[])
      order by c.lead_id, c.id`,
    [tenantId, `{${leadIds.join(',')}}`],
  );
  const byLead = new Map<string, ScoreChangeNode[]>();
  for (const row of rows) {
    const list = byLead.get(row.lead_id) ?? [];
    list.push({
      id: String(row.id),
      oldScore: row.old_score,
      newScore: row.new_score,
      oldTier: row.old_tier,
      newTier: row.new_tier,
      modelVersion: row.model_version,
      reason: row.reason,
      actorName: row.actor_name,
      createdAt: new Date(row.created_at),
    });
    byLead.set(row.lead_id, list);
  }
  return leadIds.map((id) => byLead.get(id) ?? []);
}

// callers of recordScoreChange need the reasons too
export { ScoreChangeReason };
