import type { FieldError } from '../../errors.js';
import { LeadStatus, LostReason } from './lifecycle.enums.js';

/** Largest deal numeric(14,2) holds. */
export const MAX_DEAL_VALUE = 999_999_999_999.99;
/** Longest comment on a status change or a score verdict. */
export const MAX_COMMENT_LENGTH = 1000;

const ORDER: readonly LeadStatus[] = [LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.WON];
/** Where an admin may reopen a closed lead to. */
const REOPEN_TO: readonly LeadStatus[] = [LeadStatus.CONTACTED, LeadStatus.QUALIFIED];

export const isClosed = (status: LeadStatus): boolean => status === LeadStatus.WON || status === LeadStatus.LOST;

export interface StatusChangeInput {
  status: LeadStatus;
  dealValue?: number | null;
  lostReason?: LostReason | null;
  comment?: string | null;
}

/** What may happen from a status: `next` for anyone who may write, `reopen` for admins only. */
export function allowedTransitions(from: LeadStatus): { next: LeadStatus[]; reopen: LeadStatus[] } {
  if (isClosed(from)) return { next: [], reopen: [...REOPEN_TO] };
  const later = ORDER.slice(ORDER.indexOf(from) + 1);
  return { next: [...later, LeadStatus.LOST], reopen: [] };
}

export type TransitionVerdict = { ok: true } | { ok: false; errors: FieldError[] } | { ok: false; adminOnly: string };

/**
 * Pure: whether a lead in `from` may move as `input` says. Open statuses move forward or to LOST;
 * WON and LOST are reopened (to CONTACTED or QUALIFIED) by admins only; WON needs a deal value
 * above 0, LOST a reason; a deal value or reason that does not fit the new status is refused
 * rather than dropped, so a client bug shows.
 */
export function checkTransition(from: LeadStatus, input: StatusChangeInput, isAdmin: boolean): TransitionVerdict {
  const errors: FieldError[] = [];
  const { next, reopen } = allowedTransitions(from);
  const to = input.status;
  let adminOnly: string | undefined;
  if (to === from) {
    errors.push({ field: 'input.status', code: 'INVALID_TRANSITION', message: `The lead is ${from} already.` });
  } else if (reopen.includes(to)) {
    if (!isAdmin) adminOnly = `Only an admin may reopen a ${from} lead.`;
  } else if (!next.includes(to)) {
    const allowed = [...next, ...reopen];
    errors.push({
      field: 'input.status',
      code: 'INVALID_TRANSITION',
      message: `A ${from} lead cannot move to ${to}; it may move to ${allowed.join(' or ')}${reopen.length ? ' (reopened by an admin)' : ''}.`,
    });
  }

  const dealValue = input.dealValue;
  if (to === LeadStatus.WON) {
    if (dealValue == null) errors.push({ field: 'input.dealValue', code: 'REQUIRED', message: 'A won lead needs its deal value (EUR).' });
    else if (!Number.isFinite(dealValue) || dealValue <= 0 || dealValue > MAX_DEAL_VALUE) {
      errors.push({ field: 'input.dealValue', code: 'OUT_OF_RANGE', message: `The deal value must be above 0 and at most ${MAX_DEAL_VALUE} EUR (got ${dealValue}).` });
    }
  } else if (dealValue != null) {
    errors.push({ field: 'input.dealValue', code: 'INVALID_TRANSITION', message: 'A deal value is given only when the lead is WON.' });
  }
  if (to === LeadStatus.LOST) {
    if (input.lostReason == null) errors.push({ field: 'input.lostReason', code: 'REQUIRED', message: 'A lost lead needs the reason it was lost.' });
  } else if (input.lostReason != null) {
    errors.push({ field: 'input.lostReason', code: 'INVALID_TRANSITION', message: 'A lost reason is given only when the lead is LOST.' });
  }
  commentErrors(input.comment, errors);

  if (errors.length) return { ok: false, errors };
  if (adminOnly) return { ok: false, adminOnly };
  return { ok: true };
}

export function commentErrors(comment: string | null | undefined, errors: FieldError[]): void {
  const length = comment?.trim().length ?? 0;
  if (length > MAX_COMMENT_LENGTH) errors.push({ field: 'input.comment', code: 'TOO_LONG', message: `A comment may have at most ${MAX_COMMENT_LENGTH} characters (got ${length}).` });
}

export interface LifecycleFields {
  status: LeadStatus;
  contactedAt?: Date | null;
  closedAt?: Date | null;
  dealValue?: number | null;
  lostReason?: LostReason | null;
}

/**
 * Pure: the lead's lifecycle fields after an allowed change. The first move out of NEW sets
 * contactedAt (kept forever after); closing sets closedAt and the outcome; reopening clears them.
 */
export function applyTransition(lead: LifecycleFields, input: StatusChangeInput, now: Date): LifecycleFields {
  const to = input.status;
  const closing = isClosed(to);
  return {
    status: to,
    contactedAt: lead.contactedAt ?? (to !== LeadStatus.NEW ? now : null),
    closedAt: closing ? now : null,
    dealValue: to === LeadStatus.WON ? Math.round(input.dealValue! * 100) / 100 : null,
    lostReason: to === LeadStatus.LOST ? input.lostReason! : null,
  };
}

/** A trimmed comment, or null when blank. */
export function cleanComment(comment: string | null | undefined): string | null {
  const trimmed = comment?.trim();
  return trimmed ? trimmed : null;
}
