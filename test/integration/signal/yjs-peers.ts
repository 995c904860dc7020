// Parent side of yjs-peer.ts: fork a stock y-webrtc peer and wait for what it reports.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { stopChildPeer } from '../child-peer';

const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'yjs-peer.ts');

type PeerEvent =
  | { ev: 'ready'; peerId: string }
  | { ev: 'error'; message: string } | { ev: 'text'; text: string } | { ev: 'peers'; webrtcPeers: string[] };

export interface YjsPeer {
  peerId: string;
  text: string;
  webrtcPeers: string[];
  errors: string[];
  insert(index: number, insert: string): void;
  waitFor(check: (peer: YjsPeer) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startYjsPeer(signalingUrl: string, room: string, password: string): Promise<YjsPeer> {
  const child: ChildProcess = fork(script, [signalingUrl, room, password], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters = new Set<() => void>();
  const peer: YjsPeer = {
    peerId: '',
    text: '',
    webrtcPeers: [],
    errors: [],
    insert: (index, insert) => child.send({ cmd: 'insert', index, insert }),
    waitFor(check, timeoutMs = 20_000, what = 'condition') {
      return new Promise((resolve, reject) => {
        const test = () => {
          if (!check(peer)) return;
          waiters.delete(test);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(test);
          reject(new Error(`peer ${peer.peerId}: timed out waiting for ${what} (text=${JSON.stringify(peer.text)}, webrtcPeers=${peer.webrtcPeers.length})`));
        }, timeoutMs);
        waiters.add(test);
        test();
      });
    },
    stop: () => stopChildPeer(child),
  };
  child.on('message', (m: PeerEvent) => {
    if (m.ev === 'ready') peer.peerId = m.peerId;
    if (m.ev === 'text') peer.text = m.text;
    if (m.ev === 'peers') peer.webrtcPeers = m.webrtcPeers;
    if (m.ev === 'error') peer.errors.push(m.message);
    for (const w of [...waiters]) w();
  });
  await peer.waitFor((p) => typeof p.peerId === 'string' && p.peerId !== '', 20_000, 'ready');
  return peer;
}
