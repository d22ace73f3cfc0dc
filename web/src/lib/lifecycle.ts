import type { LeadStatus, LostReason, UserRole } from '../gql/graphql';
import type { Translate } from './preview';

/**
 * The sales process as the server enforces it (server/src/modules/lifecycle/transitions.ts): the
 * web app offers only the moves the server allows, and still shows the server's refusal should the
 * two ever differ.
 */
export const STATUS_ORDER: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'WON'];
export const ALL_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST'];
/** Statuses a lead is still being worked in. */
export const OPEN_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED'];
/** Where an admin may reopen a closed lead to. */
const REOPEN_TO: readonly LeadStatus[] = ['CONTACTED', 'QUALIFIED'];
export const LOST_REASONS: readonly LostReason[] = ['NO_BUDGET', 'NO_NEED', 'COMPETITOR', 'NO_RESPONSE', 'BAD_FIT', 'OTHER'];

export const isClosed = (status: LeadStatus): boolean => status === 'WON' || status === 'LOST';

export interface StatusMove {
  to: LeadStatus;
  /** Reopening a closed lead (admins only) */
  reopen: boolean;
  /** The usual next step (NEW → CONTACTED → QUALIFIED → WON): the button a rep most often wants, shown first in weight */
  next: boolean;
}

/**
 * The status buttons of a lead: an open lead moves to any later status or to LOST; a closed one
 * only reopens, and only for an admin.
 */
export function statusMoves(from: LeadStatus, role: UserRole | null | undefined): StatusMove[] {
  if (isClosed(from)) return role === 'ADMIN' ? REOPEN_TO.map((to) => ({ to, reopen: true, next: false })) : [];
  const later = STATUS_ORDER.slice(STATUS_ORDER.indexOf(from) + 1);
  return [...later, 'LOST' as const].map((to, i) => ({ to, reopen: false, next: i === 0 }));
}

/** What a move asks for before it is sent: the deal value for WON, the reason for LOST. */
export function needsDetails(to: LeadStatus): 'dealValue' | 'lostReason' | null {
  if (to === 'WON') return 'dealValue';
  if (to === 'LOST') return 'lostReason';
  return null;
}

/**
 * A deal value as typed ("12.500", "12,500.50", "12500,5 €") in EUR, or null when it is not a
 * positive amount. Both decimal marks are accepted; a mark followed by exactly three digits is
 * read as a thousands separator.
 */
export function parseDealValue(text: string): number | null {
  const cleaned = text.replace(/[\s€]|EUR/gi, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const marks = [...cleaned.matchAll(/[.,]/g)].map((m) => m.index!);
  let normalized = cleaned;
  if (marks.length) {
    const last = marks.at(-1)!;
    const decimals = cleaned.length - last - 1;
    const isDecimal = decimals !== 3 || (marks.length > 1 && cleaned[last] !== cleaned[marks[0]]);
    normalized = isDecimal
      ? cleaned.slice(0, last).replace(/[.,]/g, '') + '.' + cleaned.slice(last + 1)
      : cleaned.replace(/[.,]/g, '');
  }
  const value = Number(normalized);
  return Number.isFinite(value) && value > 0 ? Math.round(value * 100) / 100 : null;
}

export interface StatusDetails {
  dealValue: string;
  lostReason: LostReason | '';
}

/** Errors of the WON/LOST details, keyed by field; empty when the move may be sent. */
export function validateStatusDetails(to: LeadStatus, details: StatusDetails, t: Translate): Partial<Record<keyof StatusDetails, string>> {
  const errors: Partial<Record<keyof StatusDetails, string>> = {};
  if (to === 'WON' && parseDealValue(details.dealValue) === null) {
    errors.dealValue = details.dealValue.trim() ? t('lifecycle.dealValueInvalid') : t('lifecycle.dealValueRequired');
  }
  if (to === 'LOST' && !details.lostReason) errors.lostReason = t('lifecycle.lostReasonRequired');
  return errors;
}
