import { createServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { EmbeddedDatabaseError } from './db/embedded.js';

/** Longest a graceful stop may take: in-flight requests, sockets, the pool and the embedded database. */
const SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * Connections clients opened before the signal may still wait in the kernel's accept queue (under
 * load Node accepts about one per turn of the event loop), and a request may still be on its way
 * on an idle keep-alive connection. Closing the listener or those connections at once would cut
 * such requests off, so we first keep accepting until no connection came for this long.
 */
const ACCEPT_QUIET_MS = 250;
const ACCEPT_DRAIN_MAX_MS = 5_000;

/** Start-up failures end in one line on stderr and exit code 1, never a stack trace. */
function fail(message: string): never {
  console.error(message.replace(/\s+/g, ' ').trim());
  process.exit(1);
}

try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(`Configuration error: ${error.message}`);
}

type Server = Awaited<ReturnType<typeof createServer>>;

// SIGTERM (orchestrators) and SIGINT (Ctrl-C): stop accepting, finish what is in flight, close
// WebSockets with 1001 so clients reconnect elsewhere, close the database, exit 0. Listening from
// the start: a signal during start-up stops the server as soon as it is up.
let server: Server | undefined;
let stopSignal: NodeJS.Signals | undefined;
function onSignal(signal: NodeJS.Signals): void {
  if (stopSignal) {
    server?.logger.warn({ event: 'shutdown_forced', signal }, `${signal} again: exiting without finishing the shutdown`);
    process.exit(1);
  }
  stopSignal = signal;
  if (server) void shutdown(server, signal);
}
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);

async function shutdown(running: Server, signal: NodeJS.Signals): Promise<void> {
  const { logger } = running;
  logger.info({ event: 'shutdown', signal }, `${signal}: finishing requests in flight, then stopping`);
  running.beginShutdown();
  // not unref'd: a stop that hangs on nothing must still end in exit code 1, not a silent 0
  setTimeout(() => {
    logger.error({ event: 'shutdown_timeout', timeoutMs: SHUTDOWN_TIMEOUT_MS }, `shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  await acceptQueueDrained(running.httpServer);
  try {
    await running.stop();
  } catch (error) {
    logger.error({ event: 'shutdown_failed', err: error }, 'shutdown failed');
    process.exit(1);
  }
  logger.info({ event: 'stopped' }, 'stopped');
  process.exit(0);
}

/** Resolves once no connection was accepted for ACCEPT_QUIET_MS and five turns of the event loop (or after ACCEPT_DRAIN_MAX_MS). */
async function acceptQueueDrained(httpServer: Server['httpServer']): Promise<void> {
  let lastAccept = Date.now();
  let turns = 0;
  const onConnection = () => {
    lastAccept = Date.now();
    turns = 0;
  };
  httpServer.on('connection', onConnection);
  const deadline = Date.now() + ACCEPT_DRAIN_MAX_MS;
  // each timer waits through at least one poll phase, where queued connections are accepted
  while (Date.now() < deadline && (turns < 5 || Date.now() - lastAccept < ACCEPT_QUIET_MS)) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    turns++;
  }
  httpServer.off('connection', onConnection);
}

try {
  server = await createServer();
} catch (error) {
  if (error instanceof EmbeddedDatabaseError) fail(`Cannot start the embedded PostgreSQL: ${error.message}`);
  const { code, port, message } = error as { code?: string; port?: number; message: string };
  fail(code === 'EADDRINUSE' ? `Cannot start: port ${port} is in use (set PORT to another one).` : `Cannot start: ${message}`);
}
server.logger.info({ url: server.url }, `Lead Scoring Engine on ${server.url} (GraphQL at ${server.url}/graphql)`);
// a stray rejection is logged, never fatal: the server keeps answering
process.on('unhandledRejection', (reason) => server?.logger.error({ err: reason }, 'unhandled rejection'));
if (stopSignal) void shutdown(server, stopSignal);
