import { print, subscribe, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context.js';
import type { Principal } from '../modules/auth/principal.js';
import type { Flushable, SocketWriter } from './socket-writer.js';

/**
 * One execution per event for all subscribers of the same operation: a graphql-ws `subscribe`
 * that runs graphql-js `subscribe()` once per distinct (tenant, document, operation name,
 * variables) and hands every result to each subscriber of that key.
 *
 * Sharing is safe because a result depends only on what the key holds: the tenant (and with it
 * the topic), the variables the filter reads, and the caller's access (kind, role, scope). The
 * access is in the key because the guards run once, when a source is created: a rep must not join
 * a source an admin opened for an admin-only subscription (`rescoringProgress`), and a field that
 * one day shows more to managers must not leak to reps. A socket whose credential is revoked is
 * closed by `LiveSockets`, which ends its subscriptions.
 * Each result is serialised once and written to every subscriber's socket (see socket-writer.ts).
 */

/** Where one operation's results go: its socket, and its id there (JSON-encoded). */
export interface SubscriberTarget {
  writer: SocketWriter;
  id: string;
}

export interface SharedSubscriptionOptions {
  /** Results one subscriber may have waiting to be written; one more and it is dropped (see `onOverflow`). */
  bufferLimit: number;
  /** The socket and operation id of the operation this context was made for. */
  targetOf(context: Context): SubscriberTarget | undefined;
  /** A result as the JSON of a `next` payload, errors formatted; asked once per subscriber, so cache it per result. */
  serialize(result: ExecutionResult): string;
  /** A subscriber fell `bufferLimit` results behind and was detached: close its socket. */
  onOverflow(context: Context): void;
}

/** Counters across every server of this process (tests read them; metrics could too). */
export const sharedSubscriptionStats = {
  /** shared sources open now: back to 0 once every subscriber has left */
  sources: 0,
  /** results executed by shared sources, i.e. one per event per key */
  executions: 0,
  /** subscribers dropped because they fell too far behind */
  overflows: 0,
};

type Result = IteratorResult<ExecutionResult, undefined>;
const DONE: Result = { value: undefined, done: true };

const isAsyncIterable = (value: unknown): value is AsyncGenerator<ExecutionResult, void, void> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/** Objects with their keys sorted, recursively, so `{a, b}` and `{b, a}` share a key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = canonical((value as Record<string, unknown>)[key]);
  return sorted;
}

/** What a caller may see: principals with the same access get the same results. */
export function accessOf(principal: Pick<Principal, 'kind' | 'role' | 'scope'>): string {
  return `${principal.kind}:${principal.role ?? ''}:${principal.scope ?? ''}`;
}

// a document is printed once: sockets that send the same text share one document (see document-cache.ts)
const printedDocuments = new WeakMap<DocumentNode, string>();
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

/** What decides a subscription's results: the tenant, the caller's access, the printed document (layout and comments aside), the operation and its variables. */
export function sharingKey(tenantId: string, access: string, args: ExecutionArgs): string {
  return JSON.stringify([tenantId, access, printed(args.document), args.operationName ?? null, canonical(args.variableValues ?? {})]);
}

/**
 * Subscribers with results to write. They are written once every event at hand has been pushed
 * (the relay publishes a batch of committed events at once): when events arrive faster than the
 * sockets take them, each socket then gets all of its pending messages in one write, so the cost
 * per event falls as the load rises, instead of one system call per message and socket.
 */
const pending = new Set<Subscriber>();
let flushScheduled = false;

function flushSoon(subscriber: Subscriber): void {
  pending.add(subscriber);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushPending);
}

function flushPending(): void {
  flushScheduled = false;
  const subscribers = [...pending];
  pending.clear();
  for (const subscriber of subscribers) subscriber.flush();
}

/**
 * One subscriber of a shared source: a bounded queue of shared results, written straight to its
 * socket as `next` messages. To graphql-ws it is an operation whose iterator yields nothing and
 * ends when the source does (graphql-ws then sends `complete`, or the error) or when graphql-ws
 * calls `return()` (the client completed, or the socket closed).
 */
class Subscriber implements AsyncIterableIterator<ExecutionResult>, Flushable {
  private readonly queue: ExecutionResult[] = [];
  /** graphql-ws has taken the operation (its first `next()`): results may be written from now on */
  private taken = false;
  /** nothing more will be queued: the source ended, or this subscriber left */
  private ended = false;
  private failure?: { error: unknown };
  /** graphql-ws's `next()`, answered when the operation ends */
  private waiting?: { resolve(result: Result): void; reject(error: unknown): void };

  constructor(
    private readonly shared: SharedSource,
    readonly context: Context,
    private readonly target: SubscriberTarget,
  ) {}

  push(result: ExecutionResult): void {
    if (this.ended) return;
    if (this.queue.length >= this.shared.options.bufferLimit) {
      // a socket that stops reading would otherwise hold every later event in memory: drop it
      // (its socket is closed with 1013, so the client reconnects and fetches again)
      this.leave();
      sharedSubscriptionStats.overflows++;
      this.shared.options.onOverflow(this.context);
      return;
    }
    this.queue.push(result);
    if (this.taken) flushSoon(this);
  }

  /** Writes what is queued while the socket takes it; the writer calls again once a full socket has drained. */
  flush(): void {
    const { writer, id } = this.target;
    // what is queued leaves in one system call: the write, not the message, is what a socket costs
    writer.batch(() => {
      while (this.queue.length) {
        // a closing socket: graphql-ws ends the operation when the close completes
        if (!writer.open) this.queue.length = 0;
        else if (!writer.mayWrite(this)) return;
        else writer.next(id, this.shared.options.serialize(this.queue.shift()!));
      }
    });
    if (this.ended && !this.queue.length) this.settle();
  }

  /** The source ended: what is queued is still written, then the operation completes (or fails). */
  finish(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    if (this.taken) this.flush();
  }

  next(): Promise<Result> {
    const answer = new Promise<Result>((resolve, reject) => (this.waiting = { resolve, reject }));
    if (!this.taken) {
      this.taken = true;
      this.flush();
    } else if (this.ended && !this.queue.length) {
      this.settle();
    }
    return answer;
  }

  /** graphql-ws calls this when the client completes the operation or the socket closes. */
  return(): Promise<Result> {
    this.leave();
    return Promise.resolve(DONE);
  }

  throw(error: unknown): Promise<Result> {
    this.leave();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private settle(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    if (!this.failure) return waiting.resolve(DONE);
    const { error } = this.failure;
    this.failure = undefined;
    waiting.reject(error);
  }

  private leave(): void {
    this.ended = true;
    this.failure = undefined;
    this.queue.length = 0;
    this.target.writer.forget(this);
    this.settle();
    this.shared.leave(this);
  }
}

/** graphql-js `subscribe()` run once, its results multicast to the subscribers of one key. */
class SharedSource {
  readonly subscribers = new Set<Subscriber>();
  /** Resolves with null once the source runs, or with the result every subscriber gets when it could not start. */
  readonly started: Promise<ExecutionResult | null>;
  private source?: AsyncGenerator<ExecutionResult, void, void>;
  private closed = false;

  constructor(
    args: ExecutionArgs,
    readonly options: SharedSubscriptionOptions,
    private readonly onEnd: (shared: SharedSource) => void,
  ) {
    this.started = this.start(args);
  }

  leave(subscriber: Subscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
    // the last one left: nobody may attach any more, and the source stops listening
    this.closed = true;
    this.onEnd(this);
    void this.source?.return(undefined);
  }

  private async start(args: ExecutionArgs): Promise<ExecutionResult | null> {
    let result: Awaited<ReturnType<typeof subscribe>>;
    try {
      result = await subscribe(args);
    } catch (error) {
      this.end();
      throw error;
    }
    if (!isAsyncIterable(result)) {
      this.end();
      return result;
    }
    sharedSubscriptionStats.sources++;
    this.source = result;
    if (this.closed) {
      // every subscriber left while it was starting
      await result.return(undefined);
      sharedSubscriptionStats.sources--;
    } else {
      void this.pump(result);
    }
    return null;
  }

  private async pump(source: AsyncGenerator<ExecutionResult, void, void>): Promise<void> {
    let failure: unknown;
    try {
      for (;;) {
        const next = await source.next();
        if (next.done) break;
        sharedSubscriptionStats.executions++;
        // pushes never wait: a slow subscriber only grows its own queue, up to its limit
        for (const subscriber of [...this.subscribers]) subscriber.push(next.value);
      }
    } catch (error) {
      failure = error;
    } finally {
      sharedSubscriptionStats.sources--;
      this.end(failure);
    }
  }

  private end(failure?: unknown): void {
    this.closed = true;
    this.onEnd(this);
    for (const subscriber of this.subscribers) subscriber.finish(failure);
    this.subscribers.clear();
  }

  attach(context: Context, target: SubscriberTarget): Subscriber | null {
    if (this.closed) return null;
    const subscriber = new Subscriber(this, context, target);
    this.subscribers.add(subscriber);
    return subscriber;
  }
}

/** A graphql-ws `subscribe` (ServerOptions.subscribe) that shares one execution per event among the subscribers of a key. */
export function createSharedSubscribe(options: SharedSubscriptionOptions) {
  const sources = new Map<string, SharedSource>();
  const forget = (key: string) => (shared: SharedSource) => {
    if (sources.get(key) === shared) sources.delete(key);
  };

  return async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as Context | undefined;
    const target = context && options.targetOf(context);
    // the auth guard's rule for subscriptions: without a principal it runs alone, and refuses
    if (!context?.principal || !target) return subscribe(args);
    const key = sharingKey(context.principal.tenantId, accessOf(context.principal), args);
    let shared = sources.get(key);
    let subscriber = shared?.attach(context, target);
    if (!shared || !subscriber) {
      // the first subscriber: its own context runs the subscription (and the guard) for all
      shared = new SharedSource(args, options, forget(key));
      sources.set(key, shared);
      subscriber = shared.attach(context, target)!;
    }
    // attached before waiting, so no event published from now on is missed
    const failed = await shared.started;
    if (failed) {
      void subscriber.return();
      return failed;
    }
    return subscriber;
  };
}
