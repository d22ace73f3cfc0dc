import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SOCKET_HIGH_WATER_BYTES, SocketWriter } from '../src/graphql/socket-writer.js';

// The writer sends `next` messages through ws, many at a time in one write of the TCP socket: a
// real ws client must read them whole and in order, at every frame length and with any characters.

let server: http.Server;
let wss: WebSocketServer;
let url: string;

beforeAll(async () => {
  server = http.createServer();
  wss = new WebSocketServer({ server });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => server.close(resolve));
});

/** A connected pair: the server side's writer and the messages its client has received. */
async function connect(options: { perMessageDeflate?: boolean } = {}) {
  const accepted = once(wss, 'connection');
  const client = new WebSocket(url, { perMessageDeflate: options.perMessageDeflate ?? false });
  const received: string[] = [];
  client.on('message', (data) => received.push(String(data)));
  const [socket] = (await accepted) as [WebSocket];
  await once(client, 'open');
  const arrived = async (count: number) => {
    const deadline = Date.now() + 10_000;
    while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return received;
  };
  return { writer: new SocketWriter(socket), socket, client, arrived };
}

/** A JSON payload of exactly `bytes` bytes in UTF-8 (every `ü` is two). */
function payloadOf(bytes: number, char = 'x'): string {
  const overhead = Buffer.byteLength('{"data":""}');
  const unit = Buffer.byteLength(char);
  const body = char.repeat(Math.floor((bytes - overhead) / unit)) + 'x'.repeat((bytes - overhead) % unit);
  const payload = `{"data":"${body}"}`;
  expect(Buffer.byteLength(payload)).toBe(bytes);
  return payload;
}

describe('SocketWriter', () => {
  it('writes next messages a ws client reads as sent, across the 7-, 16- and 64-bit frame lengths, in UTF-8', async () => {
    const { writer, client, arrived } = await connect();
    const prefixBytes = Buffer.byteLength('{"id":"op-1","type":"next","payload":}');
    // whole messages of 125/126 and 65535/65536 bytes sit on the frame-length boundaries
    const sizes = [20, 125 - prefixBytes, 126 - prefixBytes, 127 - prefixBytes, 65_535 - prefixBytes, 65_536 - prefixBytes, 200_000];
    const payloads = [...sizes.map((size) => payloadOf(size)), payloadOf(301, 'ü'), '{"data":{"city":"Zürich — 東京 🚀"}}'];
    for (const payload of payloads) writer.next('"op-1"', payload);
    const received = await arrived(payloads.length);
    expect(received.map((message) => JSON.parse(message))).toEqual(payloads.map((payload) => ({ id: 'op-1', type: 'next', payload: JSON.parse(payload) })));
    client.close();
  });

  it('keeps the order of its frames and those ws sends on the same socket, and writes one payload to many operations and sockets', async () => {
    const a = await connect();
    const b = await connect();
    const shared = '{"data":{"n":1}}';
    a.writer.next('"x"', shared);
    a.socket.send('{"type":"ping"}');
    a.writer.next('"y"', shared);
    b.writer.next('"x"', shared);
    a.writer.next('"x"', '{"data":{"n":2}}');
    expect((await a.arrived(4)).map((m) => JSON.parse(m))).toEqual([
      { id: 'x', type: 'next', payload: { data: { n: 1 } } },
      { type: 'ping' },
      { id: 'y', type: 'next', payload: { data: { n: 1 } } },
      { id: 'x', type: 'next', payload: { data: { n: 2 } } },
    ]);
    expect((await b.arrived(1)).map((m) => JSON.parse(m))).toEqual([{ id: 'x', type: 'next', payload: { data: { n: 1 } } }]);
    a.client.close();
    b.client.close();
  });

  it('writes a batch of messages to the socket in one system call, and each unbatched one in its own', async () => {
    const { writer, socket, client, arrived } = await connect();
    const tcp = (socket as unknown as { _socket: { _writev: (...args: unknown[]) => void; _write: (...args: unknown[]) => void } })._socket;
    const calls: number[] = [];
    const writev = tcp._writev.bind(tcp);
    const write = tcp._write.bind(tcp);
    tcp._writev = (chunks: unknown, ...rest: unknown[]) => {
      calls.push((chunks as unknown[]).length);
      writev(chunks, ...rest);
    };
    tcp._write = (...args: unknown[]) => {
      calls.push(1);
      write(...args);
    };
    writer.batch(() => {
      for (let n = 0; n < 3; n++) writer.next('"b"', `{"data":{"n":${n}}}`);
    });
    expect(calls).toEqual([6]); // head and payload of each message, in one writev
    writer.next('"b"', '{"data":{"n":3}}');
    writer.next('"b"', '{"data":{"n":4}}');
    expect(calls).toEqual([6, 2, 2]);
    expect((await arrived(5)).map((m) => JSON.parse(m).payload.data.n)).toEqual([0, 1, 2, 3, 4]);
    client.close();
  });

  it('holds a writer back while its socket is over the mark, and lets it go on once the socket has drained', async () => {
    const { writer, socket, client, arrived } = await connect();
    client.pause();
    const payload = payloadOf(16_000);
    let flushed = 0;
    const held = { flush: () => void flushed++ };
    // the kernel's buffers fill first, then the stream's, until the socket is over the mark
    let written = 0;
    while (writer.mayWrite(held)) {
      if (written === 4_000) throw new Error('the socket never filled');
      writer.next('"h"', payload);
      written++;
    }
    expect(socket.bufferedAmount).toBeGreaterThanOrEqual(SOCKET_HIGH_WATER_BYTES);
    // a second refusal does not call it twice
    expect(writer.mayWrite(held)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(flushed).toBe(0);

    client.resume();
    const deadline = Date.now() + 10_000;
    while (!flushed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(flushed).toBe(1);
    expect(socket.bufferedAmount).toBeLessThan(SOCKET_HIGH_WATER_BYTES);
    expect(writer.mayWrite(held)).toBe(true);
    expect(await arrived(written)).toHaveLength(written);
    client.close();
  });
});
