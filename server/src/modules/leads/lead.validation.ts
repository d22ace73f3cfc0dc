import type { FieldError } from '../../errors.js';
import { isEmail } from '../../kernel/email.js';
import { isUuid } from '../../kernel/ids.js';
import type { CreateLeadInput, LeadsArgs, UpdateLeadInput } from './lead.inputs.js';
import { MAX_PAGE_SIZE, MAX_TEXT_LENGTH, PHONE_PATTERN } from './lead.rules.js';

function text(field: string, label: string, value: string | null | undefined, errors: FieldError[]): void {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) errors.push({ field, code: 'REQUIRED', message: `${label} is required.` });
  else if (trimmed.length > MAX_TEXT_LENGTH) errors.push({ field, code: 'TOO_LONG', message: `${label} must be at most ${MAX_TEXT_LENGTH} characters (got ${trimmed.length}).` });
}

function contact(input: { email?: string | null; phone?: string | null }, errors: FieldError[]): void {
  const email = input.email?.trim();
  if (email && !isEmail(email)) errors.push({ field: 'email', code: 'INVALID_EMAIL', message: `"${email.slice(0, 50)}" is not a valid email address.` });
  const phone = input.phone?.trim();
  if (phone && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', code: 'INVALID_PHONE', message: 'Phone may contain digits, spaces and + ( ) - / . only (3–40 characters).' });
}

export function validateCreateLead(input: CreateLeadInput): FieldError[] {
  const errors: FieldError[] = [];
  text('name', 'Name', input.name, errors);
  text('company', 'Company', input.company, errors);
  contact(input, errors);
  return errors;
}

export function validateUpdateLead(input: UpdateLeadInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.name !== undefined) text('name', 'Name', input.name, errors);
  if (input.company !== undefined) text('company', 'Company', input.company, errors);
  contact(input, errors);
  for (const field of ['budget', 'companySize', 'industry', 'urgency', 'source'] as const) {
    if (input[field] === null) errors.push({ field, code: 'NOT_REMOVABLE', message: `${field} cannot be removed, only changed.` });
  }
  return errors;
}

export function validateLeadsArgs(args: LeadsArgs): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    errors.push({ field: 'first', code: 'OUT_OF_RANGE', message: `first must be between 1 and ${MAX_PAGE_SIZE} (got ${args.first}).` });
  }
  const minScore = args.filter?.minScore;
  if (minScore != null && (minScore < 0 || minScore > 100)) {
    errors.push({ field: 'filter.minScore', code: 'OUT_OF_RANGE', message: `minScore must be between 0 and 100 (got ${minScore}).` });
  }
  if ((args.filter?.search?.length ?? 0) > MAX_TEXT_LENGTH) {
    errors.push({ field: 'filter.search', code: 'TOO_LONG', message: `search must be at most ${MAX_TEXT_LENGTH} characters.` });
  }
  const ownerIds = args.filter?.ownerIds ?? [];
  if (ownerIds.length > MAX_PAGE_SIZE) {
    errors.push({ field: 'filter.ownerIds', code: 'OUT_OF_RANGE', message: `ownerIds may list at most ${MAX_PAGE_SIZE} owners (got ${ownerIds.length}).` });
  } else if (ownerIds.some((id) => !isUuid(id))) {
    errors.push({ field: 'filter.ownerIds', code: 'NOT_A_MEMBER', message: 'ownerIds must be ids of team members (see teamMembers).' });
  }
  return errors;
}

/** Trimmed text, with empty optional fields stored as null. */
export function cleanOptional(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
