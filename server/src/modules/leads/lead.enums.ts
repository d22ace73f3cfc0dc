import { registerEnumType } from 'type-graphql';

/** Lead vocabulary: where a lead came from, and the band its score falls in. */
export enum LeadSource {
  WEBSITE = 'WEBSITE',
  REFERRAL = 'REFERRAL',
  EVENT = 'EVENT',
  OUTBOUND = 'OUTBOUND',
  PARTNER = 'PARTNER',
  ADVERTISING = 'ADVERTISING',
  OTHER = 'OTHER',
}

/** Highest first; the thresholds come from the tenant's scoring model. */
export enum LeadTier {
  HOT = 'HOT',
  KEY_ACCOUNT = 'KEY_ACCOUNT',
  WARM = 'WARM',
  COLD = 'COLD',
}

/** The source of a lead created without one. */
export const DEFAULT_LEAD_SOURCE = LeadSource.OTHER;

registerEnumType(LeadSource, { name: 'LeadSource', description: 'Where the lead came from (tracked, not scored by default).' });
registerEnumType(LeadTier, {
  name: 'LeadTier',
  description: 'Band of the score; thresholds come from the scoring model (default HOT ≥ 85, KEY_ACCOUNT ≥ 70, WARM ≥ 40).',
});
