import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authGuard } from './modules/auth/auth.guard.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { ClientErrorResolver } from './modules/client-errors/client-error.resolver.js';
import { LeadResolver } from './modules/leads/lead.resolver.js';
import { ScoringResolver } from './modules/scoring/scoring.resolver.js';
import type { AppPubSub } from './pubsub.js';

export const resolvers = [AuthResolver, LeadResolver, ScoringResolver, ClientErrorResolver] as const;

export function createSchema(pubSub: AppPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    globalMiddlewares: [authGuard],
    // inputs are checked by each module's validation, with messages per field
    validate: false,
  });
}

/** Text of the committed schema.graphql (`npm run schema` writes it; a test fails when it drifts). */
export function schemaFileText(schema: GraphQLSchema): string {
  return `# Generated from the server code by \`npm run schema\`. Do not edit.\n\n${printSchema(schema)}\n`;
}
