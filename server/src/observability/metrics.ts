import os from 'node:os';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LeadSource, LeadTier } from '../modules/leads/lead.enums.js';

/** Operation names come from the schema's root fields, so this label has a bounded set of values. */
export type OperationType = 'query' | 'mutation' | 'subscription';
export type Outcome = 'success' | 'client_error' | 'server_error';

export interface PoolStats {
  used: number;
  idle: number;
  waiting: number;
}

/**
 * Every metric the server exports, on a registry of its own (one per app, so tests can build several).
 * Label values are enums, schema field names or status classes: never tenant, user or lead ids.
 */
export function createMetrics(sources: { production: boolean; pool: () => PoolStats | undefined; databaseUp: () => Promise<boolean> }) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'lead-scoring' });
  // process memory and CPU, heap, event-loop lag (nodejs_eventloop_lag_*), GC
  collectDefaultMetrics({ register: registry });

  const registers = [registry];
  const metrics = {
    registry,
    operationDuration: new Histogram({
      name: 'lead_scoring_graphql_operation_duration_seconds',
      help: 'Duration of GraphQL queries and mutations (HTTP and WebSocket), by type and root field.',
      labelNames: ['type', 'operation'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
    operations: new Counter({
      name: 'lead_scoring_graphql_operations_total',
      help: 'GraphQL operations by type, root field and outcome (success, client_error, server_error).',
      labelNames: ['type', 'operation', 'outcome'] as const,
      registers,
    }),
    errors: new Counter({
      name: 'lead_scoring_graphql_errors_total',
      help: 'GraphQL errors by extensions.code.',
      labelNames: ['code'] as const,
      registers,
    }),
    httpRequests: new Counter({
      name: 'lead_scoring_http_requests_total',
      help: 'HTTP requests by route group (graphql, health, other) and status class (2xx, 4xx, 5xx).',
      labelNames: ['route', 'status_class'] as const,
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: 'lead_scoring_db_query_duration_seconds',
      help: 'PostgreSQL query duration by statement kind (select, insert, update, delete, other).',
      labelNames: ['statement'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    dbQueryErrors: new Counter({
      name: 'lead_scoring_db_query_errors_total',
      help: 'PostgreSQL queries that failed.',
      registers,
    }),
    leadsCreated: new Counter({
      name: 'lead_scoring_leads_created_total',
      help: 'Leads created, by tier and source.',
      labelNames: ['tier', 'source'] as const,
      registers,
    }),
    leadScore: new Histogram({
      name: 'lead_scoring_lead_score',
      help: 'Scores of created leads (0 to 100).',
      buckets: [10, 20, 30, 40, 50, 60, 70, 80, 85, 90, 100],
      registers,
    }),
    keyAccountsCreated: new Counter({
      name: 'lead_scoring_key_accounts_created_total',
      help: 'Leads created in a key-account tier (HOT or KEY_ACCOUNT).',
      registers,
    }),
    lastLeadCreated: new Gauge({
      name: 'lead_scoring_last_lead_created_timestamp_seconds',
      help: 'Unix time of the last lead this process created (0: none since start).',
      registers,
    }),
    scoresCalculated: new Counter({
      name: 'lead_scoring_scores_calculated_total',
      help: 'Scores calculated for created or changed leads.',
      labelNames: ['reason'] as const,
      registers,
    }),
    memoryLimit: new Gauge({
      name: 'lead_scoring_memory_limit_bytes',
      help: 'Memory the process may use: the container (cgroup) limit, or the machine memory without one.',
      registers,
      collect() {
        this.set(memoryLimit());
      },
    }),
    wsConnections: new Gauge({
      name: 'lead_scoring_websocket_connections',
      help: 'Open, authenticated WebSocket connections.',
      registers,
    }),
    wsSubscriptions: new Gauge({
      name: 'lead_scoring_websocket_subscriptions',
      help: 'Active GraphQL subscriptions.',
      registers,
    }),
    databaseUp: new Gauge({
      name: 'lead_scoring_database_up',
      help: '1 when PostgreSQL answered a probe during this scrape, 0 otherwise.',
      registers,
      async collect() {
        this.set((await sources.databaseUp()) ? 1 : 0);
      },
    }),
    dbPool: new Gauge({
      name: 'lead_scoring_db_pool_connections',
      help: 'Database pool connections by state: used, idle, waiting (callers waiting for a connection).',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const stats = sources.pool() ?? { used: 0, idle: 0, waiting: 0 };
        this.set({ state: 'used' }, stats.used);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    }),
  };
  // every tier and source from the start, so "no lead for an hour" sees zeros instead of no data
  for (const tier of Object.values(LeadTier)) for (const source of Object.values(LeadSource)) metrics.leadsCreated.inc({ tier, source }, 0);
  new Gauge({
    name: 'lead_scoring_environment_info',
    help: 'Always 1; the environment label lets alerts meant for production ignore other deployments.',
    labelNames: ['environment'] as const,
    registers,
  }).set({ environment: sources.production ? 'production' : 'development' }, 1);
  return metrics;
}

/** The cgroup limit when there is one (Node reports a huge number without), else the machine's memory. */
function memoryLimit(): number {
  const total = os.totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < total ? constrained : total;
}

export type Metrics = ReturnType<typeof createMetrics>;
