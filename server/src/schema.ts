import { GraphQLScalarType, printSchema, type GraphQLSchema } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { buildSchema, type ContainerType } from 'type-graphql';
import { authGuard } from './modules/auth/auth.guard.js';
import { AuthResolver, type AuthDependencies } from './modules/auth/auth.resolver.js';
import { ClientErrorResolver } from './modules/client-errors/client-error.resolver.js';
import { DashboardResolver } from './modules/dashboard/dashboard.resolver.js';
import { ExperimentResolver } from './modules/experiments/experiment.resolver.js';
import { LeadResolver } from './modules/leads/lead.resolver.js';
import { LearningResolver } from './modules/learning/learning.resolver.js';
import { LifecycleResolver } from './modules/lifecycle/lifecycle.resolver.js';
import { RescoringResolver } from './modules/scoring/rescoring.resolver.js';
import type { RescoringQueue } from './modules/scoring/rescoring.service.js';
import { ScoreHistoryResolver } from './modules/scoring/score-history.resolver.js';
import { ScoringResolver } from './modules/scoring/scoring.resolver.js';
import { TeamResolver } from './modules/team/team.resolver.js';
import type { AppPubSub } from './pubsub.js';

export const resolvers = [AuthResolver, LeadResolver, ScoringResolver, RescoringResolver, ScoreHistoryResolver, ClientErrorResolver, TeamResolver, LifecycleResolver, DashboardResolver, ExperimentResolver, LearningResolver] as const;

/** What resolvers need that lives as long as the app; the context carries only one operation's state. */
export interface SchemaServices {
  auth: AuthDependencies;
  rescoring: RescoringQueue;
}

/** Leave `services` out only to print the schema: resolvers that need them cannot run without. */
/**
 * The DateTimeISO scalar type-graphql uses for `Date`, serialising a valid Date straight to its ISO
 * text: graphql-scalars first re-validates it, which costs more than the rest of a timestamp's
 * output on a page of leads. Anything else (strings, numbers, invalid dates) goes its usual way.
 */
const checked = GraphQLDateTimeISO.toConfig();
export const DateTimeISO = new GraphQLScalarType({
  ...checked,
  serialize(value: unknown) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    return checked.serialize!(value);
  },
});

export function createSchema(pubSub: AppPubSub, services?: SchemaServices): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
    globalMiddlewares: [authGuard],
    // inputs are checked by each module's validation, with messages per field
    validate: false,
    ...(services && { container: resolverContainer(services) }),
  });
}

/** One instance of each resolver, built here with its dependencies. */
function resolverContainer(services: SchemaServices): ContainerType {
  const instances = new Map<unknown, object>([
    [AuthResolver, new AuthResolver(services.auth)],
    [LeadResolver, new LeadResolver()],
    [ScoringResolver, new ScoringResolver()],
    [RescoringResolver, new RescoringResolver(services.rescoring)],
    [ScoreHistoryResolver, new ScoreHistoryResolver()],
    [ClientErrorResolver, new ClientErrorResolver()],
    [TeamResolver, new TeamResolver(services.auth)],
    [LifecycleResolver, new LifecycleResolver()],
    [ExperimentResolver, new ExperimentResolver(services.rescoring)],
    [LearningResolver, new LearningResolver()],
    [DashboardResolver, new DashboardResolver()],
  ]);
  return {
    get(resolverClass: { name: string }) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`schema.ts builds no ${resolverClass.name}`);
      return instance;
    },
  };
}

/** Text of the committed schema.graphql (`npm run schema` writes it; a test fails when it drifts). */
export function schemaFileText(schema: GraphQLSchema): string {
  return `# Generated from the server code by \`npm run schema\`. Do not edit.\n\n${printSchema(schema)}\n`;
}
