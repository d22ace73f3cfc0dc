import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Metrics } from './metrics.js';
import { withRequestSpans, type Tracing } from './tracing.js';

function routeOf(path: string): string {
  if (path === '/graphql') return 'graphql';
  if (path === '/healthz' || path === '/readyz') return 'health';
  return 'other';
}

const STATUS_CLASSES = ['1xx', '1xx', '2xx', '3xx', '4xx', '5xx'];

/** Counts every request by route group and status class and, with tracing on, wraps it in a server span. */
export function httpObserver(metrics: Metrics, tracing: Tracing | undefined) {
  return (req: IncomingMessage & { path?: string }, res: ServerResponse, next: () => void): void => {
    const route = routeOf(req.path ?? '');
    res.once('finish', () => metrics.httpRequests.inc({ route, status_class: STATUS_CLASSES[Math.floor(res.statusCode / 100)] ?? '5xx' }));
    if (!tracing) return next();

    const span = tracing.tracer.startSpan(`${req.method} ${route === 'other' ? 'static' : req.path}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': route === 'other' ? undefined : req.path, 'http.route': route },
    });
    const requestId = res.getHeader('x-request-id');
    if (typeof requestId === 'string') span.setAttribute('lead_scoring.request_id', requestId);
    const end = () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', () => span.isRecording() && end());
    const ctx = withRequestSpans(context.active(), { http: span });
    // the body arrives in the socket's callbacks: bind the request so they run inside this trace too
    context.bind(ctx, req);
    context.with(ctx, next);
  };
}
