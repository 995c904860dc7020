import { ErrorCode, HostError } from '../../common/errors';
import type { ClientTransport, Dispatcher, EventHub } from '../../common/rpc';

/**
 * Two ends joined in memory, for contract tests without Electron or sockets (VS Code's
 * createProtocolPair). Arguments, results and events are structured-cloned, as they are over IPC.
 */
export function createInMemoryTransport(dispatcher: Dispatcher, hub: EventHub, origin = 'memory'): ClientTransport {
  return {
    async request(channel, arg) {
      const result = await dispatcher.call(channel, structuredClone(arg), { origin });
      return structuredClone(result);
    },
    subscribe(channel, listener) {
      if (!dispatcher.isEvent(channel)) throw new HostError(ErrorCode.UnknownMethod, `Unknown event "${channel}".`);
      return hub.on(channel, (payload) => listener(structuredClone(payload)));
    },
  };
}
