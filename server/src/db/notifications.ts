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
 * each NOTIFY to the handlers of its channel (any number, in the order they were added). NOTIFY is
 * transactional, so handlers only ever see committed changes, from every process on the database.
 *
 * Every handler of every channel runs one after another, in the order the notices arrived, which
 * is the order their transactions committed: when a handler sees a notice, the handlers of every
 * notice committed before it have finished (a revoked credential is forgotten before a later
 * event is relayed).
 *
 * A ping finds connections that died without closing (a frozen network, a dropped NAT entry); any
 * lost connection is replaced, and the `onReconnect` handlers run after the gap, in the order they
 * were added and before any notice heard after it, since notices sent meanwhile are gone.
 */
export class NotificationListener {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private started = false;
  private caughtUp = false;
  private readonly handlers = new Map<string, Handler[]>();
  private queue: Promise<void> = Promise.resolve();
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
    if (this.started) throw new Error(`channel ${channel} added after the listener started`);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    return this;
  }

  /** Runs after every gap, once LISTEN is back and the notices heard before the gap are handled. */
  onReconnect(handler: () => void | Promise<void>): this {
    this.reconnectHandlers.push(handler);
    return this;
  }

  /** True while LISTEN is in place and every gap so far has been caught up: nothing committed since is unheard. */
  get listening(): boolean {
    return this.caughtUp && !!this.client && !this.stopped;
  }

  /**
   * Resolves once every notice committed before the call has been handled; rejects when the
   * connection is not listening (notices may be lost). A round trip on the LISTEN connection
   * itself: PostgreSQL delivers pending notices before it answers.
   */
  async barrier(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) throw new Error('not listening for database notifications');
    await this.roundTrip(client);
    await this.enqueue(() => {});
    if (!this.listening) throw new Error('not listening for database notifications');
  }

  /** Resolves once LISTEN is in place, or keeps retrying in the background while the database is down. Idempotent. */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
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
      if (attempt === 0) {
        this.caughtUp = true;
      } else {
        this.logger.info({ event: 'listener_reconnected' }, 'listening for database notifications again');
        void this.enqueue(() => this.afterGap(client));
      }
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.scheduleReconnect(attempt + 1, error);
    }
  }

  /** Queues the notice behind every earlier one, so a slow handler cannot be overtaken. */
  private dispatch(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      void this.enqueue(async () => {
        try {
          await handler(payload);
        } catch (error) {
          this.logger.error({ event: 'notification_failed', channel, err: (error as Error).message }, 'could not handle a database notification');
        }
      });
    }
  }

  private enqueue(work: () => void | Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => {});
    return next;
  }

  private async afterGap(client: pg.Client): Promise<void> {
    for (const handler of this.reconnectHandlers) {
      if (this.stopped) return;
      try {
        await handler();
      } catch (error) {
        this.logger.error({ event: 'listener_reconnect_failed', err: (error as Error).message }, 'could not catch up after a gap in database notifications');
      }
    }
    // lost again meanwhile: the next reconnection catches up instead
    if (this.client === client) this.caughtUp = true;
  }

  private schedulePing(client: pg.Client): void {
    this.pingTimer = setTimeout(() => void this.ping(client), this.pingIntervalMs);
    this.pingTimer.unref();
  }

  private async ping(client: pg.Client): Promise<void> {
    if (this.client !== client) return;
    try {
      await this.roundTrip(client);
      if (this.client === client) this.schedulePing(client);
    } catch (error) {
      this.drop(client, error as Error);
    }
  }

  private async roundTrip(client: pg.Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to a ping within ${this.pingTimeoutMs} ms`)), this.pingTimeoutMs);
    });
    try {
      await Promise.race([client.query('select 1'), timedOut]);
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
    this.caughtUp = false;
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
