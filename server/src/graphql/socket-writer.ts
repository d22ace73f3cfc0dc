import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/**
 * Bytes a socket may hold in this process, not yet taken by the kernel, before its subscribers
 * stop writing and keep results in their own (bounded) queues instead: shared results cost a
 * reference there, written messages cost their bytes per socket.
 */
export const SOCKET_HIGH_WATER_BYTES = 64 * 1024;

/** Something that writes to a socket when it may: called again once a full socket has drained. */
export interface Flushable {
  flush(): void;
}

/** The TCP socket under a `ws` connection (not in its typings): corked, it takes many frames in one write. */
interface WsInternals {
  _socket?: Socket;
}

/**
 * Writes graphql-transport-ws messages straight to one socket (one shared by every live operation
 * on it), without graphql-ws's promise per message: at thousands of sockets that bookkeeping, not
 * the write, was most of the cost of an event.
 */
export class SocketWriter {
  private readonly held = new Set<Flushable>();
  /** every write's callback: once the socket's buffer is below the mark, the held-back writers go on */
  private readonly written = () => {
    if (!this.held.size || this.socket.bufferedAmount >= SOCKET_HIGH_WATER_BYTES) return;
    const held = [...this.held];
    this.held.clear();
    for (const writer of held) writer.flush();
  };

  constructor(readonly socket: WebSocket) {}

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Whether `writer` may write now; if not, its `flush()` runs once the socket has drained. */
  mayWrite(writer: Flushable): boolean {
    if (this.socket.bufferedAmount < SOCKET_HIGH_WATER_BYTES) return true;
    this.held.add(writer);
    return false;
  }

  forget(writer: Flushable): void {
    this.held.delete(writer);
  }

  /** Writes made in `write` leave together, in one system call. */
  batch(write: () => void): void {
    const raw = (this.socket as unknown as WsInternals)._socket;
    raw?.cork();
    try {
      write();
    } finally {
      raw?.uncork();
    }
  }

  /** A `next` message of operation `id` (already JSON-encoded) with `payload` (JSON). */
  next(id: string, payload: string): void {
    this.socket.send(`{"id":${id},"type":"next","payload":${payload}}`, this.written);
  }
}
