import { LeadTier } from '../modules/leads/lead.enums.js';
import { LeadActivityKind, LeadStatus, LostReason, ScoreFeedback } from '../modules/lifecycle/lifecycle.enums.js';
import { BudgetRange } from '../modules/scoring/scoring.enums.js';

/**
 * Six months of made-up sales work for the demo leads: owners, first contacts (fast for hot
 * leads, slower for cold ones, sometimes too slow), qualification, and outcomes whose odds rise
 * with the score but are far from certain (P(won | closed) ≈ 0.05 + 0.7 · (score/100)^1.5 plus
 * noise: about 0.3 at 50, 0.5 at 75), deal values that follow the budget, lost reasons, and now
 * and then a rep's verdict on the score. Pure and deterministic: the same seed and `now` give the
 * same history.
 */

export interface DemoPerson {
  id: string;
  name: string;
}

export interface HistoryLead {
  score: number;
  tier: LeadTier;
  budget: BudgetRange;
  createdAt: Date;
}

export interface LeadHistory {
  status: LeadStatus;
  owner: DemoPerson | null;
  contactedAt: Date | null;
  closedAt: Date | null;
  dealValue: number | null;
  lostReason: LostReason | null;
  lastActivityAt: Date;
  activities: DemoActivity[];
  feedback: { user: DemoPerson; verdict: ScoreFeedback; at: Date } | null;
}

export interface DemoActivity {
  kind: LeadActivityKind;
  actor: DemoPerson;
  at: Date;
  fromStatus?: LeadStatus;
  toStatus?: LeadStatus;
  owner?: DemoPerson;
  feedback?: ScoreFeedback;
  dealValue?: number;
  lostReason?: LostReason;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Mean hours to the first contact, per tier: hot leads get called within the hour, cold ones in days. */
const CONTACT_HOURS: Record<LeadTier, number> = { HOT: 0.6, KEY_ACCOUNT: 2.5, WARM: 20, COLD: 70 };
/** Chance nobody ever calls (the lead stays NEW). */
const FORGOTTEN: Record<LeadTier, number> = { HOT: 0.03, KEY_ACCOUNT: 0.04, WARM: 0.1, COLD: 0.25 };
const DEAL_RANGE: Record<BudgetRange, [number, number]> = {
  UNDER_10K: [2_000, 10_000],
  FROM_10K_TO_50K: [10_000, 50_000],
  FROM_50K_TO_100K: [50_000, 100_000],
  OVER_100K: [100_000, 250_000],
};
const LOST_REASONS: Array<[LostReason, number]> = [
  [LostReason.NO_RESPONSE, 25],
  [LostReason.COMPETITOR, 20],
  [LostReason.NO_NEED, 15],
  [LostReason.NO_BUDGET, 15],
  [LostReason.BAD_FIT, 15],
  [LostReason.OTHER, 10],
];

function random(seed: number) {
  let state = seed % 2 ** 31 || 1;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return {
    next,
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
    /** exponential with this mean */
    exp: (mean: number) => -mean * Math.log(1 - next()),
    weighted<T>(choices: ReadonlyArray<[T, number]>): T {
      let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [choice, weight] of choices) if ((roll -= weight) < 0) return choice;
      return choices[choices.length - 1][0];
    },
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The chance a closed lead of this score was won, before noise. */
export const winChance = (score: number) => 0.05 + 0.7 * (score / 100) ** 1.5;

export function demoHistory(leads: readonly HistoryLead[], people: { admin: DemoPerson; reps: readonly DemoPerson[] }, seed: number, now: Date): LeadHistory[] {
  const r = random(seed * 7_919 + 13);
  const end = now.getTime();
  return leads.map((lead) => {
    const created = lead.createdAt.getTime();
    const score = lead.score;
    const activities: DemoActivity[] = [];
    const history: LeadHistory = { status: LeadStatus.NEW, owner: null, contactedAt: null, closedAt: null, dealValue: null, lostReason: null, lastActivityAt: lead.createdAt, activities, feedback: null };

    // the admin hands out most leads soon after they come in; some wait
    const assignedAt = created + r.exp(3) * HOUR;
    if (assignedAt < end && r.next() < 0.92) {
      history.owner = r.next() < 0.1 ? people.admin : r.pick(people.reps);
      activities.push({ kind: LeadActivityKind.ASSIGNED, actor: people.admin, at: new Date(assignedAt), owner: history.owner });
    }
    const owner = history.owner;
    // one lead in seven is called far too late: the SLA breaches of the past
    const slow = r.next() < 0.15 ? 6 : 1;
    const contactedAt = Math.max(assignedAt, created + r.exp(CONTACT_HOURS[lead.tier]) * HOUR * slow);
    const forgotten = r.next() < FORGOTTEN[lead.tier];
    if (!owner || forgotten || contactedAt >= end) return finish(history);

    history.status = LeadStatus.CONTACTED;
    history.contactedAt = new Date(contactedAt);
    activities.push({ kind: LeadActivityKind.STATUS_CHANGED, actor: owner, at: history.contactedAt, fromStatus: LeadStatus.NEW, toStatus: LeadStatus.CONTACTED });

    // a sales cycle of one to a few weeks, longer for bigger deals
    const cycle = (5 + r.exp(12 + lead.budget.length)) * DAY;
    const closedAt = contactedAt + cycle;
    const won = r.next() < clamp(winChance(score) + (r.next() - 0.5) * 0.2, 0.02, 0.95);
    const qualifies = won || r.next() < 0.3 + (0.4 * score) / 100;
    const qualifiedAt = contactedAt + cycle * (0.2 + 0.3 * r.next());
    if (qualifies && qualifiedAt < end) {
      history.status = LeadStatus.QUALIFIED;
      activities.push({ kind: LeadActivityKind.STATUS_CHANGED, actor: owner, at: new Date(qualifiedAt), fromStatus: LeadStatus.CONTACTED, toStatus: LeadStatus.QUALIFIED });
    }
    if (closedAt < end) {
      const from = history.status;
      history.closedAt = new Date(closedAt);
      if (won) {
        const [low, high] = DEAL_RANGE[lead.budget];
        history.status = LeadStatus.WON;
        history.dealValue = Math.round((low + r.next() * (high - low)) / 50) * 50;
        activities.push({ kind: LeadActivityKind.STATUS_CHANGED, actor: owner, at: history.closedAt, fromStatus: from, toStatus: LeadStatus.WON, dealValue: history.dealValue });
      } else {
        history.status = LeadStatus.LOST;
        // small budgets are lost on money more often
        history.lostReason = lead.budget === BudgetRange.UNDER_10K && r.next() < 0.4 ? LostReason.NO_BUDGET : r.weighted(LOST_REASONS);
        activities.push({ kind: LeadActivityKind.STATUS_CHANGED, actor: owner, at: history.closedAt, fromStatus: from, toStatus: LeadStatus.LOST, lostReason: history.lostReason });
      }
    }

    // the owner's verdict on the score, mostly after an outcome; surprises are rated more often
    const closed = history.closedAt !== null;
    const surprising = (history.status === LeadStatus.WON && score < 60) || (history.status === LeadStatus.LOST && score >= 70);
    if (r.next() < (closed ? (surprising ? 0.6 : 0.3) : 0.08)) {
      let verdict: ScoreFeedback = ScoreFeedback.ACCURATE;
      if (surprising && r.next() < 0.75) verdict = history.status === LeadStatus.WON ? ScoreFeedback.TOO_LOW : ScoreFeedback.TOO_HIGH;
      else if (r.next() < 0.2) verdict = r.pick([ScoreFeedback.TOO_HIGH, ScoreFeedback.TOO_LOW]);
      const at = Math.min(end - MINUTE, (history.closedAt?.getTime() ?? contactedAt) + r.exp(12) * HOUR);
      history.feedback = { user: owner, verdict, at: new Date(at) };
      activities.push({ kind: LeadActivityKind.FEEDBACK, actor: owner, at: history.feedback.at, feedback: verdict });
    }
    return finish(history);
  });
}

function finish(history: LeadHistory): LeadHistory {
  history.activities.sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = history.activities.at(-1);
  if (last && last.at > history.lastActivityAt) history.lastActivityAt = last.at;
  return history;
}
