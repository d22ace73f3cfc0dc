import { getOperationAST, type ExecutionArgs, type GraphQLError } from 'graphql';
import type { Context as WsContext, ServerOptions } from 'graphql-ws';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';
import { finishOperation, rootField, type OperationRecord } from './operations.js';

interface WsOperation extends OperationRecord {
  subscribed?: boolean;
}

function isAsyncIterable(value: unknown): boolean {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/**
 * Wraps graphql-ws server options: counts connections and active subscriptions, and gives every
 * operation on a socket the same metrics and log line as over HTTP. The given hooks run unchanged.
 */
export function observeWebSocket<P extends Record<string, unknown> | undefined, E extends { requestId?: string }>(
  options: ServerOptions<P, E>,
  metrics: Metrics,
  logger: Logger,
): ServerOptions<P, E> {
  const connections = new WeakMap<WsContext<P, E>, Map<string, WsOperation>>();
  const finish = (operations: Map<string, WsOperation> | undefined, id: string) => {
    const op = operations?.get(id);
    if (!op) return;
    operations!.delete(id);
    if (op.subscribed) metrics.wsSubscriptions.dec();
    finishOperation(op, metrics, logger);
  };

  return {
    ...options,
    onConnect: async (ctx) => {
      const result = await options.onConnect?.(ctx);
      if (result !== false) {
        connections.set(ctx, new Map());
        metrics.wsConnections.inc();
      }
      return result;
    },
    onClose: async (ctx, code, reason) => {
      const operations = connections.get(ctx);
      if (operations) {
        connections.delete(ctx);
        metrics.wsConnections.dec();
        for (const id of [...operations.keys()]) finish(operations, id);
      }
      await options.onClose?.(ctx, code, reason);
    },
    onSubscribe: async (ctx, id, payload) => {
      const op: WsOperation = { transport: 'ws', started: performance.now(), operationName: payload.operationName, requestId: ctx.extra.requestId };
      const result = await options.onSubscribe?.(ctx, id, payload);
      if (Array.isArray(result)) {
        // refused before execution (parse or validation errors)
        op.errors = result as readonly GraphQLError[];
        finishOperation(op, metrics, logger);
        return result;
      }
      if (result) {
        const args = result as ExecutionArgs;
        const operation = getOperationAST(args.document, args.operationName);
        op.type = operation?.operation;
        op.field = rootField(operation);
        op.operationName = operation?.name?.value ?? op.operationName;
        op.context = args.contextValue as Context | undefined;
      }
      connections.get(ctx)?.set(id, op);
      return result;
    },
    onOperation: async (ctx, id, payload, args, result) => {
      const op = connections.get(ctx)?.get(id);
      if (op) {
        if (isAsyncIterable(result)) {
          op.subscribed = true;
          metrics.wsSubscriptions.inc();
        } else if ('errors' in result && result.errors?.length) {
          op.errors = [...(op.errors ?? []), ...result.errors];
        }
      }
      return options.onOperation?.(ctx, id, payload, args, result);
    },
    onError: async (ctx, id, payload, errors) => {
      const op = connections.get(ctx)?.get(id);
      if (op) op.errors = [...(op.errors ?? []), ...errors];
      return options.onError?.(ctx, id, payload, errors);
    },
    onComplete: async (ctx, id, payload) => {
      finish(connections.get(ctx), id);
      await options.onComplete?.(ctx, id, payload);
    },
  };
}
