import { GraphQLError } from 'graphql';

/** Stable codes clients can branch on (`extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** Why a field was refused, stable for clients that show their own (translated) text. */
export type FieldErrorCode = 'REQUIRED' | 'TOO_LONG' | 'INVALID_EMAIL' | 'INVALID_PHONE' | 'OUT_OF_RANGE' | 'INVALID_CURSOR' | 'NOT_REMOVABLE' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_TEXT';

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
