import { FieldErrorCode, type FieldError } from '../../errors.js';
import { isEmail } from '../../kernel/email.js';
import { UserRole } from '../auth/auth.enums.js';

export const MAX_NAME_LENGTH = 200;

export interface NewMember {
  name: string;
  email: string;
  role: UserRole;
}

/** The input as it will be stored (trimmed, e-mail lower-case), or what is wrong with it. */
export function checkNewMember(input: NewMember): { member: NewMember; problems: FieldError[] } {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  const problems: FieldError[] = [];
  if (!name) problems.push({ field: 'input.name', code: FieldErrorCode.REQUIRED, message: 'Enter the member\'s name.' });
  else if (name.length > MAX_NAME_LENGTH) problems.push({ field: 'input.name', code: FieldErrorCode.TOO_LONG, message: `Shorten the name to ${MAX_NAME_LENGTH} characters.` });
  if (!email) problems.push({ field: 'input.email', code: FieldErrorCode.REQUIRED, message: 'Enter the member\'s e-mail address; it is their sign-in.' });
  else if (!isEmail(email)) problems.push({ field: 'input.email', code: FieldErrorCode.INVALID_EMAIL, message: 'Enter an e-mail address like anna@example.com.' });
  return { member: { name, email, role: input.role }, problems };
}

export interface AdminChange {
  /** the member is an active admin now */
  isActiveAdmin: boolean;
  /** after the change they are still one */
  staysActiveAdmin: boolean;
  /** active admins of the tenant other than this member */
  otherActiveAdmins: number;
}

/** Whether a change takes away the tenant's last active admin: then nobody could manage the team any more. */
export function removesLastAdmin(change: AdminChange): boolean {
  return change.isActiveAdmin && !change.staysActiveAdmin && change.otherActiveAdmins === 0;
}

export function lastAdminError(): FieldError {
  return {
    field: 'id',
    code: FieldErrorCode.LAST_ADMIN,
    message: 'This is the last active admin of the tenant. Make another member an admin first.',
  };
}
