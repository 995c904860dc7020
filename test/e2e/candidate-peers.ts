// Parent side of candidate-peer.ts: fork a (modified) candidate client that joins a room from
// its invite, drive it, and follow what it reports.
import { fork } from 'node:child_process';
import path from 'node:path';
import { stopChildPeer } from '../integration/child-peer';

const script = path.join(import.meta.dirname, 'candidate-peer.ts');

export interface CandidateState {
  key: string;
  /** Its own role as the room's membership log gives it. */
  role: string;
  peers: number;
  files: string[];
  /** Document messages it sent. */
  sent: number;
}

export interface CandidatePeer {
  readonly state: CandidateState;
  errors: string[];
  edit(path: string, insert: string, at?: number): void;
  create(path: string, content: string): void;
  text(path: string): Promise<string | null>;
  waitFor(check: (s: CandidateState) => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startCandidate(invite: string, name: string): Promise<CandidatePeer> {
  const child = fork(script, [invite, name], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const listeners = new Set<(m: { ev: string } & Record<string, unknown>) => void>();
  let state: CandidateState = { key: '', role: 'knocking', peers: 0, files: [], sent: 0 };
  const errors: string[] = [];
  child.on('message', (m: { ev: string } & Record<string, unknown>) => {
    if (m.ev === 'state') state = m as unknown as CandidateState;
    if (m.ev === 'error') errors.push(String(m.message));
    for (const l of [...listeners]) l(m);
  });
  await new Promise<void>((resolve, reject) => {
    const l = (m: { ev: string }) => {
      if (m.ev !== 'ready') return;
      listeners.delete(l);
      resolve();
    };
    listeners.add(l);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${errors.join('; ')}`)));
  });
  return {
    get state() {
      return state;
    },
    errors,
    edit: (p, insert, at = 0) => child.send({ cmd: 'edit', path: p, insert, at }),
    create: (p, content) => child.send({ cmd: 'create', path: p, content }),
    text: (p) =>
      new Promise((resolve) => {
        const l = (m: { ev: string; path?: unknown; text?: unknown }) => {
          if (m.ev !== 'text' || m.path !== p) return;
          listeners.delete(l);
          resolve(typeof m.text === 'string' ? m.text : null);
        };
        listeners.add(l);
        child.send({ cmd: 'text', path: p });
      }),
    waitFor: (check, what, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const l = () => {
          if (!check(state)) return;
          listeners.delete(l);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(l);
          reject(new Error(`${name}: timed out waiting for ${what} (${JSON.stringify(state)})`));
        }, timeoutMs);
        listeners.add(l);
        l();
      }),
    stop: () => stopChildPeer(child),
  };
}
