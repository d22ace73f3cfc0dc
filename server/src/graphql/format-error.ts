import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, isDatabaseUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * AST kinds of the values a caller writes: literals, and variable definitions (whose values failed
 * coercion). An error that points only at these is about the caller's input.
 */
const INPUT_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.VARIABLE_DEFINITION]);

function isInputError(error: unknown): boolean {
  const nodes = (error as GraphQLError | undefined)?.nodes as readonly ASTNode[] | undefined;
  return !!nodes?.length && nodes.every((node) => INPUT_KINDS.has(node.kind));
}

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The one error policy of the API, for HTTP and WebSocket alike: an unreachable database is
 * SERVICE_UNAVAILABLE, a wrong literal in the document is BAD_USER_INPUT (as it is when sent as a
 * variable), and unexpected errors are logged in full but reach production clients as a bare
 * "Internal server error"; production messages carry no "Did you mean" hints that would reveal the
 * schema. Errors are classified by what they are, never by their message text.
 */
export function createErrorFormatter({ production, logger }: { production: boolean; logger: Logger }): ErrorFormatter {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      return { message: 'The database is unavailable right now; try again in a few seconds.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
    }
    if (production) formatted = { ...formatted, message: withoutSuggestions(formatted.message) };
    const code = formatted.extensions?.code;
    // Apollo tags variable errors itself; graphql-ws passes graphql-js's untagged ones through
    if ((code === 'GRAPHQL_VALIDATION_FAILED' || code === undefined) && isInputError(error)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
      logger.error({ err: original, path: formatted.path }, 'unexpected error');
      if (production) return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return formatted;
  };
}

/** "Did you mean …?" names fields and enum values: in production the schema stays private. */
function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '');
}

/** Formats errors outside Apollo (graphql-ws): the same shape Apollo gives, through the same policy. */
export function formatErrors(errors: readonly GraphQLError[], format: ErrorFormatter, production: boolean): GraphQLFormattedError[] {
  return errors.map((error) => {
    const json = error.toJSON();
    const formatted: GraphQLFormattedError = json.extensions ? { ...json, extensions: clientExtensions(json.extensions, production) } : json;
    return format(formatted, error);
  });
}

/** As Apollo sends them: `http` (status and headers for HTTP answers) never, stack traces only outside production. */
function clientExtensions(extensions: Record<string, unknown>, production: boolean): Record<string, unknown> {
  const { http: _http, stacktrace, ...rest } = extensions;
  return production || stacktrace === undefined ? rest : { ...rest, stacktrace };
}
