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
  /** once the socket's buffer is below the mark, the held-back writers go on */
  private readonly drained = () => {
    if (!this.held.size) return;
    if (this.socket.bufferedAmount >= SOCKET_HIGH_WATER_BYTES) return this.whenDrained();
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
    if (!this.held.size) this.whenDrained();
    this.held.add(writer);
    return false;
  }

  /**
   * The TCP socket's `drain`, not a callback per write: a socket over the mark holds more than its
   * stream's own high-water mark (16 kB), so its stream emits `drain` once it has written all out.
   * A callback on every message cost about as much as the rest of the message's bookkeeping.
   * A socket that closes first drains never: graphql-ws then ends its operations, which forgets them.
   * (Bytes still in `ws`'s own queue, without the stream's promise of a drain: look again soon.)
   */
  private whenDrained(): void {
    const raw = (this.socket as unknown as WsInternals)._socket;
    if (raw?.writableNeedDrain) raw.once('drain', this.drained);
    else setTimeout(this.drained, 10).unref();
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
    this.socket.send(`{"id":${id},"type":"next","payload":${payload}}`);
  }
}
