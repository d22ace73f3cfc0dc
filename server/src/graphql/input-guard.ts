import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { ErrorCode } from '../errors.js';

// PostgreSQL cannot store NUL in text, and a statement carrying one breaks the wire protocol:
// such text is refused at the door, for every operation, before any resolver runs.
const NUL = '\u0000';
const MESSAGE = 'Text may not contain the NUL character (\\u0000); remove it and send again.';

/** Paths of the variable values that hold a NUL character, e.g. `input.name`. */
export function nulCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterPaths(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [...(key.includes(NUL) ? [path] : []), ...nulCharacterPaths(item, path ? `${path}.${key}` : key)]);
  }
  return [];
}

/** The same refusal for variables (HTTP and WebSocket): BAD_USER_INPUT naming each field. */
export function nulCharacterError(variables: Record<string, unknown> | null | undefined): GraphQLError | undefined {
  const paths = nulCharacterPaths(variables ?? {});
  if (!paths.length) return undefined;
  return new GraphQLError(MESSAGE, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, fields: paths.map((field) => ({ field, code: 'INVALID_TEXT', message: MESSAGE })) },
  });
}

/** Literals written into the document itself. */
export function nulCharacterRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (node.value.includes(NUL)) context.reportError(new GraphQLError(MESSAGE, { nodes: [node] }));
    },
  };
}
