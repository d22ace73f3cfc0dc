import { SpanKind, SpanStatusCode, trace, ROOT_CONTEXT, type Span } from '@opentelemetry/api';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Metrics, PoolStats } from './metrics.js';
import { activeParentSpan, type Tracing } from './tracing.js';

interface KnexQuery {
  __knexQueryUid?: string;
  sql?: string;
}

interface KnexLike {
  on(event: string, listener: (...args: any[]) => void): unknown;
  client?: { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } };
}

interface Pending {
  start: number;
  statement: string;
  span?: Span;
}

const STATEMENTS = new Set(['select', 'insert', 'update', 'delete']);

/** MikroORM inlines the values into the SQL it sends: strip literals, which may hold personal data. */
export function sanitizeSql(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w"])-?\d+(?:\.\d+)?(?![\w"])/g, '?')
    .slice(0, 2_000);
}

function statementOf(sql: string): string {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'other';
  // a WITH statement counts as the first write it holds (createLead's stores three rows), else as a read
  if (word === 'with') return /\b(insert|update|delete)\b/i.exec(sql)?.[1]?.toLowerCase() ?? 'select';
  return STATEMENTS.has(word) ? word : 'other';
}

const instrumented = new WeakSet<object>();

/**
 * Times every statement through knex's query events (MikroORM runs all of its SQL through knex) and,
 * inside a traced request, records it as a child span. The SQL text goes into the span without its
 * literal values, which may hold personal data.
 */
export function instrumentDatabase(orm: MikroORM, metrics: Metrics, tracing: Tracing | undefined): void {
  const knex = orm.em.getConnection().getKnex() as unknown as KnexLike;
  // MikroORM makes a new knex client on each connect(); each is hooked once
  if (instrumented.has(knex)) return;
  instrumented.add(knex);

  const pending = new Map<string, Pending>();
  knex.on('query', (query: KnexQuery) => {
    if (!query.__knexQueryUid || !query.sql) return;
    const statement = statementOf(query.sql);
    const entry: Pending = { start: performance.now(), statement };
    if (tracing) {
      const parent = activeParentSpan();
      if (parent) {
        entry.span = tracing.tracer.startSpan(
          `${statement.toUpperCase()} postgresql`,
          { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.operation.name': statement.toUpperCase(), 'db.query.text': sanitizeSql(query.sql) } },
          trace.setSpan(ROOT_CONTEXT, parent),
        );
      }
    }
    // a query that never reports back must not grow the map forever
    if (pending.size > 10_000) pending.clear();
    pending.set(query.__knexQueryUid, entry);
  });
  const finish = (query: KnexQuery | undefined, error?: Error) => {
    const entry = query?.__knexQueryUid ? pending.get(query.__knexQueryUid) : undefined;
    if (!entry) return;
    pending.delete(query!.__knexQueryUid!);
    metrics.dbQueryDuration.observe({ statement: entry.statement }, (performance.now() - entry.start) / 1000);
    if (error) metrics.dbQueryErrors.inc();
    if (entry.span) {
      if (error) entry.span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'query failed' });
      entry.span.end();
    }
  };
  knex.on('query-response', (_response: unknown, query: KnexQuery) => finish(query));
  knex.on('query-error', (error: Error, query: KnexQuery) => finish(query, error));
}

/** Pool figures of the current knex client; undefined before the first connect. */
export function poolStats(orm: MikroORM): PoolStats | undefined {
  const connection = orm.em.getConnection() as unknown as { client?: KnexLike };
  const pool = connection.client?.client?.pool;
  if (!pool) return undefined;
  return { used: pool.numUsed(), idle: pool.numFree(), waiting: pool.numPendingAcquires() };
}

/** A scrape-time probe, bounded in time so a hanging database cannot hang the scrape. */
export async function probeDatabase(orm: MikroORM, timeoutMs = 2_000): Promise<boolean> {
  const connection = orm.em.getConnection() as unknown as { client?: KnexLike };
  if (!connection.client) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([orm.em.getConnection().checkConnection().then((check) => check.ok), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
