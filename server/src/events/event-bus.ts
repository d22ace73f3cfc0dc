import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { NotificationListener } from '../db/notifications.js';
import type { Logger } from '../logger.js';
import { EVENT_COLUMNS, EVENTS_CHANNEL, toStoredEvent, type EventRow, type StoredEvent } from './outbox.js';

/** Has a row in `event_consumer`; every process runs it, one at a time, and each event is handled once. */
export interface DurableConsumer {
  /** Names its row in event_consumer; a new name starts afresh. */
  name: string;
  types: readonly string[];
  /** Where a consumer without a row starts: after the newest event (default), or at the oldest one kept. */
  startAt?: 'latest' | 'oldest';
  /** Runs in the transaction that moves the position: its writes through `em` commit with it, or neither does. A throw retries the batch later. */
  handle(events: StoredEvent[], em: EntityManager): Promise<void>;
  /**
   * Waits this long after a wake-up before reading, so that the events of a busy spell are handled
   * in one transaction instead of one each (six statements per wake-up). For consumers nobody
   * waits on, such as metrics. Default 0: at once.
   */
  gatherMs?: number;
}

/** Per process, position in memory (from the newest event at start): e.g. pushing to this process's sockets. */
export interface LiveConsumer {
  name: string;
  types: readonly string[];
  /** A throw is logged and these events are skipped. */
  handle(events: StoredEvent[]): void | Promise<void>;
  /**
   * The tenants whose events matter to this process now (e.g. those with a socket open here); the
   * events of others are passed over without being read. Without it, every event is handled.
   */
  tenants?(): readonly string[];
  /**
   * Called instead of replaying when more than `maxReplay` events of its types were missed during a
   * gap. With `tenants()`, counted per tenant: `tenants` are those that missed too many (their
   * missed events are then passed over); the others get theirs replayed.
   */
  resync(missed: number, tenants?: readonly string[]): void;
}

export interface EventBusOptions {
  /** How often consumers look for events without a wake-up: a lost NOTIFY costs at most this delay. */
  pollMs?: number;
  /** Events read per statement (and per transaction of a durable consumer). */
  batchSize?: number;
  /** A live consumer that missed more events than this while LISTEN was down resyncs instead of replaying. */
  maxReplay?: number;
}

/** Most events read to count a tenant-scoped consumer's gap per tenant (see resyncTenantsOverReplay). */
const GAP_COUNT_LIMIT = 100_000;

/** While another process holds a durable consumer, look again this soon: its wake-up may have been ours. */
const BUSY_RETRY_MS = 250;

/** Runs `step` until it reports no more work; a call while running makes it go round once more (gathered first, with `gatherMs`). */
class Drain {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private gathering?: { done: Promise<void>; cancel(): void };

  /** `gatherMs`: a call while idle starts after this long, and the calls meanwhile join it. */
  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly gatherMs = 0,
  ) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.gatherMs > 0) return this.gather();
    return this.start();
  }

  private gather(): Promise<void> {
    if (this.gathering) return this.gathering.done;
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const timer = setTimeout(() => {
      this.gathering = undefined;
      void this.start().finally(settle);
    }, this.gatherMs);
    timer.unref();
    this.gathering = {
      done,
      cancel: () => {
        clearTimeout(timer);
        this.gathering = undefined;
        settle();
      },
    };
    return done;
  }

  private start(): Promise<void> {
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (await this.step());
        } while (this.again && this.gatherMs === 0);
      } finally {
        this.running = undefined;
      }
      // a gathering drain gathers the calls that came while it ran too, instead of going round at once
      if (this.again && !this.stopped) {
        this.again = false;
        void this.gather();
      }
    })();
    return this.running;
  }

  /** Drops a gathering run (its events stay for the next one) and waits for a running one. */
  stop(): Promise<void> {
    this.stopped = true;
    this.gathering?.cancel();
    return this.idle;
  }

  get idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}

interface DurableEntry {
  consumer: DurableConsumer;
  drain: Drain;
  retry?: NodeJS.Timeout;
}

interface LiveEntry {
  consumer: LiveConsumer;
  drain: Drain;
  position: number;
  /** Tenants told to resync after a gap: their events up to `upTo` are passed over, not replayed. */
  skip?: { tenants: Set<string>; upTo: number };
}

/**
 * Delivers outbox events to consumers, in sequence order (which is commit order, see the
 * migration's trigger). A NOTIFY on `events` wakes them; a poll every `pollMs` catches what a lost
 * wake-up would have missed; a gap in LISTEN is replayed from each consumer's position.
 *
 * Live consumers deliver only events whose wake-up this process has handled (or that a round trip
 * on the LISTEN connection proved delivered): since notices arrive in commit order, every
 * auth_changed notice committed before such an event has been handled first, so a revoked
 * credential's socket is closed before it could receive anything committed after the revocation.
 */
export class EventBus {
  /** Highest sequence known to have been heard on the LISTEN connection (see above). */
  private heard = 0;
  private started = false;
  private stopped = false;
  private pollTimer?: NodeJS.Timeout;
  private polling = false;
  private readonly durables: DurableEntry[] = [];
  private readonly lives: LiveEntry[] = [];
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly maxReplay: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly listener?: NotificationListener,
    options: EventBusOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 5_000;
    this.batchSize = options.batchSize ?? 200;
    this.maxReplay = options.maxReplay ?? 1_000;
    listener?.on(EVENTS_CHANNEL, (payload) => this.heardOf(payload));
    listener?.onReconnect(() => this.afterGap());
  }

  durable(consumer: DurableConsumer): this {
    if (this.started) throw new Error(`consumer ${consumer.name} added after the events started`);
    const entry: DurableEntry = { consumer, drain: new Drain(() => this.durableStep(entry), consumer.gatherMs) };
    this.durables.push(entry);
    return this;
  }

  live(consumer: LiveConsumer): this {
    if (this.started) throw new Error(`consumer ${consumer.name} added after the events started`);
    const entry: LiveEntry = { consumer, position: 0, drain: new Drain(() => this.liveStep(entry)) };
    this.lives.push(entry);
    return this;
  }

  /** Gives new durable consumers their row and live ones the newest position, then starts polling. Idempotent. */
  async start(): Promise<void> {
    if (this.started || this.stopped) return;
    const em = this.orm.em.fork();
    for (const { consumer } of this.durables) {
      await em.execute(
        `insert into event_consumer (name, position, updated_at)
         values (?, case when ? then 0 else (select coalesce(max(sequence), 0) from event) end, now())
         on conflict (name) do nothing`,
        [consumer.name, consumer.startAt === 'oldest'],
      );
    }
    const high = await this.highest();
    for (const live of this.lives) live.position = high;
    this.heard = Math.max(this.heard, high);
    this.started = true;
    this.pollTimer = setInterval(() => void this.poll(), this.pollMs);
    this.pollTimer.unref();
    this.wake();
  }

  /** Lets the consumers of `type` (without one: every consumer) look for new events now. */
  wake(type?: string): void {
    if (!this.started || this.stopped) return;
    for (const entry of this.durables) if (type === undefined || entry.consumer.types.includes(type)) void entry.drain.run();
    for (const entry of this.lives) if (type === undefined || entry.consumer.types.includes(type)) void entry.drain.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    for (const entry of this.durables) clearTimeout(entry.retry);
    await Promise.all([...this.durables, ...this.lives].map((entry) => entry.drain.stop()));
  }

  /**
   * A wake-up is "<sequence> <type>" (see the outbox migrations): only that type's consumers run.
   * The others' positions move at the next wake-up of theirs or poll, which reads only their types.
   * Anyone may NOTIFY: a payload that is no sequence still wakes everyone, but moves nothing.
   */
  private heardOf(payload: string): void {
    const space = payload.indexOf(' ');
    const sequence = Number(space < 0 ? payload : payload.slice(0, space));
    if (!Number.isSafeInteger(sequence)) return this.wake();
    if (sequence > this.heard) this.heard = sequence;
    this.wake(space < 0 ? undefined : payload.slice(space + 1));
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      if (this.lives.length) {
        // what was committed before this read has been heard once the LISTEN connection answers
        const high = await this.highest();
        await this.listener?.barrier();
        this.heard = Math.max(this.heard, high);
      }
    } catch {
      // not listening (or no database): the reconnection catches up
    } finally {
      this.polling = false;
    }
    this.wake();
  }

  /** After a gap in LISTEN (run before any notice heard after it): replay what live consumers missed, or resync them. */
  private async afterGap(): Promise<void> {
    if (!this.started || this.stopped) return;
    const high = await this.highest();
    for (const live of this.lives) {
      const named = live.consumer.tenants?.();
      if (named) {
        await this.resyncTenantsOverReplay(live, named, high);
        continue;
      }
      const types = live.consumer.types;
      const [{ missed }] = await this.orm.em
        .fork()
        .execute<Array<{ missed: string }>>(
          `select count(*) as missed from (select 1 from event where sequence > ? and sequence <= ? and type in (${types.map(() => '?').join(', ') || 'null'}) limit ?) pending`,
          [live.position, high, ...types, this.maxReplay + 1],
        );
      if (Number(missed) > this.maxReplay) {
        this.logger.warn({ event: 'events_resync', consumer: live.consumer.name, missed: Number(missed) }, 'missed too many events to replay; asking clients to fetch again');
        live.position = high;
        live.consumer.resync(Number(missed));
      }
    }
    this.heard = Math.max(this.heard, high);
    await Promise.all(this.lives.map((live) => live.drain.run()));
    this.wake();
  }

  /**
   * A tenant-scoped consumer's gap, counted per named tenant: one tenant's burst (a rescoring of
   * thousands of leads) makes only that tenant's clients fetch again, and the others get their few
   * events replayed. The count reads at most `maxReplay` per tenant plus one (and GAP_COUNT_LIMIT in
   * all): past that, the split is unknown, and every named tenant resyncs (as a consumer without tenants).
   */
  private async resyncTenantsOverReplay(live: LiveEntry, named: readonly string[], high: number): Promise<void> {
    if (!named.length) return;
    const { types, name } = live.consumer;
    // bounded however many tenants have sockets here: past it, every named tenant resyncs
    const cap = Math.min(this.maxReplay * named.length, GAP_COUNT_LIMIT) + 1;
    const counts = await this.orm.em.fork().execute<Array<{ tenant_id: string; missed: string }>>(
      `select tenant_id, count(*) as missed from (
         select tenant_id from event
          where sequence > ? and sequence <= ? and type in (${types.map(() => '?').join(', ') || 'null'}) and tenant_id = any(?::uuid[])
          order by sequence limit ?) pending
        group by tenant_id`,
      [live.position, high, ...types, `{${named.join(',')}}`, cap],
    );
    const read = counts.reduce((sum, row) => sum + Number(row.missed), 0);
    const capped = read >= cap;
    const overRows = counts.filter((row) => Number(row.missed) > this.maxReplay);
    if (!capped && !overRows.length) return;
    const over = capped ? [...named] : overRows.map((row) => row.tenant_id);
    const missed = capped ? read : overRows.reduce((sum, row) => sum + Number(row.missed), 0);
    // a tenant still passed over from an earlier gap is told again: its clients may have fetched before the events of this one
    const tenants = new Set([...(live.skip && live.position < live.skip.upTo ? live.skip.tenants : []), ...over]);
    live.skip = { tenants, upTo: high };
    this.logger.warn({ event: 'events_resync', consumer: name, missed, tenants: tenants.size }, 'missed too many events to replay; asking the clients of the tenants concerned to fetch again');
    live.consumer.resync(missed, [...tenants]);
  }

  private async highest(em: EntityManager = this.orm.em.fork()): Promise<number> {
    const [{ high }] = await em.execute<Array<{ high: string }>>('select coalesce(max(sequence), 0) as high from event');
    return Number(high);
  }

  /**
   * The statement of a consumer's events after a position (the first `?`) up to `upTo` (SQL), at
   * most a batch (the last `?`). The types are filtered here, in SQL: a consumer never reads (or
   * parses) the payloads of events it does not handle — a rescoring writes one event per changed
   * lead, and most consumers want none of them.
   */
  private eventsOfTypesSql(types: readonly string[], upTo: string, ofTenants = false): string {
    const placeholders = types.map(() => '?').join(', ') || 'null';
    const tenants = ofTenants ? ' and tenant_id = any(?::uuid[])' : '';
    return `select ${EVENT_COLUMNS} from event where sequence > ? and sequence <= ${upTo} and type in (${placeholders})${tenants} order by sequence limit ?`;
  }

  private eventsOfTypes(em: EntityManager, types: readonly string[], after: number | string, upTo: number): Promise<EventRow[]> {
    return em.execute<EventRow[]>(this.eventsOfTypesSql(types, '?'), [after, upTo, ...types, this.batchSize]);
  }

  /**
   * For a live consumer, in one round trip (it runs once per event when they come one at a time):
   * its events after `after` up to what was heard (of `tenants` only, when given), and that bound.
   * Anyone may NOTIFY a number, so the bound is also no further than what is committed.
   */
  private async liveEvents(types: readonly string[], after: number, heard: number, tenants?: readonly string[]): Promise<{ upTo: number; rows: EventRow[] }> {
    const found = await this.orm.em.fork().execute<Array<EventRow & { up_to: string }>>(
      `with bound as (select least(?::bigint, coalesce(max(sequence), 0)) as up_to from event)
       select bound.up_to, e.* from bound left join lateral (${this.eventsOfTypesSql(types, 'bound.up_to', tenants !== undefined)}) e on true`,
      [heard, after, ...types, ...(tenants ? [`{${tenants.join(',')}}`] : []), this.batchSize],
    );
    return { upTo: Number(found[0].up_to), rows: found[0].sequence == null ? [] : found };
  }

  private async durableStep(entry: DurableEntry): Promise<boolean> {
    if (this.stopped) return false;
    const { consumer } = entry;
    try {
      const outcome = await this.orm.em.fork().transactional(async (em) => {
        // another process is handling this consumer: its position moves there
        const [row] = await em.execute<Array<{ position: string }>>('select position from event_consumer where name = ? for update skip locked', [consumer.name]);
        if (!row) return (await em.execute('select 1 from event_consumer where name = ?', [consumer.name])).length ? 'busy' : 'missing';
        // numbers follow commit order (see the outbox migration): nothing at or below `high` can still appear
        const high = await this.highest(em);
        if (high <= Number(row.position)) return 'done';
        const rows = await this.eventsOfTypes(em, consumer.types, row.position, high);
        const events = rows.map(toStoredEvent);
        if (events.length) await consumer.handle(events, em);
        const more = rows.length === this.batchSize;
        await em.execute('update event_consumer set position = ?, updated_at = now() where name = ?', [more ? events.at(-1)!.sequence : high, consumer.name]);
        return more ? 'more' : 'done';
      });
      if (outcome === 'busy' && !entry.retry && !this.stopped) {
        entry.retry = setTimeout(() => {
          entry.retry = undefined;
          if (!this.stopped) void entry.drain.run();
        }, BUSY_RETRY_MS);
        entry.retry.unref();
      }
      if (outcome === 'missing') this.logger.error({ event: 'event_consumer_missing', consumer: consumer.name }, 'the row of an event consumer is gone; restart to recreate it');
      return outcome === 'more';
    } catch (error) {
      this.logger.error({ event: 'event_consumer_failed', consumer: consumer.name, err: (error as Error).message }, 'an event consumer failed; retrying later');
      return false;
    }
  }

  private async liveStep(entry: LiveEntry): Promise<boolean> {
    if (this.stopped || entry.position >= this.heard) return false;
    const { consumer } = entry;
    let rows: EventRow[];
    let upTo: number;
    let skip: LiveEntry['skip'];
    try {
      // the wake-ups of one commit come in one read of the LISTEN connection, handled one after
      // another (in promise callbacks): after them, what was heard covers them all, so their events
      // are read, and written to sockets, together
      await new Promise((resolve) => setImmediate(resolve));
      // after a gap, the tenants told to resync are left out up to the gap's end, then read again
      if (entry.skip && entry.position >= entry.skip.upTo) entry.skip = undefined;
      skip = entry.skip;
      const bound = skip ? Math.min(this.heard, skip.upTo) : this.heard;
      // a process with no socket of a tenant passes its events over: their payloads are most of the read
      const named = consumer.tenants?.();
      const tenants = skip && named ? named.filter((tenant) => !skip!.tenants.has(tenant)) : named;
      ({ upTo, rows } = await this.liveEvents(consumer.types, entry.position, bound, tenants));
    } catch (error) {
      this.logger.warn({ event: 'event_consumer_failed', consumer: consumer.name, err: (error as Error).message }, 'could not read events; retrying later');
      return false;
    }
    const events = rows.map(toStoredEvent);
    try {
      if (events.length) await consumer.handle(events);
    } catch (error) {
      this.logger.error({ event: 'event_consumer_failed', consumer: consumer.name, err: (error as Error).message }, 'a live event consumer failed; skipped its events');
    }
    const more = rows.length === this.batchSize;
    // with fewer than a batch, none of its types is left up to `upTo` (numbers follow commit order)
    entry.position = more ? events.at(-1)!.sequence : Math.max(entry.position, upTo);
    // past the passed-over part, what was heard after it is read in full
    return more || (skip !== undefined && entry.position >= skip.upTo && entry.position < this.heard);
  }
}
