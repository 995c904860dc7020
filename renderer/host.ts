import { contract, type Contract } from '../common/contract';
import type { Bridge, BridgeEvent, BridgeMethod } from '../common/bridge';
import { createClient, type ClientOf, type ClientTransport } from '../common/rpc';
import { WebSocketTransport, type ConnectionState } from './ws-transport';

// The renderer's only way to the host: Electron's preload bridge when it is there, the browser
// host's WebSocket otherwise. Everything else in the renderer imports `api` from here.

declare global {
  interface Window {
    codecrafter?: Bridge;
  }
}

function bridgeTransport(bridge: Bridge): ClientTransport {
  const member = (channel: string) => {
    const [service, name] = channel.split('.') as [string, string];
    const fn = bridge[service]?.[name];
    if (!fn) throw new Error(`The preload does not expose ${channel}.`);
    return fn;
  };
  return {
    request: (channel, arg) => (member(channel) as BridgeMethod)(arg),
    subscribe: (channel, listener) => (member(channel) as BridgeEvent)(listener),
  };
}

const webSocket = window.codecrafter ? undefined : new WebSocketTransport();

export const api: ClientOf<Contract> = createClient(contract, window.codecrafter ? bridgeTransport(window.codecrafter) : webSocket!);

/** The link to the host: always open in Electron, the socket's state in a browser. */
export function connectionState(): ConnectionState {
  return webSocket?.state ?? 'open';
}

export function onDidChangeConnection(listener: (state: ConnectionState) => void): () => void {
  return webSocket?.onDidChangeState(listener) ?? (() => {});
}
