import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationListener } from '../src/db/notifications.js';
import { EventBus, type DurableConsumer } from '../src/events/event-bus.js';
import { recordEvent, type StoredEvent } from '../src/events/outbox.js';
import { createDatabaseProxy, createTestApp, memoryLogger, type TestApp } from './utils.js';

const POLL_MS = 200;
const log = memoryLogger();
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
  await sql('create table consumed (n text primary key)');
});
afterAll(() => app?.stop());

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Events of `type`, each in a transaction of its own unless `together`. */
const write = (type: string, ...names: string[]) =>
  app.server.orm.em.fork().transactional(async (em) => {
    for (const n of names) await recordEvent(em, { type, tenantId: null, aggregateId: null, payload: { n } });
  });

/** What a consumer received: the `n` of each event, and the sequences. */
function collector() {
  const got: StoredEvent[] = [];
  return { got, names: () => got.map((e) => (e.payload as { n: string }).n), sequences: () => got.map((e) => e.sequence), push: (events: StoredEvent[]) => void got.push(...events) };
}

/** A bus as a process has one: its own LISTEN connection, polling every POLL_MS. */
async function startBus(setup: (bus: EventBus) => void, options: { listen?: boolean; listenUrl?: string; maxReplay?: number; pollMs?: number } = {}) {
  const listener = options.listen === false ? undefined : new NotificationListener(options.listenUrl ?? app.databaseUrl, log.logger);
  const bus = new EventBus(app.server.orm, log.logger, listener, { pollMs: options.pollMs ?? POLL_MS, batchSize: 7, maxReplay: options.maxReplay });
  setup(bus);
  await listener?.start();
  await bus.start();
  return {
    bus,
    async stop() {
      await bus.stop();
      await listener?.stop();
    },
  };
}

const durable = (name: string, type: string, into: ReturnType<typeof collector>, extra: Partial<DurableConsumer> = {}): DurableConsumer => ({
  name,
  types: [type],
  handle: async (events) => into.push(events),
  ...extra,
});

describe('the outbox', () => {
  it('holds an event only once its transaction commits', async () => {
    const failed = app.server.orm.em.fork().transactional(async (em) => {
      await recordEvent(em, { type: 'test.rollback', tenantId: null, aggregateId: null, payload: { n: 'rolled back' } });
      throw new Error('the write fails after the event was recorded');
    });
    await expect(failed).rejects.toThrow('the write fails');
    await write('test.rollback', 'committed');
    const rows = await sql<{ payload: { n: string } }>(`select payload from event where type = 'test.rollback'`);
    expect(rows.map((row) => row.payload.n)).toEqual(['committed']);
  });

  it('numbers events in commit order: two transactions committing in reverse order are each delivered once, in commit order', async () => {
    const durableGot = collector();
    const liveGot = collector();
    const running = await startBus((bus) =>
      bus.durable(durable('order-audit', 'test.order', durableGot)).live({ name: 'order-live', types: ['test.order'], handle: liveGot.push, resync: () => {} }),
    );
    try {
      const recorded = deferred();
      const release = deferred();
      const first = app.server.orm.em.fork().transactional(async (em) => {
        await recordEvent(em, { type: 'test.order', tenantId: null, aggregateId: null, payload: { n: 'written first, committed last' } });
        recorded.resolve();
        await release.promise;
      });
      await recorded.promise;
      await write('test.order', 'written last, committed first');
      // both consumers pass the later write while the earlier one is still open
      await until(() => durableGot.got.length === 1 && liveGot.got.length === 1, 'the first commit');
      release.resolve();
      await first;
      await until(() => durableGot.got.length === 2 && liveGot.got.length === 2, 'the second commit');

      const inCommitOrder = ['written last, committed first', 'written first, committed last'];
      expect(durableGot.names()).toEqual(inCommitOrder);
      expect(liveGot.names()).toEqual(inCommitOrder);
      const stored = await sql<{ sequence: string; n: string }>(`select sequence, payload->>'n' as n from event where type = 'test.order' order by sequence`);
      expect(stored.map((row) => row.n)).toEqual(inCommitOrder);
      await write('test.order', 'a later one');
      await until(() => durableGot.got.length === 3 && liveGot.got.length === 3, 'a later event');
      expect(durableGot.names()).toEqual([...inCommitOrder, 'a later one']);
    } finally {
      await running.stop();
    }
  });

  it('gives every consumer of a type every event, in the same order, a transaction’s events together', async () => {
    const a = collector();
    const b = collector();
    const live = collector();
    const other = collector();
    const running = await startBus((bus) =>
      bus
        .durable(durable('many-a', 'test.many', a))
        .durable(durable('many-b', 'test.many', b))
        .durable(durable('many-other', 'test.other', other))
        .live({ name: 'many-live', types: ['test.many'], handle: live.push, resync: () => {} }),
    );
    try {
      for (let i = 1; i <= 10; i++) await write('test.many', `s${i}`);
      await Promise.all(Array.from({ length: 10 }, (_, i) => write('test.many', `c${i + 1}-1`, `c${i + 1}-2`)));
      await write('test.other', 'not theirs');
      await until(() => a.got.length === 30 && b.got.length === 30 && live.got.length === 30 && other.got.length === 1, 'every event at every consumer');

      expect(b.names()).toEqual(a.names());
      expect(live.names()).toEqual(a.names());
      expect(a.names().slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i + 1}`));
      expect(new Set(a.names()).size).toBe(30);
      const sequences = a.sequences();
      expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
      for (let i = 1; i <= 10; i++) expect(a.names().indexOf(`c${i}-2`)).toBe(a.names().indexOf(`c${i}-1`) + 1);
      expect(other.names()).toEqual(['not theirs']);
      // a durable consumer stores its position after handling, in the same transaction: it may commit a moment after the last event arrived
      const newest = await sql<{ max: string }>('select max(sequence) as max from event');
      const positionsOf = () => sql<{ name: string; position: string }>(`select name, position from event_consumer where name like 'many-%' order by name`);
      await until(async () => (await positionsOf()).every((row) => row.position === newest[0].max), 'every consumer’s position stored');
      const positions = await positionsOf();
      expect(positions.map((row) => [row.name, row.position])).toEqual([
        ['many-a', newest[0].max],
        ['many-b', newest[0].max],
        ['many-other', newest[0].max],
      ]);
    } finally {
      await running.stop();
    }
  });

  it('replays to a consumer that was stopped everything after its position, and nothing twice', async () => {
    const before = collector();
    const firstRun = await startBus((bus) => bus.durable(durable('resumable', 'test.resume', before)));
    await write('test.resume', 'r1', 'r2');
    await write('test.resume', 'r3');
    await until(() => before.got.length === 3, 'the first run');
    await firstRun.stop();

    for (let i = 4; i <= 12; i++) await write('test.resume', `r${i}`);
    const after = collector();
    const secondRun = await startBus((bus) => bus.durable(durable('resumable', 'test.resume', after)));
    try {
      await until(() => after.got.length === 9, 'the replay');
      expect(before.names()).toEqual(['r1', 'r2', 'r3']);
      expect(after.names()).toEqual(Array.from({ length: 9 }, (_, i) => `r${i + 4}`));
      await write('test.resume', 'r13');
      await until(() => after.got.length === 10, 'a later event');
      expect(after.names().at(-1)).toBe('r13');
    } finally {
      await secondRun.stop();
    }
  });

  it('gathers a spell of events for a consumer with gatherMs into one batch, and what comes while it runs into the next; a stop drops a gathering run, and the events wait for the next', async () => {
    const calls: number[] = [];
    const handledAt: number[] = [];
    const gathered = collector();
    let hold: ReturnType<typeof deferred> | undefined;
    const gathering = (bus: EventBus) =>
      bus.durable(
        durable('gathering', 'test.gather', gathered, {
          gatherMs: 1_000,
          handle: async (events) => {
            calls.push(events.length);
            handledAt.push(Date.now());
            gathered.push(events);
            await hold?.promise;
          },
        }),
      );
    // long enough for a wake-up to reach the held run
    const reachTheRun = () => new Promise((r) => setTimeout(r, 600));
    // no polls: each would open a gathering window, and five writes could straddle two. Only the
    // start opens one (a second), which is let pass before writing
    const noPolls = { pollMs: 600_000 };
    const startWindowPassed = () => new Promise((r) => setTimeout(r, 1_300));

    const first = await startBus(gathering, noPolls);
    try {
      await startWindowPassed();
      hold = deferred();
      for (const n of ['g1', 'g2', 'g3', 'g4', 'g5']) await write('test.gather', n);
      await until(() => gathered.got.length === 5, 'the gathered events');
      // five transactions, five wake-ups: one run
      expect(calls).toEqual([5]);
      expect(gathered.names()).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
      // g6 comes while that run is still handling: it waits for a gathered run of its own, not a round at once
      await write('test.gather', 'g6');
      await reachTheRun();
    } finally {
      hold?.resolve();
      hold = undefined;
      // at once: g6's run is still gathering
      await first.stop();
    }
    expect(gathered.names()).toHaveLength(5);

    const second = await startBus(gathering, noPolls);
    try {
      await until(() => gathered.got.length === 6, 'the event the stopped bus left');
      expect(gathered.names().at(-1)).toBe('g6');
      expect(calls).toEqual([5, 1]);

      // and the gathered run after a held one does come
      await startWindowPassed();
      hold = deferred();
      await write('test.gather', 'g7');
      await until(() => gathered.got.length === 7, 'g7');
      await write('test.gather', 'g8');
      await reachTheRun();
      const released = Date.now();
      hold.resolve();
      hold = undefined;
      await until(() => gathered.got.length === 8, 'g8, gathered after the run that held it');
      expect(gathered.names().slice(6)).toEqual(['g7', 'g8']);
      expect(calls).toEqual([5, 1, 1, 1]);
      // gathered for its own gatherMs (a few ms of timer slack allowed), not run the moment g7's run ended
      expect(handledAt.at(-1)! - released).toBeGreaterThanOrEqual(990);
    } finally {
      hold?.resolve();
      await second.stop();
    }
  });

  it('commits a consumer’s writes with its position: a failed batch leaves both as they were and is retried', async () => {
    let failures = 0;
    const failedBefore = log.lines.filter((line) => line.includes('"event_consumer_failed"')).length;
    const running = await startBus((bus) =>
      bus.durable({
        name: 'writer',
        types: ['test.write'],
        async handle(events, em) {
          for (const event of events) {
            const { n } = event.payload as { n: string };
            await em.execute('insert into consumed (n) values (?)', [n]);
            if (n === 'w2' && failures++ === 0) throw new Error('fails once, after writing');
          }
        },
      }),
    );
    try {
      await write('test.write', 'w1', 'w2', 'w3');
      await until(async () => (await sql('select n from consumed')).length === 3, 'the retried batch');
      expect((await sql<{ n: string }>('select n from consumed order by n')).map((row) => row.n)).toEqual(['w1', 'w2', 'w3']);
      expect(failures).toBe(2);
      expect(log.lines.filter((line) => line.includes('"event_consumer_failed"')).length - failedBefore).toBe(1);
    } finally {
      await running.stop();
    }
  });

  it('passes over, unread, the events of tenants a live consumer does not name, and moves past them', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const ofTenant = (tenantId: string, n: string) =>
      app.server.orm.em.fork().transactional((em) => recordEvent(em, { type: 'test.tenants', tenantId, aggregateId: null, payload: { n } }));
    const filtered = collector();
    const witness = collector();
    let named: string[] = [a];
    let calls = 0;
    const running = await startBus((bus) =>
      bus
        .live({ name: 'tenants-filtered', types: ['test.tenants'], handle: filtered.push, resync: () => {}, tenants: () => (calls++, named) })
        .live({ name: 'tenants-witness', types: ['test.tenants'], handle: witness.push, resync: () => {} }),
    );
    try {
      await ofTenant(a, 'a1');
      await ofTenant(b, 'b1');
      await ofTenant(a, 'a2');
      await until(() => filtered.got.length === 2 && witness.got.length === 3, 'the events of both tenants');
      // b1 was committed between a1 and a2
      expect(filtered.names()).toEqual(['a1', 'a2']);
      expect(witness.names()).toEqual(['a1', 'b1', 'a2']);

      // no tenant named: a3 is passed over. Once the witness has it, what was heard covers it, so
      // the filtered consumer's next read (woken by b2) moves its position past it
      named = [];
      await ofTenant(a, 'a3');
      await until(() => witness.got.length === 4, 'a3 at the witness');
      const before = calls;
      await ofTenant(b, 'b2');
      await until(() => calls > before && witness.got.length === 5, 'a read after a3 was heard');
      named = [a];
      await ofTenant(a, 'a4');
      await until(() => witness.got.length === 6 && filtered.got.length === 3, 'a4');
      // a3, committed while nobody of tenant a was here, is not delivered late
      expect(filtered.names()).toEqual(['a1', 'a2', 'a4']);
    } finally {
      await running.stop();
    }
  });

  it('after a gap in LISTEN, counts against maxReplay only a live consumer’s own types, and with tenants() each tenant’s own: only a tenant over it resyncs, the rest is replayed', async () => {
    const proxy = await createDatabaseProxy(app.databaseUrl);
    await proxy.up();
    const [busy, quiet] = [randomUUID(), randomUUID()];
    const event = (type: string, tenantId: string | null, n: string) =>
      app.server.orm.em.fork().transactional((em) => recordEvent(em, { type, tenantId, aggregateId: null, payload: { n } }));
    const untenanted = collector();
    const untenantedResyncs: number[] = [];
    const tenanted = collector();
    const tenantedResyncs: Array<[number, readonly string[] | undefined]> = [];
    const running = await startBus(
      (bus) =>
        bus
          .live({ name: 'gap-types', types: ['test.gap.mine'], handle: untenanted.push, resync: (missed) => void untenantedResyncs.push(missed) })
          .live({
            name: 'gap-tenants',
            types: ['test.gap.tenant'],
            handle: tenanted.push,
            resync: (missed, tenants) => void tenantedResyncs.push([missed, tenants]),
            tenants: () => [busy, quiet],
          }),
      { listenUrl: proxy.urlFor(new URL(app.databaseUrl).pathname.slice(1)), maxReplay: 3 },
    );
    try {
      const disconnects = () => log.lines.filter((line) => line.includes('"listener_disconnected"')).length;
      const before = disconnects();
      await proxy.down();
      await until(() => disconnects() > before, 'the cut to be noticed');
      // unheard: 10 events of a type neither consumer reads, 2 of the first's, 5 of the busy tenant and 1 of the quiet one
      for (let i = 1; i <= 10; i++) await event('test.gap.other', null, `x${i}`);
      for (const n of ['m1', 'm2']) await event('test.gap.mine', null, n);
      for (let i = 1; i <= 5; i++) await event('test.gap.tenant', busy, `busy${i}`);
      await event('test.gap.tenant', quiet, 'quiet1');
      await proxy.up();

      await until(() => untenanted.got.length === 2 && tenanted.got.length === 1, 'the replay');
      expect(untenanted.names()).toEqual(['m1', 'm2']);
      expect(untenantedResyncs).toEqual([]);
      expect(tenanted.names()).toEqual(['quiet1']);
      expect(tenantedResyncs).toEqual([[5, [busy]]]);

      // past the gap, the busy tenant's events come again
      await event('test.gap.tenant', busy, 'busy6');
      await event('test.gap.tenant', quiet, 'quiet2');
      await until(() => tenanted.got.length === 3, 'the events after the gap');
      expect(tenanted.names()).toEqual(['quiet1', 'busy6', 'quiet2']);

      // a gap of more than maxReplay per named tenant in all: the split is not counted, both resync
      const cutAgain = disconnects();
      await proxy.down();
      await until(() => disconnects() > cutAgain, 'the second cut to be noticed');
      for (let i = 7; i <= 10; i++) await event('test.gap.tenant', busy, `busy${i}`);
      for (let i = 3; i <= 5; i++) await event('test.gap.tenant', quiet, `quiet${i}`);
      await proxy.up();
      await until(() => tenantedResyncs.length === 2, 'the second resync');
      expect(tenantedResyncs[1]).toEqual([7, [busy, quiet]]);
      await event('test.gap.tenant', quiet, 'quiet6');
      await until(() => tenanted.got.length === 4, 'the event after the second gap');
      expect(tenanted.names()).toEqual(['quiet1', 'busy6', 'quiet2', 'quiet6']);
    } finally {
      await running.stop();
      await proxy.down();
    }
  });

  it('reads together, for a live consumer, the events whose wake-ups were handled in one go (one commit’s, from one read of the LISTEN connection)', async () => {
    // the LISTEN connection's side, in the test's hands: which wake-ups come in one read is up to the network
    const handlers = new Map<string, (payload: string) => void>();
    const listener = {
      on: (channel: string, handler: (payload: string) => void) => (handlers.set(channel, handler), listener),
      onReconnect: () => listener,
      barrier: async () => {},
    };
    const batches: string[][] = [];
    const bus = new EventBus(app.server.orm, log.logger, listener as unknown as NotificationListener, { pollMs: 600_000 });
    bus.live({ name: 'together', types: ['test.together'], handle: (events) => void batches.push(events.map((e) => (e.payload as { n: string }).n)), resync: () => {} });
    await bus.start();
    try {
      // stored without wake-ups (triggers off), then woken as one read hands three wake-ups over: one after another, in one go
      const client = new pg.Client({ connectionString: app.databaseUrl });
      await client.connect();
      await client.query('set session_replication_role = replica');
      const { rows } = await client.query<{ sequence: string }>(
        `insert into event (id, type, payload) select gen_random_uuid(), 'test.together', jsonb_build_object('n', 't' || n) from generate_series(1, 3) n order by n returning sequence`,
      );
      await client.end();
      for (const row of rows) handlers.get('events')!(`${row.sequence} test.together`);
      await until(() => batches.flat().length === 3, 'the three events');
      expect(batches).toEqual([['t1', 't2', 't3']]);
    } finally {
      await bus.stop();
    }
  });

  it('picks up an event whose NOTIFY never came at the next poll, for durable and live consumers', async () => {
    const durableGot = collector();
    const liveGot = collector();
    const running = await startBus((bus) =>
      bus.durable(durable('poller', 'test.silent', durableGot)).live({ name: 'poller-live', types: ['test.silent'], handle: liveGot.push, resync: () => {} }),
    );
    try {
      // with triggers off the event is stored but nobody is woken
      const client = new pg.Client({ connectionString: app.databaseUrl });
      await client.connect();
      await client.query(`set session_replication_role = replica`);
      await client.query(`insert into event (id, type, payload) values (gen_random_uuid(), 'test.silent', '{"n": "unannounced"}')`);
      await client.end();
      const started = Date.now();
      await until(() => durableGot.got.length === 1 && liveGot.got.length === 1, 'the poll');
      // by this bus's poll (every POLL_MS), not one at the default 5 s
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(durableGot.names()).toEqual(['unannounced']);
      expect(liveGot.names()).toEqual(['unannounced']);
    } finally {
      await running.stop();
    }
  });

  it('delivers by polling alone when there is no LISTEN connection', async () => {
    const got = collector();
    const running = await startBus((bus) => bus.live({ name: 'no-listen', types: ['test.nolisten'], handle: got.push, resync: () => {} }), { listen: false });
    try {
      await write('test.nolisten', 'n1');
      await write('test.nolisten', 'n2');
      await until(() => got.got.length === 2, 'the poll');
      expect(got.names()).toEqual(['n1', 'n2']);
    } finally {
      await running.stop();
    }
  });
});

describe('the notification listener', () => {
  it('hands each notice to every handler of its channel, all channels in commit order', async () => {
    const heard: string[] = [];
    const listener = new NotificationListener(app.databaseUrl, log.logger)
      .on('test_one', async (payload) => {
        // a slow handler holds back every later notice, of any channel
        await new Promise((r) => setTimeout(r, 20));
        heard.push(`one:first:${payload}`);
      })
      .on('test_one', (payload) => void heard.push(`one:second:${payload}`))
      .on('test_two', (payload) => void heard.push(`two:${payload}`));
    await listener.start();
    try {
      await sql(`select pg_notify(case when i % 2 = 0 then 'test_two' else 'test_one' end, i::text) from generate_series(1, 4) i`);
      await sql(`select pg_notify('test_two', '5')`);
      await until(() => heard.length === 7, 'every notice');
      expect(heard).toEqual(['one:first:1', 'one:second:1', 'two:2', 'one:first:3', 'one:second:3', 'two:4', 'two:5']);
    } finally {
      await listener.stop();
    }
  });
});
