import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Caller } from './graphql.js';
import { isProbeEvent, type ProbeMarker } from './probe.js';

export type WsCaller = Caller & { connectionParams?: Record<string, unknown>; origin?: string };

/** A lazy graphql-ws client (it connects on the first subscribe) that never retries. */
export function wsClientAt(url: string, caller: WsCaller = {}): Client {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.origin) headers.origin = caller.origin;
  class AuthedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: AuthedWebSocket,
    connectionParams: caller.connectionParams ?? (caller.apiKey ? { authorization: `Bearer ${caller.apiKey}` } : undefined),
    retryAttempts: 0,
    lazy: true,
  });
}

export type SubscriptionResult<T> = { data?: T; errors?: unknown[] };

export interface TestSubscription<T> {
  /** every result so far, probe events left out */
  results: Array<SubscriptionResult<T>>;
  /** the error the operation ended with, 'complete', or null while it runs */
  readonly closed: unknown;
  /** Resolves with `results` once it holds `count` results, the operation ended, or `timeoutMs` passed. */
  waitFor(count: number, timeoutMs?: number): Promise<Array<SubscriptionResult<T>>>;
  /**
   * Resolves once the server delivers events to this subscription: touches the probe until the
   * probe's event arrives (see probe.ts). Throws if the subscription ends first or never does.
   */
  live(touchProbe: () => Promise<unknown>, probe: ProbeMarker, timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

/** A close event (code and reason), GraphQL errors, or whatever else ended an operation, as text. */
function describeEnd(end: unknown): string {
  if (end && typeof end === 'object' && 'code' in end) return `closed ${(end as { code: unknown }).code} ${(end as { reason?: unknown }).reason ?? ''}`.trim();
  try {
    return JSON.stringify(end);
  } catch {
    return String(end);
  }
}

/** Starts an operation on `client` and collects its results; events of `probe` (if given) are left out from the start. */
export function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>, probe?: ProbeMarker): TestSubscription<T> {
  const results: Array<SubscriptionResult<T>> = [];
  let closed: unknown = null;
  let marker = probe;
  let probed = false;
  const waiters: Array<() => void> = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  /** resolves on the next result or end, or after `ms` */
  const changed = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (marker && isProbeEvent(value, marker)) probed = true;
        else results.push(value as SubscriptionResult<T>);
        notify();
      },
      error: (error) => {
        closed = error ?? 'error';
        notify();
      },
      complete: () => {
        closed = closed ?? 'complete';
        notify();
      },
    },
  );

  return {
    results,
    get closed() {
      return closed;
    },
    // it returns as soon as `count` arrived or the operation ended: a long default costs only failures
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count && !closed && Date.now() < deadline) await changed(deadline - Date.now());
      return results;
    },
    async live(touchProbe, liveProbe, timeoutMs = 10_000) {
      marker = liveProbe;
      const deadline = Date.now() + timeoutMs;
      while (!probed) {
        if (closed) throw new Error(`the subscription ended before it became live: ${describeEnd(closed)}`);
        if (Date.now() > deadline) throw new Error(`the subscription never became live: no event of ${liveProbe.probeName} within ${timeoutMs} ms`);
        await touchProbe();
        // an event published before the server had set up the subscription is lost: touch again
        const retry = Math.min(deadline, Date.now() + 250);
        while (!probed && !closed && Date.now() < retry) await changed(retry - Date.now());
      }
    },
    unsubscribe,
  };
}

/**
 * Resolves when the server acknowledges the connection (graphql-ws `connected`), which it does
 * only after authenticating the caller and admitting the socket under its caps; rejects with the
 * close event if the socket closes first. Call it right after the first `subscribe` on a lazy
 * client, before the acknowledgement can have arrived. It proves nothing about subscriptions on
 * the socket: use `subscribe(...).live` with a probe for that.
 */
export function connected(client: Client): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      offClosed();
      resolve();
    });
    const offClosed = client.on('closed', (event) => {
      offConnected();
      offClosed();
      reject(event);
    });
  });
}
