import 'reflect-metadata';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import express from 'express';
import { loadConfig, type Config } from './config.js';
import type { Context, LazyEntityManager } from './context.js';
import { connectWithRetry } from './db/connect.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { NotificationListener, type NotificationListenerOptions } from './db/notifications.js';
import { ormOptions } from './db/orm.config.js';
import { demoAccounts, seedDemo } from './db/seed.js';
import { isDatabaseUnavailable, serviceUnavailable } from './errors.js';
import { EventBus, type EventBusOptions } from './events/event-bus.js';
import { defineEventRetention } from './events/retention.js';
import { createApollo } from './graphql/apollo.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { graphqlHttp, graphqlJsonPost, isGraphqlJsonPost } from './graphql/http.js';
import { healthRoutes } from './health.js';
import { assignRequestId, clientOf, credentialsFrom, jsonErrors, webApp, type TrustProxy } from './http.js';
import { Jobs } from './jobs/jobs.js';
import { createLogger, type Logger } from './logger.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import type { Principal } from './modules/auth/principal.js';
import { listenForAuthChanges } from './modules/auth/auth.notifications.js';
import { PrincipalCache } from './modules/auth/principal-cache.js';
import { registerExperimentEvents } from './modules/experiments/experiment.events.js';
import { registerDashboardMetrics } from './modules/dashboard/dashboard.metrics.js';
import { registerLeadRelay } from './modules/leads/lead.events.js';
import { defineScoreDecay } from './modules/lifecycle/decay.job.js';
import { defineKpiRollups } from './modules/dashboard/dashboard.rollup.job.js';
import { countBreachedLeads, defineSlaSweep } from './modules/lifecycle/sla.job.js';
import type { RescoringOptions } from './modules/scoring/rescoring.runner.js';
import { defineRescoring, registerScoringEvents } from './modules/scoring/scoring.events.js';
import { lazily } from './kernel/lazily.js';
import { TENANT_FILTER } from './kernel/tenant-scope.js';
import { createObservability } from './observability/index.js';
import { createSlaMetrics } from './observability/sla.js';
import { createAppPubSub } from './pubsub.js';
import { createSchema } from './schema.js';
import { securityHeaders, setSecurityHeaders } from './security-headers.js';
import { createWebSocketServer } from './ws.js';

export interface ServerOptions extends Partial<Config> {
  /** Port of the embedded PostgreSQL (only without DATABASE_URL). */
  embeddedPort?: number;
  logger?: Logger;
  /** receives the trace spans instead of OTLP (tests) */
  spanExporter?: SpanExporter;
  /** Timings and limits of live updates (tests shorten them): the LISTEN connection's ping, the event poll and replay, the re-check of open sockets' credentials, how far a subscription may fall behind. */
  live?: NotificationListenerOptions & EventBusOptions & { credentialSweepMs?: number; subscriberBuffer?: number };
  /** Batch size and pauses of rescoring after a publish (tests and the bench change them). */
  rescoring?: RescoringOptions;
}

export interface AppServer {
  url: string;
  httpServer: http.Server;
  orm: MikroORM;
  logger: Logger;
  /** Outbox consumers of this process. */
  events: EventBus;
  /** Background jobs (pg-boss), started once the database is ready. */
  jobs: Jobs;
  /** Resolves once the database is reachable, migrated and (with SEED_DEMO) seeded. */
  ready: Promise<void>;
  /** Prometheus endpoint on its own listener (METRICS_PORT); undefined when off or its port was taken. */
  metricsUrl?: string;
  /** `/readyz` answers 503 from now on, so load balancers send new work elsewhere while this process drains. */
  beginShutdown(): void;
  /** Stops accepting, finishes requests in flight, closes sockets (1001), the pool, LISTEN and the embedded database. */
  stop(): Promise<void>;
}

/**
 * A Context whose EntityManager and logger are made on first use. They are getters of the class,
 * not of the object: Apollo copies a context's own properties for each operation, which would
 * call them.
 */
class OperationContext implements Context {
  clientAddress?: string;
  cookies?: Context['cookies'];

  constructor(
    readonly principal: Principal | null,
    readonly requestId: string,
    private readonly emOf: () => EntityManager,
    private readonly loggerOf: () => Logger,
  ) {}

  get em(): EntityManager {
    return this.emOf();
  }

  get logger(): Logger {
    return this.loggerOf();
  }
}

/** Builds the whole app. `main.ts`, the tests and the benchmark all use this; there is no other way to assemble it. */
export async function createServer(options: ServerOptions = {}): Promise<AppServer> {
  const { embeddedPort = 54329, logger: givenLogger, spanExporter, rescoring: rescoringOptions, ...overrides } = options;
  const config: Config = { ...loadConfig(), ...overrides };
  const logger = givenLogger ?? createLogger(config.logLevel);

  // the database: embedded unless DATABASE_URL is given; connected in the background (see `ready`)
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, embeddedPort, logger);
    databaseUrl = embedded.url;
  }
  const orm = await MikroORM.init(ormOptions(databaseUrl, { logger: (message) => logger.debug({ event: 'orm' }, message) }, knexLogTo(logger)));
  let databaseReady = false;
  let stopping = false;
  let draining = false;

  // schema, live events and who is calling
  const pubSub = createAppPubSub();
  const principals = new PrincipalCache();
  const loginThrottle = new LoginThrottle();
  const jobs = new Jobs({ databaseUrl, logger });
  const rescoring = defineRescoring(jobs, orm, logger, rescoringOptions);
  const schema = await createSchema(pubSub, { auth: { principals, loginThrottle, demoAccounts: config.seedDemo ? demoAccounts() : [] }, rescoring });
  const observability = createObservability({ config, logger, orm, spanExporter });
  const formatError = createErrorFormatter({ production: config.production, logger });
  const allowedOrigins = new Set(config.allowedOrigins);

  /**
   * A fresh EntityManager for one operation, forked on first use; the request id travels with it
   * into its transactions. A fork costs more than the rest of a small request's bookkeeping (its
   * constructor builds a unit of work, loader, factory and validator, and MikroORM rewrites its
   * configuration twice), and many requests never need one: a cached credential finds its caller
   * without the database, and the list and createLead send their statements through the driver.
   */
  const fork = (requestId: string): LazyEntityManager => lazily(() => orm.em.fork({ loggerContext: { requestId } }));
  /** Context of one operation, its EntityManager bound to the principal's tenant, its logger made on first use too. */
  const contextFor = (principal: Principal | null, requestId: string, em = fork(requestId)): Context => {
    const bound = lazily(() => {
      const forked = em();
      if (principal) forked.setFilterParams(TENANT_FILTER, { tenantId: principal.tenantId });
      return forked;
    });
    return new OperationContext(principal, requestId, bound, lazily(() => logger.child({ requestId })));
  };
  const authenticate = async (credentials: ReturnType<typeof credentialsFrom>, em: LazyEntityManager = lazily(() => orm.em.fork())): Promise<Principal | null> => {
    if (!databaseReady) throw serviceUnavailable('The service is starting and cannot reach its database yet; try again in a few seconds.');
    try {
      return await new AuthService(em, principals).authenticate(credentials);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw serviceUnavailable();
      throw error;
    }
  };

  // HTTP and WebSocket on one server and one path
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const trust = app.get('trust proxy fn') as TrustProxy;
  // requests go to Express, but for JSON POSTs to /graphql (see the 'request' listener below)
  const httpServer = http.createServer();
  const ws = createWebSocketServer({
    httpServer,
    schema,
    production: config.production,
    allowedOrigins,
    formatError,
    authenticate: (credentials) => authenticate(credentials),
    contextFor: (principal, requestId) => contextFor(principal, requestId),
    observe: (wsOptions) => observability.websocket(wsOptions),
    subscriberBuffer: options.live?.subscriberBuffer,
  });
  const apollo = createApollo({
    schema,
    httpServer,
    production: config.production,
    formatError,
    disposeWebSockets: async () => void (await ws.dispose()),
    plugins: [observability.apolloPlugin],
  });
  await apollo.start();

  // cross-process events: outbox consumers (woken by NOTIFY), plain notices of credentials that
  // stopped being valid, and background jobs; each module adds its own
  const notifications = new NotificationListener(databaseUrl, logger, options.live);
  // credentials first: after a gap, revoked sockets are closed before missed events are replayed
  const authChanges = listenForAuthChanges(notifications, { orm, live: ws.live, principals, logger, sweepMs: options.live?.credentialSweepMs });
  httpServer.once('close', () => authChanges.stop());
  const events = new EventBus(orm, logger, notifications, options.live);
  registerLeadRelay(events, { pubSub, tenantIds: () => ws.live.tenantIds(), logger });
  registerDashboardMetrics(events, observability.metrics.registry, logger);
  registerScoringEvents(events, orm, { pubSub, logger });
  registerExperimentEvents(events, orm);
  defineEventRetention(jobs, orm, logger);
  // speed-to-lead: breaches marked each minute (counted once across processes), and score decay
  const slaMetrics = createSlaMetrics(observability.metrics.registry, () => countBreachedLeads(orm.em.fork()));
  defineSlaSweep(jobs, orm, logger, (counts) => slaMetrics.countBreaches(counts));
  defineScoreDecay(jobs, orm, logger);
  // the dashboard's daily rollups, kept for tenants with large dashboards
  defineKpiRollups(jobs, orm, logger);

  // routes
  app.use((req, res, next) => {
    res.locals.requestId = assignRequestId(req, res);
    next();
  });
  app.use(securityHeaders({ production: config.production }));
  app.use(observability.http);
  app.use(healthRoutes(orm, () => databaseReady, () => draining));
  app.use('/graphql', ...graphqlHttp(apollo, { allowedOrigins, authenticate, fork, contextFor }));
  app.use(jsonErrors(logger));
  // the built web app, same origin as /graphql so the cookie and the WebSocket need no CORS
  if (existsSync(path.join(config.webDist, 'index.html'))) app.use(webApp(config.webDist));
  // Nearly every request is a JSON POST to /graphql: it skips Express, with the same request id,
  // headers, observation and answers (graphql/http.ts); everything else is Express's.
  const graphqlPost = graphqlJsonPost(apollo, { allowedOrigins, authenticate, fork, contextFor, logger });
  httpServer.on('request', (req: http.IncomingMessage & { path?: string }, res: http.ServerResponse) => {
    if (!isGraphqlJsonPost(req)) return void app(req, res);
    const requestId = assignRequestId(req, res);
    const client = clientOf(req, trust);
    setSecurityHeaders(res, { sandbox: false, secure: client.secure });
    req.path = '/graphql';
    observability.http(req, res, () => void graphqlPost(req, res, requestId, client));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  await observability.start();

  const ready = connectWithRetry(
    orm,
    logger,
    async () => {
      observability.instrumentDatabase();
      await migrate(orm, databaseUrl);
      if (config.seedDemo && (await seedDemo(orm.em.fork()))) logger.info({ event: 'demo_seeded' }, 'seeded the demo tenants');
      await jobs.start();
      // positions are taken once LISTEN is in place, so no wake-up falls in between
      await notifications.start();
      await events.start();
      databaseReady = true;
      logger.info({ event: 'database_ready' }, 'database ready');
    },
    () => stopping,
  ).then(() => undefined);

  return {
    url,
    httpServer,
    orm,
    logger,
    events,
    jobs,
    ready,
    metricsUrl: observability.metricsUrl,
    beginShutdown() {
      draining = true;
    },
    async stop() {
      stopping = true;
      await apollo.stop();
      await notifications.stop();
      await events.stop();
      await jobs.stop();
      await orm.close(true);
      await observability.stop();
      await embedded?.stop();
    },
  };
}

/** What knex would otherwise print to the console (e.g. "Connection Error" during an outage). */
function knexLogTo(logger: Logger) {
  return {
    warn: (message: string) => logger.warn({ event: 'database_driver' }, message),
    error: (message: string) => logger.error({ event: 'database_driver' }, message),
    deprecate: (message: string) => logger.debug({ event: 'database_driver' }, message),
    debug: (message: string) => logger.debug({ event: 'database_driver' }, message),
  };
}
