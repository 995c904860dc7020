import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipEntry } from '../../../common/membership';
import { startSignalServer, type SignalServer } from '../../../signal';
import { stopChildPeer } from '../child-peer';
import { newTestRoom, roomSigner, type TestRoom } from '../collab/room-signer';
import type { ChatPeerConfig } from './chat-peer';

// Issue 8, "Rooms you can trust": the room chat between Node processes over real WebRTC
// (@roamhq/wrtc), each running the app's provider and RoomChat, our signalling server on loopback.
// A viewer chats; a hostile editor forges another member's name, sends someone else's message as
// its own, edits one, and answers a late joiner's history request with edited and made-up lines.
// Run in a loopback-only network namespace (npm test does).

interface Line {
  name: string;
  author: string;
  text: string;
}
interface ChatState {
  key: string;
  peers: number;
  lines: Line[];
  refused: Record<string, number>;
  heard: number;
}

interface ChatPeer {
  key: string;
  state: ChatState;
  send(message: Record<string, unknown>): void;
  waitFor(check: (s: ChatState) => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** What went wrong inside the peer process (an error event): an honest peer must end with none. */
  errors: string[];
}

const script = path.join(import.meta.dirname, 'chat-peer.ts');
const SECRET = 'chat-hostile-secret-0123456789ab';
const DAY = 24 * 60 * 60_000;
let server: SignalServer;
let children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startSignalServer({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  await Promise.all(children.map((c) => stopChildPeer(c)));
  children = [];
});

async function start(config: ChatPeerConfig): Promise<ChatPeer> {
  const child = fork(script, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const listeners = new Set<() => void>();
  const peer: ChatPeer = {
    key: '',
    state: { key: '', peers: 0, lines: [], refused: {}, heard: 0 },
    send: (message) => child.send(message),
    waitFor: (check, what, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const l = () => {
          if (!check(peer.state)) return;
          listeners.delete(l);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(l);
          reject(new Error(`${config.name}: timed out waiting for ${what} (${JSON.stringify(peer.state)})`));
        }, timeoutMs);
        listeners.add(l);
        l();
      }),
    stop: () => stopChildPeer(child),
    errors: [],
  };
  const errors = peer.errors;
  child.on('message', (m: { ev: string; key?: string; message?: string }) => {
    if (m.ev === 'state') peer.state = m as unknown as ChatState;
    if (m.ev === 'error') errors.push(String(m.message));
    for (const l of [...listeners]) l();
  });
  peer.key = await new Promise<string>((resolve, reject) => {
    child.on('message', (m: { ev: string; key?: string }) => {
      if (m.ev === 'ready') resolve(String(m.key));
    });
    child.once('exit', (code) => reject(new Error(`${config.name} exited with ${code}: ${errors.join('; ')}`)));
  });
  return peer;
}

async function member(room: TestRoom, name: string, entries: MembershipEntry[], secretKeyHex: string, hostile = false): Promise<ChatPeer> {
  return start({ signalUrl: server.url, roomId: room.roomId, secret: SECRET, name, ownerKey: room.ownerKey, salt: room.salt, secretKeyHex, entries, hostile });
}

const texts = (s: ChatState) => s.lines.map((l) => `${l.name}: ${l.text}`);

describe('room chat with a hostile member, over real WebRTC', { timeout: 240_000 }, () => {
  it("a viewer chats; forged names, other people's messages and edited history are refused, and a late joiner gets the real history", async () => {
    const room = await newTestRoom();
    const [vic, mallory, carol] = await Promise.all([roomSigner(), roomSigner(), roomSigner()]);
    const owner = await roomSigner(room.ownerSecretKeyHex);
    const now = Date.now();
    const grant = (subject: string, role: 'editor' | 'viewer') => owner.signEntry({ type: 'grant', roomId: room.roomId, subject, role, issuedAt: now, expiresAt: now + DAY });
    const entries = await Promise.all([grant(vic.publicKey, 'viewer'), grant(mallory.publicKey, 'editor'), grant(carol.publicKey, 'viewer')]);

    const alice = await member(room, 'Alice', entries, room.ownerSecretKeyHex);
    const viewer = await member(room, 'Vic', entries, vic.secretKeyHex);
    const hostile = await member(room, 'Mallory', entries, mallory.secretKeyHex, true);
    for (const p of [alice, viewer, hostile]) await p.waitFor((s) => s.peers === 2, 'both other peers', 90_000);

    // The viewer's message reaches the owner, under the name and key of the viewer's connection.
    viewer.send({ cmd: 'say', text: 'hello from a viewer' });
    await alice.waitFor((s) => s.lines.length === 1, "the viewer's message");
    expect(alice.state.lines).toEqual([{ name: 'Vic', author: vic.publicKey, text: 'hello from a viewer' }]);
    alice.send({ cmd: 'say', text: 'the real text' });
    await viewer.waitFor((s) => s.lines.length === 2, "the owner's message");
    await hostile.waitFor((s) => s.heard === 2, 'both messages at the hostile member');

    // Mallory signs a line under Alice's name, sends Vic's signed message as if it were hers, and
    // sends it again with the text changed. Everyone refuses all three: live, a message counts only
    // from its author's own connection, under the name that connection gave.
    hostile.send({ cmd: 'forge-name', name: 'Alice', text: 'I am Alice' });
    hostile.send({ cmd: 'forge-relay' });
    hostile.send({ cmd: 'forge-edit', text: 'hello from a viewer, edited' });
    for (const p of [alice, viewer]) {
      await p.waitFor((s) => s.refused['name-mismatch'] === 1 && s.refused['not-the-author'] === 2, 'the forged messages refused');
      expect(texts(p.state)).toEqual(['Vic: hello from a viewer', 'Alice: the real text']);
    }

    // Vic leaves; Carol joins late and asks everyone for history. Mallory answers with edited lines
    // and one "by Vic" she signed herself; Alice answers truthfully. Vic's line reaches Carol relayed
    // (by Alice, and untouched by Mallory), still under Vic's key: its signature is Vic's.
    await viewer.stop();
    const late = await member(room, 'Carol', entries, carol.secretKeyHex);
    await late.waitFor((s) => s.peers === 2, 'the owner and the hostile member', 90_000);
    await late.waitFor((s) => s.lines.length === 2 && (s.refused['bad-signature'] ?? 0) >= 3, 'the history, and the edited lines refused');
    expect(late.state.lines).toEqual([
      { name: 'Vic', author: vic.publicKey, text: 'hello from a viewer' },
      { name: 'Alice', author: room.ownerKey, text: 'the real text' },
    ]);
    // Carol's own message, as a viewer, reaches the others.
    late.send({ cmd: 'say', text: 'Carol here' });
    await alice.waitFor((s) => s.lines.some((l) => l.text === 'Carol here' && l.author === carol.publicKey && l.name === 'Carol'), "Carol's message");
    expect(texts(alice.state)).toEqual(['Vic: hello from a viewer', 'Alice: the real text', 'Carol: Carol here']);
    for (const p of [alice, viewer, late]) expect(p.errors, 'errors inside an honest peer').toEqual([]);
  });
});
