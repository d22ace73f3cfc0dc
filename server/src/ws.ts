import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { useServer, type Extra as SocketExtra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';
import { DocumentCache } from './graphql/document-cache.js';
import { formatErrors, type ErrorFormatter } from './graphql/format-error.js';
import { createSharedSubscribe, type SubscriberTarget } from './graphql/shared-subscriptions.js';
import { SocketWriter } from './graphql/socket-writer.js';
import { nulCharacterError } from './graphql/input-guard.js';
import { credentialsFrom, isOriginAllowed } from './http.js';
import type { Principal } from './modules/auth/principal.js';
import { QUERY_LIMITS, validationRules } from './security.js';

/** What one credential may hold open: a browser tab needs one socket and two subscriptions. */
export const SOCKET_LIMITS = {
  socketsPerCredential: 20,
  subscriptionsPerSocket: 20,
  /** graphql-ws has no code for this; 4429 mirrors HTTP 429 */
  tooManyCloseCode: 4429,
  /**
   * Results one subscription may hold back (its socket has 64 kB unsent, see socket-writer.ts)
   * before the socket is closed. Above the largest burst a healthy socket gets: a replay after a
   * gap is at most 1,000 events (then RESYNC), delivered while new events keep coming.
   */
  queuedResultsPerSubscription: 2_000,
  /** "try again later": the socket fell too far behind its live updates; graphql-ws clients reconnect */
  behindCloseCode: 1013,
};

/** Which credential a principal signed in with: one session, or one API key. */
export const credentialOf = (principal: Principal): string => principal.sessionTokenHash ?? `key:${principal.id}`;

interface LiveSocket {
  principal: Principal;
}

type PrincipalMatcher = (principal: Principal) => boolean;

function countUp(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function countDown(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

/** The open, authenticated sockets of this process and who they belong to. */
export class LiveSockets {
  private readonly sockets = new Map<WebSocket, LiveSocket>();
  /** open sockets per credential, kept with `sockets`: admitting a socket must not walk every other one */
  private readonly perCredential = new Map<string, number>();
  /** open sockets per tenant, kept with `sockets` too: asked once per live event */
  private readonly perTenant = new Map<string, number>();
  /** revocations heard by each socket still being authenticated: its lookup may predate them */
  private readonly admitting = new Set<PrincipalMatcher[]>();

  add(socket: WebSocket, principal: Principal): void {
    this.remove(socket);
    this.sockets.set(socket, { principal });
    countUp(this.perCredential, credentialOf(principal));
    countUp(this.perTenant, principal.tenantId);
  }

  remove(socket: WebSocket): void {
    const entry = this.sockets.get(socket);
    if (!entry) return;
    this.sockets.delete(socket);
    countDown(this.perCredential, credentialOf(entry.principal));
    countDown(this.perTenant, entry.principal.tenantId);
  }

  get(socket: WebSocket): LiveSocket | undefined {
    return this.sockets.get(socket);
  }

  countFor(credential: string): number {
    return this.perCredential.get(credential) ?? 0;
  }

  principals(): IterableIterator<[WebSocket, LiveSocket]> {
    return this.sockets.entries();
  }

  /** Closes every socket whose principal matches, e.g. those of a revoked key; returns how many. */
  closeWhere(matches: (principal: Principal) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const [socket, { principal }] of this.sockets) {
      if (!matches(principal)) continue;
      socket.close(code, reason);
      this.remove(socket);
      closed++;
    }
    return closed;
  }

  /**
   * Closes the sockets of credentials that stopped being valid, and makes `watchRevocations()`
   * refuse them to sockets whose credential lookup was in flight meanwhile.
   */
  revoke(matches: PrincipalMatcher, code: number, reason: string): number {
    for (const heard of this.admitting) heard.push(matches);
    return this.closeWhere(matches, code, reason);
  }

  /** Collects revocations from now on; `revoked(principal)` says whether one of them ends it. Call `stop()` when done. */
  watchRevocations(): { revoked(principal: Principal): boolean; stop(): void } {
    const heard: PrincipalMatcher[] = [];
    this.admitting.add(heard);
    return {
      revoked: (principal) => heard.some((matches) => matches(principal)),
      stop: () => void this.admitting.delete(heard),
    };
  }

  /** The tenants with at least one open socket, i.e. every tenant that can have a subscriber here. */
  tenantIds(): string[] {
    return [...this.perTenant.keys()];
  }

  get size(): number {
    return this.sockets.size;
  }
}

type Extra = { principal?: Principal; requestId?: string };
type Options = ServerOptions<Record<string, unknown>, Extra & SocketExtra>;

export interface WebSocketOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  production: boolean;
  allowedOrigins: ReadonlySet<string>;
  formatError: ErrorFormatter;
  authenticate(credentials: ReturnType<typeof credentialsFrom>): Promise<Principal | null>;
  contextFor(principal: Principal | null, requestId: string): Context;
  /** wraps the graphql-ws options (metrics and logs of every operation) */
  observe(options: Options): Options;
  /** overrides SOCKET_LIMITS.queuedResultsPerSubscription (tests) */
  subscriberBuffer?: number;
}

const withCode = (errors: readonly GraphQLError[], code: string) =>
  errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }));

/**
 * graphql-ws on the HTTP server's /graphql path: authenticated at connect, with the same parser
 * limits, validation rules and error policy as HTTP, and caps on what one credential holds open.
 */
export function createWebSocketServer(options: WebSocketOptions) {
  const { httpServer, schema, production, allowedOrigins, formatError } = options;
  const live = new LiveSockets();
  const rules = production ? [...specifiedRules, ...validationRules, NoSchemaIntrospectionCustomRule] : [...specifiedRules, ...validationRules];
  const format = (errors: readonly GraphQLError[]) => formatErrors(errors, formatError, production);
  const writers = new WeakMap<WebSocket, SocketWriter>();
  // sockets subscribe with the same few documents: parse and validate each once
  const documents = new DocumentCache();
  const targets = new WeakMap<Context, SubscriberTarget>();
  // subscribers of one operation get the same result object: serialise it (and format and log its errors) once
  const serialized = new WeakMap<ExecutionResult, string>();
  const queueLimit = options.subscriberBuffer ?? SOCKET_LIMITS.queuedResultsPerSubscription;
  // one execution per event for every subscriber of the same operation (see shared-subscriptions.ts)
  const subscribe = createSharedSubscribe({
    bufferLimit: queueLimit,
    targetOf: (context) => targets.get(context),
    serialize: (result) => {
      let json = serialized.get(result);
      if (json === undefined) serialized.set(result, (json = JSON.stringify(result.errors?.length ? { ...result, errors: format(result.errors) } : result)));
      return json;
    },
    onOverflow: (context) => {
      context.logger.warn({ event: 'subscriber_behind', queued: queueLimit }, 'closed a socket that stopped reading its live updates');
      targets.get(context)?.writer.socket.close(SOCKET_LIMITS.behindCloseCode, 'Too far behind on live updates; reconnect and fetch again');
    },
  });

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: 100 * 1024,
    // browsers send Origin on WebSocket upgrades: refuse pages of other sites (cross-site WebSocket hijacking)
    verifyClient: ({ origin, req }: { origin: string; req: http.IncomingMessage }) => isOriginAllowed(origin, req.headers.host, allowedOrigins),
  });

  const cleanup = useServer<Record<string, unknown>, Extra>(
    options.observe({
      schema,
      onConnect: async (ctx) => {
        ctx.extra.requestId = String(ctx.extra.request.headers['x-request-id'] ?? randomUUID()).slice(0, 100);
        // a revocation heard during the lookup may postdate what it read; the check and add() below run in one go
        const revocations = live.watchRevocations();
        try {
          const principal = await options.authenticate(credentialsFrom(ctx.extra.request.headers, ctx.connectionParams?.authorization));
          if (!principal || revocations.revoked(principal)) return false; // graphql-ws closes with 4403 Forbidden
          if (live.countFor(credentialOf(principal)) >= SOCKET_LIMITS.socketsPerCredential) {
            ctx.extra.socket.close(SOCKET_LIMITS.tooManyCloseCode, `At most ${SOCKET_LIMITS.socketsPerCredential} open connections per credential`);
            return false;
          }
          ctx.extra.principal = principal;
          live.add(ctx.extra.socket, principal);
          return true;
        } finally {
          revocations.stop();
        }
      },
      onClose: (ctx) => live.remove(ctx.extra.socket),
      onSubscribe: (ctx, id, payload) => {
        // graphql-ws lists every running operation, this one included, and drops one as soon as the
        // client's complete arrives; onComplete comes later, once its stream has wound down
        if (Object.keys(ctx.subscriptions).length > SOCKET_LIMITS.subscriptionsPerSocket) {
          return [
            new GraphQLError(`At most ${SOCKET_LIMITS.subscriptionsPerSocket} operations may run at once on one connection; complete one first.`, {
              extensions: { code: ErrorCode.RATE_LIMITED },
            }),
          ];
        }
        const nul = nulCharacterError(payload.variables);
        if (nul) return [nul];
        let document = documents.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
          } catch (error) {
            return withCode([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
          }
          const errors = validate(schema, document, rules);
          if (errors.length) return withCode(errors, 'GRAPHQL_VALIDATION_FAILED');
          documents.set(payload.query, document);
        }
        // one request id per operation: the connection's, then the operation's id on that socket
        const contextValue = options.contextFor(ctx.extra.principal ?? null, `${ctx.extra.requestId ?? randomUUID()}:${id}`.slice(0, 150));
        let writer = writers.get(ctx.extra.socket);
        if (!writer) writers.set(ctx.extra.socket, (writer = new SocketWriter(ctx.extra.socket)));
        targets.set(contextValue, { writer, id: JSON.stringify(id) });
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
      subscribe,
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    }),
    wsServer,
  );

  return {
    live,
    /** graphql-ws closes every socket with 1001 (going away), so clients reconnect to another process */
    dispose: () => cleanup.dispose(),
  };
}
