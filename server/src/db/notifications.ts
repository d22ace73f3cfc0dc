import type net from 'node:net';
import pg from 'pg';
import type { Logger } from '../logger.js';

type Handler = (payload: string) => void | Promise<void>;

export interface NotificationListenerOptions {
  /** How often the connection proves it is alive with `select 1`; a dead peer may never close the socket. */
  pingIntervalMs?: number;
  /** How long a ping may take before the connection counts as dead and is replaced. */
  pingTimeoutMs?: number;
  /** Names the connection in pg_stat_activity. */
  applicationName?: string;
}

export const LISTEN_APPLICATION_NAME = 'lead-scoring-listen';

/**
 * One dedicated PostgreSQL connection per process that LISTENs on the app's channels and hands
 * each NOTIFY to its handler. NOTIFY is transactional, so handlers only ever see committed
 * changes, from every process on the database. Handlers of one channel run one after another, in
 * the order the notices arrived.
 *
 * A ping finds connections that died without closing (a frozen network, a dropped NAT entry); any
 * lost connection is replaced, and the `onReconnect` handlers run after the gap, since notices
 * sent meanwhile are gone.
 */
export class NotificationListener {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, Handler>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly reconnectHandlers: Array<() => void | Promise<void>> = [];
  private readonly pingIntervalMs: number;
  private readonly pingTimeoutMs: number;
  private readonly applicationName: string;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    options: NotificationListenerOptions = {},
  ) {
    this.pingIntervalMs = options.pingIntervalMs ?? 10_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
    this.applicationName = options.applicationName ?? LISTEN_APPLICATION_NAME;
  }

  on(channel: string, handler: Handler): this {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    this.handlers.set(channel, handler);
    return this;
  }

  /** Runs after every gap, once LISTEN is back and the notices heard before the gap are handled. */
  onReconnect(handler: () => void | Promise<void>): this {
    this.reconnectHandlers.push(handler);
    return this;
  }

  /** Resolves once LISTEN is in place, or keeps retrying in the background while the database is down. */
  start(): Promise<void> {
    return this.connect(0);
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 3_000,
      application_name: this.applicationName,
      keepAlive: true,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      if (!this.stopped && msg.payload !== undefined) this.dispatch(msg.channel, msg.payload);
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
      if (this.stopped) throw new Error('stopped');
      this.client = client;
      this.schedulePing(client);
      if (attempt > 0) {
        this.logger.info({ event: 'listener_reconnected' }, 'listening for database notifications again');
        void this.afterGap();
      }
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.scheduleReconnect(attempt + 1, error);
    }
  }

  /** Queues the notice behind the earlier ones of its channel, so a slow handler cannot be overtaken. */
  private dispatch(channel: string, payload: string): void {
    const handler = this.handlers.get(channel);
    if (!handler) return;
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const next = previous
      .then(() => handler(payload))
      .catch((error: Error) =>
        this.logger.error({ event: 'notification_failed', channel, err: error.message }, 'could not handle a database notification'),
      );
    this.queues.set(channel, next);
    // an idle channel keeps no chain of settled promises
    void next.then(() => {
      if (this.queues.get(channel) === next) this.queues.delete(channel);
    });
  }

  private async afterGap(): Promise<void> {
    await Promise.all(this.queues.values());
    for (const handler of this.reconnectHandlers) {
      if (this.stopped) return;
      try {
        await handler();
      } catch (error) {
        this.logger.error({ event: 'listener_reconnect_failed', err: (error as Error).message }, 'could not catch up after a gap in database notifications');
      }
    }
  }

  private schedulePing(client: pg.Client): void {
    this.pingTimer = setTimeout(() => void this.ping(client), this.pingIntervalMs);
    this.pingTimer.unref();
  }

  private async ping(client: pg.Client): Promise<void> {
    if (this.client !== client) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to a ping within ${this.pingTimeoutMs} ms`)), this.pingTimeoutMs);
    });
    try {
      await Promise.race([client.query('select 1'), timedOut]);
      if (this.client === client) this.schedulePing(client);
    } catch (error) {
      this.drop(client, error as Error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Gives up on a connection that stopped answering: its socket may never close by itself. */
  private drop(client: pg.Client, error: Error): void {
    (client as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    this.lost(client, error);
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    clearTimeout(this.pingTimer);
    this.logger.warn({ event: 'listener_disconnected', err: error?.message }, 'lost the notification connection; reconnecting');
    client.end().catch(() => {});
    this.scheduleReconnect(1, error);
  }

  private scheduleReconnect(attempt: number, error: unknown): void {
    if (this.stopped) return;
    if (attempt === 1) this.logger.warn({ event: 'listener_connect_failed', err: (error as Error)?.message }, 'cannot listen for database notifications yet');
    this.retry = setTimeout(() => void this.connect(attempt), Math.min(5_000, 100 * 2 ** attempt));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.pingTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}
