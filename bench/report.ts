// The tables printed at the end of a run (markdown, so they can go into the README as they are).
import type { FanoutResult, Ramp } from './fanout.js';
import type { Measurement } from './http-load.js';

/** floorAppWrites: the floor writing what the app writes (createLead only) */
export type ServerName = 'floor' | 'floorAppWrites' | 'PostGraphile' | 'app';

export interface HttpScenarioResult {
  name: string;
  /** a server left out of a scenario, and why (printed as "—") */
  results: Partial<Record<ServerName, Measurement>>;
}

export interface Memory {
  appIdle: number;
  appPageLoad: number;
  appLive: number;
  floorPageLoad: number;
  peerPageLoad: number;
  liveSockets: number;
}

const LABEL = { app: 'app (graphql-ws)', plain: 'plain ws (floor)' };
const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '—');
const int = (n: number) => Math.round(n).toLocaleString('en');

export function httpTable(scenarios: HttpScenarioResult[]): string[] {
  const lines = [
    '| scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req¹ | app ÷ this (req/s) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const labels: Record<ServerName, string> = {
    floor: 'floor (node:http + pg, prepared)',
    floorAppWrites: 'floor writing the app’s rows (1 statement)',
    PostGraphile: 'PostGraphile 5 (amber)',
    app: 'app',
  };
  for (const scenario of scenarios) {
    const app = scenario.results.app;
    for (const server of ['floor', 'floorAppWrites', 'PostGraphile', 'app'] as const) {
      const m = scenario.results[server];
      if (!m && server === 'floorAppWrites') continue;
      if (!m) {
        lines.push(`| ${scenario.name} | ${labels[server]} | — | — | — | — | — | — | — |`);
        continue;
      }
      const ratio = server !== 'app' && app ? `${fmt(app.rps / m.rps, 2)}x` : '';
      lines.push(`| ${scenario.name} | ${labels[server]} | ${int(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.errors} | ${fmt(m.cpuMsPerRequest, 2)} | ${ratio} |`);
    }
  }
  lines.push('', '¹ CPU time of the server process per request (PostgreSQL not included): steadier than req/s when other work shares the machine.');
  return lines;
}

export function fanoutTable(results: FanoutResult[], p99LimitMs: number): string[] {
  const lines = [
    '| live fan-out | server | leads | delivered | lost² | p50 ms | p95 ms | p99 ms | CPU µs/msg³ | subscriber CPU µs/msg⁴ |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const runs = results.flatMap((result) => result.runs.map((run) => ({ kind: result.kind, run })));
  runs.sort((a, b) => a.run.sockets - b.run.sockets || a.kind.localeCompare(b.kind));
  for (const { kind, run } of runs) {
    const name = `${int(run.sockets)} sockets × ${run.rate} leads/s`;
    const lost = run.expected - run.delivered;
    const errors = run.createErrors ? ` (${run.createErrors} creates failed)` : '';
    lines.push(`| ${name} | ${LABEL[kind]} | ${run.leads}${errors} | ${int(run.delivered)} | ${int(lost)} | ${fmt(run.p50)} | ${fmt(run.p95)} | ${fmt(run.p99)} | ${fmt(run.cpuUsPerMessage)} | ${fmt(run.clientCpuUsPerMessage)} |`);
  }
  lines.push(
    '',
    '² not delivered within 30 s of the last create (or by the time messages had stopped coming for 5 s).',
    '³ CPU time of the server process per delivered message, its share of the creates included.',
    '⁴ CPU time of the subscriber processes (the load generator, on the same cores) per delivered message.',
    '',
  );
  lines.push(...rampTable(results, p99LimitMs));
  for (const result of results) for (const error of result.connectErrors) lines.push(`- ${LABEL[result.kind]}: ${error}`);
  return lines;
}

function sustainedText(ramp: Ramp): string {
  const first = ramp.steps[0]?.rate ?? NaN;
  if (!ramp.sustained) return `< ${first} leads/s`;
  // the ramp ended on its last rate without failing: the server may sustain more
  const atLeast = ramp.sustained === ramp.steps.at(-1)?.rate ? '≥ ' : '';
  return `${atLeast}${ramp.sustained} leads/s = ${atLeast}${int(ramp.sustained * ramp.sockets)} msg/s`;
}

function ratioText(app: Ramp, plain: Ramp): string {
  if (!plain.sustained) return '—';
  const ratio = fmt((app.sustained || app.steps[0]?.rate) / plain.sustained, 2);
  const appCapped = app.sustained === app.steps.at(-1)?.rate;
  const plainCapped = plain.sustained === plain.steps.at(-1)?.rate;
  if (!app.sustained) return `< ${ratio}x`;
  if (appCapped && plainCapped) return '—';
  return `${appCapped ? '≥ ' : plainCapped ? '≤ ' : ''}${ratio}x`;
}

/** The highest rate each server delivers in full with p99 within the limit, per socket count. */
function rampTable(results: FanoutResult[], p99LimitMs: number): string[] {
  const app = results.find((r) => r.kind === 'app');
  const plain = results.find((r) => r.kind === 'plain');
  const lines = [
    `| highest rate with p99 ≤ ${p99LimitMs} ms, nothing lost | ${results.map((r) => LABEL[r.kind]).join(' | ')} |${app && plain ? ' app ÷ plain |' : ''}`,
    `|---|${results.map(() => '---:').join('|')}|${app && plain ? '---:|' : ''}`,
  ];
  for (const sockets of [...new Set(results.flatMap((r) => r.ramps.map((ramp) => ramp.sockets)))]) {
    const ramps = results.map((r) => r.ramps.find((ramp) => ramp.sockets === sockets));
    const appRamp = app?.ramps.find((ramp) => ramp.sockets === sockets);
    const plainRamp = plain?.ramps.find((ramp) => ramp.sockets === sockets);
    const ratio = appRamp && plainRamp ? ` ${ratioText(appRamp, plainRamp)} |` : '';
    lines.push(`| ${int(sockets)} sockets | ${ramps.map((ramp) => (ramp ? sustainedText(ramp) : '—')).join(' | ')} |${ratio}`);
  }
  lines.push('');
  for (const result of results) {
    for (const ramp of result.ramps) {
      const steps = ramp.steps.map((r) => `${r.rate}/s p99 ${fmt(r.p99)} ms${r.delivered < r.expected ? ` (${int(r.expected - r.delivered)} lost)` : ''}`);
      lines.push(`- ${LABEL[result.kind]}, ${int(ramp.sockets)} sockets: ${steps.join(', ')}`);
    }
  }
  return lines;
}

export function memoryLines(memory: Partial<Memory>): string[] {
  const lines = [`app RSS (VmRSS): idle ${fmt(memory.appIdle, 0)} MB`];
  if (memory.appPageLoad !== undefined) lines[0] += `, under the page load ${fmt(memory.appPageLoad, 0)} MB (peak)`;
  if (memory.appLive !== undefined) lines[0] += `, during the live fan-out (up to ${int(memory.liveSockets ?? 0)} sockets) ${fmt(memory.appLive, 0)} MB (peak)`;
  if (memory.floorPageLoad !== undefined) {
    const peer = memory.peerPageLoad !== undefined ? `, PostGraphile ${fmt(memory.peerPageLoad, 0)} MB` : '';
    lines.push(`under the page load (peak): floor ${fmt(memory.floorPageLoad, 0)} MB${peer}`);
  }
  return lines;
}
