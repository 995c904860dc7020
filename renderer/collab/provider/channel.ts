import type { Disposer } from '../../../common/rpc';
import type { ChannelHandler, ChannelSender, RoomChannel } from '../room-channel';
import type { RoomMember, RoomProvider } from './room-provider';

// RoomChannel (../room-channel.ts) on the provider: app messages as their own message type, sent
// only to admitted peers over connections that passed the handshake, and delivered only from
// admitted peers, each with the key the handshake proved and the role the log gives it now.

function sender(member: RoomMember): ChannelSender {
  return { key: member.key, fingerprint: member.fingerprint, name: member.name, role: member.role };
}

export function providerChannel(provider: RoomProvider): RoomChannel {
  const handlers = new Map<string, Set<ChannelHandler>>();
  provider.onApp$((topic, payload, from) => {
    for (const handler of [...(handlers.get(topic) ?? [])]) {
      try {
        handler(payload, sender(from));
      } catch (error) {
        console.error(`room channel: the handler for "${topic}" failed on a message from ${from.name} (${from.fingerprint})`, error);
      }
    }
  });
  return {
    get selfKey() {
      return provider.selfKey;
    },
    send(topic, payload, to) {
      provider.sendApp(topic, payload, to);
    },
    sendLossy: (topic, payload, maxBacklogBytes, to) => provider.sendAppLossy(topic, payload, maxBacklogBytes, to),
    on(topic, handler): Disposer {
      const set = handlers.get(topic) ?? new Set<ChannelHandler>();
      handlers.set(topic, set);
      set.add(handler);
      return () => set.delete(handler);
    },
    members: () => provider.peers().filter((m) => m.role !== 'knocking').map(sender),
  };
}
