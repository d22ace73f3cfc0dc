import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_LEAD, createTestApp, leadInput, type TestApp, type TestTenant } from './utils.js';

const exporter = new InMemorySpanExporter();
let app: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  app = await createTestApp({ spanExporter: exporter, metricsPort: null });
  tenant = await app.createTenant();
});
afterAll(() => app?.stop());

const parentOf = (span: { parentSpanContext?: { spanId: string } }) => span.parentSpanContext?.spanId;

describe('traces', () => {
  it('puts a createLead into one trace: HTTP request, GraphQL operation and every PostgreSQL query', async () => {
    exporter.reset();
    const res = await app.gql(CREATE_LEAD, { input: leadInput({ email: 'trace.me@spans.example' }) }, { cookie: tenant.repCookie, headers: { 'x-request-id': 'req-trace-1' } });
    expect(res.errors).toBeUndefined();

    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.kind === SpanKind.SERVER)).toBe(true);
    const spans = exporter.getFinishedSpans();
    const http = spans.find((s) => s.kind === SpanKind.SERVER)!;
    const traceId = http.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);

    expect(http.name).toBe('POST /graphql');
    expect(http.attributes['http.response.status_code']).toBe(200);
    expect(http.attributes['lead_scoring.request_id']).toBe('req-trace-1');
    expect(parentOf(http)).toBeUndefined();

    const operation = inTrace.find((s) => s.name === 'mutation CreateLead')!;
    expect(operation).toBeDefined();
    expect(parentOf(operation)).toBe(http.spanContext().spanId);
    expect(operation.attributes['graphql.operation.type']).toBe('mutation');

    const queries = inTrace.filter((s) => s.attributes['db.system.name'] === 'postgresql');
    const insert = queries.find((s) => s.name === 'INSERT postgresql')!;
    expect(insert).toBeDefined();
    expect(parentOf(insert)).toBe(operation.spanContext().spanId);
    // one statement stores the lead, its ledger row and its event (modules/leads/lead.insert.ts)
    const text = String(insert.attributes['db.query.text']);
    for (const table of ['lead', 'score_change', 'event']) expect(text).toContain(`insert into ${table} (`);
    // a session lookup runs before the operation starts, so it hangs under the HTTP span
    for (const query of queries) expect([http.spanContext().spanId, operation.spanContext().spanId]).toContain(parentOf(query));

    // bound values (personal data) stay out of spans
    expect(JSON.stringify(inTrace.map((s) => s.attributes))).not.toContain('trace.me@spans.example');
    // nothing of this request escaped into another trace
    expect(spans.every((s) => s.spanContext().traceId === traceId)).toBe(true);
  });

  it('starts a new trace for each request', async () => {
    exporter.reset();
    await app.gql(`{ leads { totalCount } }`, {}, { cookie: tenant.repCookie });
    await app.gql(`{ leads { totalCount } }`, {}, { cookie: tenant.repCookie });
    await expect.poll(() => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER).length).toBe(2);
    const traces = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));
    expect(traces.size).toBe(2);
  });
});

describe('OTLP export', () => {
  it('sends the spans to OTEL_EXPORTER_OTLP_ENDPOINT over OTLP/HTTP', async () => {
    const received: Array<{ url?: string; type?: string; body: string }> = [];
    const collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ url: req.url, type: req.headers['content-type'], body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    try {
      const exporting = await createTestApp({ otlpTracesUrl: `http://127.0.0.1:${port}/v1/traces`, metricsPort: null });
      await exporting.gql(`{ __typename }`);
      // stopping flushes the batch
      await exporting.stop();
      expect(received.length).toBeGreaterThanOrEqual(1);
      expect(received[0].url).toBe('/v1/traces');
      const all = received.map((r) => r.body).join('');
      expect(all).toContain('lead-scoring');
      expect(all).toContain('POST /graphql');
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
