// Parent side of transport-peer.ts: fork a room member and follow what it reports.
import { fork } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { MembershipEntry } from '../../../common/membership';
import { startSignalServer, type SignalServer } from '../../../signal';
import { stopChildPeer } from '../child-peer';
import { newTestRoom, ownerGrants, roomSigner, type TestRoom } from './room-signer';

const script = path.join(import.meta.dirname, 'transport-peer.ts');
/** What listeners hear when the peer process has ended on its own. */
const EXITED = 'exited';

/** Lets a peer process import xterm.js as the app's bundler does (xterm-esm.mjs says why). */
const XTERM_ESM = new URL('./xterm-esm.mjs', import.meta.url).href;

export interface PeerConfig {
  signalUrl: string;
  roomId: string;
  secret: string;
  name: string;
  ownerKey: string;
  salt: string;
  /** The Ed25519 secret key (hex); a fresh one when absent. The owner gets the room's. */
  secretKeyHex?: string;
  admission?: 'knock' | 'viewer' | 'editor';
  entries?: MembershipEntry[];
  hostile?: boolean;
  /** A second signalling server this peer also joins the room through (a bridge between two halves). */
  bridgeSignalUrl?: string;
  clientId?: number;
  claimRole?: string;
}

export interface PeerMember {
  key: string;
  name: string;
  role: string;
  self: boolean;
}

export interface PeerState {
  key: string;
  length: number;
  hash: string;
  peers: number;
  names: string[];
  members: PeerMember[];
  events: string[];
  stats: {
    docUpdates: number;
    docMessages: number;
    awarenessMessages: number;
    chunkedMessages: number;
    undecryptable: number;
    handshakeFailures: number;
    droppedUpdates: number;
    droppedAwareness: number;
    oversized: number;
    refusedEntries: number;
    pendingEntries: number;
    refusedMessages: number;
    heldOverflows: number;
  };
  /** Entries in the peer's membership log. */
  logSize: number;
}

export interface TransportPeer {
  key: string;
  state: PeerState;
  errors: string[];
  send(message: Record<string, unknown>): void;
  next(ev: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  text(): Promise<string>;
  typed(): Promise<void>;
  waitFor(check: (s: PeerState) => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Settings for one member of `room`; the owner (owner: true) signs with the room's owner key. */
export function memberConfig(room: TestRoom, signalUrl: string, secret: string, name: string, extra: Partial<PeerConfig> & { owner?: boolean } = {}): PeerConfig {
  const { owner, ...rest } = extra;
  return { signalUrl, roomId: room.roomId, secret, name, ownerKey: room.ownerKey, salt: room.salt, ...(owner ? { secretKeyHex: room.ownerSecretKeyHex } : {}), ...rest };
}

export async function startTransportPeer(config: PeerConfig): Promise<TransportPeer> {
  const name = config.name;
  const child = fork(script, [JSON.stringify(config)], { execArgv: ['--import', 'tsx', '--import', XTERM_ESM], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const listeners = new Set<(m: { ev: string } & Record<string, unknown>) => void>();
  // A peer process that ends without being asked to (a crash in the WebRTC binding) fails what
  // waits on it at once, saying so, instead of timing out on the last state it reported.
  let died: string | null = null;
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (stopping) return;
    died = `${name} exited (${signal ?? `code ${code}`})`;
    for (const l of [...listeners]) l({ ev: EXITED });
  });
  const next = (ev: string, timeoutMs = 30_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(l);
        reject(new Error(`${name}: no "${ev}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const l = (m: { ev: string } & Record<string, unknown>) => {
        if (m.ev !== ev && !died) return;
        listeners.delete(l);
        clearTimeout(timer);
        if (m.ev === ev) resolve(m);
        else reject(new Error(`${died} before "${ev}"`));
      };
      listeners.add(l);
      if (died) l({ ev: EXITED });
    });
  const peer: TransportPeer = {
    key: '',
    state: {
      key: '',
      length: 0,
      hash: '',
      peers: 0,
      names: [],
      members: [],
      events: [],
      stats: { docUpdates: 0, docMessages: 0, awarenessMessages: 0, chunkedMessages: 0, undecryptable: 0, handshakeFailures: 0, droppedUpdates: 0, droppedAwareness: 0, oversized: 0, refusedEntries: 0, pendingEntries: 0, refusedMessages: 0, heldOverflows: 0 }, logSize: 0,
    },
    errors: [],
    send: (message) => child.send(message),
    next,
    text: () => {
      const answer = next('text');
      child.send({ cmd: 'text' });
      return answer.then((m) => String(m.text));
    },
    typed: () => next('typed', 120_000).then(() => undefined),
    waitFor: (check, what, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const l = () => {
          const met = check(peer.state);
          if (!met && !died) return;
          listeners.delete(l);
          clearTimeout(timer);
          if (met) resolve();
          else reject(new Error(`${died} while waiting for ${what} (its last report: ${JSON.stringify(peer.state)})`));
        };
        const timer = setTimeout(() => {
          listeners.delete(l);
          reject(new Error(`${name}: timed out waiting for ${what} (${JSON.stringify(peer.state)})`));
        }, timeoutMs);
        listeners.add(l);
        l();
      }),
    stop: () => {
      stopping = true;
      return stopChildPeer(child);
    },
  };
  child.on('message', (m: { ev: string } & Record<string, unknown>) => {
    if (m.ev === 'state') peer.state = m as unknown as PeerState;
    if (m.ev === 'error') peer.errors.push(String(m.message));
    for (const l of [...listeners]) l(m);
  });
  const ready = await new Promise<{ key: string }>((resolve, reject) => {
    const l = (m: { ev: string; key?: unknown }) => {
      if (m.ev !== 'ready') return;
      listeners.delete(l);
      resolve({ key: String(m.key) });
    };
    listeners.add(l);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  peer.key = ready.key;
  return peer;
}

/**
 * For a test file of peers: our signalling server on loopback for the whole file, and every peer
 * started through `start` stopped after each test.
 */
export function peerFixture(): {
  signalUrl(): string;
  start(config: PeerConfig): Promise<TransportPeer>;
  /** The peers this test started, still running. */
  peers(): readonly TransportPeer[];
  /** Stops this test's peers now (before a server of the test's own closes). */
  stopAll(): Promise<void>;
} {
  let server: SignalServer | undefined;
  const peers: TransportPeer[] = [];
  beforeAll(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });
  const stopAll = async () => {
    await Promise.all(peers.splice(0).map((p) => p.stop()));
  };
  afterEach(stopAll);
  return {
    signalUrl: () => server!.url,
    peers: () => peers,
    stopAll,
    start: async (config) => {
      const peer = await startTransportPeer(config);
      peers.push(peer);
      return peer;
    },
  };
}

/**
 * A new room with an owner, an editor and a viewer (each with its `extra` settings: hostile, a
 * client id…), connected to each other through the fixture's signalling server.
 */
export async function ownerEditorViewer(
  fixture: Pick<ReturnType<typeof peerFixture>, 'start' | 'signalUrl'>,
  secret: string,
  extra: { editor?: Partial<PeerConfig>; viewer?: Partial<PeerConfig> } = {},
): Promise<{ room: TestRoom; owner: TransportPeer; editor: TransportPeer; viewer: TransportPeer }> {
  const room = await newTestRoom();
  const editorId = await roomSigner();
  const viewerId = await roomSigner();
  const entries = await ownerGrants(room, [
    { key: editorId.publicKey, role: 'editor' },
    { key: viewerId.publicKey, role: 'viewer' },
  ]);
  const { start, signalUrl } = fixture;
  const owner = await start(memberConfig(room, signalUrl(), secret, 'Owner', { owner: true, entries }));
  const editor = await start(memberConfig(room, signalUrl(), secret, 'Editor', { secretKeyHex: editorId.secretKeyHex, entries, ...extra.editor }));
  const viewer = await start(memberConfig(room, signalUrl(), secret, 'Viewer', { secretKeyHex: viewerId.secretKeyHex, entries, ...extra.viewer }));
  for (const p of [owner, editor, viewer]) await p.waitFor((s) => s.peers === 2, 'both other peers', 90_000);
  return { room, owner, editor, viewer };
}
