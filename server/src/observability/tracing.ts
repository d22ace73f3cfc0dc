import { context, createContextKey, trace, type Context as OtelContext, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';

export interface Tracing {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

/**
 * The request's spans, carried in the OpenTelemetry context. Apollo's plugin hooks cannot make a span
 * the active one for the resolvers, so the GraphQL span is put here and database spans look it up.
 */
export interface RequestSpans {
  http: Span;
  operation?: Span;
}

const REQUEST_SPANS = createContextKey('lead-scoring request spans');

export function withRequestSpans(ctx: OtelContext, spans: RequestSpans): OtelContext {
  return trace.setSpan(ctx, spans.http).setValue(REQUEST_SPANS, spans);
}

export function activeRequestSpans(): RequestSpans | undefined {
  return context.active().getValue(REQUEST_SPANS) as RequestSpans | undefined;
}

/** The span new child spans belong under: the GraphQL operation, else the HTTP request, else none. */
export function activeParentSpan(): Span | undefined {
  const spans = activeRequestSpans();
  return spans?.operation ?? spans?.http ?? trace.getSpan(context.active());
}

let contextManagerSet = false;

/**
 * Spans go to `exporter` when given (tests), else over OTLP/HTTP to `otlpTracesUrl`; with neither,
 * tracing is off and costs nothing on the request path.
 */
export function createTracing(options: { otlpTracesUrl?: string; exporter?: SpanExporter; serviceVersion?: string }): Tracing | undefined {
  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : options.otlpTracesUrl
      ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: options.otlpTracesUrl }) })
      : undefined;
  if (!processor) return undefined;
  if (!contextManagerSet) {
    // AsyncLocalStorage carries the active span across awaits; one per process
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerSet = true;
  }
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'lead-scoring', 'service.version': options.serviceVersion ?? '0.1.0' }),
    spanProcessors: [processor],
  });
  return {
    tracer: provider.getTracer('lead-scoring'),
    shutdown: () => provider.shutdown(),
  };
}
