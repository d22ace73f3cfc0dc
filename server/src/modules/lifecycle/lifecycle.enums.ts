import { registerEnumType } from 'type-graphql';

/** Where a lead stands in the sales process, in the order it normally moves. */
export enum LeadStatus {
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  QUALIFIED = 'QUALIFIED',
  WON = 'WON',
  LOST = 'LOST',
}

export enum LostReason {
  NO_BUDGET = 'NO_BUDGET',
  NO_NEED = 'NO_NEED',
  COMPETITOR = 'COMPETITOR',
  NO_RESPONSE = 'NO_RESPONSE',
  BAD_FIT = 'BAD_FIT',
  OTHER = 'OTHER',
}

/** A rep's verdict on a lead's score. */
export enum ScoreFeedback {
  ACCURATE = 'ACCURATE',
  TOO_HIGH = 'TOO_HIGH',
  TOO_LOW = 'TOO_LOW',
}

export enum LeadActivityKind {
  STATUS_CHANGED = 'STATUS_CHANGED',
  ASSIGNED = 'ASSIGNED',
  FEEDBACK = 'FEEDBACK',
}

registerEnumType(LeadStatus, {
  name: 'LeadStatus',
  description: 'NEW → CONTACTED → QUALIFIED → WON, or LOST from any open status. WON and LOST are closed; an admin may reopen them.',
  valuesConfig: {
    NEW: { description: 'Not contacted yet; the SLA of its tier runs.' },
    WON: { description: 'Closed with a deal (dealValue in EUR).' },
    LOST: { description: 'Closed without a deal (lostReason says why).' },
  },
});
registerEnumType(LostReason, { name: 'LostReason' });
registerEnumType(ScoreFeedback, {
  name: 'ScoreFeedback',
  valuesConfig: {
    ACCURATE: { description: 'The score matched the lead.' },
    TOO_HIGH: { description: 'The lead was worth less than its score said.' },
    TOO_LOW: { description: 'The lead was worth more than its score said.' },
  },
});
registerEnumType(LeadActivityKind, { name: 'LeadActivityKind' });

/** Statuses a lead is still being worked in. */
export const OPEN_STATUSES: readonly LeadStatus[] = [LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED];
