import type { BudgetRange, CompanySize, FieldErrorCode, Industry, LeadSource, Urgency } from '../gql/graphql';
import type { Translate } from './preview';

export interface LeadFormValues {
  name: string;
  company: string;
  email: string;
  phone: string;
  budget: BudgetRange | '';
  companySize: CompanySize | '';
  industry: Industry | '';
  urgency: Urgency | '';
  source: LeadSource | '';
}

export type LeadField = keyof LeadFormValues;
export type FieldErrors = Partial<Record<LeadField, string>>;

export const LEAD_FIELDS: readonly LeadField[] = ['name', 'company', 'email', 'phone', 'budget', 'companySize', 'industry', 'urgency', 'source'];

export function emptyLeadForm(): LeadFormValues {
  return { name: '', company: '', email: '', phone: '', budget: '', companySize: '', industry: '', urgency: '', source: '' };
}

/** What the server checks text by (`leadRules`); the form checks the same before sending. */
export interface TextRules {
  maxTextLength: number;
  emailPattern: string;
  phonePattern: string;
}

const patterns = new Map<string, RegExp>();
function matches(pattern: string, text: string): boolean {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern)));
  return re.test(text);
}

/**
 * What the rep has to fix before the lead can be sent. The server checks everything again; until
 * its rules have arrived (`rules` null) only what needs no rule is checked.
 */
export function validateLeadForm(values: LeadFormValues, t: Translate, rules: TextRules | null): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['name', 'company'] as const) {
    const text = values[field].trim();
    if (!text) errors[field] = t('form.error.required', { field: t(`field.${field}`) });
    else if (rules && text.length > rules.maxTextLength) errors[field] = t('serverError.TOO_LONG', { field: t(`field.${field}`) });
  }
  const email = values.email.trim();
  if (rules && email && !matches(rules.emailPattern, email)) errors.email = t('form.error.email');
  const phone = values.phone.trim();
  if (rules && phone && !matches(rules.phonePattern, phone)) errors.phone = t('serverError.INVALID_PHONE');
  for (const field of ['budget', 'companySize', 'industry', 'urgency', 'source'] as const) {
    if (!values[field]) errors[field] = t('form.error.choose', { field: t(`field.${field}`) });
  }
  return errors;
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

// every code of the schema's FieldErrorCode: a code the schema gains fails the build until it is listed (and translated)
const fieldErrorCodes = {
  REQUIRED: 1, TOO_LONG: 1, INVALID_EMAIL: 1, INVALID_PHONE: 1, OUT_OF_RANGE: 1, INVALID_CURSOR: 1, NOT_REMOVABLE: 1, IDEMPOTENCY_KEY_REUSED: 1, INVALID_TEXT: 1,
  TOO_SHORT: 1, ALREADY_TAKEN: 1, WRONG_PASSWORD: 1, LAST_ADMIN: 1,
  INVALID_TRANSITION: 1, NOT_A_MEMBER: 1,
} satisfies Record<FieldErrorCode, 1>;

/** Why the server refused a field (`extensions.fields[].code`); the server's `message` is English only. */
export const FIELD_ERROR_CODES = Object.keys(fieldErrorCodes) as FieldErrorCode[];
export type { FieldErrorCode };

// codes whose text names no field
const WITHOUT_FIELD: readonly FieldErrorCode[] = ['INVALID_EMAIL', 'INVALID_PHONE', 'INVALID_CURSOR', 'IDEMPOTENCY_KEY_REUSED', 'INVALID_TEXT', 'WRONG_PASSWORD', 'LAST_ADMIN', 'INVALID_TRANSITION', 'NOT_A_MEMBER'];
// input paths that are not lead form fields but have a label
const OTHER_LABELS: Record<string, string> = { 'filter.search': 'leads.search' };

export interface ServerFieldError {
  field?: unknown;
  code?: unknown;
  message?: unknown;
}

function isKnownCode(code: unknown): code is FieldErrorCode {
  return FIELD_ERROR_CODES.includes(code as FieldErrorCode);
}

/**
 * The rep's language for a refused field: a translation for a known code, else the server's message
 * (a newer server may send codes this app does not know yet, or a field it has no label for).
 */
export function fieldErrorText(item: ServerFieldError, t: Translate, fallback = ''): string {
  const message = typeof item.message === 'string' && item.message ? item.message : fallback;
  if (!isKnownCode(item.code)) return message;
  if (WITHOUT_FIELD.includes(item.code)) return t(`serverError.${item.code}`);
  const path = String(item.field ?? '').replace(/^input\./, '');
  const labelKey = LEAD_FIELDS.includes(path as LeadField) ? `field.${path}` : OTHER_LABELS[path];
  if (!labelKey) return message;
  return t(`serverError.${item.code}`, { field: t(labelKey) });
}

function badInputFields(error: GraphQLErrorLike): ServerFieldError[] | undefined {
  const list = error.extensions?.code === 'BAD_USER_INPUT' ? error.extensions.fields : undefined;
  return Array.isArray(list) ? (list as ServerFieldError[]) : undefined;
}

/**
 * The errors of a refused request sorted onto a form: field errors (`extensions.code =
 * BAD_USER_INPUT`, `extensions.fields`) go to the form's own field (the first per field), the rest
 * to `general`. `fieldText` and `otherText` put each in the user's language.
 */
export function formFieldErrors<F extends string>(
  errors: readonly GraphQLErrorLike[] | undefined,
  formFields: readonly F[],
  fieldText: (item: ServerFieldError, error: GraphQLErrorLike) => string,
  otherText: (error: GraphQLErrorLike) => string = (error) => error.message,
): { fields: Partial<Record<F, string>>; general: string[] } {
  const fields: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const error of errors ?? []) {
    const list = badInputFields(error);
    if (!list) {
      general.push(otherText(error));
      continue;
    }
    for (const item of list) {
      const field = String(item.field ?? '').replace(/^input\./, '') as F;
      const text = fieldText(item, error);
      if (formFields.includes(field)) fields[field] ??= text;
      else general.push(text);
    }
  }
  return { fields, general };
}

/** The lead form's errors of a refused request (see formFieldErrors). */
export function serverFieldErrors(errors: readonly GraphQLErrorLike[] | undefined, t: Translate): { fields: FieldErrors; general: string[] } {
  return formFieldErrors(errors, LEAD_FIELDS, (item, error) => fieldErrorText(item, t, error.message));
}

/** One line for a failed load: the translated field errors of a refused request, else the error's message. */
export function errorText(error: { message: string; graphQLErrors?: readonly GraphQLErrorLike[] } | null | undefined, t: Translate): string {
  if (!error) return '';
  const texts = (error.graphQLErrors ?? []).flatMap((e) => badInputFields(e)?.map((item) => fieldErrorText(item, t, e.message)) ?? []);
  return texts.length ? [...new Set(texts)].join(' ') : error.message;
}
