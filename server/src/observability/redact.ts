import { pino } from 'pino';
import { sanitizeSql } from './database.js';

const SQL_START = /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release)\b/i;
// PostgreSQL's fields that quote row values (`Key (email)=(…) already exists`) or whole statements
const VALUE_FIELDS = ['detail', 'where', 'internalQuery', 'hint', 'parameters', 'params', 'bindings', 'sql', 'query'];

type Serialized = Record<string, unknown> & { message?: string; stack?: string; cause?: unknown };

function looksLikeDatabaseError(err: Serialized): boolean {
  return (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && 'severity' in err) || (typeof err.message === 'string' && SQL_START.test(err.message));
}

/** "<sql with values> - <PostgreSQL message>" (as knex and MikroORM build it) without the values. */
function scrubMessage(message: string): string {
  const split = SQL_START.test(message) ? message.lastIndexOf(' - ') : -1;
  const sql = split >= 0 ? `${sanitizeSql(message.slice(0, split))} - ` : '';
  const text = split >= 0 ? message.slice(split + 3) : message;
  return sql + text.replace(/"[^"]*"/g, '"?"').replace(/\([^()]*\)=\([^()]*\)/g, '(?)=(?)');
}

function scrub(err: Serialized): Serialized {
  if (looksLikeDatabaseError(err)) {
    for (const field of VALUE_FIELDS) delete err[field];
    if (typeof err.message === 'string') {
      const original = err.message;
      err.message = scrubMessage(original);
      if (typeof err.stack === 'string') err.stack = err.stack.split(original).join(err.message);
    }
  }
  if (err.cause && typeof err.cause === 'object') err.cause = scrub(err.cause as Serialized);
  return err;
}

/**
 * pino's error serializer, minus the row values database errors carry: MikroORM and knex put the
 * statement with its values inlined into the message, and PostgreSQL quotes values in its own text.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  return scrub(pino.stdSerializers.err(err) as unknown as Serialized);
}
