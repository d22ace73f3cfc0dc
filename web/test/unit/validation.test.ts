import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src/i18n';
import { emptyLeadForm, errorText, FIELD_ERROR_CODES, fieldErrorText, serverFieldErrors, validateLeadForm } from '../../src/lib/validation';
import { leadRulesResult } from './support';

const i18n = createAppI18n('en');
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
const de = createAppI18n('de');
const tDe = (key: string, params?: Record<string, unknown>) => de.global.t(key, params ?? {});

// the server's patterns, with a length limit other than the server's: the form copies no rule
const rules = { ...leadRulesResult().data.leadRules, maxTextLength: 12 };

describe('validateLeadForm', () => {
  it('asks for name, company and every dropdown', () => {
    expect(validateLeadForm(emptyLeadForm(), t, rules)).toEqual({
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
    expect(validateLeadForm({ ...values }, t, rules)).toEqual({});
    expect(validateLeadForm({ ...values, email: 'anna@' }, t, rules)).toEqual({ email: 'Enter an email address like anna@example.com.' });
    expect(validateLeadForm({ ...values, name: '   ' }, t, rules)).toHaveProperty('name');
  });
  it("checks lengths, e-mail and phone by the server's rules, and only once they have arrived", () => {
    const values = { ...emptyLeadForm(), name: 'Anna', company: 'Isar', budget: 'OVER_100K', companySize: 'SIZE_11_50', industry: 'RETAIL', urgency: 'THIS_WEEK', source: 'EVENT' } as const;
    const odd = { ...values, company: 'Isar Software GmbH', email: 'anna@', phone: 'call me maybe' };
    expect(validateLeadForm(odd, t, rules)).toEqual({
      company: 'Company is too long; shorten it.',
      email: 'Enter an email address like anna@example.com.',
      phone: 'Enter a phone number like +49\u00a030\u00a01234567.',
    });
    expect(validateLeadForm({ ...odd, company: ' Isar Finanz ', phone: ' +49 (30) 123-45 ' }, t, rules)).toEqual({ email: 'Enter an email address like anna@example.com.' });
    expect(validateLeadForm(odd, t, { ...rules, maxTextLength: 200, emailPattern: '@', phonePattern: '^[a-z ]+$' })).toEqual({});
    expect(validateLeadForm(odd, t, null)).toEqual({});
  });
});

describe('serverFieldErrors', () => {
  it('maps BAD_USER_INPUT fields to form fields, in the words of the form', () => {
    const result = serverFieldErrors(
      [
        {
          message: 'Invalid input.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'phone', code: 'INVALID_PHONE', message: 'Phone may contain digits, spaces and + ( ) - / . only (3–40 characters).' },
              { field: 'first', code: 'OUT_OF_RANGE', message: 'first must be between 1 and 200 (got 500).' },
            ],
          },
        },
      ],
      t,
    );
    expect(result.fields).toEqual({ phone: 'Enter a phone number like +49\u00a030\u00a01234567.' });
    // no label for `first`: the server's own words are more precise than a half translation
    expect(result.general).toEqual(['first must be between 1 and 200 (got 500).']);
  });

  it('translates every known code to German', () => {
    const fields = [
      { field: 'input.name', code: 'REQUIRED', message: 'Name is required.' },
      { field: 'company', code: 'TOO_LONG', message: 'Company must be at most 200 characters (got 201).' },
      { field: 'email', code: 'INVALID_EMAIL', message: '"x@" is not a valid email address.' },
      { field: 'phone', code: 'INVALID_PHONE', message: 'Phone may contain digits only.' },
      { field: 'budget', code: 'NOT_REMOVABLE', message: 'budget cannot be removed, only changed.' },
    ];
    expect(serverFieldErrors([{ message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields } }], tDe).fields).toEqual({
      name: 'Name ist erforderlich.',
      company: 'Firma ist zu lang; bitte kürzen.',
      email: 'Geben Sie eine E-Mail-Adresse wie anna@beispiel.de ein.',
      phone: 'Geben Sie eine Telefonnummer wie +49\u00a030\u00a01234567 ein.',
      budget: 'Budget kann nicht entfernt, nur geändert werden.',
    });
  });

  it('has English and German text for every code the server sends', () => {
    for (const code of FIELD_ERROR_CODES) {
      for (const translate of [t, tDe]) {
        const text = fieldErrorText({ field: 'name', code, message: 'server text' }, translate);
        expect(text, code).not.toBe('server text');
        expect(text, code).not.toContain('serverError.');
      }
    }
  });

  it("falls back to the server's message for a code it does not know", () => {
    const item = { field: 'email', code: 'DISPOSABLE_EMAIL', message: 'Use a company address, not a throwaway one.' };
    expect(fieldErrorText(item, tDe)).toBe('Use a company address, not a throwaway one.');
    expect(serverFieldErrors([{ message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields: [item] } }], t).fields).toEqual({
      email: 'Use a company address, not a throwaway one.',
    });
    // no message either: the error's own message
    expect(fieldErrorText({ field: 'email', code: 'NEW_CODE' }, t, 'Invalid input.')).toBe('Invalid input.');
  });

  it('keeps other errors as general messages', () => {
    expect(serverFieldErrors([{ message: 'The database is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }], t).general).toEqual(['The database is unavailable']);
  });
});

describe('errorText', () => {
  it('translates a refused list request and keeps other failures as they are', () => {
    const refused = {
      message: 'Invalid input. after: not a cursor',
      graphQLErrors: [{ message: 'Invalid input. after: not a cursor', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'after', code: 'INVALID_CURSOR', message: 'after is not a cursor of this list' }] } }],
    };
    expect(errorText(refused, t)).toBe('The list changed while loading more. Reload to continue.');
    expect(errorText({ ...refused, graphQLErrors: [{ ...refused.graphQLErrors[0], extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'filter.search', code: 'TOO_LONG', message: 'search must be at most 200 characters.' }] } }] }, tDe)).toBe('Suche ist zu lang; bitte kürzen.');
    expect(errorText({ message: 'Failed to fetch', graphQLErrors: [] }, t)).toBe('Failed to fetch');
  });
});
