import { ipcRenderer } from 'electron';
import { PTY_PORT_CHANNEL, PTY_PORT_REQUEST_CHANNEL, type PtyPortBridge } from '../common/pty-port';
import type { Disposer } from '../common/rpc';

// The window's MessagePort to the pty host (Electron's utility process, issue 10 item 1). The port
// stays here in the preload; the page gets named methods only, each checking its arguments, and
// frames from the port are checked before they reach the page. The port starts delivering once
// the page listens (the pty host sends a window nothing until then, so an unread port never
// queues a flood).

type DataEvent = { id: string; data: string };
type ExitEvent = { id: string; exitCode: number; signal?: number };

const TERMINAL_ID = /^t[0-9]{1,9}$/;
let port: MessagePort | undefined;
let listening = false;
const dataListeners = new Set<(event: DataEvent) => void>();
const exitListeners = new Set<(event: ExitEvent) => void>();
const replayListeners = new Set<(event: DataEvent) => void>();
const connectListeners = new Set<() => void>();

function listen(): void {
  if (!port || listening || (dataListeners.size === 0 && exitListeners.size === 0)) return;
  listening = true;
  port.postMessage({ type: 'listen' });
}

function onFrame(frame: unknown): void {
  if (!frame || typeof frame !== 'object') return;
  const f = frame as Record<string, unknown>;
  if (typeof f.id !== 'string' || !TERMINAL_ID.test(f.id)) return;
  if (f.type === 'data' && typeof f.data === 'string') for (const l of dataListeners) l({ id: f.id, data: f.data });
  if (f.type === 'replay' && typeof f.data === 'string') for (const l of replayListeners) l({ id: f.id, data: f.data });
  if (f.type === 'exit' && typeof f.exitCode === 'number') {
    const event: ExitEvent = typeof f.signal === 'number' ? { id: f.id, exitCode: f.exitCode, signal: f.signal } : { id: f.id, exitCode: f.exitCode };
    for (const l of exitListeners) l(event);
  }
}

ipcRenderer.on(PTY_PORT_CHANNEL, (event) => {
  const received = event.ports[0];
  if (!received) return;
  // A new port after a restart of the pty host replaces the old one.
  port?.close();
  port = received;
  listening = false;
  port.onmessage = (message) => onFrame(message.data);
  port.start();
  listen();
  for (const l of connectListeners) l();
});
// This page's port: on a reload the one the window had is gone with the old page.
ipcRenderer.send(PTY_PORT_REQUEST_CHANNEL);

function subscribe<T>(set: Set<(event: T) => void>, listener: (event: T) => void): Disposer {
  if (typeof listener !== 'function') throw new TypeError('a listener function is needed');
  set.add(listener);
  listen();
  return () => void set.delete(listener);
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || !TERMINAL_ID.test(id)) throw new TypeError('unknown terminal id');
  return id;
}

function checkInt(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new TypeError(`expected a whole number in ${min}..${max}`);
  return value;
}

function post(frame: object): void {
  if (!port) throw new Error('The terminal process is not connected to this window yet.');
  port.postMessage(frame);
}

export const ptyPortBridge: PtyPortBridge = {
  ready: () => port !== undefined,
  onDidConnect(listener) {
    if (typeof listener !== 'function') throw new TypeError('a listener function is needed');
    connectListeners.add(listener);
    return () => void connectListeners.delete(listener);
  },
  onDidData: (listener) => subscribe(dataListeners, listener),
  onDidExit: (listener) => subscribe(exitListeners, listener),
  onDidReplay: (listener) => subscribe(replayListeners, listener),
  write(id, data) {
    if (typeof data !== 'string' || data.length > 1024 * 1024) throw new TypeError('terminal input is a string of at most 1 MiB');
    post({ type: 'write', id: checkId(id), data });
  },
  ack: (id, chars) => post({ type: 'ack', id: checkId(id), chars: checkInt(chars, 1, 1e9) }),
  replay: (id) => post({ type: 'replay', id: checkId(id) }),
};
