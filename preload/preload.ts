import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, type Bridge } from '../common/bridge';
import { contract } from '../common/contract';
import { KeyedEmitter } from '../common/event';
import type { CallResult } from '../common/rpc';
import { ptyPortBridge } from './pty-port';

// Exposes the contract as window.codecrafter: named methods only, on our channel prefix only
// (VS Code's sandbox preload throws on any other channel; the electron-toolkit style of exposing
// ipcRenderer or a generic send is what this avoids).

const listeners = new KeyedEmitter<unknown>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, channel: unknown, payload: unknown) => {
  if (typeof channel !== 'string') return;
  listeners.fire(channel, payload);
});

const bridge: Bridge = {};
for (const [service, spec] of Object.entries(contract)) {
  const members: Bridge[string] = {};
  for (const [member, entry] of Object.entries(spec)) {
    const channel = `${service}.${member}`;
    if (entry.kind === 'method') {
      members[member] = (arg?: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + channel, arg) as Promise<CallResult>;
    } else {
      members[member] = (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') throw new TypeError(`${channel} needs a listener function`);
        return listeners.on(channel, listener);
      };
    }
  }
  bridge[service] = members;
}

contextBridge.exposeInMainWorld('codecrafter', bridge);
contextBridge.exposeInMainWorld('codecrafterPty', ptyPortBridge);
