import { unwrapResolverError } from '@apollo/server/errors';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { GraphQLError, OperationDefinitionNode } from 'graphql';
import type { Context } from '../context.js';
import { ErrorCode, isDatabaseUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';
import { PrincipalKind } from '../modules/auth/auth.enums.js';
import type { Metrics, OperationType, Outcome } from './metrics.js';

/** Codes that mean the caller got something wrong; every other code counts against the server. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN,
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** One GraphQL operation being watched, over HTTP or a WebSocket. */
export interface OperationRecord {
  transport: 'http' | 'ws';
  started: number;
  type?: OperationType;
  /** first root field: bounded by the schema, so usable as a metric label */
  field?: string;
  /** the name the client gave the operation (logs only) */
  operationName?: string | null;
  context?: Context;
  requestId?: string;
  errors?: readonly GraphQLError[];
  span?: Span;
}

export function rootField(operation: OperationDefinitionNode | null | undefined): string | undefined {
  const first = operation?.selectionSet.selections[0];
  if (!first) return undefined;
  return first.kind === 'Field' ? first.name.value : 'fragment';
}

export function errorCode(error: GraphQLError): string {
  if (isDatabaseUnavailable(unwrapResolverError(error))) return ErrorCode.SERVICE_UNAVAILABLE;
  const code = error.extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Names of the input fields a BAD_USER_INPUT error points at; never the values. */
function errorFields(errors: readonly GraphQLError[]): string[] {
  const fields: string[] = [];
  for (const error of errors) {
    const list = error.extensions?.fields;
    if (Array.isArray(list)) for (const f of list) if (typeof f?.field === 'string') fields.push(f.field);
  }
  return fields;
}

export function outcomeOf(codes: readonly string[]): Outcome {
  if (codes.length === 0) return 'success';
  return codes.every((c) => CLIENT_CODES.has(c)) ? 'client_error' : 'server_error';
}

/** Metrics and the one log line of a finished operation. */
export function finishOperation(op: OperationRecord, metrics: Metrics, baseLogger: Logger): void {
  const seconds = (performance.now() - op.started) / 1000;
  const errors = op.errors ?? [];
  const codes = errors.length ? [...new Set(errors.map(errorCode))] : [];
  const outcome = outcomeOf(codes);
  const type = op.type ?? 'unknown';
  const operation = op.field ?? 'unknown';

  // a subscription's duration is its lifetime, which says nothing about latency
  if (op.type !== 'subscription') metrics.operationDuration.observe({ type, operation }, seconds);
  metrics.operations.inc({ type, operation, outcome });
  for (const code of codes) metrics.errors.inc({ code });

  if (op.span) {
    if (outcome === 'server_error') op.span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
    op.span.setAttribute('lead_scoring.outcome', outcome);
    op.span.end();
  }

  const principal = op.context?.principal;
  const logger = op.context?.logger ?? baseLogger;
  const line: Record<string, unknown> = {
    event: 'graphql_operation',
    transport: op.transport,
    operationType: type,
    operation,
    operationName: op.operationName?.slice(0, 100) ?? undefined,
    durationMs: Math.round(seconds * 10_000) / 10,
    outcome,
    tenantId: principal?.tenantId,
    userId: principal?.kind === PrincipalKind.USER ? principal.id : undefined,
    apiKeyId: principal?.kind === PrincipalKind.API_KEY ? principal.id : undefined,
  };
  if (!op.context && op.requestId) line.requestId = op.requestId;
  if (codes.length) line.errorCodes = codes;
  const fields = errors.length ? errorFields(errors) : [];
  if (fields.length) line.errorFields = fields;
  if (op.span) line.traceId = op.span.spanContext().traceId;
  if (outcome === 'server_error') logger.error(line, 'graphql operation failed');
  else logger.info(line, 'graphql operation');
}
