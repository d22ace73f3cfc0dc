import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** undefined: run the embedded PostgreSQL under dataDir */
  databaseUrl?: string;
  port: number;
  host: string;
  logLevel: LogLevel;
  seedDemo: boolean;
  /** Origins allowed for browsers (CORS and WebSocket). The server's own origin is always allowed. */
  allowedOrigins: string[];
  production: boolean;
  dataDir: string;
  /** Built web app served at `/`, when present. */
  webDist: string;
  /** Port of the Prometheus `/metrics` listener, apart from the public one (0: any free port); null: no listener. */
  metricsPort: number | null;
  metricsHost: string;
  /** OTLP/HTTP traces URL (…/v1/traces); tracing is off without it. */
  otlpTracesUrl?: string;
  /**
   * Which proxies may say who the client is (X-Forwarded-For) and whether it used HTTPS
   * (X-Forwarded-Proto): false (none: the socket's address counts), a hop count, or addresses/subnets.
   */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: off (default), a number of proxy hops, or a list of proxy addresses / subnets. */
function trustProxyFrom(raw: string | undefined): Config['trustProxy'] {
  const value = raw?.trim() ?? '';
  if (value === '' || /^(0|off|false|no|none)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(entry) || (isIP(address) && validBits && rest.length === 0))) {
      throw new ConfigError(
        `TRUST_PROXY must be off, a number of proxy hops, or comma-separated proxy addresses/subnets (e.g. 10.0.0.5,10.1.0.0/16 or loopback), got "${entry}"`,
      );
    }
  }
  return entries;
}

/** The repository's top folder (the one with schema.graphql), from src/ as from the compiled dist/src/. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'schema.graphql'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const root = findRoot(path.dirname(fileURLToPath(import.meta.url)));
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Reads and validates the environment once; throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const metricsPort = /^(off|false|none)$/i.test(env.METRICS_PORT ?? '') ? null : env.METRICS_PORT ? Number(env.METRICS_PORT) : 9464;
  if (metricsPort !== null && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) {
    throw new ConfigError(`METRICS_PORT must be a whole number from 0 to 65535 or "off", got "${env.METRICS_PORT}"`);
  }
  // the OpenTelemetry variables: a base endpoint gets /v1/traces appended, a traces endpoint is used as is
  const otlpBase = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const otlpTracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (otlpBase ? `${otlpBase}/v1/traces` : undefined);
  if (otlpTracesUrl && !/^https?:\/\//.test(otlpTracesUrl)) {
    throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// URL, got "${otlpTracesUrl}"`);
  }
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase() as LogLevel;
  if (!LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(`ALLOWED_ORIGINS must be a comma-separated list of origins like https://crm.example.com, got "${origin}"`);
    }
  }
  return {
    databaseUrl,
    port,
    host: env.HOST || '0.0.0.0',
    logLevel,
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, !databaseUrl),
    allowedOrigins,
    production: env.NODE_ENV === 'production',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, '.data')),
    webDist: path.join(root, 'web', 'dist'),
    metricsPort,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    otlpTracesUrl,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
  };
}
