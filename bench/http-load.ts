// Closed-loop HTTP load (autocannon): N connections, each sending its next request when the last
// one is answered; latency of every response, req/s over the run.
import autocannon from 'autocannon';

export interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** CPU time of the server process per request (not PostgreSQL's) */
  cpuMsPerRequest?: number;
}

export interface Target {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One closed-loop run as measured: every latency, for pooling runs of the same server. */
export interface RawRun {
  latencies: number[];
  requests: number;
  errors: number;
  seconds: number;
}

export async function runLoad(target: Target, connections: number, duration: number): Promise<RawRun> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode !== 200) errors++;
    latencies.push(responseTime);
  });
  const result = await instance;
  return { latencies, requests: result.requests.total, errors: errors + result.errors, seconds: duration };
}

/** Runs of one server taken together: req/s over their whole time, percentiles over every response. */
export function summarize(runs: readonly RawRun[]): Measurement {
  const latencies = Float64Array.from(runs.flatMap((run) => run.latencies)).sort();
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    rps: requests / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    requests,
  };
}

export async function measure(target: Target, connections: number, duration: number): Promise<Measurement> {
  return summarize([await runLoad(target, connections, duration)]);
}

/** One request that must succeed (HTTP 200, no GraphQL errors); returns its JSON. */
export async function checkResponse(target: Target, label: string): Promise<any> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${label}: ${res.status} ${text.slice(0, 300)}`);
  }
  if (res.status !== 200 || json.errors) throw new Error(`${label}: ${res.status} ${text.slice(0, 300)}`);
  return json;
}
