import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.js';
import { serializeError } from './observability/redact.js';

export type Logger = PinoLogger;

/** JSON lines to stdout. Personal data (names, emails, phones, secrets) is never passed to it. */
export function createLogger(level: LogLevel): Logger {
  const options = {
    level,
    base: { service: 'lead-scoring' },
    // database errors quote row values (names, emails) in their message and detail
    serializers: { err: serializeError },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.email', '*.phone', '*.apiKey', '*.secret', '*.token'], remove: true },
  };
  // a developer's terminal gets readable lines; anything else (a pipe, a container log) gets JSON lines
  if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname,service' } } });
  }
  // buffered writes keep logging off the request path; pino flushes them when the process exits
  return pino(options, pino.destination({ sync: false }));
}
