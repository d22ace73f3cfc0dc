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

/** What `ws` keeps of a connection that the frame writer needs (not in its typings). */
interface WsInternals {
  _socket?: Socket;
  _sender?: { _state?: number; _queue?: unknown[] };
  _extensions?: Record<string, unknown>;
}

/**
 * The end of every `next` message of one payload, `<payload>}` as UTF-8: one event's payload goes to
 * every socket in a row, so a single entry is encoded once per event instead of once per socket.
 */
let lastPayload: string | undefined;
let lastTail: Buffer = Buffer.alloc(0);
function tailOf(payload: string): Buffer {
  if (payload !== lastPayload) {
    lastTail = Buffer.from(`${payload}}`);
    lastPayload = payload;
  }
  return lastTail;
}

/** A WebSocket text frame's header (server frames are not masked, RFC 6455 §5.2) followed by `prefix`. */
function frameHead(prefix: Buffer, payloadLength: number): Buffer {
  const headerLength = payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10;
  const head = Buffer.allocUnsafe(headerLength + prefix.length);
  head[0] = 0x81; // FIN, text
  if (payloadLength < 126) {
    head[1] = payloadLength;
  } else if (payloadLength < 65_536) {
    head[1] = 126;
    head.writeUInt16BE(payloadLength, 2);
  } else {
    head[1] = 127;
    head.writeUInt32BE(Math.floor(payloadLength / 2 ** 32), 2);
    head.writeUInt32BE(payloadLength >>> 0, 6);
  }
  prefix.copy(head, headerLength);
  return head;
}

/**
 * Writes graphql-transport-ws messages straight to one socket (one shared by every live operation
 * on it), without graphql-ws's promise per message: at thousands of sockets that bookkeeping, not
 * the write, was most of the cost of an event. A `next` message is framed here and written as two
 * buffers, its head (frame header and `{"id":…,"payload":`) and the payload shared by every socket,
 * so a payload is encoded once per event rather than copied and encoded once per socket.
 */
export class SocketWriter {
  private readonly held = new Set<Flushable>();
  /** `{"id":<id>,"type":"next","payload":` per operation id of this socket */
  private readonly prefixes = new Map<string, Buffer>();
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
    // a socket's operations come and go: keep no prefix of one that ended
    if (!this.held.size && this.prefixes.size > 64) this.prefixes.clear();
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
    const raw = this.rawSocket();
    if (!raw) return void this.socket.send(`{"id":${id},"type":"next","payload":${payload}}`, this.written);
    let prefix = this.prefixes.get(id);
    if (!prefix) this.prefixes.set(id, (prefix = Buffer.from(`{"id":${id},"type":"next","payload":`)));
    const tail = tailOf(payload);
    raw.cork();
    raw.write(frameHead(prefix, prefix.length + tail.length));
    raw.write(tail, this.written);
    raw.uncork();
  }

  /**
   * The TCP socket, when a frame may go to it directly: ws has nothing of its own waiting to be
   * written (a frame it holds back would otherwise be overtaken) and compresses nothing. Otherwise
   * messages go through ws.
   */
  private rawSocket(): Socket | undefined {
    const { _socket, _sender, _extensions } = this.socket as unknown as WsInternals;
    if (!_socket || !_sender || _sender._state !== 0 || _sender._queue?.length) return undefined;
    if (_extensions && Object.keys(_extensions).length) return undefined;
    return _socket;
  }
}
