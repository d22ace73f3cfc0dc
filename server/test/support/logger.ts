import { Writable } from 'node:stream';
import { pino } from 'pino';

/** A debug-level logger whose lines (JSON, one per entry) stay in memory for assertions. */
export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}
