// Guarded parsing: whatever a client sends, the server drops or closes with a reason and keeps
// serving everyone else. The stock server dies on most of these (see attack.ts).
import { describe, expect, it } from 'vitest';
import net from 'node:net';
import type { SignalServer } from '../../../signal';
import { client, count, server } from './fixtures';
import { connect, roundTrip } from './ws-client';

const drops = (s: SignalServer, reason: string) => count(s.metrics.drops, reason);

/** An honest pair still relays through the server. */
async function stillRelays(s: SignalServer): Promise<void> {
  const [a, b] = await Promise.all([connect(s.url), connect(s.url)]);
  b.send({ type: 'subscribe', topics: ['honest'] });
  await roundTrip(b);
  a.send({ type: 'publish', topic: 'honest', data: 'hi' });
  expect(await b.next((m) => m.type === 'publish')).toMatchObject({ data: 'hi', clients: 1 });
  await Promise.all([a.close(), b.close()]);
}

describe('guarded parsing', () => {
  it('ignores non-JSON and wrongly shaped messages and keeps the connection', async () => {
    const s = await server();
    const c = await client(s.url);
    const bad = [
      'not json',
      '{"type":',
      'null',
      '42',
      '"subscribe"',
      '[]',
      '{}',
      '{"type":"subscribe"}',
      '{"type":"subscribe","topics":"room"}',
      '{"type":"subscribe","topics":[1,2]}',
      '{"type":"subscribe","topics":[""]}',
      '{"type":"publish"}',
      '{"type":"publish","topic":{"a":1}}',
      '{"type":"unknown"}',
      '{"type":"__proto__","topics":["x"]}',
      JSON.stringify({ type: 'subscribe', topics: ['x'.repeat(257)] }),
    ];
    for (const frame of bad) c.send(frame);
    await roundTrip(c);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    expect(await drops(s, 'json')).toBe(2);
    expect(await drops(s, 'shape')).toBe(bad.length - 2);
    expect(s.stats().topics).toBe(0);
    await stillRelays(s);
  });

  it('closes a connection that sends a binary frame with 1003', async () => {
    const s = await server();
    const c = await client(s.url);
    c.ws.send(Buffer.from(JSON.stringify({ type: 'ping' })), { binary: true });
    expect(await c.closed).toEqual({ code: 1003, reason: 'binary frames are not part of the protocol' });
    expect(await drops(s, 'binary')).toBe(1);
    expect((await s.metrics.closedByServer.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'binary' }, value: 1 })]);
    await stillRelays(s);
  });

  it('closes a connection that sends invalid UTF-8 in a text frame with 1007', async () => {
    const s = await server();
    const socket = await rawUpgrade(s.port);
    // A masked text frame holding 0xC3 0x28, an invalid two-byte sequence.
    socket.write(maskedFrame(0x1, Buffer.from([0xc3, 0x28])));
    const reply = await readUntilClose(socket);
    expect(closeCodeOf(reply)).toBe(1007);
    await expect.poll(() => drops(s, 'utf8')).toBe(1);
    await stillRelays(s);
  });

  it('closes a connection that sends more than maxPayloadBytes with 1009', async () => {
    const s = await server({ limits: { maxPayloadBytes: 64 * 1024 } });
    const c = await client(s.url);
    c.send(JSON.stringify({ type: 'publish', topic: 't', data: 'x'.repeat(64 * 1024) }));
    expect((await c.closed).code).toBe(1009);
    await expect.poll(() => drops(s, 'too_large')).toBe(1);
    await stillRelays(s);
  });

  it('accepts a publish just under the cap', async () => {
    const s = await server({ limits: { maxPayloadBytes: 64 * 1024 } });
    const [a, b] = await Promise.all([client(s.url), client(s.url)]);
    b.send({ type: 'subscribe', topics: ['t'] });
    await roundTrip(b);
    const data = 'x'.repeat(60 * 1024);
    a.send({ type: 'publish', topic: 't', data });
    expect((await b.next((m) => m.type === 'publish')).data).toBe(data);
  });

  it('closes with 1008 after maxStrikes invalid messages', async () => {
    const s = await server({ limits: { maxStrikes: 5 } });
    const c = await client(s.url);
    for (let i = 0; i < 10; i++) c.send('garbage');
    expect(await c.closed).toEqual({ code: 1008, reason: 'too many dropped messages' });
    expect((await s.metrics.closedByServer.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'strikes' }, value: 1 })]);
    await stillRelays(s);
  });
});

async function rawUpgrade(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  socket.write(
    'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  await new Promise<void>((resolve) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  return socket;
}

export function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const header = payload.length < 126 ? Buffer.from([0x80 | opcode, 0x80 | payload.length]) : Buffer.from([0x80 | opcode, 0x80 | 126, payload.length >> 8, payload.length & 255]);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

function readUntilClose(socket: net.Socket): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

function closeCodeOf(frames: Buffer): number | undefined {
  // Server frames are unmasked; find the close frame (opcode 8) and read its status code.
  for (let i = 0; i + 1 < frames.length; ) {
    const opcode = frames[i]! & 0x0f;
    const len = frames[i + 1]! & 0x7f;
    if (opcode === 0x8) return frames.readUInt16BE(i + 2);
    i += 2 + len;
  }
  return undefined;
}
