import type { LeadActivityKind, LeadStatus, LostReason, ScoreFeedback } from '../gql/graphql';
import type { Translate } from './preview';

/** One entry of a lead's timeline, as the server lists it (`Lead.activities`). */
export interface Activity {
  id: string;
  kind: LeadActivityKind;
  actorName: string;
  createdAt: string;
  fromStatus?: LeadStatus | null;
  toStatus?: LeadStatus | null;
  owner?: { name: string } | null;
  feedback?: ScoreFeedback | null;
  comment?: string | null;
  dealValue?: number | null;
  lostReason?: LostReason | null;
}

export interface ActivityLine {
  id: string;
  kind: LeadActivityKind;
  createdAt: string;
  /** "Ravi Rep moved it from New to Contacted" */
  text: string;
  /** Deal value, lost reason, the comment: each a line of its own */
  details: string[];
}

/** The timeline, newest first, each entry in words. */
export function describeActivities(activities: readonly Activity[], t: Translate, money: (value: number) => string): ActivityLine[] {
  return [...activities]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1))
    .map((a) => ({ id: a.id, kind: a.kind, createdAt: a.createdAt, text: sentence(a, t), details: details(a, t, money) }));
}

function sentence(a: Activity, t: Translate): string {
  const actor = a.actorName;
  switch (a.kind) {
    case 'STATUS_CHANGED':
      return t('lifecycle.timeline.status', { actor, from: a.fromStatus ? t(`lifecycle.status.${a.fromStatus}`) : '—', to: a.toStatus ? t(`lifecycle.status.${a.toStatus}`) : '—' });
    case 'ASSIGNED':
      return a.owner ? t('lifecycle.timeline.assigned', { actor, owner: a.owner.name }) : t('lifecycle.timeline.unassigned', { actor });
    case 'FEEDBACK':
      return t('lifecycle.timeline.feedback', { actor, verdict: a.feedback ? t(`lifecycle.feedback.verdict.${a.feedback}`) : '—' });
  }
}

function details(a: Activity, t: Translate, money: (value: number) => string): string[] {
  const lines: string[] = [];
  if (a.dealValue != null) lines.push(t('lifecycle.timeline.dealValue', { value: money(a.dealValue) }));
  if (a.lostReason) lines.push(t('lifecycle.timeline.lostReason', { reason: t(`lifecycle.lostReason.${a.lostReason}`) }));
  if (a.comment) lines.push(`“${a.comment}”`);
  return lines;
}
