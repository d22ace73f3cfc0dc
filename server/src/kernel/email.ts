/**
 * The one e-mail rule (leads, admins of new tenants; the web app reads it through `leadRules`).
 * Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest address SMTP carries. */
export const MAX_EMAIL_LENGTH = 320;

/** Expects trimmed text. */
export function isEmail(text: string): boolean {
  return text.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(text);
}
