import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated } from '../../errors.js';
import { canWrite } from './principal.js';

/** Root fields anyone may call; everything else needs a principal. */
const PUBLIC_ROOT_FIELDS = new Set(['Mutation.login', 'Mutation.logout', 'Query.me', 'Query.demoAccounts', 'Mutation.reportClientError']);
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Global middleware: the one place that decides who may call what, for HTTP and WebSocket alike.
 * Object types with simple resolvers skip it, so it costs nothing below the root fields.
 */
export const authGuard: MiddlewareFn<Context> = ({ context, info }, next) => {
  const parent = info.parentType.name;
  if (ROOT_TYPES.has(parent) && !PUBLIC_ROOT_FIELDS.has(`${parent}.${info.fieldName}`)) {
    if (!context.principal) throw unauthenticated();
    if (parent === 'Mutation' && !canWrite(context.principal)) {
      throw forbidden('This API key may only read. Create a key with scope WRITE to make changes.');
    }
  }
  return next();
};
