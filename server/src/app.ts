import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { parse, specifiedRules, validate, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadConfig, type Config } from './config.js';
import type { Context } from './context.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { migrate, migrationsApplied } from './db/migrate.js';
import { ormOptions } from './db/orm.config.js';
import { seedDemo } from './db/seed.js';
import { ErrorCode, isDatabaseUnavailable, serviceUnavailable } from './errors.js';
import { corsFor, credentialsFrom, isOriginAllowed, jsonErrors, webApp } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { createObservability } from './observability/index.js';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { AuthService, SESSION_COOKIE } from './modules/auth/auth.service.js';
import type { Principal } from './modules/auth/principal.js';
import { LEAD_SCORED_CHANNEL, relayLeadScored } from './modules/leads/lead.events.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { AUTH_CHANGED_CHANNEL, isRevokedBy, PrincipalCache, type AuthChangedNotice } from './modules/auth/principal-cache.js';
import { NotificationListener } from './db/notifications.js';
import { TENANT_FILTER } from './modules/tenants/tenant-scope.js';
import { createAppPubSub } from './pubsub.js';
import { createSchema } from './schema.js';
import { QUERY_LIMITS, validationRules } from './security.js';

export interface ServerOptions extends Partial<Config> {
  /** Port of the embedded PostgreSQL (only without DATABASE_URL). */
  embeddedPort?: number;
  logger?: Logger;
  /** receives the trace spans instead of OTLP (tests) */
  spanExporter?: SpanExporter;
}

export interface AppServer {
  url: string;
  httpServer: http.Server;
  orm: MikroORM;
  logger: Logger;
  /** Resolves once the database is reachable, migrated and (with SEED_DEMO) seeded. */
  ready: Promise<void>;
  /** Prometheus endpoint on its own listener (METRICS_PORT); undefined when off or its port was taken. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the whole app. `main.ts` and the tests both use this; there is no other way to assemble it. */
export async function createServer(options: ServerOptions = {}): Promise<AppServer> {
  const { embeddedPort = 54329, logger: givenLogger, spanExporter, ...overrides } = options;
  const config: Config = { ...loadConfig(), ...overrides };
  const logger = givenLogger ?? createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, embeddedPort, logger);
    databaseUrl = embedded.url;
  }

  const knexLog = {
    warn: (message: string) => logger.warn({ event: 'database_driver' }, message),
    error: (message: string) => logger.error({ event: 'database_driver' }, message),
    deprecate: (message: string) => logger.debug({ event: 'database_driver' }, message),
    debug: (message: string) => logger.debug({ event: 'database_driver' }, message),
  };
  const orm = await MikroORM.init(ormOptions(databaseUrl, { logger: (message) => logger.debug({ event: 'orm' }, message) }, knexLog));
  const pubSub = createAppPubSub();
  const schema = await createSchema(pubSub);
  const principals = new PrincipalCache();
  const loginThrottle = new LoginThrottle();
  // open sockets and who they belong to: a revoked key or ended session closes its live connections too
  const liveSockets = new Map<WebSocket, Principal>();
  const notifications = new NotificationListener(databaseUrl, logger)
    .on(LEAD_SCORED_CHANNEL, relayLeadScored(orm, pubSub))
    .on(AUTH_CHANGED_CHANNEL, (payload) => {
      const notice = JSON.parse(payload) as AuthChangedNotice;
      principals.forget(notice);
      for (const [socket, principal] of liveSockets) {
        if (isRevokedBy(principal, notice)) socket.close(4403, 'Signed out or API key revoked');
      }
    })
    // notices sent while the connection was down are lost: forget every cached credential
    .onReconnect(() => principals.clear());
  const observability = createObservability({ config, logger, orm, spanExporter });
  const allowedOrigins = new Set(config.allowedOrigins);

  let databaseReady = false;
  let stopping = false;

  /** A fresh EntityManager for one operation; the request id travels with it into its transactions (the lead created line reads it there). */
  const forkFor = (requestId: string) => orm.em.fork({ loggerContext: { requestId } });

  /** Context of one operation, its EntityManager bound to the principal's tenant. */
  function contextFor(principal: Principal | null, requestId: string, em = forkFor(requestId)): Context {
    if (principal) em.setFilterParams(TENANT_FILTER, { tenantId: principal.tenantId });
    return { em, principal, requestId, logger: logger.child({ requestId }), demoMode: config.seedDemo, principals, loginThrottle };
  }

  async function authenticate(credentials: ReturnType<typeof credentialsFrom>, em = orm.em.fork()): Promise<Principal | null> {
    if (!databaseReady) throw serviceUnavailable('The service is starting and cannot reach its database yet; try again in a few seconds.');
    try {
      return await new AuthService(em, principals).authenticate(credentials);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw serviceUnavailable();
      throw error;
    }
  }

  const app = express();
  app.disable('x-powered-by');
  // believe X-Forwarded-Proto from proxies on loopback or private networks, so req.secure is right behind TLS termination
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const httpServer = http.createServer(app);

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: 100 * 1024,
    // browsers send Origin on WebSocket upgrades: refuse pages of other sites (cross-site WebSocket hijacking)
    verifyClient: ({ origin, req }: { origin: string; req: http.IncomingMessage }) => isOriginAllowed(origin, req.headers.host, allowedOrigins),
  });
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal; requestId?: string }>(
    observability.websocket({
      schema,
      onConnect: async (ctx) => {
        ctx.extra.requestId = String(ctx.extra.request.headers['x-request-id'] ?? randomUUID());
        const principal = await authenticate(credentialsFrom(ctx.extra.request.headers, ctx.connectionParams?.authorization));
        if (!principal) return false; // graphql-ws closes with 4403 Forbidden
        ctx.extra.principal = principal;
        liveSockets.set(ctx.extra.socket, principal);
        return true;
      },
      onClose: (ctx) => void liveSockets.delete(ctx.extra.socket),
      // same parser limits and validation rules as over HTTP
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
        if (errors.length) return errors;
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          // one request id per operation: the connection's, then the operation's id on that socket
          contextValue: contextFor(ctx.extra.principal ?? null, `${ctx.extra.requestId ?? randomUUID()}:${_id}`.slice(0, 150)),
        };
      },
    }),
    wsServer,
  );

  const databaseErrorStatus: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (errors?.some((e) => isDatabaseUnavailable(unwrapResolverError(e)))) response.http.status = 503;
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules,
    // compact JSON: Apollo pretty-prints by default, which costs time and bytes on every response
    stringifyResult: (result) => JSON.stringify(result),
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const original = unwrapResolverError(error);
      if (isDatabaseUnavailable(original)) {
        return { message: 'The database is unavailable right now; try again in a few seconds.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
      }
      // an unknown enum value written inline fails validation; it is bad input all the same
      if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /^(Value|Enum) "[^"]*" does not exist in "[^"]+" enum/.test(formatted.message)) {
        return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
      }
      if (formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
        logger.error({ err: original, path: formatted.path }, 'unexpected error');
        if (config.production) return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      }
      return formatted;
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return { drainServer: async () => void (await wsCleanup.dispose()) };
        },
      },
      // cache hints cost time on every field and nothing here is cached by a CDN
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      databaseErrorStatus,
      observability.apolloPlugin,
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = String(req.headers['x-request-id'] ?? randomUUID()).slice(0, 100);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.use(observability.http);

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    if (!databaseReady) return void res.status(503).json({ status: 'unavailable', reason: 'database not reachable or not migrated yet' });
    try {
      if (!(await migrationsApplied(orm))) return void res.status(503).json({ status: 'unavailable', reason: 'migrations pending' });
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    corsFor(allowedOrigins),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // one EntityManager per request: it finds the caller (without the tenant filter), then serves the operation
        const em = forkFor(res.locals.requestId);
        const principal = await authenticate(credentialsFrom(req.headers), em);
        const context = contextFor(principal, res.locals.requestId, em);
        context.clientAddress = req.ip;
        // Secure over HTTPS (also behind a TLS-terminating proxy on a private network, see trust proxy)
        const secure = req.secure;
        context.cookies = {
          set: (token, maxAge) => void res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, maxAge, path: '/' }),
          clear: () => void res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' }),
        };
        return context;
      },
    }),
  );

  app.use(jsonErrors(logger));

  // the built web app, same origin as /graphql so the cookie and the WebSocket need no CORS
  if (existsSync(path.join(config.webDist, 'index.html'))) app.use(webApp(config.webDist));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  await observability.start();

  // the HTTP server is up already; the database may take a while (or be down): keep trying
  const ready = (async () => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        await orm.connect();
        observability.instrumentDatabase();
        await migrate(orm, databaseUrl);
        if (config.seedDemo && (await seedDemo(orm.em.fork()))) logger.info({ event: 'demo_seeded' }, 'seeded the demo tenants');
        await notifications.start();
        databaseReady = true;
        logger.info({ event: 'database_ready' }, 'database ready');
        return;
      } catch (error) {
        logger.warn({ event: 'database_unavailable', attempt, err: (error as Error).message }, 'database not ready; retrying');
        // every connect() builds a new pool: drop this attempt's before the next
        await orm.close(true).catch(() => {});
        await sleep(Math.min(5_000, 250 * 2 ** attempt));
      }
    }
  })();

  return {
    url,
    httpServer,
    orm,
    logger,
    ready,
    metricsUrl: observability.metricsUrl,
    async stop() {
      stopping = true;
      await apollo.stop();
      await notifications.stop();
      await orm.close(true);
      await observability.stop();
      await embedded?.stop();
    },
  };
}
