// Parent side of transport-peer.ts: fork a room member and follow what it reports.
import { fork } from 'node:child_process';
import path from 'node:path';
import { stopChildPeer } from '../child-peer';

const script = path.join(import.meta.dirname, 'transport-peer.ts');

export interface PeerState {
  length: number;
  hash: string;
  peers: number;
  names: string[];
  stats: { docUpdates: number; docMessages: number; awarenessMessages: number; chunkedMessages: number; undecryptable: number };
}

export interface TransportPeer {
  state: PeerState;
  errors: string[];
  send(message: Record<string, unknown>): void;
  text(): Promise<string>;
  typed(): Promise<void>;
  waitFor(check: (s: PeerState) => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startTransportPeer(signalUrl: string, room: string, secret: string, name: string): Promise<TransportPeer> {
  const child = fork(script, [signalUrl, room, secret, name], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const listeners = new Set<(m: { ev: string } & Record<string, unknown>) => void>();
  const peer: TransportPeer = {
    state: { length: 0, hash: '', peers: 0, names: [], stats: { docUpdates: 0, docMessages: 0, awarenessMessages: 0, chunkedMessages: 0, undecryptable: 0 } },
    errors: [],
    send: (message) => child.send(message),
    text: () =>
      new Promise((resolve) => {
        const l = (m: { ev: string; text?: unknown }) => {
          if (m.ev !== 'text') return;
          listeners.delete(l);
          resolve(String(m.text));
        };
        listeners.add(l);
        child.send({ cmd: 'text' });
      }),
    typed: () =>
      new Promise((resolve) => {
        const l = (m: { ev: string }) => {
          if (m.ev !== 'typed') return;
          listeners.delete(l);
          resolve();
        };
        listeners.add(l);
      }),
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
          reject(new Error(`${name}: timed out waiting for ${what} (${JSON.stringify(peer.state)})`));
        }, timeoutMs);
        listeners.add(l);
        l();
      }),
    stop: () => stopChildPeer(child),
  };
  child.on('message', (m: { ev: string } & Record<string, unknown>) => {
    if (m.ev === 'state') peer.state = m as unknown as PeerState;
    if (m.ev === 'error') peer.errors.push(String(m.message));
    for (const l of [...listeners]) l(m);
  });
  await new Promise<void>((resolve, reject) => {
    const l = (m: { ev: string }) => m.ev === 'ready' && (listeners.delete(l), resolve());
    listeners.add(l);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return peer;
}
