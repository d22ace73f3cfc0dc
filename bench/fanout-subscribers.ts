// A subscriber process of the live fan-out benchmark: holds thousands of sockets apart from the
// process that drives the load, so the bench's own event loop is not what limits delivery. Each
// message's arrival is stamped with the monotonic clock (shared by every process of the machine).
// Driven over IPC by fanout.ts.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { fileLimit, now } from './processes.js';

export type SubscriberCommand =
  | { type: 'connect'; kind: 'app' | 'plain'; url: string; keys: string[]; perKey: number; count: number; query: string }
  | { type: 'reset' }
  | { type: 'count' }
  | { type: 'collect'; sent: Record<string, number> }
  | { type: 'close' };

export type SubscriberReply =
  | { type: 'connected'; open: number; failed: number; error?: string; fileLimit: number }
  | { type: 'count'; received: number }
  | { type: 'collected'; latencies: number[]; delivered: number }
  | { type: 'closed' }
  | { type: 'ready' };

const ids: string[] = [];
const times: number[] = [];
const record = (leadId: string | undefined) => {
  if (!leadId) return;
  ids.push(leadId);
  times.push(now());
};

const clients: Client[] = [];
const sockets: WebSocket[] = [];
const send = (reply: SubscriberReply) => process.send!(reply);

/** The app's per-credential socket cap: sockets of the previous round may still be closing there. */
const TOO_MANY = 4429;

async function connectApp(url: string, key: string, query: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectAppOnce(url, key, query);
    } catch (error) {
      if (!String(error).includes(String(TOO_MANY)) || attempt === 10) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function connectAppOnce(url: string, key: string, query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${key}` },
      lazy: false,
      retryAttempts: 0,
      connectionAckWaitTimeout: 10_000,
      onNonLazyError: (error) => {
        clients.splice(clients.indexOf(client), 1);
        reject(error instanceof Error ? error : new Error(`closed ${(error as { code?: number }).code ?? ''}`));
      },
      on: { connected: () => resolve() },
    });
    clients.push(client);
    client.subscribe<{ leadScored: { lead: { id: string } | null } }>(
      { query },
      // a RESYNC event carries no lead: not one of the bench's
      { next: (value) => record(value.data?.leadScored.lead?.id), error: () => {}, complete: () => {} },
    );
  });
}

function connectPlain(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: 10_000 });
    sockets.push(socket);
    socket.on('open', () => resolve());
    socket.on('error', reject);
    // parsed like graphql-ws parses the app's messages
    socket.on('message', (data) => record(JSON.parse(String(data)).payload.data.leadScored.lead.id));
  });
}

async function connect(command: Extract<SubscriberCommand, { type: 'connect' }>): Promise<void> {
  let open = 0;
  let failed = 0;
  let error: string | undefined;
  const start = command.kind === 'app' ? clients.length : sockets.length;
  const BATCH = 100;
  for (let done = 0; done < command.count; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, command.count - done) }, (_, i) => {
      const index = start + done + i;
      return command.kind === 'app' ? connectApp(command.url, command.keys[Math.floor(index / command.perKey)], command.query) : connectPlain(command.url);
    });
    for (const result of await Promise.allSettled(batch)) {
      if (result.status === 'fulfilled') open++;
      else {
        failed++;
        error ??= String(result.reason);
      }
    }
  }
  send({ type: 'connected', open, failed, error, fileLimit: fileLimit().soft });
}

process.on('message', async (command: SubscriberCommand) => {
  if (command.type === 'connect') await connect(command);
  else if (command.type === 'reset') {
    ids.length = 0;
    times.length = 0;
    send({ type: 'count', received: 0 });
  } else if (command.type === 'count') send({ type: 'count', received: ids.length });
  else if (command.type === 'collect') {
    const latencies: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const sentAt = command.sent[ids[i]];
      // a message may beat the create's own response to the client: it counts as 0 ms
      if (sentAt !== undefined) latencies.push(Math.round(Math.max(0, times[i] - sentAt) * 100) / 100);
    }
    send({ type: 'collected', latencies, delivered: latencies.length });
  } else if (command.type === 'close') {
    await Promise.all(clients.map((client) => client.dispose()));
    for (const socket of sockets) socket.close();
    clients.length = 0;
    sockets.length = 0;
    send({ type: 'closed' });
  }
});
send({ type: 'ready' });
