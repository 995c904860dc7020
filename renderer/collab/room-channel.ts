import type { MemberRole } from '../../common/membership';
import type { Disposer } from '../../common/rpc';

// App messages between a room's members (issue 8 item 6, issue 9, issue 10): guest run requests
// and their streamed output, the interview timer, shared terminals. They travel only over data
// channels whose peer passed the signed handshake, never through the Y.Doc (so they are not in
// the document, the room's file log or the recording), and each one arrives with the sender's
// key and the role the membership log gives that key — never a role the sender claims.
//
// The provider implements RoomChannel; features take one as a parameter, so their logic is
// tested with `channelPair` below and end to end over real WebRTC.

/** The sender of an app message, as the receiving peer knows it from the handshake and the log. */
export interface ChannelSender {
  /** Public key (64 hex digits), proven by the handshake. */
  key: string;
  /** Short fingerprint of the key, for display. */
  fingerprint: string;
  /** Display name the peer gave in its handshake (not verified; show next to the fingerprint). */
  name: string;
  /** The role the membership log gives the key now; 'knocking' when it has none. */
  role: MemberRole | 'knocking';
}

export type ChannelHandler = (payload: unknown, from: ChannelSender) => void;

export interface RoomChannel {
  /** Our own public key. */
  readonly selfKey: string;
  /**
   * Sends an app message on `topic` to every admitted peer, or to the one member `to` (a key).
   * The payload must be JSON-serialisable; large payloads are framed by the transport.
   */
  send(topic: string, payload: unknown, to?: string): void;
  /**
   * Sends to every admitted peer (or the one member `to`) whose connection has at most
   * `maxBacklogBytes` waiting to go out, and returns the keys of those it skipped (a slow or stalled peer): for a stream whose receiver
   * notices a gap and catches up another way, so a peer that stops reading costs bounded memory.
   */
  sendLossy(topic: string, payload: unknown, maxBacklogBytes: number, to?: string): string[];
  /**
   * Handles app messages on `topic` from authenticated peers. The payload is NOT validated:
   * every handler parses it with a zod schema and checks `from.role` before acting on it.
   */
  on(topic: string, handler: ChannelHandler): Disposer;
  /** Keys of the peers connected and admitted now, with their roles. */
  members(): ChannelSender[];
}

/** How an in-memory room's links behave: which messages get through, and who is listed. */
export interface MemoryLinks {
  /** Whether a message from `from` to `to` gets through now (checked on send and on delivery). */
  delivers(from: string, to: string): boolean;
  /** Whether `key` is listed by members() now. */
  present(key: string): boolean;
  /** Bytes waiting to go from `from` to `to` (sendLossy skips past its cap); none when absent. */
  backlog?(from: string, to: string): number;
}

const ALWAYS: MemoryLinks = { delivers: () => true, present: () => true };

/**
 * Two or more channels joined in memory, for unit tests of features built on RoomChannel (the
 * transport itself is tested over real WebRTC). Delivery is asynchronous, as on a data channel,
 * and payloads go through JSON as they would on the wire.
 */
export function channelPair(...peers: ChannelSender[]): RoomChannel[] {
  return memoryRoom(peers, ALWAYS);
}

/** channelPair with links a test controls (drops, disconnects). */
export function memoryRoom(peers: ChannelSender[], links: MemoryLinks): RoomChannel[] {
  const handlers = peers.map(() => new Map<string, Set<ChannelHandler>>());
  return peers.map((self, index) => {
    const deliver = (topic: string, payload: unknown, to: (peer: ChannelSender) => boolean) => {
      const wire = JSON.stringify(payload);
      peers.forEach((peer, other) => {
        if (other === index || !to(peer) || !links.delivers(self.key, peer.key)) return;
        queueMicrotask(() => {
          if (!links.delivers(self.key, peer.key)) return;
          for (const handler of handlers[other]?.get(topic) ?? []) handler(JSON.parse(wire) as unknown, self);
        });
      });
    };
    return {
      selfKey: self.key,
      send(topic, payload, to) {
        deliver(topic, payload, (peer) => to === undefined || peer.key === to);
      },
      sendLossy(topic, payload, maxBacklogBytes, to) {
        const behind = peers
          .filter((peer, other) => other !== index && (to === undefined || peer.key === to) && (links.backlog?.(self.key, peer.key) ?? 0) > maxBacklogBytes)
          .map((peer) => peer.key);
        deliver(topic, payload, (peer) => (to === undefined || peer.key === to) && !behind.includes(peer.key));
        return behind;
      },
      on(topic, handler) {
        const map = handlers[index] as Map<string, Set<ChannelHandler>>;
        const set = map.get(topic) ?? new Set<ChannelHandler>();
        map.set(topic, set);
        set.add(handler);
        return () => set.delete(handler);
      },
      members: () => (links.present(self.key) ? peers.filter((peer, other) => other !== index && links.present(peer.key)) : []),
    };
  });
}
