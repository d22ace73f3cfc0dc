import { LeadStatus } from '../lifecycle/lifecycle.enums.js';

const DAY_MS = 24 * 3600 * 1000;

export interface OutcomeFields {
  createdAt: Date;
  status: LeadStatus;
  closedAt: Date | null;
}

/** A lead's outcome: won within the window, not won, or not known yet. `at` is when it became known. */
export type Outcome = { known: false } | { known: true; won: boolean; at: Date };

/**
 * The one outcome both the experiments and the learned model use: WON within `windowDays` of the
 * lead's creation. A lead is "not won" once it is LOST, or once the window has passed without a win
 * (whatever its status); a lead younger than the window and still open has no outcome yet.
 */
export function leadOutcome(lead: OutcomeFields, windowDays: number, now: Date): Outcome {
  const deadline = new Date(lead.createdAt.getTime() + windowDays * DAY_MS);
  if (lead.status === LeadStatus.WON && lead.closedAt && lead.closedAt <= deadline) return { known: true, won: true, at: lead.closedAt };
  if (now >= deadline) return { known: true, won: false, at: deadline };
  if (lead.status === LeadStatus.LOST && lead.closedAt) return { known: true, won: false, at: lead.closedAt };
  return { known: false };
}
