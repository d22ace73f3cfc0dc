import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { isDatabaseUnavailable } from '../errors.js';
import { QUERY_LIMITS, validationRules } from '../security.js';
import { executorGateway } from './executor.js';
import type { ErrorFormatter } from './format-error.js';
import { nulCharacterError } from './input-guard.js';

export interface ApolloOptions {
  schema: GraphQLSchema;
  httpServer: http.Server;
  production: boolean;
  formatError: ErrorFormatter;
  /** closes the WebSocket server while draining (graphql-ws closes each socket with 1001) */
  disposeWebSockets: () => Promise<void>;
  plugins: ApolloServerPlugin<Context>[];
}

/** 503 instead of 200 when the database is unreachable, so load balancers and retries react. */
const databaseErrorStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        if (errors?.some((e) => isDatabaseUnavailable(unwrapResolverError(e)))) response.http.status = 503;
      },
    };
  },
};

/** Variables with text PostgreSQL cannot store are refused before any resolver runs. */
const refuseNulCharacters: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const error = nulCharacterError(request.variables);
        if (error) throw error;
      },
    };
  },
};

/** Apollo Server for the HTTP path, with the same limits and error policy as the WebSocket path. */
export function createApollo({ schema, httpServer, production, formatError, disposeWebSockets, plugins }: ApolloOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    // the schema, executed by graphql-jit (see executor.ts)
    gateway: executorGateway(schema),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    // the process decides when to stop (main.ts); Apollo would re-raise SIGTERM and exit 143 mid-request
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules,
    // compact JSON: Apollo pretty-prints by default, which costs time and bytes on every response
    stringifyResult: (result) => JSON.stringify(result),
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { drainServer: disposeWebSockets }; } },
      // cache hints cost time on every field and nothing here is cached by a CDN
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      databaseErrorStatus,
      refuseNulCharacters,
      ...plugins,
    ],
  });
}
