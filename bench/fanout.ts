// Live fan-out: N sockets subscribed to new leads while leads are created at R per second, open
// loop. Latency = a subscriber's receipt of a lead minus the moment its create's response arrived.
// The sockets live in separate subscriber processes (fanout-subscribers.ts).
import type { ChildProcess } from 'node:child_process';
import { percentile } from './http-load.js';
import type { SubscriberCommand, SubscriberReply } from './fanout-subscribers.js';
import { cpuMs, log, now, sampleRss, startProcess, stopProcess, waitIdle, within } from './processes.js';

export const LIVE_SUBSCRIPTION = 'subscription Live { leadScored { reason previousScore lead { id name company industry budget score tier createdAt } } }';

export interface FanoutTarget {
  kind: 'app' | 'plain';
  wsUrl: string;
  /** creates one lead through the server's API; resolves with its id once the response is in */
  create(): Promise<string>;
  keys: string[];
  perKey: number;
  pid?: number;
}

export interface FanoutOptions {
  scenarios: Array<{ sockets: number; rate: number }>;
  duration: number;
  rampSockets: number[];
  rampRates: number[];
  rampDuration: number;
  p99LimitMs: number;
  processes: number;
}

export interface FanoutRun {
  sockets: number;
  rate: number;
  leads: number;
  createErrors: number;
  firstError?: string;
  expected: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  /** messages per second the run asked for: rate × sockets */
  messageRate: number;
  /** CPU time of the server process per delivered message, its share of the creates included */
  cpuUsPerMessage: number;
  /** CPU time of the subscriber processes per delivered message: the load generator's share of the machine */
  clientCpuUsPerMessage: number;
}

export interface Ramp {
  sockets: number;
  steps: FanoutRun[];
  /** highest rate delivered in full with p99 within the limit (leads/s); 0: not even the first */
  sustained: number;
}

export interface FanoutResult {
  kind: FanoutTarget['kind'];
  runs: FanoutRun[];
  ramps: Ramp[];
  /** peak RSS of the server process over all its runs */
  rssMb: number;
  connectErrors: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Subscribers {
  private readonly children: ChildProcess[] = [];
  private readonly open: number[] = [];
  readonly ready: Promise<unknown>;
  /** the subscriber processes' open-file limit, raised to the hard limit at start */
  fileLimit = NaN;

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      this.children.push(startProcess('bench/fanout-subscribers.ts', { ipc: true }));
      this.open.push(0);
    }
    this.ready = Promise.all(this.children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  }

  private ask(child: ChildProcess, command: SubscriberCommand, reply: SubscriberReply['type']): Promise<any> {
    let listener: (message: SubscriberReply) => void;
    const answer = new Promise((resolve) => {
      listener = (message: SubscriberReply) => {
        if (message.type !== reply) return;
        child.off('message', listener);
        resolve(message);
      };
      child.on('message', listener);
      child.send(command);
    });
    // opening thousands of sockets is the slowest step
    return within(answer, 300_000, `subscriber process: ${command.type}`).finally(() => child.off('message', listener));
  }

  private all<T>(command: SubscriberCommand, reply: SubscriberReply['type']): Promise<T[]> {
    return Promise.all(this.children.map((child) => this.ask(child, command, reply)));
  }

  get total(): number {
    return this.open.reduce((a, b) => a + b, 0);
  }

  /** Opens sockets until `total` are open, spread evenly; each child uses its own share of the keys. */
  async connectTo(target: FanoutTarget, total: number): Promise<string[]> {
    const errors: string[] = [];
    const keysPerChild = Math.floor(target.keys.length / this.children.length);
    await Promise.all(
      this.children.map(async (child, i) => {
        const want = Math.floor(total / this.children.length) + (i < total % this.children.length ? 1 : 0);
        if (want <= this.open[i]) return;
        const keys = target.keys.slice(i * keysPerChild, (i + 1) * keysPerChild);
        const reply = await this.ask(child, { type: 'connect', kind: target.kind, url: target.wsUrl, keys, perKey: target.perKey, count: want - this.open[i], query: LIVE_SUBSCRIPTION }, 'connected');
        this.open[i] += reply.open;
        this.fileLimit = reply.fileLimit;
        if (reply.failed) errors.push(`${reply.failed} sockets failed (${reply.error}; open-file limit ${reply.fileLimit})`);
      }),
    );
    return errors;
  }

  async received(): Promise<number> {
    return (await this.all<{ received: number }>({ type: 'count' }, 'count')).reduce((a, b) => a + b.received, 0);
  }

  /** Waits until `expected` messages arrived, or none arrived for 5 s, or 30 s passed. */
  async drain(expected: number): Promise<void> {
    const deadline = now() + 30_000;
    let last = -1;
    let lastChange = now();
    while (now() < deadline) {
      const received = await this.received();
      if (received >= expected) return;
      if (received !== last) [last, lastChange] = [received, now()];
      else if (now() - lastChange > 5_000) return;
      await sleep(100);
    }
  }

  reset = () => this.all({ type: 'reset' }, 'count');

  async collect(sent: Record<string, number>): Promise<Float64Array> {
    const replies = await this.all<{ latencies: number[] }>({ type: 'collect', sent }, 'collected');
    return Float64Array.from(replies.flatMap((r) => r.latencies)).sort();
  }

  async closeAll(): Promise<void> {
    await this.all({ type: 'close' }, 'closed');
    this.open.fill(0);
  }

  /** CPU time of the subscriber processes so far, ms */
  cpuMs(): number {
    return this.children.reduce((sum, child) => sum + cpuMs(child.pid), 0);
  }

  stop(): Promise<void[]> {
    return Promise.all(this.children.map(stopProcess));
  }
}

async function run(subscribers: Subscribers, target: FanoutTarget, rate: number, duration: number): Promise<FanoutRun> {
  await subscribers.reset();
  const sockets = subscribers.total;
  const sent: Record<string, number> = {};
  let createErrors = 0;
  let firstError: string | undefined;
  const total = Math.max(1, Math.round(rate * duration));
  const pending: Promise<void>[] = [];
  const cpuBefore = cpuMs(target.pid);
  const clientCpuBefore = subscribers.cpuMs();
  const start = now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - now();
    if (wait > 1) await sleep(wait);
    pending.push(
      target.create().then(
        (id) => void (sent[id] = now()),
        (error) => {
          createErrors++;
          firstError ??= String(error);
        },
      ),
    );
  }
  await Promise.all(pending);
  const leads = Object.keys(sent).length;
  await subscribers.drain(leads * sockets);
  const cpu = cpuMs(target.pid) - cpuBefore;
  const clientCpu = subscribers.cpuMs() - clientCpuBefore;
  const latencies = await subscribers.collect(sent);
  return {
    sockets, rate, leads, createErrors, firstError,
    expected: leads * sockets,
    delivered: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    messageRate: rate * sockets,
    cpuUsPerMessage: (cpu * 1000) / latencies.length,
    clientCpuUsPerMessage: (clientCpu * 1000) / latencies.length,
  };
}

const describe = (r: FanoutRun) =>
  `${r.sockets} sockets × ${r.rate} leads/s: ${r.delivered}/${r.expected} delivered, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms` +
  (r.createErrors ? `; ${r.createErrors} creates failed, first: ${r.firstError}` : '');

/**
 * Opens `count` fresh sockets (dropping any others: a server that fell behind would otherwise still
 * be delivering the last run's backlog into the next) and waits until every one hears of one lead.
 */
async function freshSockets(subscribers: Subscribers, target: FanoutTarget, count: number, result: FanoutResult, servers: Array<number | undefined>): Promise<void> {
  const started = now();
  await subscribers.closeAll();
  await waitIdle(servers);
  result.connectErrors.push(...(await subscribers.connectTo(target, count)));
  const connected = now();
  await subscribers.reset();
  await target.create();
  await subscribers.drain(subscribers.total);
  const warm = await subscribers.received();
  if (warm < subscribers.total) log(`${target.kind}: only ${warm} of ${subscribers.total} sockets heard the warm-up lead`);
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  log(
    `${target.kind}: ${subscribers.total} sockets open in ${seconds(started, connected)} s, all heard a first lead ${seconds(connected, now())} s later` +
      ` (open-file limit of each subscriber process: ${subscribers.fileLimit})`,
  );
}

/** The ramp and every scenario against one server; sockets are reused while runs deliver everything. */
async function measureTarget(subscribers: Subscribers, target: FanoutTarget, options: FanoutOptions, servers: Array<number | undefined>): Promise<FanoutResult> {
  const result: FanoutResult = { kind: target.kind, runs: [], ramps: [], rssMb: NaN, connectErrors: [] };
  const peakRss = sampleRss(target.pid);
  const counts = [...new Set([...options.scenarios.map((s) => s.sockets), ...options.rampSockets])].sort((a, b) => a - b);
  let clean = false;
  const measured = async (rate: number, duration: number, count: number) => {
    if (!clean || subscribers.total !== count) await freshSockets(subscribers, target, count, result, servers);
    const r = await run(subscribers, target, rate, duration);
    clean = r.delivered === r.expected;
    return r;
  };
  for (const count of counts) {
    if (options.rampSockets.includes(count)) {
      const ramp: Ramp = { sockets: count, steps: [], sustained: 0 };
      result.ramps.push(ramp);
      for (const rate of options.rampRates) {
        const r = await measured(rate, options.rampDuration, count);
        log(`${target.kind} ramp: ${describe(r)}`);
        ramp.steps.push(r);
        if (r.p99 > options.p99LimitMs || r.delivered < r.expected) break;
        ramp.sustained = rate;
      }
    }
    for (const scenario of options.scenarios.filter((s) => s.sockets === count)) {
      const r = await measured(scenario.rate, options.duration, count);
      log(`${target.kind} live: ${describe(r)}`);
      result.runs.push(r);
    }
  }
  result.rssMb = peakRss();
  await subscribers.closeAll();
  return result;
}

export async function measureFanout(targets: FanoutTarget[], options: FanoutOptions): Promise<FanoutResult[]> {
  const subscribers = new Subscribers(options.processes);
  const results: FanoutResult[] = [];
  try {
    await within(subscribers.ready, 60_000, 'starting the subscriber processes');
    for (const target of targets) results.push(await measureTarget(subscribers, target, options, targets.map((t) => t.pid)));
  } finally {
    await subscribers.stop();
  }
  return results;
}
