import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { badUserInput } from '../../errors.js';

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
  reportClientError(@Arg('input', () => ClientErrorInput) input: ClientErrorInput, @Ctx() { logger, principal }: Context): boolean {
    if (input.event.length > 100 || input.message.length > 2_000 || (input.sessionId?.length ?? 0) > 100 || (input.path?.length ?? 0) > 500) {
      throw badUserInput([{ field: 'input', code: 'TOO_LONG', message: 'event ≤ 100, message ≤ 2000, sessionId ≤ 100, path ≤ 500 characters.' }]);
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
