// Plain values, no decorators: security.ts reads MAX_PAGE_SIZE before the schema is built.
import { FieldErrorCode } from '../../errors.js';
import { EMAIL_PATTERN } from '../../kernel/email.js';
import { DEFAULT_LEAD_SOURCE } from './lead.enums.js';
import type { LeadRules } from './lead.types.js';

/** Names and companies, and the longest search. */
export const MAX_TEXT_LENGTH = 200;
export const MAX_PAGE_SIZE = 200;
export const PHONE_PATTERN = /^\+?[0-9 ()./-]{3,40}$/;

/** What `leadRules` answers. */
export const LEAD_RULES: Readonly<LeadRules> = Object.freeze({
  maxTextLength: MAX_TEXT_LENGTH,
  emailPattern: EMAIL_PATTERN.source,
  phonePattern: PHONE_PATTERN.source,
  maxPageSize: MAX_PAGE_SIZE,
  defaultSource: DEFAULT_LEAD_SOURCE,
  fieldErrorCodes: Object.values(FieldErrorCode),
});
