import { ipcMain, type WebContents } from 'electron';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL } from '../../common/bridge';
import { PTY_PORT_REQUEST_CHANNEL } from '../../common/pty-port';
import { contract } from '../../common/contract';
import { ErrorCode } from '../../common/errors';
import { listChannels, type Disposer } from '../../common/rpc';
import type { HostServices } from '../host/services';
import { getLogger } from '../log/log-service';
import { isTrustedSenderFrame } from './security';
import { refusedSenderRecord } from './startup-failure';
import { forwardsToWindows } from './window-events';

const log = getLogger('ipc');

/**
 * The one wrapper over ipcMain.handle (VS Code's validatedIpcMain): each request must come on our
 * channel prefix, from the main frame of one of our windows, showing our own origin. Anything else
 * is refused before a handler runs; then the dispatcher validates the argument with zod.
 */
export function serveContractOverIpc(services: HostServices, windows: () => WebContents[]): Disposer {
  const { methods } = listChannels(contract);
  for (const channel of methods) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + channel, async (event, arg: unknown) => {
      if (!isTrustedSenderFrame(event.senderFrame, event.sender.mainFrame)) {
        log.warn(refusedSenderRecord(channel, event.senderFrame?.url), 'IPC request refused: unexpected sender');
        return { ok: false, error: { code: ErrorCode.PermissionDenied, message: 'Request from an unexpected sender.' } };
      }
      return services.dispatcher.call(channel, arg, { origin: `electron:${event.sender.id}` });
    });
  }
  // Events go to every window (but terminal output, which each window's port carries: window-events.ts);
  // the preload hands each to the listeners of its channel.
  const offEvents = services.hub.onAny((channel, payload) => {
    if (!forwardsToWindows(channel)) return;
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, channel, payload);
    }
  });
  return () => {
    offEvents();
    for (const channel of methods) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + channel);
  };
}

/**
 * A window's page asks for its port to the pty host on each load (common/pty-port.ts): a reloaded
 * page lost the one its window had. Asked by the same senders the contract accepts; `attach`
 * hands the window a new port when a pty host runs (one that starts later sends it by itself).
 */
export function servePtyPortRequests(attach: (contents: WebContents) => void): Disposer {
  const onRequest = (event: Electron.IpcMainEvent) => {
    if (!isTrustedSenderFrame(event.senderFrame, event.sender.mainFrame)) {
      log.warn(refusedSenderRecord(PTY_PORT_REQUEST_CHANNEL, event.senderFrame?.url), 'terminal port request refused: unexpected sender');
      return;
    }
    attach(event.sender);
  };
  ipcMain.on(PTY_PORT_REQUEST_CHANNEL, onRequest);
  return () => void ipcMain.off(PTY_PORT_REQUEST_CHANNEL, onRequest);
}
