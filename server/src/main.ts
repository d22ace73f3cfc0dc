import { createServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';

try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}

let server: Awaited<ReturnType<typeof createServer>>;
try {
  server = await createServer();
} catch (error) {
  const { code, port, message } = error as { code?: string; port?: number; message: string };
  console.error(code === 'EADDRINUSE' ? `Cannot start: port ${port} is in use (set PORT to another one).` : `Cannot start: ${message}`);
  process.exit(1);
}
server.logger.info({ url: server.url }, `Lead Scoring Engine on ${server.url} (GraphQL at ${server.url}/graphql)`);

// a stray rejection is logged, never fatal: the server keeps answering
process.on('unhandledRejection', (reason) => server.logger.error({ err: reason }, 'unhandled rejection'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.logger.info(`${signal}: shutting down`);
    server.stop().then(() => process.exit(0), () => process.exit(1));
  });
}
