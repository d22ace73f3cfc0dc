import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.js';

export type Logger = PinoLogger;

/** JSON lines to stdout. Personal data (names, emails, phones, secrets) is never passed to it. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'lead-scoring' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.email', '*.phone'], remove: true },
  });
}
