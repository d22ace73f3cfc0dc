import { ApolloClient, HttpLink, InMemoryCache, from, split } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { readonly, shallowRef, type Ref } from 'vue';
import { initialConnectionState, nextConnectionState, type ConnectionEvent, type ConnectionState } from './lib/connection';
import { idempotentRetryLink } from './lib/idempotency';

export interface LeadsPageLike {
  edges: Array<{ node: { __ref?: string } }>;
}

/** Cache rules: `leads` pages are stored per filter and order and appended as the rep scrolls. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          leads: {
            keyArgs: ['filter', 'orderBy'],
            merge(existing: LeadsPageLike | undefined, incoming: LeadsPageLike, { args }) {
              // a first page (initial load, refetch after reconnect) replaces; a later page appends
              if (!existing || !args?.after) return incoming;
              const seen = new Set(existing.edges.map((e) => e.node.__ref));
              return { ...incoming, edges: [...existing.edges, ...incoming.edges.filter((e) => !seen.has(e.node.__ref))] };
            },
          },
        },
      },
    },
  });
}

export interface LiveConnection {
  state: Readonly<Ref<ConnectionState>>;
  /** Called when live events may have been missed (the socket came back, or `resync()`): live pages fetch again (useRefetchOnReconnect). */
  onReconnected(listener: () => void): () => void;
  /** The server says it may have missed events (a RESYNC event): fetch again, as after a reconnect. */
  resync(): void;
  /** Forget the last session's connection (after sign-out). */
  reset(): void;
}

export interface AppApollo {
  client: ApolloClient<unknown>;
  wsClient: Client;
  connection: LiveConnection;
}

export interface ApolloOptions {
  httpUri?: string;
  wsUrl?: string;
  /** The session ended or was refused (expired cookie, 4403 on the socket). */
  onUnauthenticated?: () => void;
}

function defaultWsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export function createApollo(options: ApolloOptions = {}): AppApollo {
  const state = shallowRef(initialConnectionState(navigator.onLine));
  const dispatch = (event: ConnectionEvent) => (state.value = nextConnectionState(state.value, event));
  const reconnectListeners = new Set<() => void>();
  let wakeRetry: (() => void) | undefined;

  const wsClient = createClient({
    url: options.wsUrl ?? defaultWsUrl(),
    // the socket opens with the first subscription and closes with the last (sign-out)
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    keepAlive: 15_000,
    shouldRetry: (event) => {
      const code = (event as { code?: number } | null)?.code;
      if (code === 4401 || code === 4403) {
        options.onUnauthenticated?.();
        return false;
      }
      return true;
    },
    // back off up to 10 s, but try at once when the browser says it is online again
    retryWait: (retries) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(10_000, 300 * 2 ** retries) + Math.random() * 300);
        function done() {
          clearTimeout(timer);
          wakeRetry = undefined;
          resolve();
        }
        wakeRetry = done;
      }),
    on: {
      connecting: () => dispatch('connecting'),
      connected: () => {
        const wasLive = state.value.everConnected;
        dispatch('connected');
        if (wasLive) reconnectListeners.forEach((listener) => listener());
      },
      closed: () => dispatch('closed'),
    },
  });

  window.addEventListener('offline', () => {
    dispatch('offline');
    // a dead network rarely closes the socket by itself; drop it so the retry loop takes over
    wsClient.terminate();
  });
  window.addEventListener('online', () => {
    dispatch('online');
    wakeRetry?.();
  });

  const httpLink = new HttpLink({ uri: options.httpUri ?? '/graphql', credentials: 'same-origin' });
  const authLink = onError(({ graphQLErrors }) => {
    if (graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) options.onUnauthenticated?.();
  });
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(wsClient),
    // a keyed mutation is retried inside one mutate() call, so its optimistic row stays while it retries
    from([authLink, idempotentRetryLink(), httpLink]),
  );

  const client = new ApolloClient({ link, cache: createCache() });

  const connection: LiveConnection = {
    state: readonly(state),
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    resync() {
      reconnectListeners.forEach((listener) => listener());
    },
    reset() {
      state.value = initialConnectionState(navigator.onLine);
    },
  };
  return { client, wsClient, connection };
}
