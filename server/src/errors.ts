import { GraphQLError } from 'graphql';
import { registerEnumType } from 'type-graphql';

/** Stable codes clients can branch on (`extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * Why a field was refused, stable for clients that show their own (translated) text. Named once:
 * the schema publishes it as the FieldErrorCode enum, so clients need no copy of the list.
 */
export const FieldErrorCode = {
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_PHONE: 'INVALID_PHONE',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  INVALID_CURSOR: 'INVALID_CURSOR',
  NOT_REMOVABLE: 'NOT_REMOVABLE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INVALID_TEXT: 'INVALID_TEXT',
  TOO_SHORT: 'TOO_SHORT',
  ALREADY_TAKEN: 'ALREADY_TAKEN',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  LAST_ADMIN: 'LAST_ADMIN',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

registerEnumType(FieldErrorCode, {
  name: 'FieldErrorCode',
  description: 'Why a field was refused: `extensions.fields[].code` of a BAD_USER_INPUT error holds one of these.',
  valuesConfig: {
    REQUIRED: { description: 'Missing or blank.' },
    TOO_LONG: { description: 'Longer than allowed (see LeadRules.maxTextLength).' },
    INVALID_EMAIL: { description: 'Not an e-mail address (see LeadRules.emailPattern).' },
    INVALID_PHONE: { description: 'Not a phone number (see LeadRules.phonePattern).' },
    OUT_OF_RANGE: { description: 'A number outside its range, e.g. first above LeadRules.maxPageSize.' },
    INVALID_CURSOR: { description: 'Not a cursor of this list and order.' },
    NOT_REMOVABLE: { description: 'A required field cannot be set to null.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was used for a different request.' },
    INVALID_TEXT: { description: 'Text holds a character that cannot be stored (NUL).' },
    TOO_SHORT: { description: 'Shorter than allowed, e.g. a password under 8 characters.' },
    ALREADY_TAKEN: { description: 'Already in use, e.g. the e-mail address of another account.' },
    WRONG_PASSWORD: { description: 'The current password is not right.' },
    LAST_ADMIN: { description: 'The change would leave the tenant without an active admin.' },
    INVALID_TRANSITION: { description: 'The lead cannot move to this status from its current one, or the field does not fit that status (dealValue is for WON, lostReason for LOST).' },
    NOT_A_MEMBER: { description: 'Not an active member of your team, e.g. the owner a lead is assigned to.' },
  },
});

export interface FieldError {
  /** Name of the input field, e.g. `email` */
  field: string;
  code: FieldErrorCode;
  /** English text a person can act on */
  message: string;
}

export function badUserInput(fields: FieldError[]): GraphQLError {
  const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new GraphQLError(`Invalid input. ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
  });
}

export function unauthenticated(message = 'Sign in or send an API key (Authorization: Bearer …) to use this API.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

/** Nothing of that id in the caller's tenant (another tenant's ids are "not found" too). */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function serviceUnavailable(message = 'The database is unavailable right now; try again in a few seconds.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } } });
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '08000', '08003', '08006', '08001', '08004',
]);

/** True for errors that mean "the database cannot be reached", wherever they were wrapped. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause ?? e.originalError, depth++) {
    if (CONNECTION_ERROR_CODES.has(e.code)) return true;
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection/i.test(e.message)) return true;
    // knex still runs a transaction's body when BEGIN failed on a dead connection; its first statement then fails so
    if (typeof e.message === 'string' && /^Transaction query already complete/.test(e.message)) return true;
  }
  return false;
}
