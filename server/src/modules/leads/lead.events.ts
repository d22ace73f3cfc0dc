import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { Topic, type AppPubSub } from '../../pubsub.js';
import type { Logger } from '../../logger.js';
import { TENANT_FILTER } from '../tenants/tenant-scope.js';
import { LeadService } from './lead.service.js';
import { LeadScoredReason } from './lead.types.js';

export const LEAD_SCORED_CHANNEL = 'lead_scored';

/** What travels through PostgreSQL: ids only, so it stays far below NOTIFY's 8000-byte limit. */
export interface LeadScoredNotice {
  tenantId: string;
  leadId: string;
  reason: LeadScoredReason;
  previousScore: number | null;
}

/** Call inside the transaction that writes the lead: PostgreSQL delivers the notice only if it commits. */
export async function notifyLeadScored(em: EntityManager, notice: LeadScoredNotice): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [LEAD_SCORED_CHANNEL, JSON.stringify(notice)]);
}

/**
 * Listens on PostgreSQL for committed lead changes from every server process on the database, loads
 * each lead once, and hands it to this process's subscribers of the lead's tenant. Reconnects by
 * itself when the database goes away.
 */
export class LeadScoredRelay {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private listening?: Promise<void>;

  constructor(
    private readonly databaseUrl: string,
    private readonly orm: MikroORM,
    private readonly pubSub: AppPubSub,
    private readonly logger: Logger,
  ) {}

  /** Resolves once LISTEN is in place (or keeps retrying in the background if the database is down). */
  start(): Promise<void> {
    this.listening = this.connect(0);
    return this.listening;
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3_000 });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      if (msg.channel === LEAD_SCORED_CHANNEL && msg.payload) void this.deliver(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${LEAD_SCORED_CHANNEL}`);
      this.client = client;
      if (attempt > 0) this.logger.info({ event: 'relay_reconnected' }, 'listening for lead events again');
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.scheduleReconnect(attempt + 1, error);
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    this.logger.warn({ event: 'relay_disconnected', err: error?.message }, 'lost the connection for lead events; reconnecting');
    client.end().catch(() => {});
    this.scheduleReconnect(1, error);
  }

  private scheduleReconnect(attempt: number, error: unknown): void {
    if (this.stopped) return;
    const delay = Math.min(5_000, 100 * 2 ** attempt);
    if (attempt === 1) this.logger.warn({ event: 'relay_connect_failed', err: (error as Error)?.message }, 'cannot listen for lead events yet');
    this.retry = setTimeout(() => void this.connect(attempt), delay);
  }

  private async deliver(payload: string): Promise<void> {
    try {
      const notice = JSON.parse(payload) as LeadScoredNotice;
      const em = this.orm.em.fork();
      em.setFilterParams(TENANT_FILTER, { tenantId: notice.tenantId });
      const lead = await new LeadService(em).findById(notice.leadId);
      if (!lead) return;
      this.pubSub.publish(Topic.LeadScored, notice.tenantId, { lead, reason: notice.reason, previousScore: notice.previousScore });
    } catch (error) {
      this.logger.error({ event: 'relay_delivery_failed', err: (error as Error).message }, 'could not deliver a lead event');
    }
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
