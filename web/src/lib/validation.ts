import type { BudgetRange, CompanySize, Industry, LeadSource, Urgency } from '../gql/graphql';
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

// the server is the authority (it also checks lengths and phone format); this only catches the obvious early
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLeadForm(values: LeadFormValues, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t('form.error.required', { field: t('field.name') });
  if (!values.company.trim()) errors.company = t('form.error.required', { field: t('field.company') });
  if (values.email.trim() && !EMAIL.test(values.email.trim())) errors.email = t('form.error.email');
  for (const field of ['budget', 'companySize', 'industry', 'urgency', 'source'] as const) {
    if (!values[field]) errors[field] = t('form.error.choose', { field: t(`field.${field}`) });
  }
  return errors;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

/**
 * Field errors the server returned (`extensions.code = BAD_USER_INPUT`, `extensions.fields`), keyed by
 * form field; anything the form has no field for goes to `general`.
 */
export function serverFieldErrors(errors: readonly GraphQLErrorLike[] | undefined): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const error of errors ?? []) {
    const list = error.extensions?.code === 'BAD_USER_INPUT' ? error.extensions.fields : undefined;
    if (!Array.isArray(list)) {
      general.push(error.message);
      continue;
    }
    for (const item of list as Array<{ field?: unknown; message?: unknown }>) {
      const field = String(item.field ?? '').replace(/^input\./, '') as LeadField;
      const message = String(item.message ?? error.message);
      if (LEAD_FIELDS.includes(field)) fields[field] ??= message;
      else general.push(message);
    }
  }
  return { fields, general };
}
