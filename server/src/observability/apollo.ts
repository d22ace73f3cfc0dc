import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanKind } from '@opentelemetry/api';
import type { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';
import { errorCode, finishOperation, outcomeOf, rootField, type OperationRecord } from './operations.js';
import { activeRequestSpans, type Tracing } from './tracing.js';

/** Times, counts and logs every GraphQL operation over HTTP; with tracing on, gives it a span. */
export function apolloObserver(metrics: Metrics, logger: Logger, tracing: Tracing | undefined): ApolloServerPlugin<Context> {
  return {
    // the request never reached GraphQL (e.g. the database was down while checking the caller)
    async contextCreationDidFail({ error }) {
      const code = errorCode(error as GraphQLError);
      metrics.errors.inc({ code });
      metrics.operations.inc({ type: 'unknown', operation: 'unknown', outcome: outcomeOf([code]) });
    },

    async requestDidStart({ contextValue, request }) {
      const op: OperationRecord = { transport: 'http', started: performance.now(), context: contextValue, operationName: request.operationName };
      if (tracing) {
        op.span = tracing.tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, context.active());
        // database spans of this request go under the operation from here on
        const spans = activeRequestSpans();
        if (spans) spans.operation = op.span;
      }
      return {
        async didResolveOperation({ operation, operationName }) {
          op.type = operation?.operation;
          op.field = rootField(operation);
          op.operationName = operationName;
          op.span?.updateName(`${op.type} ${operationName ?? op.field}`);
          op.span?.setAttributes({ 'graphql.operation.type': op.type, 'graphql.operation.name': operationName ?? op.field ?? '' });
        },
        async willSendResponse({ errors }) {
          op.errors = errors;
          finishOperation(op, metrics, logger);
        },
      };
    },
  };
}
