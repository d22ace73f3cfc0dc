import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Documents remembered (compiled or seen once); the least recently used is forgotten beyond this. */
const MAX_DOCUMENTS = 500;

/** How a document runs: compiled, or by graphql-js (seen only once so far, or graphql-jit cannot compile it). */
type Plan = CompiledQuery | 'seen once' | 'graphql-js';

/**
 * Executes HTTP operations with graphql-jit instead of graphql-js. graphql-js interprets the
 * document for every field of every row (a page of 50 leads is some 700 field resolutions);
 * graphql-jit compiles a document into a function once and runs that, calling the same resolvers
 * (so type-graphql's middlewares run as before). Parsing, validation (limits, cost) and the plugins
 * stay Apollo's.
 *
 * - A document is compiled the second time it runs: compiling costs up to ~10 ms for a large one,
 *   so one-off documents (and anyone sending a new document with every request) stay on graphql-js.
 * - Variables are coerced by graphql-js first, so a bad variable gets exactly graphql-js's error
 *   (which Apollo answers as BAD_USER_INPUT).
 * - Subscriptions (over HTTP, which only ever fail) run on graphql-js; WebSockets do not come here.
 * - graphql-jit's errors become graphql-js errors (message, path, locations, the resolver's original
 *   error and its extensions), which Apollo's error formatting and ours expect.
 */
export function createExecutor(schema: GraphQLSchema, maxDocuments = MAX_DOCUMENTS): Executor {
  const plans = new Map<string, Plan>();

  const planFor = (key: string, document: DocumentNode, operationName: string | undefined): Plan => {
    const known = plans.get(key);
    const plan = known === undefined ? 'seen once' : known === 'seen once' ? compile(schema, document, operationName) : known;
    // most recently used last (a Map keeps insertion order)
    plans.delete(key);
    if (plans.size >= maxDocuments) plans.delete(plans.keys().next().value!);
    plans.set(key, plan);
    return plan;
  };

  return async ({ document, operation, request, context, queryHash }): Promise<ExecutionResult> => {
    const operationName = request.operationName ?? undefined;
    const variables = request.variables ?? {};
    const byGraphqlJs = () => execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    if (operation.operation === 'subscription') return byGraphqlJs();

    // graphql-js's own coercion, with graphql-js's own limit of errors
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };

    const plan = planFor(`${queryHash}:${operationName ?? ''}`, document, operationName);
    if (typeof plan === 'string') return byGraphqlJs();
    const result = await plan.query(undefined, context, variables);
    // no data: nothing ran, graphql-jit refused variables graphql-js accepted; graphql-js answers instead
    if (!('data' in result)) return byGraphqlJs();
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | 'graphql-js' {
  try {
    // errors carry the resolver's stack (or none): capturing one per error costs time for nothing
    const compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    return isCompiledQuery(compiled) ? compiled : 'graphql-js';
  } catch {
    return 'graphql-js';
  }
}

/** graphql-jit's errors have no `nodes` and may have no `extensions`; Apollo reads both. */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  if (error.locations) (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

/**
 * Apollo Server accepts an executor only from a gateway: this one serves one fixed schema (the same
 * one graphql-ws executes with graphql-js) and never updates it.
 */
export function executorGateway(schema: GraphQLSchema): Gateway {
  const coreSupergraphSdl = printSchema(schema);
  const listeners = new Set<Parameters<Gateway['onSchemaLoadOrUpdate']>[0]>();
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl });
      return { executor: createExecutor(schema) };
    },
    async stop() {
      listeners.clear();
    },
  };
}
