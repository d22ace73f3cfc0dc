import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { addressGroup, RateLimiter, rateLimited } from '../rate-limit/rate-limiter.js';

/** Per caller (client address over HTTP, principal over WebSocket), so one caller cannot flood the log. */
export const CLIENT_ERROR_LIMITS = { reportsPerMinute: 30, charactersPerMinute: 30_000 };

// its state is in PostgreSQL; this instance only paces the sweep of expired rows
const limiter = new RateLimiter();

@InputType('ClientErrorInput', { description: 'A render or runtime error in the web app, for the server log.' })
export class ClientErrorInput {
  @Field(() => String, { description: 'Short name of what happened, e.g. "render_error"' })
  event!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Date, { nullable: true, description: 'When it happened in the browser' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The browser session, to find related reports' })
  sessionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Path of the page, without query string' })
  path?: string | null;
}

@Resolver()
export class ClientErrorResolver {
  @Mutation(() => Boolean, { description: 'Reports a web app error to the server log. Open to signed-out pages too.' })
  async reportClientError(@Arg('input', () => ClientErrorInput) input: ClientErrorInput, @Ctx() { em, logger, principal, clientAddress }: Context): Promise<boolean> {
    if (input.event.length > 100 || input.message.length > 2_000 || (input.sessionId?.length ?? 0) > 100 || (input.path?.length ?? 0) > 500) {
      throw badUserInput([{ field: 'input', code: 'TOO_LONG', message: 'event ≤ 100, message ≤ 2000, sessionId ≤ 100, path ≤ 500 characters.' }]);
    }
    // sockets are always signed in and carry no address of their own
    const caller = clientAddress || !principal ? `address:${addressGroup(clientAddress)}` : `${principal.kind}:${principal.id}`;
    const size = input.event.length + input.message.length + (input.sessionId?.length ?? 0) + (input.path?.length ?? 0);
    const verdict = await limiter.hit(em, [
      { key: `client-error:${caller}`, limit: CLIENT_ERROR_LIMITS.reportsPerMinute, windowMs: 60_000 },
      { key: `client-error-size:${caller}`, limit: CLIENT_ERROR_LIMITS.charactersPerMinute, windowMs: 60_000, cost: size },
    ]);
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw rateLimited(`Too many error reports from this client. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, verdict.retryAfterMs);
    }
    logger.warn(
      {
        event: 'client_error',
        clientEvent: input.event,
        clientMessage: input.message,
        occurredAt: input.occurredAt?.toISOString(),
        clientSessionId: input.sessionId,
        path: input.path?.split('?')[0],
        tenantId: principal?.tenantId,
        userId: principal?.id,
      },
      'client error reported',
    );
    return true;
  }
}
