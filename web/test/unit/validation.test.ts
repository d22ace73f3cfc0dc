import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src/i18n';
import { emptyLeadForm, serverFieldErrors, validateLeadForm } from '../../src/lib/validation';

const i18n = createAppI18n('en');
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});

describe('validateLeadForm', () => {
  it('asks for name, company and every dropdown', () => {
    expect(validateLeadForm(emptyLeadForm(), t)).toEqual({
      name: 'Name is required.',
      company: 'Company is required.',
      budget: 'Choose the Budget.',
      companySize: 'Choose the Company size.',
      industry: 'Choose the Industry.',
      urgency: 'Choose the Urgency.',
      source: 'Choose the Source.',
    });
  });
  it('accepts a complete lead and checks an email only when given', () => {
    const values = { ...emptyLeadForm(), name: 'Anna', company: 'Isar', budget: 'OVER_100K', companySize: 'SIZE_11_50', industry: 'RETAIL', urgency: 'THIS_WEEK', source: 'EVENT' } as const;
    expect(validateLeadForm({ ...values }, t)).toEqual({});
    expect(validateLeadForm({ ...values, email: 'anna@' }, t)).toEqual({ email: 'Enter an email address like anna@example.com.' });
    expect(validateLeadForm({ ...values, name: '   ' }, t)).toHaveProperty('name');
  });
});

describe('serverFieldErrors', () => {
  it('maps BAD_USER_INPUT fields to form fields', () => {
    const result = serverFieldErrors([
      {
        message: 'Invalid input.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'phone', message: 'Phone may contain digits only.' }, { field: 'first', message: 'first must be small' }] },
      },
    ]);
    expect(result.fields).toEqual({ phone: 'Phone may contain digits only.' });
    expect(result.general).toEqual(['first must be small']);
  });
  it('keeps other errors as general messages', () => {
    expect(serverFieldErrors([{ message: 'The database is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }]).general).toEqual(['The database is unavailable']);
  });
});
