import net from 'node:net';
import { ADMIN_DATABASE_URL } from './database.js';

/** A free port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A TCP proxy in front of PostgreSQL: `down()` cuts every connection and refuses new ones, as a
 * database outage would; `up()` brings it back. The real server keeps running for other tests.
 */
export async function createDatabaseProxy(targetUrl = ADMIN_DATABASE_URL) {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  // one port for the proxy's whole life, so a URL handed out before down() works again after up()
  const port = await freePort();
  return {
    port,
    urlFor(database: string) {
      const url = new URL(targetUrl);
      url.host = `127.0.0.1:${port}`;
      url.pathname = `/${database}`;
      return url.toString();
    },
    up: () =>
      new Promise<void>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 5432), target.hostname);
          sockets.add(client).add(upstream);
          client.pipe(upstream).pipe(client);
          const close = () => {
            client.destroy();
            upstream.destroy();
            sockets.delete(client);
            sockets.delete(upstream);
          };
          client.on('error', close).on('close', close);
          upstream.on('error', close).on('close', close);
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}
