import pg from 'pg';
import type { Logger } from '../logger.js';

type Handler = (payload: string) => void | Promise<void>;

/**
 * One dedicated PostgreSQL connection per process that LISTENs on the app's channels and hands
 * each NOTIFY to its handler. NOTIFY is transactional, so handlers only ever see committed
 * changes, from every process on the database. Reconnects by itself; `onReconnect` handlers run
 * after a gap, since notices sent meanwhile are gone.
 */
export class NotificationListener {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private readonly handlers = new Map<string, Handler>();
  private readonly reconnectHandlers: Array<() => void> = [];

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  on(channel: string, handler: Handler): this {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    this.handlers.set(channel, handler);
    return this;
  }

  onReconnect(handler: () => void): this {
    this.reconnectHandlers.push(handler);
    return this;
  }

  /** Resolves once LISTEN is in place, or keeps retrying in the background while the database is down. */
  start(): Promise<void> {
    return this.connect(0);
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3_000 });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      const handler = this.handlers.get(msg.channel);
      if (!handler || msg.payload === undefined) return;
      Promise.resolve(handler(msg.payload)).catch((error: Error) =>
        this.logger.error({ event: 'notification_failed', channel: msg.channel, err: error.message }, 'could not handle a database notification'),
      );
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
      this.client = client;
      if (attempt > 0) {
        this.logger.info({ event: 'listener_reconnected' }, 'listening for database notifications again');
        this.reconnectHandlers.forEach((handler) => handler());
      }
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.scheduleReconnect(attempt + 1, error);
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
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
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}
