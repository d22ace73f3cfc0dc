import type { MikroORM } from '@mikro-orm/postgresql';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { ServerOptions as WsServerOptions } from 'graphql-ws';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { apolloObserver } from './apollo.js';
import { instrumentDatabase, poolStats, probeDatabase } from './database.js';
import { httpObserver } from './http.js';
import { LeadObserver } from './leads.js';
import { createMetrics } from './metrics.js';
import { startMetricsServer } from './metrics-server.js';
import { createTracing } from './tracing.js';
import { observeWebSocket } from './websocket.js';

export interface ObservabilityOptions {
  config: Pick<Config, 'metricsPort' | 'metricsHost' | 'otlpTracesUrl' | 'production'>;
  logger: Logger;
  orm: MikroORM;
  /** receives the spans instead of OTLP (tests) */
  spanExporter?: SpanExporter;
}

/** Logs, metrics and traces of one app: the pieces app.ts plugs into express, Apollo, graphql-ws and the ORM. */
export function createObservability({ config, logger, orm, spanExporter }: ObservabilityOptions) {
  const metrics = createMetrics({ production: config.production, pool: () => poolStats(orm), databaseUp: () => probeDatabase(orm) });
  const tracing = createTracing({ otlpTracesUrl: config.otlpTracesUrl, exporter: spanExporter });
  orm.em.getEventManager().registerSubscriber(new LeadObserver(metrics, logger));
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | undefined;

  return {
    metrics,
    tracing,
    /** express middleware: request counts by status class and the HTTP span */
    http: httpObserver(metrics, tracing),
    /** Apollo plugin: one log line, metrics and a span per operation */
    apolloPlugin: apolloObserver(metrics, logger, tracing),
    websocket: <P extends Record<string, unknown> | undefined, E extends { requestId?: string }>(options: WsServerOptions<P, E>) => observeWebSocket(options, metrics, logger),
    /** call after each `orm.connect()`: MikroORM builds a new knex client there */
    instrumentDatabase: () => instrumentDatabase(orm, metrics, tracing),
    /** URL of `/metrics`, once started */
    get metricsUrl(): string | undefined {
      return metricsServer?.url;
    },
    async start(): Promise<void> {
      if (config.metricsPort == null) return;
      try {
        metricsServer = await startMetricsServer(metrics.registry, config.metricsPort, config.metricsHost);
        logger.info({ event: 'metrics_listening', url: metricsServer.url }, `metrics at ${metricsServer.url}`);
      } catch (error) {
        // the API stays up without metrics; the alert on a missing scrape target tells the operator
        logger.error({ event: 'metrics_unavailable', err: (error as Error).message }, `cannot serve metrics on ${config.metricsHost}:${config.metricsPort}`);
      }
    },
    async stop(): Promise<void> {
      await metricsServer?.close();
      await tracing?.shutdown();
    },
  };
}

export type Observability = ReturnType<typeof createObservability>;
