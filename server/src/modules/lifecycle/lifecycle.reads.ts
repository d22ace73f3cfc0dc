import type { EntityManager } from '@mikro-orm/postgresql';
import type { LeadActivityKind, LeadStatus, LostReason, ScoreFeedback } from './lifecycle.enums.js';
import type { LeadActivityNode, ScoreFeedbackSummary } from './lifecycle.types.js';

/**
 * Reads for the lifecycle fields of leads, each in one statement for a whole page of leads (the
 * resolvers batch them), always scoped to the tenant given.
 */

/** A PostgreSQL array literal of ids that are UUIDs already (they come from stored rows). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

interface ActivityRow {
  id: string;
  lead_id: string;
  kind: LeadActivityKind;
  actor_name: string;
  from_status: LeadStatus | null;
  to_status: LeadStatus | null;
  owner_id: string | null;
  owner_name: string | null;
  feedback: ScoreFeedback | null;
  comment: string | null;
  deal_value: string | null;
  lost_reason: LostReason | null;
  created_at: string | Date;
}

/** Each lead's activities, oldest first. */
export async function activitiesOf(em: EntityManager, tenantId: string, leadIds: readonly string[]): Promise<LeadActivityNode[][]> {
  const rows = await em.execute<ActivityRow[]>(
    `select id, lead_id, kind, actor_name, from_status, to_status, owner_id, owner_name, feedback, comment, deal_value, lost_reason, created_at
       from lead_activity where tenant_id = ? and lead_id = any(?::uuid[]) order by lead_id, id`,
    [tenantId, uuidArray(leadIds)],
  );
  const byLead = new Map<string, LeadActivityNode[]>();
  for (const row of rows) {
    let list = byLead.get(row.lead_id);
    if (!list) byLead.set(row.lead_id, (list = []));
    list.push({
      id: String(row.id),
      kind: row.kind,
      actorName: row.actor_name,
      createdAt: new Date(row.created_at),
      fromStatus: row.from_status,
      toStatus: row.to_status,
      owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
      feedback: row.feedback,
      comment: row.comment,
      dealValue: row.deal_value == null ? null : Number(row.deal_value),
      lostReason: row.lost_reason,
    });
  }
  return leadIds.map((id) => byLead.get(id) ?? []);
}

/** Each lead's verdicts, counted. */
export async function feedbackSummaries(em: EntityManager, tenantId: string, leadIds: readonly string[]): Promise<ScoreFeedbackSummary[]> {
  const rows = await em.execute<Array<{ lead_id: string; verdict: ScoreFeedback; count: string | number }>>(
    `select lead_id, verdict, count(*) as count from score_feedback where tenant_id = ? and lead_id = any(?::uuid[]) group by lead_id, verdict`,
    [tenantId, uuidArray(leadIds)],
  );
  const byLead = new Map<string, ScoreFeedbackSummary>();
  for (const row of rows) {
    let summary = byLead.get(row.lead_id);
    if (!summary) byLead.set(row.lead_id, (summary = { accurate: 0, tooHigh: 0, tooLow: 0 }));
    const count = Number(row.count);
    if (row.verdict === 'ACCURATE') summary.accurate = count;
    else if (row.verdict === 'TOO_HIGH') summary.tooHigh = count;
    else summary.tooLow = count;
  }
  return leadIds.map((id) => byLead.get(id) ?? { accurate: 0, tooHigh: 0, tooLow: 0 });
}

/** One user's verdict on each lead, or null. */
export async function verdictsOf(em: EntityManager, tenantId: string, userId: string, leadIds: readonly string[]): Promise<Array<ScoreFeedback | null>> {
  const rows = await em.execute<Array<{ lead_id: string; verdict: ScoreFeedback }>>(
    `select lead_id, verdict from score_feedback where tenant_id = ? and user_id = ? and lead_id = any(?::uuid[])`,
    [tenantId, userId, uuidArray(leadIds)],
  );
  const byLead = new Map(rows.map((row) => [row.lead_id, row.verdict]));
  return leadIds.map((id) => byLead.get(id) ?? null);
}
